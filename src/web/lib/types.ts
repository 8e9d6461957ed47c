/** Response shapes of the API. Resident attribute types come from the server's residents module. */

import type { EventCode, ResidentState } from '../../server/modules/residents/types.ts';

export type { EventCode, ResidentState, ResidentStatus, Sex } from '../../server/modules/residents/types.ts';
export type { SessionUser } from '../../server/platform/auth/service.ts';

export type Municipality = {
  id: number;
  name: string;
  lgCode: string;
  mayorTitle: string;
  mayorName: string;
  centerName: string;
  centerPostalCode: string;
  centerAddress: string;
  centerPhone: string;
  version: number;
};

export type Resident = ResidentState & {
  id: number;
  source: 'juki' | 'manual' | string;
  version: number;
  hidden: boolean;
  hasMyNumber?: boolean;
  lastEventDate?: string | null;
};

export type ResidentEvent = {
  id: number;
  residentId: number;
  eventCode: EventCode;
  eventDate: string;
  state: ResidentState & { hidden?: boolean };
  recordedAt: string;
};

export type ResidentDetail = {
  resident: Resident;
  myNumberMasked: string | null;
  household: Resident[];
  events: ResidentEvent[];
};

export type SearchResult = { rows: Resident[]; total: number; capped: boolean };

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'needs_review';

export type Job = {
  id: number;
  kind: string;
  title: string;
  status: JobStatus;
  params: Record<string, unknown> | null;
  progressDone: number;
  progressTotal: number | null;
  message: string;
  result: Record<string, unknown> | null;
  error: string | null;
  createdBy: number | null;
  createdByLogin: string | null;
  createdByName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type ImportRowError = {
  id: number;
  jobId: number;
  rowNo: number;
  column: string;
  value: string;
  message: string;
};

export type AuditEntry = {
  id: number;
  at: string;
  loginId: string | null;
  roleCode: string | null;
  action: string;
  screen: string | null;
  residentIds: number[] | null;
  residentCount: number;
  purpose: string | null;
  sensitive: boolean;
  summary: string;
  ip: string | null;
};

export type AdminUser = {
  id: number;
  loginId: string;
  displayName: string;
  roleCode: string;
  mustChangePassword: boolean;
  active: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
};

export type Role = {
  code: string;
  name: string;
  description: string;
  permissions: string[];
  builtin: boolean;
  version: number;
};
