import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * 予防接種の記録 (F11a-01, F10a-03): one vaccination a person had — entered by hand, copied from the 母子手帳
 * (母子手帳転記) or imported. What happened is always stored; the engine's check (rules-check.ts) at the time of
 * saving is kept with it (`routine` = 定期接種として有効, `issues` = 間隔不足・対象期間外 …). A record entered by
 * mistake is deleted softly with the reason (`deleted_at`, `delete_reason`), so the history is never lost.
 */
export const vaccinationRecords = pgTable(
  'vaccination_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** vaccine code of the master (HIB, DPT_IPV_HIB, MR1 …) */
    vaccine: text('vaccine').notNull(),
    /** the dose as the engine names it ('初回1回目', '追加', '1回' …); '' when none applies */
    dose: text('dose').notNull().default(''),
    vaccinatedOn: date('vaccinated_on').notNull(),
    /** ワクチン名（製品） */
    product: text('product').notNull().default(''),
    lot: text('lot').notNull().default(''),
    /** 実施医療機関: a registered one, else its name as written */
    institutionId: bigint('institution_id', { mode: 'number' }),
    institutionName: text('institution_name').notNull().default(''),
    doctor: text('doctor').notNull().default(''),
    /** 予診票番号 */
    formNo: text('form_no').notNull().default(''),
    /** manual 手入力 | handbook 母子手帳転記 | import 取込 */
    source: text('source').notNull(),
    /** 定期接種として有効 (false = 任意接種扱い or a warning) at the time of saving */
    routine: boolean('routine').notNull(),
    /** the engine's issues: [{ code, message }] */
    issues: jsonb('issues').$type<Array<{ code: string; message: string }>>().notNull().default([]),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: integer('deleted_by'),
    deleteReason: text('delete_reason'),
  },
  (t) => [index('vaccination_records_resident_idx').on(t.residentId, t.vaccinatedOn)],
);
