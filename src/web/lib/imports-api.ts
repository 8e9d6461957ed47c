/**
 * The import engine's API (取込, platform/imports) of one target under `base` (e.g. /api/adult/results/imports):
 * 取込設定, upload (dry run job), runs and their rows, commit (job) and the error file.
 */
import { api, queryString } from './api.ts';
import type { Job } from './types.ts';

export type ImportField = {
  key: string;
  label: string;
  required?: boolean;
  aliases?: string[];
  hint?: string;
};
export type ImportMeta = { kind: string; label: string; fields: ImportField[] };

export type ImportFormat = 'csv' | 'xml';
export type ImportEncoding = 'auto' | 'utf8' | 'cp932';
export type MappingEntry = { column: string; field: string };
export type ImportSettingInput = {
  name: string;
  format: ImportFormat;
  encoding: ImportEncoding;
  hasHeader: boolean;
  recordElement: string | null;
  mapping: MappingEntry[];
};
export type ImportSetting = ImportSettingInput & { id: number; target: string; version: number };

export type RunStatus = 'validating' | 'validated' | 'committing' | 'committed' | 'failed' | 'cancelled';
export type RowAction = 'new' | 'update' | 'unchanged' | 'error';
export type CommittedCounts = { new: number; update: number; unchanged: number; skipped: number };
export type RunCounts = Partial<Record<RowAction | 'rows' | 'warning', number>> & {
  committed?: CommittedCounts;
};

export type ImportRun = {
  id: number;
  target: string;
  /** null once the 取込設定 was deleted (`setting` is the run's copy) */
  settingId: number | null;
  setting: ImportSettingInput;
  fileId: number;
  fileName: string;
  params: unknown;
  status: RunStatus;
  message: string;
  encoding: string | null;
  counts: RunCounts;
  onlyValid: boolean;
  validateJobId: number | null;
  commitJobId: number | null;
  /** why the rows are gone (保存期間), null while they are kept */
  rowsNote: string | null;
  version: number;
  createdAt: string;
};

export type RowError = { field: string | null; column: string | null; message: string };
export type Change = { field: string; label: string; before: string; after: string };
export type RunRow = {
  rowNo: number;
  action: RowAction;
  key: string | null;
  residentId: number | null;
  label: string | null;
  errors: RowError[] | null;
  changes: Change[] | null;
  warning: string | null;
};

export const importKeys = {
  all: (base: string) => ['imports', base] as const,
  meta: (base: string) => ['imports', base, 'meta'] as const,
  settings: (base: string) => ['imports', base, 'settings'] as const,
  runs: (base: string) => ['imports', base, 'runs'] as const,
  run: (base: string, id: number) => ['imports', base, 'run', id] as const,
  rows: (base: string, id: number, action: RowAction, offset: number) =>
    ['imports', base, 'rows', id, action, offset] as const,
};

/** The client of one import target's routes. */
export function importsApi(base: string) {
  return {
    meta: () => api.get<ImportMeta>(`${base}/meta`),
    settings: () => api.get<{ settings: ImportSetting[] }>(`${base}/settings`).then((r) => r.settings),
    /** A mapping proposed from a header line (comma or tab separated, quoted cells allowed; see csvLine). */
    suggest: (headerLine: string) =>
      api.get<{ mapping: MappingEntry[]; unmatched: string[] }>(
        `${base}/settings/suggest${queryString({ header: headerLine })}`,
      ),
    createSetting: (s: ImportSettingInput) =>
      api.post<{ setting: ImportSetting }>(`${base}/settings`, s).then((r) => r.setting),
    updateSetting: (id: number, s: ImportSettingInput & { version: number }) =>
      api.put<{ setting: ImportSetting }>(`${base}/settings/${id}`, s).then((r) => r.setting),
    deleteSetting: (id: number, version: number) =>
      api.del<{ ok: true }>(`${base}/settings/${id}${queryString({ version })}`),
    /** Upload: settingId and params come before the file part (the server reads the fields first). */
    upload: (settingId: number, file: File, params?: unknown) => {
      const form = new FormData();
      form.append('settingId', String(settingId));
      if (params !== undefined) form.append('params', JSON.stringify(params));
      form.append('file', file);
      return api.upload<{ run: ImportRun; job: Job }>(`${base}/runs`, form);
    },
    runs: () => api.get<{ runs: ImportRun[] }>(`${base}/runs`).then((r) => r.runs),
    run: (id: number) => api.get<{ run: ImportRun }>(`${base}/runs/${id}`).then((r) => r.run),
    rows: (id: number, q: { action?: RowAction; offset?: number; limit?: number }) =>
      api.get<{ total: number; rows: RunRow[] }>(`${base}/runs/${id}/rows${queryString(q)}`),
    commit: (id: number, onlyValid: boolean) =>
      api.post<{ run: ImportRun; job: Job }>(`${base}/runs/${id}/commit`, { onlyValid }),
    /** The error file (same format as the input, plus エラー内容): a plain link downloads it. */
    errorFileUrl: (id: number) => `${base}/runs/${id}/errors`,
  };
}

export type ImportsApi = ReturnType<typeof importsApi>;

/** Cells as one CSV line, quoting a cell with a comma, quote, tab or line break (the server splits it back). */
export const csvLine = (cells: string[]) =>
  cells.map((c) => (/[",\t\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

/** A run whose job is still working (polled). */
export const runActive = (r: ImportRun | undefined) =>
  !r || r.status === 'validating' || r.status === 'committing';

export const runStatusLabels: Record<RunStatus, { label: string; color: string }> = {
  validating: { label: '点検中', color: 'blue.9' },
  validated: { label: '点検済み（未取込）', color: 'orange.9' },
  committing: { label: '取込中', color: 'blue.9' },
  committed: { label: '取込済み', color: 'green.9' },
  failed: { label: '読めません', color: 'red.9' },
  cancelled: { label: '取消', color: 'gray.9' },
};

export const actionLabels: Record<RowAction, string> = {
  new: '新規',
  update: '更新',
  unchanged: '変更なし',
  error: '誤り',
};
export const rowActions: RowAction[] = ['new', 'update', 'unchanged', 'error'];

/** 「新規 5件 / 更新 0件 / 変更なし 0件 / 誤り 3件 / うち注意 1件」 (the last only when there are notes) */
export const countsLine = (c: RunCounts) =>
  [
    ...rowActions.map((a) => `${actionLabels[a]} ${(c[a] ?? 0).toLocaleString('ja-JP')}件`),
    ...(c.warning ? [`うち注意 ${c.warning.toLocaleString('ja-JP')}件`] : []),
  ].join(' / ');
