/**
 * 実施日程 of the reservations engine: list and detail (with 曜日, 祝日 and the counts of the bookings), create,
 * change (optimistic lock; never below the bookings already made), 受付中 / 締切 / 中止, delete when unused.
 * The owning business (purpose) adds its own checks (e.g. 集団検診: the programs run that 年度).
 */
import type { Actor, AuditService } from '../audit/service.ts';
import { dayOfWeek, fiscalYearRange, holidayName, warekiYear } from '../calendar/index.ts';
import type { Database, SqlRunner } from '../db/connect.ts';
import { AppError, conflict, notFound } from '../errors/app-error.ts';
import { type SessionInput, sessionInputSchema } from './input.ts';
import type {
  BookingRow,
  ReservationsRepository,
  SessionFilter,
  SessionRecord,
  SlotRecord,
} from './repository.ts';
import {
  lastBookingDay,
  type PlanIssue,
  planIssues,
  reductionIssues,
  type SessionStatus,
  sessionStatusLabels,
} from './rules.ts';

export type { SessionInput };

/** A business that owns sessions: its name on screens and its own checks of a session. */
export type ReservationPurpose = {
  code: string;
  label: string;
  check?: (v: SessionInput, previous?: SessionView) => Promise<PlanIssue[]>;
};

export type SessionView = SessionRecord & {
  purposeLabel: string;
  weekday: string;
  /** 祝日名 when the date is a holiday (flagged when planning) */
  holidayName: string | null;
  lastBookingDay: string;
  statusLabel: string;
  slots: SlotRecord[];
  /** 定員超過 (walk-ins taken beyond the 定員) */
  overCapacity: boolean;
};

const weekdays = ['日', '月', '火', '水', '木', '金', '土'];

/** 年度 as staff write it: 2026 → 「令和8年度」 (the era of 5月1日: 2019 is 令和元年度). */
function fiscalYearShort(fy: number): string {
  const w = warekiYear(`${String(fy).padStart(4, '0')}-05-01`);
  return `${w.era}${w.year === 1 ? '元' : w.year}年度`;
}

/** A validation failure in the HTTP layer's shape (details.fields, shown next to each field). */
export function invalid(fields: PlanIssue[]): AppError {
  const first = fields[0];
  return new AppError(
    400,
    'VALIDATION',
    first ? `入力に誤りがあります: ${first.message}` : '入力に誤りがあります。',
    { fields },
  );
}

/** What is booked on a session and its slots (a changed plan must keep room for them). */
const bookedOf = (s: SessionView) => ({
  session: s.booked,
  slots: s.slots.map((t) => ({ id: t.id, label: `${t.startTime}〜${t.endTime}`, booked: t.booked })),
});

