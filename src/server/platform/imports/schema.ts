import { bigint, bigserial, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

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
