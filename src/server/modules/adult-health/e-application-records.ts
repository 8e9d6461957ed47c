/** What an e-application import recorded: the outcome counts of its rows, and whether a 申込番号 came before. */
import { formatWareki } from '../../platform/calendar/index.ts';
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { ApplicationRow, RowError } from './e-application-file.ts';

export type Outcome = 'registered' | 'refused' | 'duplicate' | 'pending' | 'rejected';
export type Skipped = { line: number; applicationNo: string; message: string };

/** Summary counts of an import: outcomes of its rows, 取込済み and row errors. */
export async function importSummary(database: SqlRunner, imp: { id: number; counts: unknown }) {
  const counts = (imp.counts ?? {}) as { rowErrors?: RowError[]; duplicates?: Skipped[] };
  const byOutcome = await database.query<{ outcome: Outcome; n: number }>(
    'SELECT outcome, count(*)::int AS n FROM e_applications WHERE import_id = $1 GROUP BY outcome',
    [imp.id],
  );
  const n = (o: Outcome) => byOutcome.find((b) => b.outcome === o)?.n ?? 0;
  const rowErrors = counts.rowErrors ?? [];
  const duplicates = counts.duplicates ?? [];
  return {
    registered: n('registered'),
    review: n('pending'),
    refused: n('refused'),
    rejected: n('rejected'),
    duplicate: duplicates.length,
    errors: new Set(rowErrors.map((e) => e.line)).size,
    rowErrors,
    duplicates,
  };
}

/** 取込済み: the 申込番号 recorded by an import before (or earlier in this file), with the message. */
export async function importedBefore(database: SqlRunner, row: ApplicationRow): Promise<Skipped | null> {
  const [had] = await database.query<{ created_at: string }>(
    `SELECT i.created_at FROM e_applications e JOIN e_application_imports i ON i.id = e.import_id
     WHERE e.application_no = $1`,
    [row.applicationNo],
  );
  if (!had) return null;
  const on = formatWareki(new Date(had.created_at).toISOString().slice(0, 10));
  return {
    line: row.line,
    applicationNo: row.applicationNo,
    message: `申込番号 ${row.applicationNo} は取込済みです（${on}取込）。二重には登録しません。`,
  };
}
