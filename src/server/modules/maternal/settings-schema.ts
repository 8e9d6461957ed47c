import { integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * 母子保健の自治体設定 (one row, id = 1): what municipalities vary and the notes leave unconfirmed
 * (maternal-child-vaccination-pmh.md §4.3–4.5) — a row absent or a key absent means the national default in code.
 * - voucher_plan: per 受診券の種類 { count, limitYen, enabled } — 妊婦健診14回 [C], 産婦健診2回 5,000円 [C],
 *   子宮頸がん・妊婦歯科・新生児聴覚 (市町村事業) and the 助成上限 each city sets;
 * - epds_follow_up_threshold / epds_self_harm_threshold: フォロー対象 cut-offs (§4.4 [P], default 9点 / 問10 1点);
 * - low_birth_weight_grams: 低出生体重 (法第18条, < 2,500 g [U]).
 */
export const maternalSettings = pgTable('maternal_settings', {
  id: integer('id').primaryKey(),
  voucherPlan: jsonb('voucher_plan')
    .$type<Record<string, { count?: number; limitYen?: number | null; enabled?: boolean }>>()
    .notNull()
    .default({}),
  epdsFollowUpThreshold: integer('epds_follow_up_threshold'),
  epdsSelfHarmThreshold: integer('epds_self_harm_threshold'),
  lowBirthWeightGrams: integer('low_birth_weight_grams'),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
