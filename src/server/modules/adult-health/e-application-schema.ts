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

/** 電子申請の取込 (F02-04): one uploaded file of e-applications and its job. */
export const eApplicationImports = pgTable('e_application_imports', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  fileId: bigint('file_id', { mode: 'number' }).notNull(),
  fileName: text('file_name').notNull(),
  fiscalYear: integer('fiscal_year').notNull(),
  /** queued 待ち | running 取込中 | done 完了 | failed 失敗 */
  status: text('status').notNull().default('queued'),
  /** { registered, review, refused, duplicate, errors, rowErrors: RowError[] } */
  counts: jsonb('counts').notNull().default({}),
  jobId: bigint('job_id', { mode: 'number' }),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One e-application of an import: the normalised ApplicationRow, who it matched (with reasons and candidates for
 * the review queue), and what became of it (registered → screening_applications row).
 */
export const eApplications = pgTable(
  'e_applications',
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
    applicationId: bigint('application_id', { mode: 'number' }),
    /** registered | refused | duplicate | pending | rejected */
    outcome: text('outcome').notNull(),
    outcomeMessage: text('outcome_message').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('e_applications_application_no_idx').on(t.applicationNo),
    index('e_applications_import_idx').on(t.importId, t.line),
    index('e_applications_outcome_idx').on(t.outcome),
  ],
);
