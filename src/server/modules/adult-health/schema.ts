import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 検診結果 = 受診歴 (F03-01/F03-02): one screening a person had in a 年度 (one per program and 年度), the history
 * the interval rules read. Key columns for statistics are real columns (受診日, 判定 `result`, 要精検
 * `needs_detailed`, 年度末年齢, 受診日年齢, 受診区分, 実施機関); the other result items are validated structured
 * data (`items`, checked against the item definitions of results-items.ts at `items_version`).
 * Rows entered as 受診歴 on the 宛名画面 (and demo rows) carry only what extraction needs.
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
    /**
     * 判定: a category of the program (results-items.ts), e.g. 'negative' 異常認めず, 'needs_followup' 要精検;
     * HPV: 'hpv_negative' | 'hpv_positive_cytology_negative' | 'hpv_positive_cytology_positive'
     */
    result: text('result'),
    /** 要精検 (derived from 判定; the 精検 tracking of F04 follows these) */
    needsDetailed: boolean('needs_detailed').notNull().default(false),
    /** 受診区分: individual 個別 | group 集団 */
    mode: text('mode'),
    institutionId: integer('institution_id'),
    /** 集団: the 受付 booking of the session */
    bookingId: bigint('booking_id', { mode: 'number' }),
    /** 受診票（券）番号 as printed (年度-宛名番号) */
    ticketNo: text('ticket_no'),
    /** 年度末年齢 and 受診日の年齢, stored with the result for statistics */
    ageAtFiscalYearEnd: integer('age_at_fiscal_year_end'),
    ageOnDate: integer('age_on_date'),
    items: jsonb('items').$type<Record<string, unknown>>().notNull().default({}),
    itemsVersion: integer('items_version'),
    note: text('note').notNull().default(''),
    /** manual 手入力 (results entry or 受診歴 on the 宛名画面) | import 取込 | demo */
    source: text('source').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('screening_records_resident_program_year_idx').on(t.residentId, t.program, t.fiscalYear),
    index('screening_records_year_program_idx').on(t.fiscalYear, t.program, t.needsDetailed),
    index('screening_records_ticket_idx').on(t.ticketNo),
  ],
);

/**
 * 精密検査結果 (F04-01): the detailed examination of a 要精検 screening, with the status of the national
 * definitions (adult-health-statistics-bank-barcode.md §2.5): examined 精検受診 | not_examined 精検未受診 |
 * unknown 精検未把握. One per screening.
 */
export const detailedExamResults = pgTable(
  'detailed_exam_results',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    screeningRecordId: bigint('screening_record_id', { mode: 'number' }).notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    examinedOn: date('examined_on'),
    institutionId: integer('institution_id'),
    institutionName: text('institution_name').notNull().default(''),
    method: text('method').notNull().default(''),
    /** cancer がんであった者 | suspected がんの疑い又は未確定 | other_disease がん以外の疾患 | no_abnormality 異常認めず */
    outcome: text('outcome'),
    /** stage, 子宮頸 CIN1/CIN2/CIN3/AIS, findings … (validated structured data) */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** institution 精検機関から報告 | person 本人申告 */
    reportedBy: text('reported_by'),
    note: text('note').notNull().default(''),
    source: text('source').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('detailed_exam_results_record_idx').on(t.screeningRecordId),
    index('detailed_exam_results_resident_idx').on(t.residentId),
  ],
);

/** 市町村独自の結果項目 (added in 管理 › 結果項目): extra items recorded with a program's results. */
export const resultItemExtras = pgTable(
  'result_item_extras',
  {
    id: serial('id').primaryKey(),
    program: text('program').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    /** text | number | date | select | boolean */
    type: text('type').notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    unit: text('unit').notNull().default(''),
    required: boolean('required').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('result_item_extras_program_key_idx').on(t.program, t.key)],
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
