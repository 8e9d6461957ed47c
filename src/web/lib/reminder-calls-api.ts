/** 架電結果 (F03-04 / F04-02 phone reminders): a person's calls, recording one, the call-list PDFs. */
import { api, queryString } from './api.ts';

export {
  type CallPurpose,
  callOutcomes,
  callSummary,
  jstParts,
  outcomeLabel,
} from '../../server/modules/adult-health/reminder-calls-rules.ts';

import type { CallPurpose } from '../../server/modules/adult-health/reminder-calls-rules.ts';

/** The latest call shown on a list row. */
export type LatestCall = { calledAt: string; outcome: string; note: string };

export type CallRecord = LatestCall & {
  id: number;
  residentId: number;
  purpose: CallPurpose;
  program: string | null;
  fiscalYear: number;
  recordedBy: string;
};

/** Whose calls: the person, the kind of reminder, the 年度 (and for 精検 the program). */
export type CallScope = {
  residentId: number;
  purpose: CallPurpose;
  fiscalYear: number;
  program?: string;
};

export const callKeys = {
  history: (s: CallScope) => ['reminder-calls', s] as const,
};

export const callsApi = {
  history: (s: CallScope) => api.get<{ calls: CallRecord[] }>(`/api/adult/reminder-calls${queryString(s)}`),
  record: (s: CallScope, v: { outcome: string; note: string; calledAt: string }) =>
    api.post<{ calls: CallRecord[] }>('/api/adult/reminder-calls', { ...s, ...v }),
};

/** A PDF the server makes from a GET (the 架電リスト), as a Blob; errors as ApiError. */
export const pdfOf = (path: string) => api.get<Blob>(path, { blob: true });
