import { bigint, bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * 架電結果 (F03-04 未受診者勧奨, F04-02 精検未受診者勧奨): one phone call made to remind a person, with its outcome
 * (reminder-calls-rules.ts). Append-only: a new call is a new row; the latest one is shown on the lists.
 * purpose screening = 検診の未受診者勧奨 (about every program still to do in the 年度: program null) | detailed =
 * 精検未受診者勧奨 (about the 精密検査 of one program).
 */
export const reminderCalls = pgTable(
  'reminder_calls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** screening | detailed */
    purpose: text('purpose').notNull(),
    program: text('program'),
    fiscalYear: integer('fiscal_year').notNull(),
    calledAt: timestamp('called_at', { withTimezone: true }).notNull().defaultNow(),
    /** will_attend 受診予定 | attended 受診済み（結果未着） | declined 受診しない | no_answer 不在・留守電 | … */
    outcome: text('outcome').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reminder_calls_year_purpose_resident_idx').on(t.fiscalYear, t.purpose, t.residentId),
    index('reminder_calls_resident_idx').on(t.residentId),
  ],
);
