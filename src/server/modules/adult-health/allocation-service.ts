/**
 * 集団検診の日程割当 (F02-01): the people who asked for a 集団検診 without choosing a date get the earliest
 * session with room (allocation.ts). Only sessions taking bookings count (受付中, 締切日 not passed). The preview
 * only reads. Apply works in one transaction: it locks the sessions, counts their bookings (the reservations
 * engine's, whatever their source) again, allocates, saves the whole allocation and books it through the
 * engine — or nothing, when an answer changed meanwhile.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { addDays, today } from '../../platform/calendar/index.ts';
import type { Database, SqlRunner } from '../../platform/db/connect.ts';
import { AppError, badRequest } from '../../platform/errors/app-error.ts';
import type { ReservationsService } from '../../platform/reservations/index.ts';
import { groupScreeningPurpose } from '../programs/index.ts';
import { type Allocation, allocateSessions, type UnassignedReason } from './allocation.ts';

export type AllocationRequest = { fromDate?: string; venueId?: number | null };

type SessionRow = {
  id: number;
  session_date: string;
  start_time: string;
  end_time: string;
  capacity: number;
  programs: string[];
  venue_id: number;
  venue: string;
};

type WaitingRow = {
  resident_id: number;
  atena_no: string;
  name: string;
  programs: string[];
  postal_code: string;
  address_key: string;
};

export type AllocationResult = {
  fromDate: string;
  venueId: number | null;
  /** people who asked for a 集団検診 and have no date yet */
  waiting: number;
  /** the sessions taken into account, earliest first */
  sessions: {
    id: number;
    date: string;
    startTime: string;
    endTime: string;
    venue: string;
    programs: string[];
    capacity: number;
    booked: number;
    assigned: number;
  }[];
  assigned: number;
  unassigned: {
    residentId: number;
    atenaNo: string;
    name: string;
    programs: string[];
    reason: UnassignedReason;
  }[];
};

/** Residents per audit entry (an entry lists up to 1,000 ids): every changed answer stays findable. */
const auditChunk = 1000;

