/** 妊婦健診・産婦健診の結果 (F06-03…F06-06): the items, the visit of a 受診券ID, save; the import under importsBase. */
import { api } from './api.ts';

export const checkupImportsBase = '/api/maternal/checkups/imports';

export type CheckupKind =
  | 'prenatal'
  | 'prenatal_detailed'
  | 'postpartum'
  | 'postpartum_detailed'
  | 'prenatal_dental';
export type CheckupCategory = 'checkup' | 'detailed';
type Choice = { code: string; label: string };
export type ItemDef = { code: string; label: string; required?: boolean } & (
  | { type: 'number'; unit: string; min: number; max: number; decimals: 0 | 1 }
  | { type: 'choice'; choices: Choice[] }
  | { type: 'text'; max: number }
  | { type: 'set'; choices: Choice[] }
  | { type: 'epds' }
);
export type CheckupMeta = {
  kinds: Record<CheckupKind, string>;
  judgements: Record<string, string>;
  categories: Record<CheckupCategory, string>;
  voucherKinds: Record<string, string>;
  itemSets: Record<CheckupKind, { version: string; items: ItemDef[] }>;
  /** the 判定 each kind takes (歯科 and 精密健診: no 要精密) */
  judgementsOf: Record<CheckupKind, string[]>;
  epds: { followUpThreshold: number; selfHarmThreshold: number };
};
export type CheckupResult = {
  id: number;
  kind: CheckupKind;
  voucherId: number | null;
  referralFromId: number | null;
  examinedOn: string;
  gestationalWeeks: number | null;
  gestationalDays: number | null;
  institutionId: number | null;
  institutionName: string;
  items: Record<string, unknown>;
  judgement: string;
  epdsScore: number | null;
  source: 'manual' | 'import';
  note: string;
  version: number;
  voucherNo: string | null;
};
export type CheckupVisit = {
  voucher: {
    id: number;
    voucherNo: string;
    kind: string;
    seq: number;
    status: string;
    usedOn: string | null;
    pregnancyId: number;
    residentId: number;
    notificationNo: string;
    dueDate: string;
    outcomeOn: string | null;
    atenaNo: string;
    name: string;
    birthDate: string;
  };
  kind: 'prenatal' | 'postpartum';
  result: CheckupResult | null;
  detailed: CheckupResult | null;
  usedMessage: string | null;
  visits: CheckupResult[];
  followUps: { id: number; reasons: string[]; registeredOn: string }[];
};
export type CheckupSave = {
  voucherNo: string;
  category: CheckupCategory;
  examinedOn: string;
  institution: string;
  judgement: string;
  items: Record<string, unknown>;
  note: string;
  resultId: number | null;
  version: number | null;
};

export const checkupKeys = {
  meta: ['maternal-checkups', 'meta'] as const,
};

export const maternalCheckupsApi = {
  meta: () => api.get<CheckupMeta>('/api/maternal/checkups/meta'),
  visit: (voucherNo: string) =>
    api.get<CheckupVisit>(`/api/maternal/checkups/vouchers/${encodeURIComponent(voucherNo.trim())}`),
  save: (v: CheckupSave) =>
    api.post<{ result: CheckupResult; followUpReasons: string[] }>('/api/maternal/checkups', v),
};
