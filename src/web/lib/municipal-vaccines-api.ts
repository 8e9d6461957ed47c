/** 市町村独自の予防接種 (任意接種の費用助成): the definitions (事業マスタ) and their words on screens. */
import type { MunicipalVaccineRow } from '../../server/modules/vaccination/municipal-repository.ts';
import { ageInMonths, ageWindowLabel } from '../../server/modules/vaccination/municipal-rules.ts';
import { api } from './api.ts';
import { vaccineName } from './vaccination-api.ts';

export type MunicipalVaccine = MunicipalVaccineRow;
export { ageInMonths, ageWindowLabel };

/** What the form sends (numbers as typed; dates in 和暦 or 西暦). */
export type MunicipalVaccineValues = {
  code: string;
  name: string;
  kind: 'INJ_LIVE' | 'ORAL_LIVE' | 'INACT';
  ageFromUnit: 'months' | 'years';
  ageFromValue: string;
  ageToUnit: 'months' | 'years';
  ageToValue: string;
  sex: 'M' | 'F' | null;
  doses: string;
  minIntervalDays: string;
  subsidyYen: string;
  validFrom: string;
  validTo: string | null;
  sortOrder: string;
  note: string;
};

export const kindLabels: Record<MunicipalVaccineValues['kind'], string> = {
  INJ_LIVE: '注射生ワクチン',
  ORAL_LIVE: '経口生ワクチン',
  INACT: '不活化ワクチン',
};

export const sexLabels = { M: '男性', F: '女性' } as const;

/** Name in choices and tables: 「おたふくかぜ（任意接種助成）」 (same words as the server's municipalLabel). */
export const municipalLabel = (name: string) => `${name}（任意接種助成）`;

/** '3,000円' / '全額（定額なし）'. */
export const subsidyLabel = (yen: number) =>
  yen > 0 ? `${yen.toLocaleString('ja-JP')}円` : '全額（定額なし）';

export const municipalKeys = {
  all: ['municipal-vaccines'] as const,
  manage: ['municipal-vaccines', 'manage'] as const,
};

const base = '/api/vaccination/municipal-vaccines';

export const municipalVaccinesApi = {
  /** for the administrator's screen (programs.edit) */
  manage: () => api.get<{ municipalVaccines: MunicipalVaccine[] }>(`${base}/manage`),
  create: (v: MunicipalVaccineValues) => api.post<{ municipalVaccine: MunicipalVaccine }>(base, v),
  update: (id: number, v: MunicipalVaccineValues, version: number) =>
    api.put<{ municipalVaccine: MunicipalVaccine }>(`${base}/${id}`, { ...v, version }),
  retire: (id: number, version: number) =>
    api.post<{ municipalVaccine: MunicipalVaccine }>(`${base}/${id}/retire`, { version }),
};

/** The name of any vaccine code: a municipal one as 「おたふくかぜ（任意接種助成）」, else the national master's. */
export function vaccineNameWith(municipal: Array<{ code: string; name: string }> | undefined) {
  return (code: string) => {
    const m = municipal?.find((d) => d.code === code);
    return m ? municipalLabel(m.name) : vaccineName(code);
  };
}

/** What the saved message adds about the check: 定期接種 (nothing), 警告あり, or the subsidy of a municipal one. */
export function checkNote(check: { routine: boolean; subsidised?: boolean }): string {
  if (check.subsidised !== undefined) return check.subsidised ? '（任意接種助成の対象）' : '（助成対象外）';
  return check.routine ? '' : '（警告あり・任意接種扱い）';
}
