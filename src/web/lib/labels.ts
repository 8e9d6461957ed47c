import type { JobStatus, ResidentStatus, Sex } from './types.ts';

/** Copied from server modules/residents/types.ts (the web app does not import server files). */
export const statusLabels: Record<ResidentStatus, string> = {
  resident: '住民',
  moved_out: '転出',
  deceased: '死亡',
  erased: '消除',
  non_registered: '住登外',
};
export const residentStatuses = Object.keys(statusLabels) as ResidentStatus[];

export const eventLabels: Record<string, string> = {
  move_in: '転入',
  birth: '出生',
  move_out: '転出',
  death: '死亡',
  name_change: '氏名変更',
  address_change: '住所変更',
  erasure: '職権消除',
  restoration: '回復',
  full: '全件',
  register: '登録',
  correct: '修正',
};

export const sexLabels: Record<Sex, string> = { '1': '男', '2': '女', '9': '不明' };

/** 宛名一覧 CSV columns (server modules/residents/csv-columns.ts). */
export const residentCsvColumns: { key: string; label: string }[] = [
  { key: 'atenaNo', label: '宛名番号' },
  { key: 'householdNo', label: '世帯番号' },
  { key: 'name', label: '氏名' },
  { key: 'nameKana', label: '氏名カナ' },
  { key: 'birthDate', label: '生年月日' },
  { key: 'birthDateWareki', label: '生年月日（和暦）' },
  { key: 'sex', label: '性別' },
  { key: 'relationship', label: '続柄' },
  { key: 'postalCode', label: '郵便番号' },
  { key: 'address', label: '住所' },
  { key: 'addressExtra', label: '方書' },
  { key: 'phone', label: '電話番号' },
  { key: 'status', label: '住民状態' },
  { key: 'supportMeasure', label: '支援措置' },
];

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
