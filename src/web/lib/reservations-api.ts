/** The reservations engine's API (日程・予約・受付) and its types as the screens use them. */
import { api, queryString } from './api.ts';

export type SessionStatus = 'open' | 'closed' | 'cancelled';
export type Reception = 'none' | 'arrived' | 'no_show';
export type BookingStatus = 'booked' | 'waiting' | 'cancelled';

export const sessionStatusLabels: Record<SessionStatus, string> = {
  open: '受付中',
  closed: '締切',
  cancelled: '中止',
};
export const receptionLabels: Record<Reception, string> = {
  none: '未受付',
  arrived: '受付済',
  no_show: '欠席',
};
export const bookingStatusLabels: Record<BookingStatus, string> = {
  booked: '予約',
  waiting: 'キャンセル待ち',
  cancelled: '取消',
};

export type Slot = {
  id: number;
  startTime: string;
  endTime: string;
  capacity: number;
  booked: number;
  waiting: number;
};

export type ReservationSession = {
  id: number;
  purpose: string;
  purposeLabel: string;
  fiscalYear: number;
  programs: string[];
  venueId: number;
  venueName: string;
  venueCode: string;
  sessionDate: string;
  weekday: string;
  holidayName: string | null;
  startTime: string;
  endTime: string;
  capacity: number;
  cutoffDate: string | null;
  lastBookingDay: string;
  status: SessionStatus;
  statusLabel: string;
  note: string;
  version: number;
  booked: number;
  waiting: number;
  arrived: number;
  noShow: number;
  overCapacity: boolean;
  slots: Slot[];
};

export type Booking = {
  id: number;
  sessionId: number;
  slotId: number | null;
  residentId: number;
  status: BookingStatus;
  source: string;
  reception: Reception;
  walkIn: boolean;
  receptionNote: string;
  cancelReason: string;
  version: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
};

export type SessionFilter = {
  purpose?: string;
  fiscalYear?: number;
  from?: string;
  to?: string;
  status?: string;
};

export const reservationKeys = {
  all: ['reservations'] as const,
  purposes: () => ['reservations', 'purposes'] as const,
  sessions: (f: SessionFilter) => ['reservations', 'sessions', f] as const,
  session: (id: number) => ['reservations', 'session', id] as const,
};

const base = '/api/reservations';

export const reservationsApi = {
  purposes: () => api.get<{ purposes: { code: string; label: string }[] }>(`${base}/purposes`),
  sessions: (f: SessionFilter) =>
    api.get<{ sessions: ReservationSession[] }>(`${base}/sessions${queryString(f)}`),
  session: (id: number) =>
    api.get<{ session: ReservationSession; bookings: Booking[] }>(`${base}/sessions/${id}`),
  setStatus: (id: number, version: number, status: SessionStatus) =>
    api.post<{ session: ReservationSession }>(`${base}/sessions/${id}/status`, { version, status }),
  book: (
    sessionId: number,
    v: { residentId: number; slotId?: number | null; waitIfFull?: boolean; afterCutoff?: boolean },
  ) => api.post<{ booking: Booking }>(`${base}/sessions/${sessionId}/bookings`, v),
  walkIn: (sessionId: number, v: { residentId: number; note: string; slotId?: number | null }) =>
    api.post<{ booking: Booking }>(`${base}/sessions/${sessionId}/walk-in`, v),
  cancel: (b: Booking, reason: string) =>
    api.post<{ booking: Booking }>(`${base}/bookings/${b.id}/cancel`, { version: b.version, reason }),
  move: (b: Booking, toSessionId: number, toSlotId: number | null) =>
    api.post<{ booking: Booking }>(`${base}/bookings/${b.id}/move`, {
      version: b.version,
      toSessionId,
      toSlotId,
    }),
  promote: (b: Booking) =>
    api.post<{ booking: Booking }>(`${base}/bookings/${b.id}/promote`, { version: b.version }),
  reception: (b: Booking, reception: Reception, note: string) =>
    api.post<{ booking: Booking }>(`${base}/bookings/${b.id}/reception`, {
      version: b.version,
      reception,
      note,
    }),
  rosterPdfUrl: (id: number) => `${base}/sessions/${id}/roster.pdf`,
  rosterCsvUrl: (id: number, encoding: 'utf8' | 'sjis') =>
    `${base}/sessions/${id}/roster.csv?encoding=${encoding}`,
};
