/**
 * 予診票 (F10a-03 窓口発行) payload: one vaccine and 回 of the person's schedule, with the person's data filled in
 * (氏名, カナ, 生年月日 and the age on the issue date, 性別, 住所, 宛名番号) and the periods the engine gives for
 * that dose (定期接種の期間, 標準的な期間, 最短日) in 和暦 (pure: person and schedule row in, payload out).
 */
import { parseIsoDate } from '../../platform/calendar/date.ts';
import { formatWareki } from '../../platform/calendar/wareki.ts';
import type { DoseSchedule } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

export type FormPayload = {
  atenaNo: string;
  name: string;
  nameKana: string;
  /** 生年月日 in 和暦 */
  birthDate: string;
  /** 「1歳2か月」 on the issue date */
  age: string;
  sex: string;
  address: string;
  vaccineCode: string;
  vaccine: string;
  dose: string;
  legalPeriod: string;
  standardPeriod: string;
  earliest: string;
};

/** The schedule statuses a 予診票 is issued for: the dose can be given now (the screen offers the same). */
export const formStatuses: readonly string[] = ['due', 'overdue'];

const sexes: Record<string, string> = { '1': '男', '2': '女' };

/** 満年齢と月数 on `on` (「1歳2か月」). */
export function ageInMonths(birth: string, on: string): string {
  const b = parseIsoDate(birth);
  const o = parseIsoDate(on);
  const months = (o.y - b.y) * 12 + (o.m - b.m) - (o.d < b.d ? 1 : 0);
  return `${Math.floor(months / 12)}歳${months % 12}か月`;
}

const period = (from: string | null, to: string | null) =>
  from || to ? `${from ? formatWareki(from) : ''}〜${to ? formatWareki(to) : ''}` : '';

export function formPayload(
  person: {
    atenaNo: string;
    name: string;
    nameKana: string;
    birthDate: string;
    sex: string;
    address: string;
  },
  row: DoseSchedule,
  on: string,
): FormPayload {
  return {
    atenaNo: person.atenaNo,
    name: person.name,
    nameKana: person.nameKana,
    birthDate: formatWareki(person.birthDate),
    age: ageInMonths(person.birthDate, on),
    sex: sexes[person.sex] ?? '',
    address: person.address,
    vaccineCode: row.vaccine,
    vaccine: vaccineMaster.vaccines.find((v) => v.code === row.vaccine)?.name ?? row.vaccine,
    dose: row.dose,
    legalPeriod: period(row.legalFrom, row.legalTo),
    standardPeriod: period(row.standardFrom, row.standardTo),
    earliest: row.earliest ? formatWareki(row.earliest) : '',
  };
}