export function allocationService(deps: {
  database: Database;
  audit: AuditService;
  reservations: ReservationsService;
  /** the engine's source of the answers' bookings (preferences.ts) */
  bookingSource: string;
}) {
  const { database, audit, reservations, bookingSource } = deps;
  const screen = '成人保健 受診希望';

  function resolve(r: AllocationRequest) {
    const tomorrow = addDays(today(), 1);
    const fromDate = r.fromDate ?? tomorrow;
    if (fromDate < tomorrow)
      throw badRequest(
        '割り当てる日程の開始日は明日以降にしてください（今日までの日程には割り当てません）。',
      );
    return { fromDate, venueId: r.venueId ?? null };
  }

  /** 集団検診 sessions of the 年度 from `fromDate` taking bookings (locked when applying), with their bookings. */
  async function sessionsFrom(q: SqlRunner, fy: number, fromDate: string, lock: boolean) {
    const rows = await q.query<SessionRow>(
      `SELECT s.id, s.session_date, s.start_time, s.end_time, s.capacity, s.programs, s.venue_id, v.name AS venue
       FROM reservation_sessions s JOIN venues v ON v.id = s.venue_id
       WHERE s.fiscal_year = $1 AND s.purpose = $3 AND s.session_date >= $2 AND s.status = 'open'
         AND coalesce(s.cutoff_date, s.session_date - 1) >= $4::date
       ORDER BY s.id${lock ? ' FOR UPDATE OF s' : ''}`,
      [fy, fromDate, groupScreeningPurpose, today()],
    );
    const counts = await q.query<{ session_id: number; n: number }>(
      `SELECT session_id, count(*)::int AS n FROM bookings
       WHERE status = 'booked' AND session_id = ANY($1::bigint[]) GROUP BY session_id`,
      [rows.map((r) => Number(r.id))],
    );
    const booked = new Map(counts.map((c) => [Number(c.session_id), c.n]));
    return rows.map((r) => ({ ...r, id: Number(r.id), booked: booked.get(Number(r.id)) ?? 0 }));
  }

  /** Residents (住民) who asked for a 集団検診 of the 年度 and have no session yet. */
  function waitingPeople(q: SqlRunner, fy: number) {
    return q.query<WaitingRow>(
      `SELECT p.resident_id, r.atena_no, r.name, p.programs, r.postal_code, r.address_key
       FROM screening_preferences p JOIN residents r ON r.id = p.resident_id
       WHERE p.fiscal_year = $1 AND p.session_id IS NULL AND p.wants_group AND r.status = 'resident'`,
      [fy],
    );
  }

  async function plan(q: SqlRunner, fy: number, o: ReturnType<typeof resolve>, lock: boolean) {
    const sessions = await sessionsFrom(q, fy, o.fromDate, lock);
    const waiting = await waitingPeople(q, fy);
    const allocation = allocateSessions(
      waiting.map((w) => ({
        residentId: Number(w.resident_id),
        programs: w.programs,
        sortKey: `${w.postal_code}\u0000${w.address_key}`,
      })),
      sessions.map((s) => ({
        id: s.id,
        date: s.session_date,
        startTime: s.start_time,
        venueId: Number(s.venue_id),
        programs: s.programs,
        capacity: s.capacity,
        booked: s.booked,
      })),
      o,
    );
    return { sessions, waiting, allocation };
  }

  function result(
    o: ReturnType<typeof resolve>,
    p: { sessions: (SessionRow & { booked: number })[]; waiting: WaitingRow[]; allocation: Allocation },
  ): AllocationResult {
    const session = new Map(p.sessions.map((s) => [s.id, s]));
    const person = new Map(p.waiting.map((w) => [Number(w.resident_id), w]));
    return {
      ...o,
      waiting: p.waiting.length,
      sessions: p.allocation.bySession.map((t) => {
        const s = session.get(t.sessionId)!;
        return {
          id: s.id,
          date: s.session_date,
          startTime: s.start_time,
          endTime: s.end_time,
          venue: s.venue,
          programs: s.programs,
          capacity: t.capacity,
          booked: t.booked,
          assigned: t.assigned,
        };
      }),
      assigned: p.allocation.assignments.length,
      unassigned: p.allocation.unassigned.map((u) => {
        const w = person.get(u.residentId)!;
        return {
          residentId: u.residentId,
          atenaNo: w.atena_no,
          name: w.name,
          programs: w.programs,
          reason: u.reason,
        };
      }),
    };
  }

  return {
    /** What 割り当てる would do now (nothing is saved). */
    async previewAllocation(actor: Actor, fy: number, r: AllocationRequest): Promise<AllocationResult> {
      const o = resolve(r);
      const out = result(o, await plan(database, fy, o, false));
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: out.unassigned.map((u) => u.residentId),
        summary: `${fy}年度 集団検診の日程割当の確認（割当 ${out.assigned}人 / 割当できない方 ${out.unassigned.length}人）`,
      });
      return out;
    },

    /**
     * Allocates in one transaction: the sessions locked and their bookings counted again, only answers still
     * without a session updated (version + 1). An answer changed since it was read fails the whole run.
     */
    async applyAllocation(actor: Actor, fy: number, r: AllocationRequest): Promise<AllocationResult> {
      const o = resolve(r);
      const p = await database.transaction(async (tx) => {
        const p = await plan(tx, fy, o, true);
        const { assignments } = p.allocation;
        if (assignments.length === 0) return p;
        const done = await tx.query<{ id: number; resident_id: number; session_id: number }>(
          `UPDATE screening_preferences p SET session_id = u.session_id, version = p.version + 1, updated_by = $3,
             updated_at = now()
           FROM unnest($1::bigint[], $2::bigint[]) AS u(resident_id, session_id)
           WHERE p.fiscal_year = $4 AND p.resident_id = u.resident_id AND p.session_id IS NULL AND p.wants_group
           RETURNING p.id, p.resident_id, p.session_id`,
          [assignments.map((a) => a.residentId), assignments.map((a) => a.sessionId), actor.userId, fy],
        );
        if (done.length !== assignments.length)
          throw new AppError(
            409,
            'ALLOCATION_CHANGED',
            '割当の途中で受診希望が変更されたため、割り当てていません。もう一度「割当を確認」からやり直してください。',
          );
        await reservations.bookAll(
          tx,
          actor,
          bookingSource,
          done.map((d) => ({
            sessionId: Number(d.session_id),
            residentId: Number(d.resident_id),
            sourceRef: Number(d.id),
          })),
        );
        return p;
      });
      const out = result(o, p);
      const ids = p.allocation.assignments.map((a) => a.residentId);
      for (let i = 0; i < ids.length; i += auditChunk)
        await audit.record(actor, {
          action: 'change',
          screen,
          residentIds: ids.slice(i, i + auditChunk),
          summary: `${fy}年度 集団検診の日程割当（${ids.length}人に割当）`,
          detail: { fromDate: o.fromDate, venueId: o.venueId },
        });
      return out;
    },
  };
}

export type AllocationService = ReturnType<typeof allocationService>;
