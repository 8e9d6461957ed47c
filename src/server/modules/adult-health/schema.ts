import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 受診歴: one screening a person had (by program and method), the history the interval rules read.
 * Results entry (F03) adds to it; here it carries what extraction needs.
 */
export const screeningRecords = pgTable(
  'screening_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    program: text('program').notNull(),
    method: text('method'),
    /** 年度 of the screening date */
    fiscalYear: integer('fiscal_year').notNull(),
    screenedOn: date('screened_on').notNull(),
    /** e.g. 'negative', 'needs_followup'; HPV: 'hpv_negative' | 'hpv_positive_cytology_negative' | 'hpv_positive_cytology_positive' */
    result: text('result'),
    /** manual | import | demo */
    source: text('source').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('screening_records_resident_idx').on(t.residentId, t.program, t.fiscalYear)],
);

/**
 * 送付不要登録: people judged in advance not to need an invitation (入院中, 施設入所, 職場で受診 …), for all
 * programs (program null) or one, over a period.
 */
export const screeningOptOuts = pgTable(
  'screening_opt_outs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    program: text('program'),
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('screening_opt_outs_resident_idx').on(t.residentId)],
);

/**
 * 受診希望 (F02-01 step 7): the programs a person asked for in the preference survey, by which channel,
 * and for group screenings the booked session. 希望形態 集団 without a session waits for 日程割当
 * (allocation.ts); a booked session is 集団 by definition (check constraint).
 */
export const screeningPreferences = pgTable(
  'screening_preferences',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fiscalYear: integer('fiscal_year').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** the survey list the answer belongs to (null: answered without a survey form) */
    surveyListId: bigint('survey_list_id', { mode: 'number' }),
    programs: text('programs').array().notNull(),
    /** 希望形態: true = 集団検診 (with or without a session yet), false = 個別検診 */
    wantsGroup: boolean('wants_group').notNull().default(false),
    /** group session booked with the answer or given by 日程割当 */
    sessionId: bigint('session_id', { mode: 'number' }),
    /** paper | phone | csv | xml | counter */
    channel: text('channel').notNull(),
    answeredOn: date('answered_on').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('screening_preferences_year_resident_idx').on(t.fiscalYear, t.residentId),
    index('screening_preferences_session_idx').on(t.sessionId),
    check('screening_preferences_session_group_check', sql`${t.sessionId} IS NULL OR ${t.wantsGroup}`),
  ],
);

/**
 * 自己負担金の免除 registered for a person (生活保護受給者, 市町村民税非課税世帯 …) over a period: the 受診票（券）
 * of the programs whose settings exempt that kind print 「免除」 instead of the fee.
 */
export const screeningFeeExemptions = pgTable(
  'screening_fee_exemptions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** welfare | tax_exempt | other (programs/types.ts feeExemptionKinds) */
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('screening_fee_exemptions_resident_idx').on(t.residentId)],
);
