/** 妊娠届・母子健康手帳・受診券 (F06-01) API client. */
import type {
  HandbookRow,
  MotherRow,
  PregnancyRow,
} from '../../server/modules/maternal/pregnancy-repository.ts';
import { api } from './api.ts';

export type Pregnancy = PregnancyRow;

export type Mother = MotherRow;

export type Handbook = HandbookRow;

export type Voucher = {
  id: number;
  voucherNo: string;
  kind: string;
  kindLabel: string;
  seq: number;
  issuedOn: string;
  limitYen: number | null;
  status: 'issued' | 'used' | 'void';
  usedOn: string | null;
  voidReason: string;
};

export type PregnancyDetail = {
  pregnancy: Pregnancy;
  mother: Mother & { myNumberMasked: string | null };
  gestationalAgeToday: { weeks: number; days: number } | null;
  suggestedFlags: string[];
  handbooks: Handbook[];
  vouchers: Voucher[];
  followUps: { id: number; reasons: string[]; registeredOn: string; status: string }[];
};

export type PregnancyMeta = {
  questionnaireVersion: string;
  questions: {
    code: string;
    label: string;
    type: 'choice' | 'yesno' | 'text';
    options?: Record<string, string>;
  }[];
  riskFlags: Record<string, string>;
  voucherTypes: { kind: string; label: string; count: number; perFetus: boolean; limitYen: number | null }[];
  outcomes: Record<string, string>;
  sources: Record<string, string>;
  handbookKinds: Record<string, string>;
};

export type RegisterPregnancyInput = {
  motherResidentId: number;
  notifiedOn: string;
  dueDate: string | null;
  weeks: number | null;
  days: number | null;
  fetusCount: number;
  source: 'counter' | 'moved_in';
  movedIn: { city: string; handbookNo: string; issuedOn: string } | null;
  diagnosedBy: string;
  diagnosisInstitution: string;
  stdTbCheckup: 'yes' | 'no' | 'unknown';
  occupation: string;
  questionnaire: Record<string, unknown>;
  riskFlags: string[];
  specificPregnant: boolean;
  note: string;
};

export const pregnancyKeys = {
  meta: ['maternal', 'pregnancies', 'meta'] as const,
  ofMother: (id: number) => ['maternal', 'mothers', id, 'pregnancies'] as const,
  one: (id: number) => ['maternal', 'pregnancies', id] as const,
};

const base = '/api/maternal/pregnancies';

export const maternalApi = {
  meta: () => api.get<PregnancyMeta>(`${base}/meta`),
  ofMother: (id: number) =>
    api.get<{ mother: Mother; pregnancies: Pregnancy[] }>(`/api/maternal/mothers/${id}/pregnancies`),
  get: (id: number) => api.get<PregnancyDetail>(`${base}/${id}`),
  register: (v: RegisterPregnancyInput) =>
    api.post<PregnancyDetail & { id: number; notificationNo: string }>(base, v),
  handbook: (
    id: number,
    v: { kind: 'additional' | 'reissue'; childIndex: number | null; reason: string; version: number },
  ) => api.post<PregnancyDetail>(`${base}/${id}/handbooks`, v),
  voidVouchers: (
    id: number,
    v: { voucherIds: number[]; reason: string; reissue: boolean; version: number },
  ) => api.post<PregnancyDetail>(`${base}/${id}/vouchers/void`, v),
  outcome: (id: number, v: { outcome: string; outcomeOn: string; version: number }) =>
    api.put<PregnancyDetail>(`${base}/${id}/outcome`, v),
  flags: (id: number, v: { riskFlags: string[]; specificPregnant: boolean; version: number }) =>
    api.put<PregnancyDetail>(`${base}/${id}/flags`, v),
  printVouchers: (id: number, voucherIds: number[] | null = null) =>
    api.postBlob(`${base}/${id}/vouchers/print`, { voucherIds }),
  printSheet: (id: number) => api.postBlob(`${base}/${id}/notification-sheet`),
};
