import { bigint, bigserial, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * 本人ごとの特例・除外 (§1.6, §1.7): what the schedule engine needs of a person beyond the birth date and sex, one row
 * per fact, registered by staff with its evidence —
 * - long_term_care 長期療養特例: `vaccines`, the illness (`reason`, 理由書), the day the reason ended (`date`, null =
 *   still ill);
 * - exclusion 既罹患・除外: `disease`, `reason` (infected | prior_vaccination | hbv_prophylaxis | other);
 * - mr_shortage MR 供給不足による延長を市町村長が認めた; rubella5 風しん第5期（抗体価が不十分）;
 * - disability60 60〜64歳の障害（身体障害者手帳1級相当）: `reason` organ | hiv;
 * - pregnancy 妊娠中: `date` = 出産予定日 (RSウイルス母子免疫).
 * A fact registered by mistake or no longer true is ended softly (`ended_at`, `end_reason`): the history stays.
 */
export const vaccinationSpecials = pgTable(
  'vaccination_specials',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    vaccines: text('vaccines').array().notNull().default([]),
    disease: text('disease'),
    reason: text('reason').notNull().default(''),
    date: date('date'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: integer('ended_by'),
    endReason: text('end_reason'),
  },
  (t) => [index('vaccination_specials_resident_idx').on(t.residentId)],
);
