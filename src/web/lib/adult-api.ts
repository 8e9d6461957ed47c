/**
 * 成人保健 API for the screens: response types, query keys and calls of /api/adult/*. Words come from the
 * server (GET /api/adult/meta: reason labels, 除外理由, 送付不要の理由, 受付方法, 送付方法), so the screens,
 * CSV and documents say the same thing.
 */
import { useQuery } from '@tanstack/react-query';
import type { Eligibility } from '../../server/modules/adult-health/rules.ts';
import type { ProgramCode, ProgramSettings } from '../../server/modules/programs/types.ts';
import { fiscalYearEndAge } from '../../server/platform/calendar/fiscal-year.ts';
import { api, queryString } from './api.ts';
import { useAuth } from './auth.tsx';
import type { Job, Resident, SearchResult } from './types.ts';
import { formatWareki, parseDateInput } from './wareki.ts';

export { fiscalYearLabel, fiscalYearShortLabel } from '../../server/modules/programs/labels.ts';
export { cancerProgramCodes, programCodes, programLabels } from '../../server/modules/programs/types.ts';
export type { ProgramCode, ProgramSettings };

// ── Types ───────────────────────────────────────────────────────────────────

export type ListPurpose = 'adult-health.survey' | 'adult-health.invitation' | 'adult-health.preference';

export type AdultMeta = {
  programs: { code: ProgramCode; name: string }[];
  purposes: Record<ListPurpose, string>;
  exclusionReasons: Record<string, string>;
  optOutReasons: Record<string, string>;
  reasonLabels: Record<string, string>;
  preferenceChannels: Record<string, string>;
  sendMethods: Record<string, string>;
  currentFiscalYear: number;
};

export type ListCounts = {
  total: number;
  included: number;
  excluded: number;
  byProgram: Record<string, number>;
};

export type ListStatus = 'extracting' | 'ready' | 'failed' | 'cancelled';

export type TargetList = {
  id: number;
  purpose: ListPurpose;
  title: string;
  fiscalYear: number;
  programs: ProgramCode[];
  /** the 事業マスタ settings at extraction (snapshot) */
  settings: ProgramSettings[];
  criteria: { sessionId?: number | null; extractedOn?: string };
  status: ListStatus | string;
  jobId: number | null;
  /** counts at the end of the extraction (not updated by 除外・戻す・追加) */
  counts: Partial<ListCounts>;
  createdBy: number | null;
  createdAt: string;
  version: number;
};

export type EntryDetail = { eligible: boolean; reasons: string[]; methods: string[]; age: number | null };

export type ListEntry = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  status: string;
  supportMeasure: boolean;
  programs: ProgramCode[];
  coupons: ProgramCode[];
  details: Record<string, EntryDetail>;
  age: number;
  included: boolean;
  exclusionReason: string | null;
  exclusionNote: string;
  exclusionLabel: string;
  addedByHand: boolean;
  /** 「胃がん検診: クーポン対象」… */
  reasons: string[];
};

export type EntryPage = { rows: ListEntry[]; total: number };

export type Judgement = Eligibility;

/** GET /api/adult/sessions (集団検診の日程 of a 年度). */
export type AdultSession = {
  id: number;
  session_date: string;
  programs: ProgramCode[];
  venue_id: number;
  venue: string;
};

export type PreferenceRow = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  programs: ProgramCode[];
  /** 希望形態 集団 (with a session, or waiting for 日程割当) */
  wantsGroup: boolean;
  sessionId: number | null;
  channel: string;
  answeredOn: string;
  note: string;
  version: number;
};

export type ImportResult = {
  total: number;
  valid: number;
  saved: number;
  errors: { line: number; atenaNo: string; message: string }[];
};

export type ScreeningRecord = {
  id: number;
  program: ProgramCode;
  method: string | null;
  fiscalYear: number;
  screenedOn: string;
  result: string | null;
  source: string;
};

export type OptOut = {
  id: number;
  program: ProgramCode | null;
  reason: string;
  note: string;
  validFrom: string;
  validUntil: string | null;
  version: number;
};

/** 自己負担金の免除 registered for the person (fee-exemptions.ts). */
export type FeeExemptionRow = {
  id: number;
  kind: string;
  note: string;
  validFrom: string;
  validUntil: string | null;
};

export type ResidentOverview = {
  fiscalYear: number;
  judgements: (Judgement & { name: string })[];
  records: ScreeningRecord[];
  optOuts: OptOut[];
  feeExemptions: FeeExemptionRow[];
};

export type ProgramRow = {
  id: number;
  fiscalYear: number;
  code: ProgramCode;
  settings: ProgramSettings;
  version: number;
};

