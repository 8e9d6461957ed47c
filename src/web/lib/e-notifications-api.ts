/** 妊娠届（電子申請） (F06-02): upload, 取込履歴 and results, the 受付一覧, register, 取込まない, the mailing. */
import type { ENotificationRegistration } from '../../server/modules/maternal/e-notification-register.ts';
import type {
  ENotification,
  ENotificationImportService,
  ENotificationView,
} from '../../server/modules/maternal/e-notifications.ts';
import { api } from './api.ts';
import type { Job } from './types.ts';
import { formatWareki } from './wareki.ts';

export type { ENotificationRegistration } from '../../server/modules/maternal/e-notification-register.ts';
export type { ENotification, ENotificationView } from '../../server/modules/maternal/e-notifications.ts';

export type ENotificationImportResult = Awaited<ReturnType<ENotificationImportService['result']>>;

export type ENotificationImportEntry = {
  id: number;
  fileName: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  createdAt: string;
  jobId: number | null;
};

export const eNotificationKeys = {
  all: ['e-notifications'] as const,
  imports: ['e-notifications', 'imports'] as const,
  result: (id: number) => ['e-notifications', 'import', id] as const,
  list: (view: ENotificationView) => ['e-notifications', 'list', view] as const,
  one: (id: number) => ['e-notifications', 'one', id] as const,
};

/** 照合: 確実 / 高 / 要確認 / 該当なし. */
export function matchLabel(r: Pick<ENotification, 'matchStatus' | 'confidence'>): string {
  if (r.matchStatus === 'unmatched') return '該当なし';
  if (r.matchStatus === 'review') return '要確認';
  return r.confidence === 'certain' ? '確実' : '高';
}

/** '2026-11-24T09:00:00+09:00' → 令和8年11月24日 9:00 (JST). */
export function appliedAtText(at: string): string {
  const jst = new Date(new Date(at).getTime() + 9 * 3_600_000).toISOString();
  return `${formatWareki(jst.slice(0, 10))} ${Number(jst.slice(11, 13))}:${jst.slice(14, 16)}`;
}

export const dueText = (d: ENotification['data']) =>
  d.dueDate
    ? `予定日 ${formatWareki(d.dueDate)}`
    : d.weeks !== null
      ? `妊娠${d.weeks}週${d.days ? `${d.days}日` : ''}`
      : '';

export const deliveryLabels = { mail: '郵送', visit: '来庁時に交付' } as const;

const base = '/api/maternal/e-notifications';

export const eNotificationsApi = {
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<{ importId: number; job: Job }>(`${base}/imports`, form);
  },
  imports: () => api.get<{ imports: ENotificationImportEntry[] }>(`${base}/imports`),
  result: (id: number) => api.get<ENotificationImportResult>(`${base}/imports/${id}`),
  list: (view: ENotificationView) => api.get<{ rows: ENotification[] }>(`${base}?view=${view}`),
  get: (id: number) => api.get<ENotification & { suggestedFlags: string[] }>(`${base}/${id}`),
  register: (id: number, v: ENotificationRegistration) =>
    api.post<ENotification>(`${base}/${id}/register`, v),
  reject: (id: number, reason: string, version: number) =>
    api.post<ENotification>(`${base}/${id}/reject`, { reason, version }),
  mail: (ids: number[], sendDate: string) =>
    api.post<{ mailingId: number; count: number }>(`${base}/mail`, { ids, sendDate }),
};
