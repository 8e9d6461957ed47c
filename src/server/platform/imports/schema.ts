import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { files } from '../files/schema.ts';

/** Per-row validation errors of an import job (row, column, value, what is wrong — in Japanese). */
export const importRowErrors = pgTable(
  'import_row_errors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: bigint('job_id', { mode: 'number' }).notNull(),
    rowNo: integer('row_no').notNull(),
    column: text('column_name').notNull().default(''),
    value: text('value').notNull().default(''),
    message: text('message').notNull(),
  },
  (t) => [index('import_row_errors_job_idx').on(t.jobId, t.rowNo)],
);

/**
 * 取込設定: a saved column mapping of one import target (a module's kind). `mapping` is
 * `[{ column, field }]`: column = a header name, a 1-based column number (headerless CSV) or an XML child
 * element name. Optimistic locking by `version`.
 */
export const importSettings = pgTable(
  'import_settings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    target: text('target').notNull(),
    name: text('name').notNull(),
    /** csv | xml */
    format: text('format').notNull(),
    /** auto | utf8 | cp932 */
    encoding: text('encoding').notNull().default('auto'),
    hasHeader: boolean('has_header').notNull().default(true),
    recordElement: text('record_element'),
    mapping: jsonb('mapping').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_settings_target_name_idx').on(t.target, t.name)],
);

/**
 * One import of one file (取込): validated as a dry run, then committed by a job. `setting` is a copy of the
 * 取込設定 used (later edits do not change the run); `header` is what the error file needs to look like the
 * input ({ cells, bom } for CSV, { path } for XML).
 */
export const importRuns = pgTable(
  'import_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    target: text('target').notNull(),
    /** the 取込設定 used; null once that setting was deleted (the run keeps its copy in `setting`) */
    settingId: bigint('setting_id', { mode: 'number' }).references(() => importSettings.id, {
      onDelete: 'set null',
    }),
    setting: jsonb('setting').notNull(),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => files.id),
    fileName: text('file_name').notNull(),
    params: jsonb('params').notNull().default({}),
    /** validating | validated | committing | committed | failed | cancelled */
    status: text('status').notNull(),
    /** why a file was rejected as a whole (Japanese), or the commit's summary */
    message: text('message').notNull().default(''),
    /** utf8 | cp932, as detected or set */
    encoding: text('encoding'),
    header: jsonb('header'),
    /** { rows, new, update, unchanged, error } of the dry run; `committed` { new, update, unchanged, skipped } */
    counts: jsonb('counts').notNull().default({}),
    onlyValid: boolean('only_valid').notNull().default(false),
    validateJobId: bigint('validate_job_id', { mode: 'number' }),
    commitJobId: bigint('commit_job_id', { mode: 'number' }),
    /**
     * Why the run's rows (import_run_rows, import_run_chunks) are gone, in Japanese (「明細は保存期間（90日）を過ぎた
     * ため削除しました。」); null while they are kept. The run itself, its counts and message stay.
     */
    rowsNote: text('rows_note'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('import_runs_target_idx').on(t.target, t.id),
    /** the runs whose rows are still kept, by age (the retention's delete) */
    index('import_runs_retention_idx').on(t.createdAt).where(sql`rows_note IS NULL`),
  ],
);

/**
 * Every row of a run (the dry run's result and the commit's input): the raw cells as read (for the error file),
 * the parsed value, the action and the errors/changes. No foreign key to import_runs: 100,000 rows are written
 * per run with one COPY per chunk, and the run is the only writer. One index, the key (run, chunk, row): a chunk
 * is read by its prefix, and the run's rows in file order by the whole (chunks are consecutive rows of the file).
 * `raw` and `value` are JSON kept as text — written once and read back whole, so PostgreSQL need not check them
 * (a third of the ledger's write time when they were `json`).
 */
export const importRunRows = pgTable(
  'import_run_rows',
  {
    runId: bigint('run_id', { mode: 'number' }).notNull(),
    rowNo: integer('row_no').notNull(),
    chunkNo: integer('chunk_no').notNull(),
    /** JSON. CSV: the cells (string[]); XML: [element name, value][] */
    raw: text('raw').notNull(),
    key: text('key'),
    /** new | update | unchanged | error */
    action: text('action').notNull(),
    /** [{ field, column, message }] */
    errors: jsonb('errors'),
    changes: jsonb('changes'),
    warning: text('warning'),
    residentId: bigint('resident_id', { mode: 'number' }),
    label: text('label'),
    /** JSON: what the commit writes for the row (the parsed value, or the target's payload) */
    value: text('value'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.chunkNo, t.rowNo] })],
);

/** The commit ledger: a chunk of a run is written and listed here in one transaction (a restart skips it). */
export const importRunChunks = pgTable(
  'import_run_chunks',
  {
    runId: bigint('run_id', { mode: 'number' }).notNull(),
    chunkNo: integer('chunk_no').notNull(),
    /** { new, update, unchanged, skipped } written by this chunk */
    counts: jsonb('counts').notNull().default({}),
    committedAt: timestamp('committed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.chunkNo] })],
);
