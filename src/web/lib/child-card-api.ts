/** 母子カード (F07-01 出生連絡票, F07-02 新生児聴覚検査) API client. */
import type { BirthInput } from '../../server/modules/infant/births.ts';
import { api, queryString } from './api.ts';

export type Person = {
  id: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  status: string;
};

export type Birth = {
  id: number;
  childResidentId: number;
  motherResidentId: number | null;
  pregnancyId: number | null;
  receivedOn: string;
  receivedVia: string;
  birthTime: string;
  birthWeightG: number | null;
  heightCm: string;
  headCm: string;
  chestCm: string;
  gestationalWeeks: number | null;
  gestationalDays: number | null;
  delivery: string;
  deliveryLabel: string;
  receivedViaLabel: string;
  birthOrder: number | null;
  apgar1: number | null;
  apgar5: number | null;
  birthPlace: string;
  institutionName: string;
  lowBirthWeight: boolean;
  details: { attendant?: string; remarks?: string };
  note: string;
  version: number;
};

export type HearingTest = {
  id: number;
  kind: 'initial' | 'confirm';
  method: string;
  testedOn: string;
  institutionName: string;
  rightResult: string;
  leftResult: string;
  referred: boolean;
  note: string;
  version: number;
};

export type ChildCard = {
  child: Person;
  mother: Person | null;
  birth: Birth | null;
  handbooks: Array<{ handbookNo: string; kind: string; issuedOn: string; childIndex: number }>;
  hearing: { tests: HearingTest[]; status: string; statusLabel: string };
  checkups: Array<{
    id: number;
    checkupLabel: string;
    mode: string;
    examinedOn: string;
    ageMonths: number;
    institutionName: string;
    judgementLabel: string;
  }>;
  referrals: Array<{
    id: number;
    referralNo: string;
    issuedOn: string;
    areas: string[];
    toInstitutionName: string;
    status: string;
    examinedOn: string | null;
    result: string | null;
  }>;
  followUps: Array<{
    id: number;
    sourceLabel: string;
    reasons: string[];
    registeredOn: string;
    status: string;
  }>;
  vaccinations: {
    records: Array<{
      id: number;
      vaccine: string;
      dose: string;
      vaccinatedOn: string;
      institutionName: string;
    }>;
    due: Array<{ vaccine: string; dose: string; status: string; legalTo: string | null }>;
  };
};

export type InfantMeta = {
  deliveryMethods: Record<string, string>;
  receivedVias: Record<string, string>;
  attendants: Record<string, string>;
  hearingKinds: Record<string, string>;
  hearingMethods: Record<string, string>;
  earResults: Record<string, string>;
  hearingStatuses: Record<string, string>;
  lowBirthWeightG: number;
};

/** The 出生連絡票 as the screen sends it (an existing child; a 住登外者 child is registered first). */
export type BirthBody = Omit<BirthInput, 'newChild' | 'pregnancyId'> & {
  childResidentId: number;
  version: number | null;
};

export type HearingBody = {
  kind: string;
  method: string;
  testedOn: string;
  institutionName: string;
  rightResult: string;
  leftResult: string;
  note: string;
  id: number | null;
  version: number | null;
};

export type AggregateLine = {
  group: string;
  label: string;
  children: number;
  initialTests: number;
  initialRefer: number;
  confirmTests: number;
  confirmRefer: number;
  referred: number;
};

export const childCardKeys = {
  meta: ['infant', 'meta'] as const,
  recent: ['infant', 'recent'] as const,
  card: (id: number) => ['infant', 'card', id] as const,
};

const period = (from: string, to: string) => queryString({ from, to });

export const childCardApi = {
  meta: () => api.get<InfantMeta>('/api/infant/meta'),
  recent: () =>
    api.get<{ rows: Array<Person & { birthId: number; lowBirthWeight: boolean; receivedOn: string }> }>(
      '/api/infant/births/recent',
    ),
  card: (id: number) => api.get<ChildCard>(`/api/infant/children/${id}`),
  motherPregnancy: (motherId: number, bornOn: string) =>
    api.get<{ pregnancy: { id: number; notificationNo: string; fetusCount: number } | null }>(
      `/api/infant/mothers/${motherId}/pregnancy${queryString({ bornOn })}`,
    ),
  register: (body: BirthBody) =>
    api.post<{
      id: number;
      version: number;
      lowBirthWeight: boolean;
      followUpReasons: string[];
      handbooks: string[];
    }>('/api/infant/births', body),
  recordHearing: (childId: number, body: HearingBody) =>
    api.post<{ referred: boolean; statusLabel: string }>(`/api/infant/children/${childId}/hearing`, body),
  aggregate: (from: string, to: string) =>
    api.get<{ period: string; lines: AggregateLine[] }>(`/api/infant/hearing/aggregate${period(from, to)}`),
  aggregatePdf: (from: string, to: string) =>
    api.get<Blob>(`/api/infant/hearing/aggregate/pdf${period(from, to)}`, { blob: true }),
  aggregateCsvUrl: (from: string, to: string, encoding: 'utf8' | 'sjis') =>
    `/api/infant/hearing/aggregate/csv${queryString({ from, to, encoding })}`,
};