export type ProgramsYear = { fiscalYear: number; previousYearExists: boolean; programs: ProgramRow[] };

// ── Query keys ──────────────────────────────────────────────────────────────

export const adultKeys = {
  all: ['adult'] as const,
  meta: ['adult', 'meta'] as const,
  lists: (fy: number) => ['adult', 'lists', fy] as const,
  list: (id: number) => ['adult', 'list', id] as const,
  entries: (id: number) => ['adult', 'list', id, 'entries'] as const,
  sessions: (fy: number) => ['adult', 'sessions', fy] as const,
  preferences: (fy: number) => ['adult', 'preferences', fy] as const,
  /** kept apart from `preferences` so that refreshing the table does not reload every answer */
  resident: (id: number) => ['adult', 'resident', id] as const,
  /** the same key as the 事業マスタ screens (programs-api.ts), so an edit there refreshes these screens */
  programs: (fy: number) => ['programs', 'year', fy] as const,
  job: (id: number) => ['jobs', id] as const,
};

// ── Calls ───────────────────────────────────────────────────────────────────

export const fetchMeta = () => api.get<AdultMeta>('/api/adult/meta');

export const fetchLists = (fy: number) =>
  api.get<{ lists: TargetList[] }>(`/api/adult/lists${queryString({ fiscalYear: fy })}`).then((r) => r.lists);

export const fetchList = (id: number) =>
  api.get<{ list: TargetList }>(`/api/adult/lists/${id}`).then((r) => r.list);

export type EntryFilter = {
  included?: 'true' | 'false';
  program?: string;
  coupon?: boolean;
  q?: string;
  offset?: number;
  limit?: number;
};

export const fetchEntries = (id: number, f: EntryFilter) =>
  api.get<EntryPage>(
    `/api/adult/lists/${id}/entries${queryString({ ...f, coupon: f.coupon ? 'true' : undefined })}`,
  );

export const fetchSessions = (fy: number) =>
  api
    .get<{ sessions: AdultSession[] }>(`/api/adult/sessions${queryString({ fiscalYear: fy })}`)
    .then((r) =>
      [...r.sessions].sort((a, b) =>
        a.session_date === b.session_date
          ? a.venue.localeCompare(b.venue, 'ja')
          : a.session_date < b.session_date
            ? -1
            : 1,
      ),
    );

export const fetchPrograms = (fy: number) => api.get<ProgramsYear>(`/api/programs/${fy}`);

export const fetchJob = (id: number) => api.get<{ job: Job }>(`/api/jobs/${id}`).then((r) => r.job);

export const cancelJob = (id: number) => api.post<{ job: Job }>(`/api/jobs/${id}/cancel`);

/** A person by 宛名番号 (exact), or null. */
export async function findByAtenaNo(atenaNo: string): Promise<Resident | null> {
  const r = await api.get<SearchResult>(`/api/residents${queryString({ atenaNo, limit: 1 })}`);
  return r.rows.find((x) => x.atenaNo === atenaNo) ?? r.rows[0] ?? null;
}

/** People by 宛名番号, 氏名, カナ or 生年月日 (the 宛名検索 box). */
export const searchResidents = (q: string, limit = 20) =>
  api.get<SearchResult>(`/api/residents${queryString({ q, limit })}`);

export const fetchOverview = (residentId: number, fy: number) =>
  api.get<ResidentOverview>(`/api/adult/residents/${residentId}${queryString({ fiscalYear: fy })}`);

export type PreferenceFilter = { sessionId?: number; program?: string; offset?: number; limit?: number };

export const fetchPreferences = (fy: number, f: PreferenceFilter = {}) =>
  api.get<{ rows: PreferenceRow[]; total: number }>(
    `/api/adult/preferences${queryString({ fiscalYear: fy, ...f })}`,
  );

/** One person's answer of the 年度 (null when none yet). */
export const fetchPreference = async (fy: number, residentId: number) =>
  (
    await api.get<{ preference: Omit<PreferenceRow, 'atenaNo' | 'name' | 'nameKana' | 'birthDate'> | null }>(
      `/api/adult/preferences/${fy}/${residentId}`,
    )
  ).preference;

// ── Hooks ───────────────────────────────────────────────────────────────────

export function useAdultMeta() {
  return useQuery({ queryKey: adultKeys.meta, queryFn: fetchMeta, staleTime: 10 * 60_000 });
}

/** The 事業マスタ of a 年度 (null without programs.view). */
export function usePrograms(fy: number | null) {
  const { can } = useAuth();
  return useQuery({
    queryKey: adultKeys.programs(fy ?? 0),
    queryFn: () => fetchPrograms(fy!),
    enabled: fy !== null && can('programs.view'),
    staleTime: 60_000,
  });
}

