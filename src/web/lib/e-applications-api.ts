/** 電子申請の取込 (F02-04): upload, the import's result, the review queue. */
import { api } from './api.ts';
import type { Job } from './types.ts';

export type Candidate = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  address: string;
  addressExtra: string;
  status: string;
  reasons: string[];
};

export type EApplication = {
  id: number;
  importId: number;
  line: number;
  applicationNo: string;
  appliedAt: string;
  data: {
    name: string;
    nameKana: string;
    birthDate: string;
    address: string;
    atenaNo: string | null;
    phone: string;
    programs: string[];
    form: 'group' | 'individual';
    clinic: string;
    preferredDate: string | null;
    venue: string;
  };
  matchStatus: 'matched' | 'review' | 'unmatched';
  confidence: string;
  matchReasons: string[];
  candidates: Candidate[];
  residentId: number | null;
  outcome: 'registered' | 'refused' | 'duplicate' | 'pending' | 'rejected';
  outcomeMessage: string;
  version: number;
};

type Skipped = { line: number; applicationNo: string; message: string };
export type ImportResult = {
  id: number;
  fileName: string;
  fiscalYear: number;
  status: string;
  summary: {
    registered: number;
    review: number;
    refused: number;
    rejected: number;
    duplicate: number;
    errors: number;
    rowErrors: (Skipped & { field: string })[];
    duplicates: Skipped[];
  };
  rows: EApplication[];
};

export const eApplicationKeys = {
  all: ['e-applications'] as const,
  result: (id: number) => ['e-applications', 'import', id] as const,
  review: ['e-applications', 'review'] as const,
  imports: ['e-applications', 'imports'] as const,
};

/** One import of the 取込履歴. */
export type ImportEntry = {
  id: number;
  fileName: string;
  fiscalYear: number;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  createdAt: string;
  jobId: number | null;
};

export const eApplicationsApi = {
  upload: (fiscalYear: number, file: File) => {
    const form = new FormData();
    // the server reads the fields that come before the file part: keep this order
    form.append('fiscalYear', String(fiscalYear));
    form.append('file', file, file.name);
    return api.upload<{ importId: number; job: Job }>('/api/adult/e-applications/imports', form);
  },
  imports: () => api.get<{ imports: ImportEntry[] }>('/api/adult/e-applications/imports'),
  result: (id: number) => api.get<ImportResult>(`/api/adult/e-applications/imports/${id}`),
  review: () => api.get<{ rows: EApplication[] }>('/api/adult/e-applications/review'),
  resolve: (id: number, residentId: number, version: number) =>
    api.post<EApplication>(`/api/adult/e-applications/${id}/resolve`, { residentId, version }),
  reject: (id: number, reason: string, version: number) =>
    api.post<EApplication>(`/api/adult/e-applications/${id}/reject`, { reason, version }),
};
