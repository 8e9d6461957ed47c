/** 検診結果入力 (F03-01/F03-02): definitions, lookup, the entry sheet, save, delete. */
import { api } from './api.ts';
import type { ResidentStatus } from './types.ts';

export type ItemOption = { code: string; label: string };
export type ResultItem = {
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'select' | 'boolean';
  options?: ItemOption[];
  unit?: string;
  min?: number;
  max?: number;
  decimals?: number;
  required?: boolean;
  methods?: string[];
  extra?: boolean;
};
export type Judgement = { code: string; label: string; needsDetailed: boolean };
export type ProgramDefinition = {
  code: string;
  name: string;
  enabled: boolean;
  version: number;
  methods: { code: string; name: string }[];
  /** 年齢基準日 and cohort rule of the program (年度末年齢, stored with the result) */
  referenceDate: { month: number; day: number; yearOffset: number };
  cohort: 'legal' | 'naive';
  judgements: Judgement[];
  items: ResultItem[];
};
export type ResultsMeta = {
  fiscalYear: number;
  programs: ProgramDefinition[];
  institutions: { id: number; code: string; name: string; programs: string[] }[];
};

export type ScreeningResult = {
  id: number;
  residentId: number;
  program: string;
  method: string | null;
  fiscalYear: number;
  screenedOn: string;
  result: string | null;
  needsDetailed: boolean;
  mode: 'individual' | 'group' | null;
  institutionId: number | null;
  institutionName: string | null;
  bookingId: number | null;
  ticketNo: string | null;
  ageAtFiscalYearEnd: number | null;
  ageOnDate: number | null;
  items: Record<string, string | number | boolean>;
  note: string;
  source: string;
  version: number;
};

export type ResultSheet = {
  fiscalYear: number;
  person: {
    id: number;
    atenaNo: string;
    name: string;
    nameKana: string;
    birthDate: string;
    sex: string;
    status: ResidentStatus;
    address: string;
  };
  ticketNo: string;
  results: ScreeningResult[];
  applications: {
    programs: string[];
    mode: 'individual' | 'group';
    institutionId: number | null;
    bookingId: number | null;
    sessionDate: string | null;
  }[];
};

export type ResultValues = {
  program: string;
  screenedOn: string;
  mode: string | null;
  institutionId: number | null;
  method: string | null;
  result: string;
  items: Record<string, string>;
  note: string;
  bookingId: number | null;
  id: number | null;
  version: number | null;
};

export const resultKeys = {
  meta: (fy: number) => ['results', 'meta', fy] as const,
  sheet: (residentId: number, fy: number) => ['results', 'sheet', residentId, fy] as const,
};

export const resultsApi = {
  meta: (fy: number) => api.get<ResultsMeta>(`/api/adult/results/meta?fiscalYear=${fy}`),
  lookup: (q: string) =>
    api.get<{ residentId: number; fiscalYear: number | null }>(
      `/api/adult/results/lookup?q=${encodeURIComponent(q)}`,
    ),
  sheet: (residentId: number, fy: number) =>
    api.get<ResultSheet>(`/api/adult/results/residents/${residentId}?fiscalYear=${fy}`),
  save: (residentId: number, v: ResultValues) =>
    api.post<ScreeningResult>(`/api/adult/results/residents/${residentId}`, v),
  remove: (id: number, version: number, reason: string) =>
    api.post<{ ok: true }>(`/api/adult/results/${id}/delete`, { version, reason }),
};

/** 集団検診 (F03-02): a session's people with the results already entered per program. */
export type SessionRoster = {
  session: {
    id: number;
    fiscalYear: number;
    sessionDate: string;
    startTime: string;
    venueName: string;
    programs: string[];
  };
  people: {
    bookingId: number;
    residentId: number;
    atenaNo: string;
    name: string;
    nameKana: string;
    reception: 'none' | 'arrived' | 'no_show';
    results: Record<string, string>;
  }[];
};

export const sessionRosterApi = {
  get: (sessionId: number) => api.get<SessionRoster>(`/api/adult/results/sessions/${sessionId}`),
};
