/**
 * One 乳幼児健診の結果 checked and turned into what is written (F07-04/F07-05), the same for the entry screen
 * (results.ts `save`) and the punch import (results-import.ts): the 集団 session (its checkup, the child booked),
 * the 受診日 (readable, not before the birth, not in the future), the 医療機関 of a 個別健診, the items and the
 * 判定 (result-rules.ts); then the 月齢, the follow-up reasons, the age-window warning and the areas a 精密健診依頼 is
 * proposed for. Pure: the caller reads the child, the session and the stored result.
 */
import { compareDates, type LocalDate, parseDateInput } from '../../platform/calendar/index.ts';
import type { InfantCheckup } from './checkups.ts';
import type { ChildRow, ResultWrite } from './result-repository.ts';
import {
  ageOnDay,
  checkJudgement,
  checkResultItems,
  type FieldError,
  followUpReasons,
  type RawResult,
  referralAreas,
  windowWarning,
} from './result-rules.ts';

export type ResultDraft = RawResult & {
  mode: 'individual' | 'group';
  examinedOn: string;
  institutionName: string;
  ticketNo: string;
  judgement: string;
  note: string;
};

export type PrepareContext = {
  child: ChildRow;
  checkup: InfantCheckup;
  /** 集団: the session given (its checkup and date) and whether the child is booked on it */
  session: { id: number; sessionDate: LocalDate; checkup: InfantCheckup; booked: boolean } | null;
  /** the stored result this one replaces (at its version), or none */
  target: { id: number | null; version: number | null };
  today: LocalDate;
};

export type Prepared = {
  write: ResultWrite;
  age: { months: number; days: number };
  warning: string | null;
  referralAreas: string[];
};

export function prepareResult(
  input: ResultDraft,
  ctx: PrepareContext,
): ({ ok: true } & Prepared) | { ok: false; errors: FieldError[] } {
  const { child, checkup: c, session: s } = ctx;
  const code = c.code;
  const errors: FieldError[] = [];
  let examinedOn = input.examinedOn;
  if (input.mode === 'group' && s) {
    if (s.checkup.code !== code)
      errors.push({ field: 'checkup', message: `この日程は${s.checkup.name}の日程です。` });
    if (!s.booked)
      errors.push({
        field: 'childResidentId',
        message: `${child.name}さんはこの日程に予約されていません。日程・予約の画面で予約（当日受付）してから入力してください。`,
      });
    examinedOn = examinedOn || s.sessionDate;
  }
  const date = parseDateInput(examinedOn);
  if (!date.ok) return { ok: false, errors: [{ field: 'examinedOn', message: `受診日: ${date.message}` }] };
  if (compareDates(date.date, child.birthDate) < 0)
    errors.push({ field: 'examinedOn', message: '受診日が生年月日より前です。' });
  if (compareDates(date.date, ctx.today) > 0)
    errors.push({ field: 'examinedOn', message: '受診日が未来の日付です。' });
  if (input.mode === 'individual' && !input.institutionName.trim())
    errors.push({ field: 'institutionName', message: '個別健診の医療機関を入れてください。' });
  const items = checkResultItems(code, input);
  if (!items.ok) errors.push(...items.errors);
  if (errors.length || !items.ok) return { ok: false, errors };
  const judgement = checkJudgement(code, items.items, items.dental, input.judgement);
  if (typeof judgement === 'object') return { ok: false, errors: [judgement] };
  // a birth after the 受診日 is an error above, so the 月齢 is defined here
  const age = ageOnDay(child.birthDate, date.date);
  return {
    ok: true,
    age,
    write: {
      id: ctx.target.id,
      version: ctx.target.version,
      childResidentId: child.id,
      checkup: code,
      mode: input.mode,
      sessionId: input.mode === 'group' && s ? s.id : null,
      examinedOn: date.date,
      ageMonths: age.months,
      ageDays: age.days,
      institutionName: input.institutionName.trim(),
      ticketNo: input.ticketNo.normalize('NFKC').trim(),
      items: items.items,
      dental: items.dental ?? {},
      judgement,
      note: input.note.trim(),
      followUpReasons: followUpReasons(code, judgement, items.items, items.dental),
    },
    warning: windowWarning(c, child.birthDate, date.date),
    referralAreas: referralAreas(code, items.items, items.dental),
  };
}
