import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** 妊娠届の電子申請の取込 (F06-02 手順2): one uploaded file of notifications and its job. */
export const pregnancyEImports = pgTable('pregnancy_e_imports', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  fileId: bigint('file_id', { mode: 'number' }).notNull(),
  fileName: text('file_name').notNull(),
  /** queued 待ち | running 取込中 | done 完了 | failed 失敗 | cancelled 取消 */
  status: text('status').notNull().default('queued'),
  /** { rowErrors: RowError[], duplicates: { line, applicationNo }[] } */
  counts: jsonb('counts').notNull().default({}),
  jobId: bigint('job_id', { mode: 'number' }),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One 妊娠届 received by e-application: the normalised notification (届出 items, アンケート, 交付方法, 面談の希望),
 * who it matched (reasons and candidates), and what became of it: registered → the pregnancy made by the same
 * registration as at the counter (F06-01); then, if mailed, the mailing it went out in (送付情報).
 *
 * outcome: pending 未登録（確認待ち） | registered 登録済 | rejected 取込まない
 * delivery: mail 郵送 | visit 来庁時に受け取り
 */
export const pregnancyENotifications = pgTable(
  'pregnancy_e_notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    importId: bigint('import_id', { mode: 'number' }).notNull(),
    line: integer('line').notNull(),
    applicationNo: text('application_no').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    data: jsonb('data').notNull(),
    /** matched | review | unmatched */
    matchStatus: text('match_status').notNull(),
    /** certain | high | medium | low */
    confidence: text('confidence').notNull(),
    matchReasons: text('match_reasons').array().notNull(),
    candidates: jsonb('candidates').notNull().default([]),
    residentId: bigint('resident_id', { mode: 'number' }),
    pregnancyId: bigint('pregnancy_id', { mode: 'number' }),
    outcome: text('outcome').notNull().default('pending'),
    outcomeMessage: text('outcome_message').notNull().default(''),
    delivery: text('delivery').notNull().default('mail'),
    /** 送付 (F06-02 手順7〜9): the mailing of 母子健康手帳等 this notification went out in */
    mailingId: bigint('mailing_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pregnancy_e_notifications_application_no_idx').on(t.applicationNo),
    index('pregnancy_e_notifications_import_idx').on(t.importId, t.line),
    index('pregnancy_e_notifications_outcome_idx').on(t.outcome),
  ],
);
