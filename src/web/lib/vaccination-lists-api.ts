/** 予防接種の対象者抽出 (F10a-02 接種別発送, F11a-02 未接種者勧奨): lists, entries, exclude/restore, CSV, mailing. */
import { useQuery } from '@tanstack/react-query';
import type { ListEntryView } from '../../server/modules/vaccination/list-view.ts';
import { api } from './api.ts';

export type VaccinationListKind = 'vaccination.dose' | 'vaccination.reminder';

export type ListsMeta = {
  kinds: Record<VaccinationListKind, string>;
  vaccines: Array<{ code: string; name: string; category: 'A' | 'B'; doses: string[]; child: boolean }>;
  exclusionReasons: Record<string, string>;
  today: string;
};

export type VaccinationList = {
  id: number;
  purpose: VaccinationListKind;
  title: string;
  fiscalYear: number;
  programs: string[];
  settings: {
    kind: VaccinationListKind;
    on: string;
    vaccine?: string;
    dose?: string | null;
    startsBy?: string | null;
    vaccines?: string[];
    withinDays?: number;
    bornFrom: string | null;
    bornTo: string | null;
  };
  criteria: { extractedOn?: string };
  status: 'extracting' | 'ready' | 'failed' | 'cancelled';
  jobId: number | null;
  counts: { total?: number; included?: number; excluded?: number; byProgram?: Record<string, number> };
  createdAt: string;
};

/** An entry as the server sends it (register data, what is sent or reminded, 除外理由). */
export type VaccinationListEntry = ListEntryView;

export type ExtractionInput =
  | {
      kind: 'vaccination.dose';
      on: string;
      vaccine: string;
      dose: string | null;
      startsBy: string;
      bornFrom: string;
      bornTo: string;
      title?: string;
    }
  | {
      kind: 'vaccination.reminder';
      on: string;
      vaccines: string[];
      withinDays: number;
      bornFrom: string;
      bornTo: string;
      title?: string;
    };

export type EntriesFilter = {
  included?: 'true' | 'false';
  vaccine?: string;
  q?: string;
  offset: number;
  limit: number;
};

export const vaccinationListKeys = {
  meta: ['vaccination', 'lists', 'meta'] as const,
  lists: ['vaccination', 'lists'] as const,
  list: (id: number) => ['vaccination', 'lists', id] as const,
  entries: (id: number) => ['vaccination', 'lists', id, 'entries'] as const,
};

const query = (f: Record<string, string | number | undefined>) => {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') sp.set(k, String(v));
  return sp.toString();
};

export const vaccinationListsApi = {
  meta: () => api.get<ListsMeta>('/api/vaccination/lists/meta'),
  lists: async () => (await api.get<{ lists: VaccinationList[] }>('/api/vaccination/lists')).lists,
  list: async (id: number) => (await api.get<{ list: VaccinationList }>(`/api/vaccination/lists/${id}`)).list,
  entries: (id: number, f: EntriesFilter) =>
    api.get<{ rows: VaccinationListEntry[]; total: number }>(
      `/api/vaccination/lists/${id}/entries?${query(f)}`,
    ),
  extract: async (v: ExtractionInput) =>
    (await api.post<{ list: VaccinationList }>('/api/vaccination/lists', v)).list,
  exclude: (id: number, residentId: number, v: { reason: string; note: string }) =>
    api.post(`/api/vaccination/lists/${id}/entries/${residentId}/exclude`, v),
  restore: (id: number, residentId: number) =>
    api.post(`/api/vaccination/lists/${id}/entries/${residentId}/restore`),
  mailing: async (id: number, v: { sendDate: string; method: string }) =>
    (await api.post<{ job: { id: number } }>(`/api/vaccination/lists/${id}/mailing`, v)).job,
  csvUrl: (id: number, v: { encoding: string; format: 'list' | 'calls'; included?: 'true' | 'false' }) =>
    `/api/vaccination/lists/${id}/csv?${query(v)}`,
};

export function useListsMeta() {
  return useQuery({
    queryKey: vaccinationListKeys.meta,
    queryFn: vaccinationListsApi.meta,
    staleTime: 60_000,
  });
}

export const listStatusText: Record<string, string> = {
  extracting: '抽出中',
  ready: '抽出済み',
  failed: '失敗',
  cancelled: '取消',
};
