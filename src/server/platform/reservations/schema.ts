import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 実施日程 (reservation sessions): a date at a venue with a 定員, owned by one business (`purpose`, e.g.
 * 'adult-health.group' = 集団検診). Bookings (below) are the only truth for how full it is.
 */
export const reservationSessions = pgTable(
  'reservation_sessions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** the business that owns the session: 'adult-health.group' = 成人保健の集団検診 */
    purpose: text('purpose').notNull().default('adult-health.group'),
    fiscalYear: integer('fiscal_year').notNull(),
    /** program codes done at this session */
    programs: text('programs').array().notNull(),
    venueId: integer('venue_id').notNull(),
    sessionDate: date('session_date').notNull(),
    /** 'HH:MM' */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    capacity: integer('capacity').notNull(),
    /** 締切日: last day bookings are taken (null = until the day before the session) */
    cutoffDate: date('cutoff_date'),
    /** 'open' 受付中 | 'closed' 締切 | 'cancelled' 中止 */
    status: text('status').notNull().default('open'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reservation_sessions_year_idx').on(t.fiscalYear, t.sessionDate)],
);

/** 時間枠: optional time slots of a session (a session without slots has one implicit slot). */
export const reservationSlots = pgTable(
  'reservation_slots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sessionId: bigint('session_id', { mode: 'number' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [index('reservation_slots_session_idx').on(t.sessionId)],
);

/** 予約: one person on one session — booked, on the waiting list (キャンセル待ち) or cancelled — and 当日受付. */
export const bookings = pgTable(
  'bookings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sessionId: bigint('session_id', { mode: 'number' }).notNull(),
    slotId: bigint('slot_id', { mode: 'number' }),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** 'booked' | 'waiting' | 'cancelled' */
    status: text('status').notNull(),
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    /** who made it: 'adult-health.preference' | 'adult-health.application' | 'counter' | 'walk_in' … */
    source: text('source').notNull(),
    /** the source's row (e.g. screening_preferences.id) */
    sourceRef: bigint('source_ref', { mode: 'number' }),
    /** 当日受付: 'none' | 'arrived' 受付済 | 'no_show' 欠席 */
    reception: text('reception').notNull().default('none'),
    walkIn: boolean('walk_in').notNull().default(false),
    receptionNote: text('reception_note').notNull().default(''),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    cancelReason: text('cancel_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bookings_active_resident_idx')
      .on(t.sessionId, t.residentId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('bookings_session_status_idx').on(t.sessionId, t.status),
    index('bookings_resident_idx').on(t.residentId),
  ],
);
