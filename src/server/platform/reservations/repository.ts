/**
 * SQL of the reservations engine (raw, so that every function can run on a caller's transaction). Sessions
 * come with their venue and booking counts; bookings with the person (氏名, カナ, 宛名番号, 生年月日).
 */
import type { SqlRunner } from '../db/connect.ts';
import type { BookingStatus, Reception, SessionStatus, SlotPlan } from './rules.ts';

export type SessionRecord = {
  id: number;
  purpose: string;
  fiscalYear: number;
  programs: string[];
  venueId: number;
  venueName: string;
  venueCode: string;
  sessionDate: string;
  startTime: string;
  endTime: string;
  capacity: number;
  cutoffDate: string | null;
  status: SessionStatus;
  note: string;
  version: number;
  updatedAt: Date;
  booked: number;
  waiting: number;
  arrived: number;
  noShow: number;
};

export type SlotRecord = SlotPlan & { id: number; sessionId: number; booked: number; waiting: number };

export type BookingRecord = {
  id: number;
  sessionId: number;
  slotId: number | null;
  residentId: number;
  status: BookingStatus;
  waitingSince: Date | null;
  source: string;
  sourceRef: number | null;
  reception: Reception;
  walkIn: boolean;
  receptionNote: string;
  receivedAt: Date | null;
  cancelReason: string;
  version: number;
  createdAt: Date;
};

export type BookingRow = BookingRecord & {
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
};

export type SessionFilter = {
  purpose?: string;
  fiscalYear?: number;
  program?: string;
  venueId?: number;
  from?: string;
  to?: string;
  status?: SessionStatus;
  ids?: number[];
};

export type SessionValues = {
  purpose: string;
  fiscalYear: number;
  programs: string[];
  venueId: number;
  sessionDate: string;
  startTime: string;
  endTime: string;
  capacity: number;
  cutoffDate: string | null;
  note: string;
};

const sessionSelect = `SELECT s.id, s.purpose, s.fiscal_year AS "fiscalYear", s.programs, s.venue_id AS "venueId",
    coalesce(v.name, '') AS "venueName", coalesce(v.code, '') AS "venueCode", s.session_date AS "sessionDate",
    s.start_time AS "startTime", s.end_time AS "endTime", s.capacity, s.cutoff_date AS "cutoffDate", s.status,
    s.note, s.version, s.updated_at AS "updatedAt",
    coalesce(c.booked, 0) AS booked, coalesce(c.waiting, 0) AS waiting, coalesce(c.arrived, 0) AS arrived,
    coalesce(c.no_show, 0) AS "noShow"
  FROM reservation_sessions s LEFT JOIN venues v ON v.id = s.venue_id
  LEFT JOIN (SELECT session_id, count(*) FILTER (WHERE status = 'booked')::int AS booked,
      count(*) FILTER (WHERE status = 'waiting')::int AS waiting,
      count(*) FILTER (WHERE status = 'booked' AND reception = 'arrived')::int AS arrived,
      count(*) FILTER (WHERE status = 'booked' AND reception = 'no_show')::int AS no_show
    FROM bookings WHERE status <> 'cancelled' GROUP BY session_id) c ON c.session_id = s.id`;

const bookingCols = `b.id, b.session_id AS "sessionId", b.slot_id AS "slotId", b.resident_id AS "residentId", b.status,
  b.waiting_since AS "waitingSince", b.source, b.source_ref AS "sourceRef", b.reception, b.walk_in AS "walkIn",
  b.reception_note AS "receptionNote", b.received_at AS "receivedAt", b.cancel_reason AS "cancelReason", b.version,
  b.created_at AS "createdAt"`;

const num = <T extends { id: number }>(r: T): T => ({ ...r, id: Number(r.id) });

function toBooking<T extends BookingRecord>(r: T): T {
  return {
    ...r,
    id: Number(r.id),
    sessionId: Number(r.sessionId),
    slotId: r.slotId === null ? null : Number(r.slotId),
    residentId: Number(r.residentId),
    sourceRef: r.sourceRef === null ? null : Number(r.sourceRef),
  };
}

