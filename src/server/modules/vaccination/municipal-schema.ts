import { bigserial, boolean, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * 市町村独自の予防接種 (任意接種の費用助成, e.g. おたふくかぜ, 小児インフルエンザ): vaccines a city subsidises
 * beside the 定期接種 of the national master, defined by an administrator. The rules are deliberately simple —
 * who (age window, sex), how many subsidised doses, the minimum interval, the amount — and each definition has
 * its effective period so that history is judged by the rules in force at the time. Records of such
 * vaccinations are kept in vaccination_records with `vaccine` = this code.
 *
 * Ages: `age_from_*` is 生後N月 / N歳 に至った日 (from); `age_to_*` is …に至るまで (until the day before).
 */
export const municipalVaccines = pgTable('municipal_vaccines', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** code used in records and files: upper-case letters, digits and _ (never one of the national codes) */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** INJ_LIVE 注射生 (27日ルール) | ORAL_LIVE 経口生 | INACT 不活化 */
  kind: text('kind').notNull(),
  /** months | years */
  ageFromUnit: text('age_from_unit').notNull(),
  ageFromValue: integer('age_from_value').notNull(),
  ageToUnit: text('age_to_unit').notNull(),
  ageToValue: integer('age_to_value').notNull(),
  /** M | F | null (both) */
  sex: text('sex'),
  /** 助成回数 */
  doses: integer('doses').notNull(),
  /** 接種間隔 (N日以上) between subsidised doses; 0 = none */
  minIntervalDays: integer('min_interval_days').notNull().default(0),
  /** 助成額 (円/回); 0 = 全額 or not a fixed amount */
  subsidyYen: integer('subsidy_yen').notNull().default(0),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  note: text('note').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
