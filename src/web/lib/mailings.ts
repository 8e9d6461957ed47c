/**
 * 郵送物 (mailings) on the screens: response shapes of /api/mailings…, labels (from the server's engine, so
 * screens and documents use the same words) and small helpers.
 */

import type { SendRecordRow } from '../../server/platform/mailings/send-records-repository.ts';
import type { MailingItemView } from '../../server/platform/mailings/service.ts';
import {
  destinationKinds,
  type ItemStatus,
  itemStatuses,
  type MailingCounts,
  type MailingOutput,
  type MailingStatus,
  mailingStatuses,
  returnReasons,
  sendMethods,
} from '../../server/platform/mailings/types.ts';
import type { Job } from './types.ts';
import { formatWareki } from './wareki.ts';

export type { ItemStatus, MailingCounts, MailingOutput, MailingStatus };
export { destinationKinds, itemStatuses, mailingStatuses, returnReasons, sendMethods };

export type Mailing = {
  id: number;
  purpose: string;
  title: string;
  fiscalYear: number | null;
  sourceListId: number | null;
  sendDate: string;
  method: string;
  status: MailingStatus;
  counts: MailingCounts;
  outputs: MailingOutput[];
  printJobId: number | null;
  checkedAt: string | null;
  printedAt: string | null;
  sentAt: string | null;
  createdBy: number | null;
  createdAt: string;
  version: number;
};

export type MailingDetail = {
  mailing: Mailing;
  purposeTitle: string;
  printJob: Job | null;
  checkJob: Job | null;
};

/** One row of the 対象者 tables of the 郵送物 screen (the server's view type). */
export type MailingItem = MailingItemView;

/** 送付情報 as the resident's 送付履歴 shows it (address hidden for 支援措置対象者). */
export type SendRecord = SendRecordRow & { hidden?: boolean };

export type Destination = {
  id: number;
  residentId: number;
  kind: string;
  kindLabel: string;
  name: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  validFrom: string;
  validUntil: string | null;
  active: boolean;
  note: string;
  version: number;
  hidden: boolean;
};

const label = <T extends Record<string, string>>(labels: T, code: string | null | undefined) =>
  code ? ((labels as Record<string, string>)[code] ?? code) : '';

export const methodLabel = (code: string) => label(sendMethods, code);
export const destinationKindLabel = (code: string) => label(destinationKinds, code);
export const returnReasonLabel = (code: string | null) => label(returnReasons, code);
export const mailingStatusLabel = (code: string) => label(mailingStatuses, code);

/** 2026 → 令和8年度 (2019 → 令和元年度: 年度 named by the era of its 4月1日). */
export function fiscalYearLabel(fy: number | null | undefined): string {
  if (!fy) return '';
  return formatWareki(`${fy}-04-01`).replace(/4月1日$/, '度');
}

/** The steps of a mailing as shown on the screen (作成 → 引き抜き確認 → 印刷 → 送付情報登録). */
export const mailingSteps = ['作成', '引き抜き確認', '印刷', '送付情報登録'] as const;

/** Index of the step in progress (steps before it are done); 4 = all done. */
export function activeStep(status: MailingStatus): number {
  switch (status) {
    case 'draft':
      return 1;
    case 'checked':
    case 'printing':
      return 2;
    case 'printed':
      return 3;
    case 'sent':
      return 4;
    default:
      return 0;
  }
}

export const isActiveJob = (j: Job | null | undefined) =>
  Boolean(j && (j.status === 'queued' || j.status === 'running'));

export function jobPercent(j: Job): number {
  if (j.status === 'succeeded') return 100;
  if (!j.progressTotal) return 0;
  return Math.max(0, Math.min(100, Math.round((j.progressDone / j.progressTotal) * 100)));
}
