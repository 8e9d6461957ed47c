/** 乳幼児健診の案内 (F07-03) and 未受診者勧奨 (F07-07): checkups, sessions, 対象者リスト, reminders. */

import { api, queryString } from './api.ts';
import type { LatestCall } from './reminder-calls-api.ts';
import type { Job } from './types.ts';

export type InfantCheckupMeta = {
  checkups: {
    code: string;
    name: string;
    defaultMode: 'group' | 'individual';
    inviteAtMonths: number;
    basis: string;
  }[];
  exclusionReasons: Record<string, string>;
  today: string;
};

export type InfantSession = {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  booked: number;
  venue: string;
};

export type InvitationList = {
  id: number;
  title: string;
  status: 'extracting' | 'ready' | 'failed' | 'cancelled';
  jobId: number | null;
  counts: { total?: number; included?: number; excluded?: number };
  settings: { checkup: string; mode: 'group' | 'individual'; from: string; to: string };
  createdAt: string;
};

export type InvitationEntry = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  address: string;
  included: boolean;
  exclusionLabel: string;
  invitedAt: string;
  session: string;
  venue: string;
  ticketNo: string;
};

export type ReminderFilter = { checkup: string; asOf?: string; notReminded?: boolean };

export type InfantReminderRow = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  phone: string;
  address: string;
  invitedOn: string;
  reminded: boolean;
  invitation: { mode: string; sessionText: string; venue: string; ticketNo: string };
  lastCall: LatestCall | null;
};

const base = '/api/infant/invitations';

export const infantCheckupsApi = {
  meta: () => api.get<InfantCheckupMeta>(`${base}/meta`),
  sessions: async (checkup: string, from: string) =>
    (await api.get<{ sessions: InfantSession[] }>(`${base}/sessions${queryString({ checkup, from })}`))
      .sessions,
  createSession: (v: Record<string, unknown>) => api.post<{ session: { id: number } }>(`${base}/sessions`, v),
  lists: async () => (await api.get<{ lists: InvitationList[] }>(`${base}/lists`)).lists,
  extract: async (v: { checkup: string; mode: string; from: string; to: string }) =>
    (await api.post<{ list: InvitationList }>(`${base}/lists`, v)).list,
  entries: (id: number) =>
    api.get<{ rows: InvitationEntry[]; total: number }>(`${base}/lists/${id}/entries?limit=500`),
  exclude: (id: number, residentId: number, v: { reason: string; note: string }) =>
    api.post(`${base}/lists/${id}/entries/${residentId}/exclude`, v),
  restore: (id: number, residentId: number) => api.post(`${base}/lists/${id}/entries/${residentId}/restore`),
  mailing: async (id: number, sendDate: string, method: string) =>
    (await api.post<{ job: Job }>(`${base}/lists/${id}/mailing`, { sendDate, method })).job,
  reminders: (f: ReminderFilter) =>
    api.get<{ total: number; rows: InfantReminderRow[] }>(`/api/infant/reminders/search${queryString(f)}`),
  remindersCsvUrl: (f: ReminderFilter, encoding: string) =>
    `/api/infant/reminders/csv${queryString({ ...f, encoding })}`,
  callListPdfUrl: (f: ReminderFilter) => `/api/infant/reminders/call-list.pdf${queryString(f)}`,
  recordCall: (v: { residentId: number; checkup: string; asOf?: string; outcome: string; note: string }) =>
    api.post<{ calls: LatestCall[] }>('/api/infant/reminders/calls', v),
  reminderMailing: async (f: ReminderFilter, sendDate: string, method: string) =>
    (await api.post<{ job: Job }>('/api/infant/reminders/mailing', { ...f, sendDate, method })).job,
};
