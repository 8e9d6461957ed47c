/**
 * 予約 of the reservations engine. Every booking locks its session row (`SELECT … FOR UPDATE`) and counts the
 * booked places again on that lock, so two clerks taking the last place at the same moment cannot both get it:
 * the second waits for the first and then sees the session full. The waiting list (キャンセル待ち) is never
 * promoted by itself: staff promote, and promotion checks the 定員 again.
 *
 * Functions that take `tx` run on the caller's transaction (a module booking together with its own rows);
 * the caller then audits. Without `tx` the engine opens the transaction and audits after it.
 */
import type { Actor, AuditService } from '../audit/service.ts';
import { type LocalDate, today } from '../calendar/index.ts';
import type { Database, SqlTransaction } from '../db/connect.ts';
import { AppError, conflict, notFound } from '../errors/app-error.ts';
import type { BookingRecord, ReservationsRepository } from './repository.ts';
import {
  type BookingAction,
  type BookingOverride,
  bookingRefusal,
  bookingStatusLabels,
  fullMessage,
  fullness,
  type Reception,
  receptionLabels,
  transitionRefusal,
} from './rules.ts';
import type { ReservationSessions } from './sessions.ts';

export type BookInput = {
  sessionId: number;
  slotId?: number | null;
  residentId: number;
  /** who books: 'adult-health.preference' | 'counter' | 'walk_in' … */
  source: string;
  sourceRef?: number | null;
  /** キャンセル待ち when full (otherwise a full session is a 409) */
  waitIfFull?: boolean;
  /** 締切後の受付 by counter staff with the permission */
  override?: BookingOverride;
  /** the day the request was received (締切日 is judged by it); default today */
  asOf?: LocalDate;
};

/** What the owner of a booking (its `source`) does when staff cancel or move it on the engine's screens. */
export type BookingSourceHooks = {
  cancelled?: (tx: SqlTransaction, b: BookingRecord) => Promise<void>;
  moved?: (tx: SqlTransaction, from: BookingRecord, to: BookingRecord) => Promise<void>;
};

const sessionFull = (message: string, details: unknown) =>
  new AppError(409, 'SESSION_FULL', message, details);