export function reservationsRepository(defaultRunner: SqlRunner) {
  return {
    async sessions(f: SessionFilter, q: SqlRunner = defaultRunner): Promise<SessionRecord[]> {
      const params: unknown[] = [];
      const c: string[] = [];
      const add = (sql: string, v: unknown) => {
        params.push(v);
        c.push(sql.replace('?', `$${params.length}`));
      };
      if (f.purpose !== undefined) add('s.purpose = ?', f.purpose);
      if (f.fiscalYear !== undefined) add('s.fiscal_year = ?', f.fiscalYear);
      if (f.program !== undefined) add('? = ANY(s.programs)', f.program);
      if (f.venueId !== undefined) add('s.venue_id = ?', f.venueId);
      if (f.from !== undefined) add('s.session_date >= ?', f.from);
      if (f.to !== undefined) add('s.session_date <= ?', f.to);
      if (f.status !== undefined) add('s.status = ?', f.status);
      if (f.ids !== undefined) add('s.id = ANY(?::bigint[])', f.ids);
      const rows = await q.query<SessionRecord>(
        `${sessionSelect}${c.length ? ` WHERE ${c.join(' AND ')}` : ''}
         ORDER BY s.session_date, s.start_time, s.id`,
        params,
      );
      return rows.map((r) => ({ ...num(r), venueId: Number(r.venueId) }));
    },

    /** Locks the session row for the rest of the transaction (every booking of the session waits here). */
    async lockSession(q: SqlRunner, id: number): Promise<boolean> {
      const rows = await q.query('SELECT id FROM reservation_sessions WHERE id = $1 FOR UPDATE', [id]);
      return rows.length > 0;
    },

    async slots(sessionIds: number[], q: SqlRunner = defaultRunner): Promise<SlotRecord[]> {
      const rows = await q.query<SlotRecord>(
        `SELECT t.id, t.session_id AS "sessionId", t.start_time AS "startTime", t.end_time AS "endTime", t.capacity,
           (SELECT count(*)::int FROM bookings b WHERE b.slot_id = t.id AND b.status = 'booked') AS booked,
           (SELECT count(*)::int FROM bookings b WHERE b.slot_id = t.id AND b.status = 'waiting') AS waiting
         FROM reservation_slots t WHERE t.session_id = ANY($1::bigint[]) ORDER BY t.start_time, t.id`,
        [sessionIds],
      );
      return rows.map((r) => ({ ...num(r), sessionId: Number(r.sessionId) }));
    },

    async insertSession(q: SqlRunner, v: SessionValues): Promise<number> {
      const [r] = await q.query<{ id: number }>(
        `INSERT INTO reservation_sessions (purpose, fiscal_year, programs, venue_id, session_date, start_time, end_time,
           capacity, cutoff_date, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          v.purpose,
          v.fiscalYear,
          v.programs,
          v.venueId,
          v.sessionDate,
          v.startTime,
          v.endTime,
          v.capacity,
          v.cutoffDate,
          v.note,
        ],
      );
      return Number(r!.id);
    },

    /** Optimistic update: false when `version` is no longer current. */
    async updateSession(q: SqlRunner, id: number, version: number, v: SessionValues): Promise<boolean> {
      const rows = await q.query(
        `UPDATE reservation_sessions SET fiscal_year = $3, programs = $4, venue_id = $5, session_date = $6,
           start_time = $7, end_time = $8, capacity = $9, cutoff_date = $10, note = $11, version = version + 1,
           updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING id`,
        [
          id,
          version,
          v.fiscalYear,
          v.programs,
          v.venueId,
          v.sessionDate,
          v.startTime,
          v.endTime,
          v.capacity,
          v.cutoffDate,
          v.note,
        ],
      );
      return rows.length > 0;
    },

    async setStatus(q: SqlRunner, id: number, version: number, status: SessionStatus): Promise<boolean> {
      const rows = await q.query(
        `UPDATE reservation_sessions SET status = $3, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING id`,
        [id, version, status],
      );
      return rows.length > 0;
    },

    /** Slots with an id are updated, new ones inserted, the others deleted. */
    async saveSlots(q: SqlRunner, sessionId: number, slots: (SlotPlan & { id?: number })[]): Promise<void> {
      const kept = slots.flatMap((s) => (s.id ? [s.id] : []));
      await q.query('DELETE FROM reservation_slots WHERE session_id = $1 AND NOT (id = ANY($2::bigint[]))', [
        sessionId,
        kept,
      ]);
      for (const s of slots) {
        if (s.id)
          await q.query(
            'UPDATE reservation_slots SET start_time = $3, end_time = $4, capacity = $5 WHERE id = $1 AND session_id = $2',
            [s.id, sessionId, s.startTime, s.endTime, s.capacity],
          );
        else
          await q.query(
            'INSERT INTO reservation_slots (session_id, start_time, end_time, capacity) VALUES ($1, $2, $3, $4)',
            [sessionId, s.startTime, s.endTime, s.capacity],
          );
      }
    },

    async deleteSession(q: SqlRunner, id: number, version: number): Promise<boolean> {
      const rows = await q.query(
        'DELETE FROM reservation_sessions WHERE id = $1 AND version = $2 RETURNING id',
        [id, version],
      );
      if (rows.length) await q.query('DELETE FROM reservation_slots WHERE session_id = $1', [id]);
      return rows.length > 0;
    },

    /** Bookings ever made on the session (cancelled ones included). */
    async bookingCount(id: number, q: SqlRunner = defaultRunner): Promise<number> {
      const [r] = await q.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM bookings WHERE session_id = $1',
        [id],
      );
      return r?.n ?? 0;
    },

    /** Booked places of the session (and of the slot), counted on the caller's transaction. */
    async bookedCounts(q: SqlRunner, sessionId: number, slotId: number | null) {
      const [r] = await q.query<{ session: number; slot: number }>(
        `SELECT count(*)::int AS session, count(*) FILTER (WHERE slot_id = $2)::int AS slot
         FROM bookings WHERE session_id = $1 AND status = 'booked'`,
        [sessionId, slotId],
      );
      return { session: r?.session ?? 0, slot: r?.slot ?? 0 };
    },

    async booking(q: SqlRunner, id: number, lock = false): Promise<BookingRecord | undefined> {
      const [r] = await q.query<BookingRecord>(
        `SELECT ${bookingCols} FROM bookings b WHERE b.id = $1${lock ? ' FOR UPDATE' : ''}`,
        [id],
      );
      return r && toBooking(r);
    },

    async activeBooking(
      q: SqlRunner,
      sessionId: number,
      residentId: number,
    ): Promise<BookingRecord | undefined> {
      const [r] = await q.query<BookingRecord>(
        `SELECT ${bookingCols} FROM bookings b WHERE b.session_id = $1 AND b.resident_id = $2 AND b.status <> 'cancelled'`,
        [sessionId, residentId],
      );
      return r && toBooking(r);
    },

    async insertBooking(
      q: SqlRunner,
      v: {
        sessionId: number;
        slotId: number | null;
        residentId: number;
        status: 'booked' | 'waiting';
        source: string;
        sourceRef: number | null;
        walkIn?: boolean;
        reception?: Reception;
        receptionNote?: string;
        createdBy: number | null;
      },
    ): Promise<BookingRecord> {
      const [r] = await q.query<BookingRecord>(
        `INSERT INTO bookings AS b (session_id, slot_id, resident_id, status, waiting_since, source, source_ref, walk_in,
           reception, reception_note, received_at, created_by)
         VALUES ($1, $2, $3, $4::text, CASE WHEN $4::text = 'waiting' THEN now() END, $5, $6, $7, $8::text, $9,
           CASE WHEN $8::text = 'none' THEN NULL ELSE now() END, $10)
         RETURNING ${bookingCols}`,
        [
          v.sessionId,
          v.slotId,
          v.residentId,
          v.status,
          v.source,
          v.sourceRef,
          v.walkIn ?? false,
          v.reception ?? 'none',
          v.receptionNote ?? '',
          v.createdBy,
        ],
      );
      return toBooking(r!);
    },

    /** Optimistic update of one booking: undefined when `version` is no longer current. */
    async updateBooking(
      q: SqlRunner,
      id: number,
      version: number,
      set: Partial<{
        status: BookingStatus;
        reception: Reception;
        receptionNote: string;
        cancelReason: string;
      }>,
    ): Promise<BookingRecord | undefined> {
      const [r] = await q.query<BookingRecord>(
        `UPDATE bookings AS b SET status = coalesce($3::text, status), reception = coalesce($4::text, reception),
           reception_note = coalesce($5::text, reception_note), cancel_reason = coalesce($6::text, cancel_reason),
           received_at = CASE WHEN $4::text IS NULL THEN received_at WHEN $4::text = 'none' THEN NULL ELSE now() END,
           waiting_since = CASE WHEN $3::text = 'booked' THEN NULL ELSE waiting_since END,
           version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING ${bookingCols}`,
        [
          id,
          version,
          set.status ?? null,
          set.reception ?? null,
          set.receptionNote ?? null,
          set.cancelReason ?? null,
        ],
      );
      return r && toBooking(r);
    },

    /** The session's bookings with the person, waiting list in order of waiting, cancelled last. */
    async bookingsOf(sessionId: number, q: SqlRunner = defaultRunner): Promise<BookingRow[]> {
      const rows = await q.query<BookingRow>(
        `SELECT ${bookingCols}, r.atena_no AS "atenaNo", r.name, r.name_kana AS "nameKana", r.birth_date AS "birthDate"
         FROM bookings b JOIN residents r ON r.id = b.resident_id
         WHERE b.session_id = $1
         ORDER BY CASE b.status WHEN 'booked' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END,
           (SELECT t.start_time FROM reservation_slots t WHERE t.id = b.slot_id) NULLS FIRST,
           b.waiting_since NULLS FIRST, r.name_kana, b.id`,
        [sessionId],
      );
      return rows.map(toBooking);
    },
  };
}

export type ReservationsRepository = ReturnType<typeof reservationsRepository>;
