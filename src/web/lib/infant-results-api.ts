/** 乳幼児健診の結果・精密健診 (F07-04…F07-06): meta, the child, a session's roster, save, referrals, 精密健診結果. */
import type { ReferralRow } from '../../server/modules/infant/result-repository.ts';
import { api, queryString } from './api.ts';

export const infantDetailedImportsBase = '/api/infant/detailed-imports';
export const infantResultImportsBase = '/api/infant/result-imports';
const base = '/api/infant/checkup-results';

export type MeasureDef = {
  code: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  decimals: number;
};
export type InfantCheckupMeta = {
  code: string;
  name: string;
  defaultMode: 'group' | 'individual';
  fromMonths: number;
  toMonths: number;
  measures: MeasureDef[];
  findings: { code: string; label: string }[];
  dental: { teethMax: number; riskTypes: string[] } | null;
};
export type InfantResultsMeta = {
  checkups: InfantCheckupMeta[];
  judgements: Record<string, string>;
  areaJudgements: string[];
  findings: Record<string, string>;
  plaque: Record<string, string>;
  occlusion: Record<string, string>;
  fluoride: Record<string, string>;
};
export type FindingValue = { finding: string; note: string; judgement: string };
export type InfantResult = {
  id: number;
  childResidentId: number;
  checkup: string;
  mode: 'individual' | 'group';
  sessionId: number | null;
  examinedOn: string;
  ageMonths: number;
  ageDays: number;
  institutionName: string;
  ticketNo: string;
  items: { measures: Record<string, number>; findings: Record<string, FindingValue> };
  dental: Record<string, string | number>;
  judgement: string;
  source: 'manual' | 'import';
  note: string;
  version: number;
};
export type Referral = ReferralRow;
export type Child = {
  id: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
};
export type ChildView = {
  child: Child;
  /** referralAreas: the areas a 要精密 result's 依頼書 proposes ([] otherwise) */
  results: (InfantResult & { referralAreas: string[] })[];
  referrals: Referral[];
  followUps: { id: number; reasons: string[]; source: string }[];
  sends: { id: number; sentOn: string; method: string; referralNo: string | null }[];
};
export type InfantSession = {
  id: number;
  sessionDate: string;
  weekday: string;
  startTime: string;
  venueName: string;
  checkup: string;
  booked: number;
};
export type RosterPerson = {
  bookingId: number;
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  reception: string;
  age: string;
  result: InfantResult | null;
};
export type Roster = {
  session: { id: number; sessionDate: string; startTime: string; venueName: string };
  checkup: { code: string; name: string };
  people: RosterPerson[];
};
export type SaveInput = {
  childResidentId: number;
  checkup: string;
  mode: 'individual' | 'group';
  sessionId: number | null;
  examinedOn: string;
  institutionName: string;
  ticketNo: string;
  measures: Record<string, string>;
  findings: Record<string, FindingValue>;
  dental: Record<string, string> | null;
  judgement: string;
  note: string;
  resultId: number | null;
  version: number | null;
};
export type SaveOutcome = {
  result: InfantResult;
  /** the child's name (for the message) */
  name: string;
  age: string;
  warnings: string[];
  followUpReasons: string[];
  referralAreas: string[];
};
export type DetailedInput = {
  referralNo: string;
  examinedOn: string;
  institutionName: string;
  result: string;
  diagnosis: string;
  note: string;
  version: number | null;
};

export const detailedResultLabels: Record<string, string> = {
  normal: '異常なし',
  observe: '要観察',
  treatment: '要治療',
  under_care: '既医療',
  other: 'その他',
};
export const sendMethodLabels: Record<string, string> = { post: '郵送', hand: '手渡し', counter: '窓口' };

export const infantResultKeys = {
  meta: ['infant-results', 'meta'] as const,
  sessions: (from: string, to: string) => ['infant-results', 'sessions', from, to] as const,
  roster: (id: number) => ['infant-results', 'roster', id] as const,
  child: (id: number) => ['infant-results', 'child', id] as const,
};

export const infantResultsApi = {
  meta: () => api.get<InfantResultsMeta>(`${base}/meta`),
  sessions: (from: string, to: string) =>
    api.get<{ sessions: InfantSession[] }>(`${base}/sessions${queryString({ from, to })}`),
  roster: (id: number) => api.get<Roster>(`${base}/sessions/${id}`),
  find: (q: { atenaNo?: string; ticketNo?: string }) => api.get<ChildView>(`${base}/find${queryString(q)}`),
  child: (id: number) => api.get<ChildView>(`${base}/children/${id}`),
  save: (v: SaveInput) => api.post<SaveOutcome>(base, v),
  issueReferral: (
    resultId: number,
    v: { areas: string[]; reason: string; institutionName: string; method: string },
  ) => api.postBlob(`${base}/${resultId}/referrals`, v),
  reprint: (no: string) =>
    api.postBlob(`/api/infant/referrals/${encodeURIComponent(no)}/print`, { method: 'counter' }),
  referral: (no: string) => api.get<Referral>(`/api/infant/referrals/${encodeURIComponent(no)}`),
  saveDetailed: (v: DetailedInput) => api.post<Referral>('/api/infant/referrals/detailed', v),
};
