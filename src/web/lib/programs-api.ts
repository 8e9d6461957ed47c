/**
 * 事業マスタ API for the screens: response types, query keys and calls. Shapes and words come from the
 * server's programs module (types, labels), so the screen, tickets and messages say the same thing.
 */

import type { ProgramCode, ProgramSettings } from '../../server/modules/programs/types.ts';
import { today } from '../../server/platform/calendar/date-age.ts';
import { api, queryString } from './api.ts';
import type { SessionStatus, Slot } from './reservations-api.ts';

export type { ProgramCode, ProgramSettings } from '../../server/modules/programs/types.ts';
export { programCodes, programLabels } from '../../server/modules/programs/types.ts';

export type ProgramRow = {
  id: number;
  fiscalYear: number;
  code: ProgramCode;
  settings: ProgramSettings;
  version: number;
  updatedBy: number | null;
  updatedAt: string;
};

export type ProgramsYear = { fiscalYear: number; previousYearExists: boolean; programs: ProgramRow[] };

type MasterBase = {
  id: number;
  code: string;
  name: string;
  nameKana: string;
  postalCode: string;
  address: string;
  phone: string;
  active: boolean;
  version: number;
  updatedAt: string;
};
export type Venue = MasterBase;
export type Institution = MasterBase & { programs: ProgramCode[] };

export type ScreeningSession = {
  id: number;
  fiscalYear: number;
  programs: ProgramCode[];
  venueId: number;
  venueName: string;
  venueCode: string;
  sessionDate: string;
  startTime: string;
  endTime: string;
  capacity: number;
  cutoffDate: string | null;
  status: SessionStatus;
  statusLabel: string;
  holidayName: string | null;
  booked: number;
  slots: Slot[];
  note: string;
  version: number;
  updatedAt: string;
};

/** A 時間枠 as the form holds it (定員 as typed). */
export type SlotValues = { id?: number; startTime: string; endTime: string; capacity: string | number };

export type VenueValues = Omit<MasterBase, 'id' | 'version' | 'updatedAt'>;
export type InstitutionValues = VenueValues & { programs: ProgramCode[] };
export type SessionValues = {
  fiscalYear: number;
  programs: ProgramCode[];
  venueId: number | null;
  sessionDate: string;
  startTime: string;
  endTime: string;
  capacity: number | string;
  cutoffDate: string;
  note: string;
  slots: SlotValues[];
};

/** 'true' 有効のみ / 'false' 無効のみ / 'all' すべて */
export type ActiveFilter = 'true' | 'false' | 'all';

/** 今年度 (April–March) in Japan. */
export function currentFiscalYear(): number {
  const d = today();
  const y = Number(d.slice(0, 4));
  return Number(d.slice(5, 7)) >= 4 ? y : y - 1;
}

export const programsKeys = {
  all: ['programs'] as const,
  year: (fy: number) => ['programs', 'year', fy] as const,
  venues: (q: string, active: ActiveFilter) => ['programs', 'venues', q, active] as const,
  institutions: (q: string, active: ActiveFilter, program: string) =>
    ['programs', 'institutions', q, active, program] as const,
  sessions: (fy: number, program: string) => ['programs', 'sessions', fy, program] as const,
};

export const programsApi = {
  year: (fy: number) => api.get<ProgramsYear>(`/api/programs/${fy}`),
  save: (fy: number, code: ProgramCode, settings: unknown, version: number) =>
    api.put<{ program: ProgramRow }>(`/api/programs/${fy}/${code}`, { ...(settings as object), version }),
  copyPrevious: (fy: number) => api.post<{ programs: ProgramRow[] }>(`/api/programs/${fy}/copy-previous`, {}),
  reset: (fy: number, code: ProgramCode, version: number) =>
    api.post<{ program: ProgramRow }>(`/api/programs/${fy}/${code}/reset`, { version }),

  venues: (q: string, active: ActiveFilter) =>
    api.get<{ venues: Venue[] }>(`/api/venues${queryString({ q, active })}`),
  createVenue: (v: VenueValues) => api.post<{ venue: Venue }>('/api/venues', v),
  updateVenue: (id: number, v: VenueValues, version: number) =>
    api.put<{ venue: Venue }>(`/api/venues/${id}`, { ...v, version }),

  institutions: (q: string, active: ActiveFilter, program: string) =>
    api.get<{ institutions: Institution[] }>(`/api/institutions${queryString({ q, active, program })}`),
  createInstitution: (v: InstitutionValues) => api.post<{ institution: Institution }>('/api/institutions', v),
  updateInstitution: (id: number, v: InstitutionValues, version: number) =>
    api.put<{ institution: Institution }>(`/api/institutions/${id}`, { ...v, version }),

  sessions: (fy: number, program: string) =>
    api.get<{ sessions: ScreeningSession[] }>(`/api/sessions${queryString({ fiscalYear: fy, program })}`),
  createSession: (v: SessionValues) => api.post<{ session: ScreeningSession }>('/api/sessions', v),
  updateSession: (id: number, v: SessionValues, version: number) =>
    api.put<{ session: ScreeningSession }>(`/api/sessions/${id}`, { ...v, version }),
  deleteSession: (id: number, version: number) =>
    api.post<{ deleted: true }>(`/api/sessions/${id}/delete`, { version }),
};

/** Type-ahead key: ひらがな→カタカナ, 全角英数→半角, lower-case, no spaces (for master selections). */
export function typeaheadKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** Whether a master row matches what was typed (コード・名称・カナ). */
export function matchesTypeahead(
  row: { code: string; name: string; nameKana: string },
  typed: string,
): boolean {
  const t = typeaheadKey(typed);
  if (!t) return true;
  return [row.code, row.name, row.nameKana, `${row.code}${row.name}`].some((x) =>
    typeaheadKey(x).includes(t),
  );
}
