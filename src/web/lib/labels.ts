import { residentCsvColumns as serverCsvColumns } from '../../server/modules/residents/csv-columns.ts';
import { type ResidentStatus, residentStatuses as statuses } from '../../server/modules/residents/types.ts';
import type { JobStatus } from './types.ts';

// Labels come from the server's residents module, so screens and CSV use the same words.
export { eventLabels, sexLabels, statusLabels } from '../../server/modules/residents/types.ts';
export const residentStatuses: ResidentStatus[] = [...statuses];

/** 宛名一覧 CSV columns the user can choose from. */
export const residentCsvColumns: { key: string; label: string }[] = serverCsvColumns.map(
  ({ key, label }) => ({ key, label }),
);

export const jobStatusLabels: Record<JobStatus, string> = {
  queued: '待機中',
  running: '実行中',
  succeeded: '完了',
  failed: '失敗',
  cancelled: '取消',
  needs_review: '要確認',
};

export const jobStatusColors: Record<JobStatus, string> = {
  queued: 'gray.9',
  running: 'blue.9',
  succeeded: 'green.9',
  failed: 'red.9',
  cancelled: 'gray.9',
  needs_review: 'orange.9',
};

export const residentsImportKind = 'residents.import';
