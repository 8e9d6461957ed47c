import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * 予防接種の自治体設定 (one row, id = 1): what a municipality sets for the schedule engine instead of the national
 * defaults of the master (docs/vaccination-rules.md 未確認の事実と設定) —
 * - month_end_rule: N月以上の間隔 when the month has no 応当日 — 'mhlw' (翌月1日, the MHLW reading) or 'month-end'
 *   (その月の末日, some municipalities) (§1.2);
 * - seasons: the 接種期間 of the yearly B類 programs per vaccine code, { "FLU_ELD": { "from": "10-01", "to":
 *   "01-31" } } ('MM-DD'; a vaccine not listed keeps the master's default) [U].
 */
export const vaccinationSettings = pgTable('vaccination_settings', {
  id: integer('id').primaryKey(),
  monthEndRule: text('month_end_rule').notNull().default('mhlw'),
  seasons: jsonb('seasons').$type<Record<string, { from: string; to: string }>>().notNull().default({}),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
