/** 精密検査の把握 (F04-01/F04-02): the 要精検者 list with the 精検 status, save, CSV. */
import { api, queryString } from './api.ts';
import type { LatestCall } from './reminder-calls-api.ts';

export type DetailedStatus = 'examined' | 'not_examined' | 'unknown';
export type DetailedMeta = {
  statuses: Record<DetailedStatus, string>;
  outcomes: Record<string, string>;
  methods: Record<string, { code: string; label: string; inappropriate?: boolean }[]>;
  lesions: string[];
};
export type DetailedRow = {
  recordId: number;
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  phone: string;
  address: string;
  program: string;
  screenedOn: string;
  result: string;
  screeningInstitution: string | null;
  status: DetailedStatus;
  detailedId: number | null;
  examinedOn: string | null;
  institutionId: number | null;
  institutionName: string;
  method: string;
  outcome: string | null;
  reportedBy: 'institution' | 'person' | null;
  details: { lesion?: string; stage?: string };
  note: string;
  version: number | null;
  lastCall: LatestCall | null;
};
export type DetailedFilter = { fiscalYear: number; program?: string; status?: string; q?: string };
export type DetailedValues = {
  status: string;
  examinedOn: string;
  institutionId: number | null;
  institutionName: string;
  method: string;
  outcome: string | null;
  reportedBy: string | null;
  lesion: string | null;
  stage: string;
  note: string;
  version: number | null;
};

export const detailedKeys = {
  meta: ['detailed', 'meta'] as const,
  list: (f: DetailedFilter, offset: number) => ['detailed', 'list', f, offset] as const,
};

export const detailedApi = {
  meta: () => api.get<DetailedMeta>('/api/adult/detailed-exams/meta'),
  list: (f: DetailedFilter, offset: number) =>
    api.get<{ total: number; rows: DetailedRow[] }>(
      `/api/adult/detailed-exams${queryString({ ...f, offset, limit: 100 })}`,
    ),
  save: (recordId: number, v: DetailedValues) =>
    api.post<DetailedRow>(`/api/adult/detailed-exams/${recordId}`, v),
  csvUrl: (f: DetailedFilter, encoding: string) =>
    `/api/adult/detailed-exams/csv${queryString({ ...f, encoding })}`,
  callListUrl: (f: DetailedFilter) => `/api/adult/detailed-exams/call-list.pdf${queryString(f)}`,
};
