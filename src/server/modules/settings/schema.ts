import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** 自治体設定: one row (id = 1), printed on every document. */
export const municipality = pgTable('municipality', {
  id: integer('id').primaryKey(),
  /** 自治体名 e.g. すこやか市 */
  name: text('name').notNull(),
  /** 地方公共団体コード (6 digits incl. check digit) */
  lgCode: text('lg_code').notNull(),
  mayorTitle: text('mayor_title').notNull(),
  mayorName: text('mayor_name').notNull(),
  /** 保健センター name / postal code / address / phone */
  centerName: text('center_name').notNull(),
  centerPostalCode: text('center_postal_code').notNull(),
  centerAddress: text('center_address').notNull(),
  centerPhone: text('center_phone').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