export function useSessions(fy: number | null) {
  return useQuery({
    queryKey: adultKeys.sessions(fy ?? 0),
    queryFn: () => fetchSessions(fy!),
    enabled: fy !== null,
    staleTime: 60_000,
  });
}

// ── Words and small helpers ─────────────────────────────────────────────────

/** 年度 choices around the current one (newest first). */
export function fiscalYearChoices(current: number, selected?: number): number[] {
  const ys = new Set<number>();
  for (let y = current + 1; y >= current - 4; y--) ys.add(y);
  if (selected) ys.add(selected);
  return [...ys].sort((a, b) => b - a);
}

export const listStatusLabels: Record<string, string> = {
  extracting: '抽出中',
  ready: '抽出済み',
  failed: '失敗',
  cancelled: '取消',
};

export const listStatusColors: Record<string, string> = {
  extracting: 'blue.9',
  ready: 'green.9',
  failed: 'red.9',
  cancelled: 'gray.9',
};

export const recordSourceLabels: Record<string, string> = {
  manual: '手入力',
  import: '取込',
  demo: 'デモデータ',
  results: '結果入力',
};

/** 結果 codes of 受診歴 (schema.ts) in words; other text is shown as is. */
export const recordResultLabels: Record<string, string> = {
  negative: '異常なし（精検不要）',
  needs_followup: '要精検',
  hpv_negative: 'HPV陰性',
  hpv_positive_cytology_negative: 'HPV陽性・細胞診陰性（追跡検査対象）',
  hpv_positive_cytology_positive: 'HPV陽性・細胞診陽性（要精検）',
};

/** Columns of the list CSV (keys of target-lists.ts entryColumns; program_<code> added per program). */
export const entryCsvColumns: { key: string; label: string }[] = [
  { key: 'atenaNo', label: '宛名番号' },
  { key: 'name', label: '氏名' },
  { key: 'nameKana', label: '氏名カナ' },
  { key: 'birthDate', label: '生年月日' },
  { key: 'sex', label: '性別' },
  { key: 'age', label: '年度末年齢' },
  { key: 'postalCode', label: '郵便番号' },
  { key: 'address', label: '住所' },
  { key: 'addressExtra', label: '方書' },
  { key: 'programs', label: '対象検診' },
  { key: 'coupons', label: 'クーポン' },
  { key: 'ticketNo', label: '受診券番号' },
  { key: 'included', label: '送付' },
  { key: 'exclusion', label: '除外理由' },
  { key: 'reasons', label: '判定理由' },
];

/** Method code → name over the given program settings ('' → ''). */
export function methodNamer(settings: ProgramSettings[] | undefined) {
  const names = new Map<string, string>();
  for (const p of settings ?? []) for (const m of p.methods) names.set(`${p.code}:${m.code}`, m.name);
  return (program: string, method: string | null | undefined) =>
    method ? (names.get(`${program}:${method}`) ?? method) : '';
}

/** 年度末年齢 by the default rule (年度末 3月31日, 法定); null when not computable. */
export function defaultFiscalYearEndAge(birth: string, fy: number): number | null {
  try {
    return fiscalYearEndAge(birth, fy);
  } catch {
    return null;
  }
}

/** What was typed in a date field, in 和暦 when it reads as a date (for 「あなたの入力」 columns). */
export function typedDateText(s: string): string {
  if (!s.trim()) return 'なし';
  const r = parseDateInput(s);
  return r.ok ? formatWareki(r.date) : s;
}

/** 「令和8年6月1日」 session label: 日付 会場（検診…）. */
export function sessionLabel(
  s: AdultSession,
  names: Record<string, string>,
  formatDate: (d: string) => string,
): string {
  const progs = s.programs.map((p) => (names[p] ?? p).replace(/検診$/, '')).join('・');
  return `${formatDate(s.session_date)} ${s.venue}（${progs}）`;
}

/** 希望形態 and 日程 of an answer in words: the booked session, 「集団（未割当）」 or 「個別」. */
export function preferenceFormText(
  p: { wantsGroup?: boolean; sessionId?: number | null },
  sessions: AdultSession[],
  names: Record<string, string>,
): string {
  if (p.sessionId) {
    const s = sessions.find((x) => x.id === Number(p.sessionId));
    return s ? sessionLabel(s, names, formatWareki) : `日程 ${p.sessionId}`;
  }
  return p.wantsGroup ? '集団（未割当）' : '個別';
}

/** The result of an async job once finished (null while it runs). */
export const jobActive = (j: Job | undefined) => !j || j.status === 'queued' || j.status === 'running';