export function parseSession(input: unknown): SessionInput {
  const r = sessionInputSchema.safeParse(input);
  if (!r.success) throw invalid(r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return r.data;
}

export function reservationSessions(deps: {
  database: Database;
  audit: AuditService;
  repo: ReservationsRepository;
  purposes: Map<string, ReservationPurpose>;
}) {
  const { database, audit, repo, purposes } = deps;
  const screen = '日程・予約';

  async function views(f: SessionFilter, q: SqlRunner = database): Promise<SessionView[]> {
    const rows = await repo.sessions(f, q);
    const slots = rows.length
      ? await repo.slots(
          rows.map((r) => r.id),
          q,
        )
      : [];
    return rows.map((r) => ({
      ...r,
      purposeLabel: purposes.get(r.purpose)?.label ?? r.purpose,
      weekday: weekdays[dayOfWeek(r.sessionDate)]!,
      holidayName: holidayName(r.sessionDate),
      lastBookingDay: lastBookingDay(r),
      statusLabel: sessionStatusLabels[r.status] ?? r.status,
      slots: slots.filter((s) => s.sessionId === r.id),
      overCapacity: r.booked > r.capacity,
    }));
  }

  async function get(id: number, q: SqlRunner = database): Promise<SessionView> {
    const [s] = await views({ ids: [id] }, q);
    if (!s) throw notFound('日程');
    return s;
  }

  /** Every check of a session that needs the database; `previous` when changing one. */
  async function check(v: SessionInput, previous?: SessionView): Promise<void> {
    const fields: PlanIssue[] = [];
    const { start, end } = fiscalYearRange(v.fiscalYear);
    if (v.sessionDate < start || v.sessionDate > end)
      fields.push({
        path: 'sessionDate',
        message: `実施日は${fiscalYearShort(v.fiscalYear)}（${start}〜${end}）の中の日付にしてください。`,
      });
    if (v.cutoffDate && v.cutoffDate > v.sessionDate)
      fields.push({ path: 'cutoffDate', message: '締切日は実施日以前の日付にしてください。' });
    const [venue] = await database.query<{ id: number; name: string; active: boolean }>(
      'SELECT id, name, active FROM venues WHERE id = $1',
      [v.venueId],
    );
    if (!venue) fields.push({ path: 'venueId', message: '会場が見つかりません。一覧から選んでください。' });
    else if (!venue.active && previous?.venueId !== Number(venue.id))
      fields.push({
        path: 'venueId',
        message: `会場「${venue.name}」は無効になっています。有効な会場を選ぶか、会場を有効に戻してください。`,
      });
    fields.push(...planIssues(v));
    const purpose = purposes.get(v.purpose);
    if (!purpose) fields.push({ path: 'purpose', message: `事業「${v.purpose}」の日程は登録できません。` });
    else if (purpose.check) fields.push(...(await purpose.check(v, previous)));
    if (previous) {
      fields.push(...reductionIssues(v, bookedOf(previous)));
    }
    if (fields.length) throw invalid(fields);
  }

  const describe = (s: SessionView) => `${s.sessionDate} ${s.startTime}〜${s.endTime} ${s.venueName}`;

  return {
    list: (f: SessionFilter = {}) => views(f),
    get,
    views,

    /** A session with its bookings (氏名・カナ・宛名番号・生年月日); the read is audited with their ids. */
    async detail(actor: Actor, id: number): Promise<{ session: SessionView; bookings: BookingRow[] }> {
      const session = await get(id);
      const bookings = await repo.bookingsOf(id);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: bookings.map((b) => b.residentId),
        summary: `日程の予約一覧 ${describe(session)}`,
        detail: { sessionId: id },
      });
      return { session, bookings };
    },

    async create(actor: Actor, input: unknown): Promise<SessionView> {
      const v = parseSession(input);
      await check(v);
      const id = await database.transaction(async (tx) => {
        const id = await repo.insertSession(tx, v);
        await repo.saveSlots(tx, id, v.slots);
        return id;
      });
      const row = await get(id);
      await audit.record(actor, {
        action: 'change',
        screen,
        summary: `日程の登録 ${describe(row)}`,
        detail: { session: row },
      });
      return row;
    },

    /** Changes a session (not its business); the session row locked so no booking slips in meanwhile. */
    async update(actor: Actor, id: number, version: number, input: unknown): Promise<SessionView> {
      const current = await get(id);
      const v = { ...parseSession(input), purpose: current.purpose };
      await check(v, current);
      await database.transaction(async (tx) => {
        await repo.lockSession(tx, id);
        const locked = await get(id, tx);
        const issues = reductionIssues(v, bookedOf(locked));
        if (issues.length) throw invalid(issues);
        if (!(await repo.updateSession(tx, id, version, v))) throw conflict('この日程', current);
        await repo.saveSlots(tx, id, v.slots);
      });
      const row = await get(id);
      await audit.record(actor, {
        action: 'change',
        screen,
        summary: `日程の変更 ${describe(row)}`,
        detail: { before: current, after: row },
      });
      return row;
    },

    /** 受付中 / 締切 / 中止 (a cancelled session keeps its bookings for the record and the notices). */
    async setStatus(actor: Actor, id: number, version: number, status: SessionStatus): Promise<SessionView> {
      const current = await get(id);
      if (!(await repo.setStatus(database, id, version, status))) throw conflict('この日程', current);
      const row = await get(id);
      await audit.record(actor, {
        action: 'change',
        screen,
        summary: `日程を「${sessionStatusLabels[status]}」に ${describe(row)}`,
        detail: { sessionId: id, before: current.status, after: status },
      });
      return row;
    },

    /** Deletes a session nobody has booked (one with bookings is changed or set to 中止 instead). */
    async remove(actor: Actor, id: number, version: number): Promise<void> {
      const current = await get(id);
      const n = await repo.bookingCount(id);
      if (n > 0)
        throw new AppError(
          409,
          'IN_USE',
          `この日程には予約が${n}件あるため削除できません。日時・会場の変更は「編集」で、取りやめる場合は状態を「中止」にしてください。`,
        );
      if (!(await database.transaction((tx) => repo.deleteSession(tx, id, version))))
        throw conflict('この日程', current);
      await audit.record(actor, {
        action: 'change',
        screen,
        summary: `日程の削除 ${describe(current)}`,
        detail: { session: current },
      });
    },
  };
}

export type ReservationSessions = ReturnType<typeof reservationSessions>;