export function reservationBookings(deps: {
  database: Database;
  audit: AuditService;
  repo: ReservationsRepository;
  sessions: ReservationSessions;
  sources: Map<string, BookingSourceHooks>;
}) {
  const { database, audit, repo, sessions, sources } = deps;
  const screen = '日程・予約';

  /** Runs on the caller's transaction, or on one of its own followed by the audit entry. */
  async function within<R>(
    tx: SqlTransaction | undefined,
    fn: (tx: SqlTransaction) => Promise<R>,
    entry: (r: R) => Parameters<AuditService['record']>[1] & { actor: Actor },
  ): Promise<R> {
    if (tx) return fn(tx);
    const r = await database.transaction(fn);
    const { actor, ...e } = entry(r);
    await audit.record(actor, { screen, ...e });
    return r;
  }

  async function lockedSession(tx: SqlTransaction, id: number) {
    if (!(await repo.lockSession(tx, id))) throw notFound('日程');
    return sessions.get(id, tx);
  }

  async function mustBooking(tx: SqlTransaction, id: number, version: number, action: BookingAction) {
    const b = await repo.booking(tx, id, true);
    if (!b) throw notFound('予約');
    if (b.version !== version) throw conflict('この予約', b);
    const refusal = transitionRefusal(b.status, action);
    if (refusal) throw new AppError(409, 'BOOKING_STATE', refusal, { current: b });
    return b;
  }

  /** Room for one more on the locked session (and slot): 'booked', 'waiting' or the 定員 error. */
  async function room(tx: SqlTransaction, sessionId: number, slotId: number | null, waitIfFull: boolean) {
    const s = await sessions.get(sessionId, tx);
    const slot = slotId === null ? null : s.slots.find((x) => x.id === slotId);
    if (slotId !== null && !slot)
      throw new AppError(
        400,
        'BAD_REQUEST',
        '選んだ時間枠はこの日程にありません。時間枠を選び直してください。',
      );
    if (slotId === null && s.slots.length)
      throw new AppError(400, 'BAD_REQUEST', 'この日程は時間枠ごとの予約です。時間枠を選んでください。');
    const n = await repo.bookedCounts(tx, sessionId, slotId);
    const full = fullness(
      { capacity: s.capacity, booked: n.session },
      slot ? { capacity: slot.capacity, booked: n.slot } : null,
    );
    if (!full) return 'booked' as const;
    if (waitIfFull) return 'waiting' as const;
    const capacity = full === 'session' ? s.capacity : slot!.capacity;
    throw sessionFull(fullMessage(full, capacity, slot ? `${slot.startTime}〜${slot.endTime}` : ''), {
      capacity,
      booked: full === 'session' ? n.session : n.slot,
    });
  }

  async function insertBooking(tx: SqlTransaction, actor: Actor, v: BookInput): Promise<BookingRecord> {
    const s = await lockedSession(tx, v.sessionId);
    const refusal = bookingRefusal(s, v.asOf ?? today(), v.override);
    if (refusal) throw new AppError(409, 'SESSION_NOT_OPEN', refusal);
    const [person] = await tx.query('SELECT id FROM residents WHERE id = $1', [v.residentId]);
    if (!person) throw notFound('宛名');
    const had = await repo.activeBooking(tx, v.sessionId, v.residentId);
    if (had)
      throw new AppError(
        409,
        'ALREADY_BOOKED',
        had.status === 'waiting'
          ? 'この方は既にこの日程のキャンセル待ちに入っています。予約一覧で確かめてください。'
          : 'この方は既にこの日程を予約しています。予約一覧で確かめてください。',
        { current: had },
      );
    const slotId = v.slotId ?? null;
    const status = await room(tx, v.sessionId, slotId, v.waitIfFull ?? false);
    return repo.insertBooking(tx, {
      sessionId: v.sessionId,
      slotId,
      residentId: v.residentId,
      status,
      source: v.source,
      sourceRef: v.sourceRef ?? null,
      createdBy: actor.userId,
    });
  }

  return {
    /** Books one person (or puts them on the waiting list with `waitIfFull`); 409 when full or closed. */
    book(actor: Actor, v: BookInput, tx?: SqlTransaction): Promise<BookingRecord> {
      return within(
        tx,
        (t) => insertBooking(t, actor, v),
        (b) => ({
          actor,
          action: 'change',
          residentIds: [b.residentId],
          summary: b.status === 'waiting' ? 'キャンセル待ちに登録' : '予約を登録',
          detail: { booking: b },
        }),
      );
    },

    /**
     * Books many people at once on the caller's transaction (日程割当): the sessions locked in id order, each
     * checked for room for all of its new bookings; one full session fails the whole call.
     */
    async bookAll(
      tx: SqlTransaction,
      actor: Actor,
      source: string,
      items: { sessionId: number; residentId: number; sourceRef: number | null }[],
    ): Promise<void> {
      const bySession = new Map<number, number>();
      for (const i of items) bySession.set(i.sessionId, (bySession.get(i.sessionId) ?? 0) + 1);
      for (const id of [...bySession.keys()].sort((a, b) => a - b)) {
        const s = await lockedSession(tx, id);
        const n = await repo.bookedCounts(tx, id, null);
        if (n.session + bySession.get(id)! > s.capacity)
          throw sessionFull(fullMessage('session', s.capacity), { capacity: s.capacity, booked: n.session });
      }
      await tx.query(
        `INSERT INTO bookings (session_id, resident_id, status, source, source_ref, created_by)
         SELECT u.session_id, u.resident_id, 'booked', $4, u.source_ref, $5
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS u(session_id, resident_id, source_ref)`,
        [
          items.map((i) => i.sessionId),
          items.map((i) => i.residentId),
          items.map((i) => i.sourceRef),
          source,
          actor.userId,
        ],
      );
    },

    /** Cancels a booking or a place on the waiting list. Nobody is promoted by itself. */
    cancel(actor: Actor, id: number, reason: string, version: number, tx?: SqlTransaction) {
      return within(
        tx,
        async (t) => {
          const b = await mustBooking(t, id, version, 'cancel');
          const done = (await repo.updateBooking(t, id, version, {
            status: 'cancelled',
            cancelReason: reason,
          }))!;
          await sources.get(b.source)?.cancelled?.(t, done);
          return done;
        },
        (b) => ({
          actor,
          action: 'change',
          residentIds: [b.residentId],
          summary: `予約を取消${reason ? `（${reason}）` : ''}`,
          detail: { booking: b },
        }),
      );
    },

    /** The person's active booking on the session cancelled, if any (a module changing its own row). */
    async cancelActive(tx: SqlTransaction, sessionId: number, residentId: number, reason: string) {
      const b = await repo.activeBooking(tx, sessionId, residentId);
      if (b) await repo.updateBooking(tx, b.id, b.version, { status: 'cancelled', cancelReason: reason });
    },

    /** キャンセル待ち → 予約, when the 定員 (session and slot) has room now. */
    async promote(actor: Actor, id: number, version: number): Promise<BookingRecord> {
      const b = await database.transaction(async (t) => {
        const current = await repo.booking(t, id);
        if (!current) throw notFound('予約');
        await lockedSession(t, current.sessionId);
        const b = await mustBooking(t, id, version, 'promote');
        await room(t, b.sessionId, b.slotId, false);
        return (await repo.updateBooking(t, id, version, { status: 'booked' }))!;
      });
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [b.residentId],
        summary: 'キャンセル待ちから予約に繰り上げ',
        detail: { booking: b },
      });
      return b;
    },

    /** Moves a booking to another session (or slot) in one transaction: cancelled here, booked there. */
    async move(
      actor: Actor,
      id: number,
      version: number,
      to: { sessionId: number; slotId?: number | null; override?: BookingOverride },
    ): Promise<BookingRecord> {
      const r = await database.transaction(async (t) => {
        const from = await mustBooking(t, id, version, 'move');
        if (from.sessionId === to.sessionId && from.slotId === (to.slotId ?? null))
          throw new AppError(
            400,
            'BAD_REQUEST',
            '移る先が今の日程・時間枠と同じです。別の日程か時間枠を選んでください。',
          );
        await repo.updateBooking(t, id, version, { status: 'cancelled', cancelReason: '日程の変更' });
        const moved = await insertBooking(t, actor, {
          sessionId: to.sessionId,
          slotId: to.slotId ?? null,
          residentId: from.residentId,
          source: from.source,
          sourceRef: from.sourceRef,
          override: to.override,
        });
        await sources.get(from.source)?.moved?.(t, from, moved);
        return { from, moved };
      });
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [r.moved.residentId],
        summary: '予約の日程を変更',
        detail: { from: r.from, to: r.moved },
      });
      return r.moved;
    },

    /** 受付 / 欠席 / 未受付 with a note (受付情報の登録・修正). */
    async setReception(
      actor: Actor,
      id: number,
      v: { reception: Reception; note: string },
      version: number,
    ): Promise<BookingRecord> {
      const b = await database.transaction(async (t) => {
        await mustBooking(t, id, version, 'reception');
        return (await repo.updateBooking(t, id, version, { reception: v.reception, receptionNote: v.note }))!;
      });
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [b.residentId],
        summary: `受付情報を「${receptionLabels[v.reception]}」に`,
        detail: { booking: b },
      });
      return b;
    },

    /** 当日受付（予約なし）: booked and arrived at once, even beyond the 定員 (shown as 定員超過). */
    async walkIn(
      actor: Actor,
      sessionId: number,
      residentId: number,
      o: { note: string; slotId?: number | null },
    ): Promise<BookingRecord> {
      const b = await database.transaction(async (t) => {
        const s = await lockedSession(t, sessionId);
        if (s.status === 'cancelled')
          throw new AppError(409, 'SESSION_NOT_OPEN', 'この日程は中止になっているため受付できません。');
        const [person] = await t.query('SELECT id FROM residents WHERE id = $1', [residentId]);
        if (!person) throw notFound('宛名');
        const had = await repo.activeBooking(t, sessionId, residentId);
        if (had)
          throw new AppError(
            409,
            'ALREADY_BOOKED',
            `この方はこの日程に${bookingStatusLabels[had.status]}があります。一覧の行で「受付」を押してください。`,
            { current: had },
          );
        return repo.insertBooking(t, {
          sessionId,
          slotId: o.slotId ?? null,
          residentId,
          status: 'booked',
          source: 'walk_in',
          sourceRef: null,
          walkIn: true,
          reception: 'arrived',
          receptionNote: o.note,
          createdBy: actor.userId,
        });
      });
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: '当日受付（予約なし）',
        detail: { booking: b },
      });
      return b;
    },
  };
}

export type ReservationBookings = ReturnType<typeof reservationBookings>;
