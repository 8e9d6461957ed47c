/**
 * 個別受付 (申込) API for the screens: types and calls of /api/adult/applications*. The words (受付方法,
 * 受診形態, 状態) come from the server's meta so that screens and CSV say the same thing.
 */
import { useQuery } from '@tanstack/react-query';
import type { ProgramHistory as ServerProgramHistory } from '../../server/modules/adult-health/applications-rules.ts';
import { api, queryString } from './api.ts';

export type ApplicationsMeta = {
  channels: Record<string, string>;
  modes: Record<string, string>;
  statuses: Record<string, string>;
  currentFiscalYear: number;
};

/** One program of the history check (受診歴の確認): the server's row plus what the form needs. */
export type ProgramHistory = ServerProgramHistory & {
  enabled: boolean;
  delivery: 'individual' | 'group' | 'both';
  age: number | null;
};

export type SessionChoice = {
  sessionId: number;
  slotId: number | null;
  sessionDate: string;
  dateLabel: string;
  time: string;
  venue: string;
  programs: string[];
  remaining: number;
};

export type Application = {
  id: number;
  fiscalYear: number;
  residentId: number;
  channel: string;
  programs: string[];
  mode: 'individual' | 'group';
  institutionId: number | null;
  bookingId: number | null;
  status: 'accepted' | 'ticket_issued' | 'cancelled';
  appliedOn: string;
  note: string;
  version: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  institutionName: string | null;
  sessionDate: string | null;
  startTime: string | null;
  venueName: string | null;
};

export type ApplicationCheck = {
  fiscalYear: number;
  person: { id: number; atenaNo: string; name: string; nameKana: string; birthDate: string };
  history: ProgramHistory[];
  applications: Application[];
  sessions: SessionChoice[];
  institutions: { id: number; name: string; programs: string[] }[];
};

export type ApplicationFilter = {
  fiscalYear: number;
  program?: string;
  channel?: string;
  status?: string;
  q?: string;
};

export const applicationKeys = {
  meta: ['applications', 'meta'] as const,
  check: (residentId: number, fy: number) => ['applications', 'check', residentId, fy] as const,
  list: (f: ApplicationFilter, offset: number) => ['applications', 'list', f, offset] as const,
};

export function useApplicationsMeta() {
  return useQuery({
    queryKey: applicationKeys.meta,
    queryFn: () => api.get<ApplicationsMeta>('/api/adult/applications/meta'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const fetchCheck = (residentId: number, fy: number) =>
  api.get<ApplicationCheck>(`/api/adult/applications/check/${residentId}${queryString({ fiscalYear: fy })}`);

export const fetchApplications = (f: ApplicationFilter, offset: number, limit: number) =>
  api.get<{ rows: Application[]; total: number }>(
    `/api/adult/applications${queryString({ ...f, offset, limit })}`,
  );

export const applicationsCsvUrl = (f: ApplicationFilter, encoding: string) =>
  `/api/adult/applications/csv${queryString({ ...f, encoding })}`;

export type ApplicationInput = {
  residentId: number;
  fiscalYear: number;
  channel: string;
  programs: string[];
  mode: 'individual' | 'group';
  institutionId: number | null;
  sessionId: number | null;
  slotId: number | null;
  note: string;
};

export const registerApplication = (v: ApplicationInput) =>
  api.post<{ application: Application }>('/api/adult/applications', v).then((r) => r.application);

export const issueTicket = (id: number, method: 'counter' | 'post') =>
  api.postBlob(`/api/adult/applications/${id}/ticket`, { method });

export const cancelApplication = (id: number, reason: string, version: number) =>
  api.post<{ application: Application }>(`/api/adult/applications/${id}/cancel`, { reason, version });
