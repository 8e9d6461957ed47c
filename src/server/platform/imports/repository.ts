/** SQL of the import engine: 取込設定, runs, their rows (one statement per chunk) and the commit ledger. */
import type { SqlRunner, SqlTransaction } from '../db/connect.ts';
import { copyPieces, copyValue } from '../db/copy-text.ts';
import type { ImportSettingInput, RowError } from './mapping.ts';
import type { SourceInfo } from './parse-csv.ts';
import type { Change } from './types.ts';

export type RunStatus = 'validating' | 'validated' | 'committing' | 'committed' | 'failed' | 'cancelled';
export type RowAction = 'new' | 'update' | 'unchanged' | 'error';
export type RunCounts = {
  rows?: number;
  new?: number;
  update?: number;
  unchanged?: number;
  error?: number;
  committed?: ChunkCounts;
};
export type ChunkCounts = { new: number; update: number; unchanged: number; skipped: number };

export type ImportSetting = ImportSettingInput & { id: number; target: string; version: number };

export type ImportRun = {
  id: number;
  target: string;
  /** null once the 取込設定 was deleted (`setting` is the run's copy) */
  settingId: number | null;
  setting: ImportSettingInput;
  fileId: number;
  fileName: string;
  params: unknown;
  status: RunStatus;
  message: string;
  encoding: string | null;
  header: SourceInfo | null;
  counts: RunCounts;
  onlyValid: boolean;
  validateJobId: number | null;
  commitJobId: number | null;
  /** why the rows are gone (retention), null while they are kept */
  rowsNote: string | null;
  version: number;
  createdBy: number | null;
  createdAt: Date;
};

/** A row as written by the validation. */
export type RunRowInput = {
  rowNo: number;
  chunkNo: number;
  raw: unknown;
  key: string | null;
  action: RowAction;
  errors: RowError[] | null;
  changes: Change[] | null;
  warning: string | null;
  residentId: number | null;
  label: string | null;
  value: unknown;
};

/**
 * JSON for PostgreSQL: NUL cannot be stored in text or jsonb, so it is dropped (a `\u0000` escape preceded by an even
 * number of backslashes; without one in the text, as almost always, the JSON is used as is).
 */
export const json = (v: unknown) => {
  if (v === null || v === undefined) return null;
  const s = JSON.stringify(v);
  return s.includes('\\u0000') ? s.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1') : s;
};

const settingCols = `id, target, name, format, encoding, has_header AS "hasHeader", record_element AS "recordElement",
  mapping, version`;
const runCols = `id, target, setting_id AS "settingId", setting, file_id AS "fileId", file_name AS "fileName",
  params, status, message, encoding, header, counts, only_valid AS "onlyValid",
  validate_job_id AS "validateJobId", commit_job_id AS "commitJobId", rows_note AS "rowsNote", version, created_by AS "createdBy",
  created_at AS "createdAt"`;

export function importsRepository(q: SqlTransaction) {
  return {
    settings: (target: string) =>
      q.query<ImportSetting>(
        `SELECT ${settingCols} FROM import_settings WHERE target = $1 ORDER BY name, id`,
        [target],
      ),

    async setting(target: string, id: number): Promise<ImportSetting | undefined> {
      const [s] = await q.query<ImportSetting>(
        `SELECT ${settingCols} FROM import_settings WHERE target = $1 AND id = $2`,
        [target, id],
      );
      return s;
    },

    async nameTaken(target: string, name: string, exceptId: number | null): Promise<boolean> {
      const r = await q.query(`SELECT 1 FROM import_settings WHERE target = $1 AND name = $2 AND id <> $3`, [
        target,
        name,
        exceptId ?? 0,
      ]);
      return r.length > 0;
    },

    async insertSetting(target: string, s: ImportSettingInput, by: number | null): Promise<ImportSetting> {
      const [row] = await q.query<ImportSetting>(
        `INSERT INTO import_settings (target, name, format, encoding, has_header, record_element, mapping, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) RETURNING ${settingCols}`,
        [target, s.name, s.format, s.encoding, s.hasHeader, s.recordElement, json(s.mapping), by],
      );
      return row!;
    },

    async updateSetting(
      target: string,
      id: number,
      s: ImportSettingInput,
      version: number,
    ): Promise<ImportSetting | undefined> {
      const [row] = await q.query<ImportSetting>(
        `UPDATE import_settings SET name = $3, format = $4, encoding = $5, has_header = $6, record_element = $7,
           mapping = $8::jsonb, version = version + 1, updated_at = now()
         WHERE target = $1 AND id = $2 AND version = $9 RETURNING ${settingCols}`,
        [target, id, s.name, s.format, s.encoding, s.hasHeader, s.recordElement, json(s.mapping), version],
      );
      return row;
    },

    /** Deletes the setting at the version read; false when it changed or is gone (runs keep their copy). */
    async deleteSetting(target: string, id: number, version: number): Promise<boolean> {
      const r = await q.query(
        'DELETE FROM import_settings WHERE target = $1 AND id = $2 AND version = $3 RETURNING id',
        [target, id, version],
      );
      return r.length > 0;
    },

    /**
     * Retention: the rows and ledger of up to `limit` finished runs (committed, failed, or cancelled with no commit
     * to resume) created more than `days` days ago are deleted; the run keeps its counts and message and gets
     * `note`. Run inside a transaction. Returns the runs cleared.
     */
    async clearOldRows(days: number, note: string, limit: number): Promise<number[]> {
      const runs = await q.query<{ id: number }>(
        `UPDATE import_runs SET rows_note = $2, version = version + 1
         WHERE id IN (
           SELECT id FROM import_runs
           WHERE rows_note IS NULL AND created_at < now() - make_interval(days => $1::int)
             AND (status IN ('committed', 'failed') OR (status = 'cancelled' AND commit_job_id IS NULL))
           ORDER BY created_at LIMIT $3)
         RETURNING id`,
        [days, note, limit],
      );
      const ids = runs.map((r) => Number(r.id));
      if (!ids.length) return ids;
      await q.query('DELETE FROM import_run_rows WHERE run_id = ANY($1::bigint[])', [ids]);
      await q.query('DELETE FROM import_run_chunks WHERE run_id = ANY($1::bigint[])', [ids]);
      return ids;
    },

    async insertRun(r: {
      target: string;
      settingId: number;
      setting: ImportSettingInput;
      fileId: number;
      fileName: string;
      params: unknown;
      createdBy: number | null;
    }): Promise<ImportRun> {
      const [row] = await q.query<ImportRun>(
        `INSERT INTO import_runs (target, setting_id, setting, file_id, file_name, params, status, created_by)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6::jsonb, 'validating', $7) RETURNING ${runCols}`,
        [r.target, r.settingId, json(r.setting), r.fileId, r.fileName, json(r.params ?? {}), r.createdBy],
      );
      return row!;
    },

    async run(id: number, target?: string): Promise<ImportRun | undefined> {
      const [row] = await q.query<ImportRun>(
        `SELECT ${runCols} FROM import_runs WHERE id = $1 AND ($2::text IS NULL OR target = $2)`,
        [id, target ?? null],
      );
      return row;
    },

    runs: (target: string, limit: number) =>
      q.query<ImportRun>(`SELECT ${runCols} FROM import_runs WHERE target = $1 ORDER BY id DESC LIMIT $2`, [
        target,
        limit,
      ]),

    /** Sets the given columns (status, message, counts …) and bumps the version. */
    async updateRun(
      id: number,
      set: Partial<
        Pick<
          ImportRun,
          | 'status'
          | 'message'
          | 'encoding'
          | 'header'
          | 'counts'
          | 'onlyValid'
          | 'validateJobId'
          | 'commitJobId'
        >
      >,
      whenStatus?: RunStatus[],
    ): Promise<ImportRun | undefined> {
      const cols: Record<string, [string, unknown]> = {
        status: ['status', set.status],
        message: ['message', set.message],
        encoding: ['encoding', set.encoding],
        header: ['header', json(set.header)],
        counts: ['counts', json(set.counts)],
        onlyValid: ['only_valid', set.onlyValid],
        validateJobId: ['validate_job_id', set.validateJobId],
        commitJobId: ['commit_job_id', set.commitJobId],
      };
      const params: unknown[] = [id];
      const assigns = Object.keys(set).map((k) => {
        const [col, v] = cols[k]!;
        params.push(v);
        return `${col} = $${params.length}${col === 'header' || col === 'counts' ? '::jsonb' : ''}`;
      });
      params.push(whenStatus ?? null);
      const [row] = await q.query<ImportRun>(
        `UPDATE import_runs SET ${[...assigns, 'version = version + 1'].join(', ')}
         WHERE id = $1 AND ($${params.length}::text[] IS NULL OR status = ANY($${params.length}::text[]))
         RETURNING ${runCols}`,
        params,
      );
      return row;
    },

    clearRows: async (runId: number) => {
      await q.query('DELETE FROM import_run_rows WHERE run_id = $1', [runId]);
      await q.query('DELETE FROM import_run_chunks WHERE run_id = $1', [runId]);
    },

    /** A chunk of rows with one COPY (text format, in pieces). */
    async insertRows(runId: number, rows: RunRowInput[]): Promise<void> {
      if (!rows.length) return;
      // one template per line (no array and join per row: this runs for every row of a file)
      const lines = rows.map(
        (r) =>
          `${runId}\t${r.rowNo}\t${r.chunkNo}\t${copyValue(json(r.raw) ?? '[]')}\t${copyValue(r.key)}\t${r.action}\t${copyValue(json(r.errors))}\t${copyValue(json(r.changes))}\t${copyValue(r.warning)}\t${r.residentId ?? '\\N'}\t${copyValue(r.label)}\t${copyValue(json(r.value))}\n`,
      );
      await q.copyFrom(
        `COPY import_run_rows (run_id, row_no, chunk_no, raw, key, action, errors, changes, warning, resident_id,
           label, value) FROM STDIN`,
        copyPieces(lines),
      );
    },

    async rows(runId: number, action: RowAction | undefined, offset: number, limit: number) {
      const [t] = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM import_run_rows WHERE run_id = $1 AND ($2::text IS NULL OR action = $2)`,
        [runId, action ?? null],
      );
      const rows = await q.query<{
        rowNo: number;
        action: RowAction;
        key: string | null;
        residentId: number | null;
        label: string | null;
        errors: RowError[] | null;
        changes: Change[] | null;
        warning: string | null;
      }>(
        `SELECT row_no AS "rowNo", action, key, resident_id AS "residentId", label, errors, changes, warning
         FROM import_run_rows WHERE run_id = $1 AND ($2::text IS NULL OR action = $2)
         ORDER BY chunk_no, row_no OFFSET $3 LIMIT $4`,
        [runId, action ?? null, offset, limit],
      );
      return { total: Number(t?.n ?? 0), rows };
    },

    /** Error rows after a row (its chunk and number), for the error file (paged, in file order). */
    async errorRows(runId: number, after: { chunkNo: number; rowNo: number }, limit: number) {
      const rows = await q.query<{
        chunkNo: number;
        rowNo: number;
        raw: string;
        errors: RowError[] | null;
        residentId: number | null;
      }>(
        `SELECT chunk_no AS "chunkNo", row_no AS "rowNo", raw, errors, resident_id AS "residentId"
         FROM import_run_rows
         WHERE run_id = $1 AND (chunk_no, row_no) > ($2, $3) AND action = 'error'
         ORDER BY chunk_no, row_no LIMIT $4`,
        [runId, after.chunkNo, after.rowNo, limit],
      );
      return rows.map((r) => ({ ...r, raw: JSON.parse(r.raw) as unknown }));
    },

    /**
     * Chunks holding rows to write, not yet in the ledger: the run's chunk numbers by a skip scan of the key (one
     * probe per chunk, not a read of every row).
     */
    async pendingChunks(runId: number): Promise<number[]> {
      const rows = await q.query<{ chunkNo: number }>(
        `WITH RECURSIVE c(n) AS (
           SELECT min(chunk_no) FROM import_run_rows WHERE run_id = $1
           UNION ALL
           SELECT (SELECT min(chunk_no) FROM import_run_rows WHERE run_id = $1 AND chunk_no > c.n)
           FROM c WHERE c.n IS NOT NULL)
         SELECT n AS "chunkNo" FROM c
         WHERE n IS NOT NULL
           AND EXISTS (SELECT 1 FROM import_run_rows r WHERE r.run_id = $1 AND r.chunk_no = c.n AND r.action <> 'error')
           AND NOT EXISTS (SELECT 1 FROM import_run_chunks k WHERE k.run_id = $1 AND k.chunk_no = c.n)
         ORDER BY n`,
        [runId],
      );
      return rows.map((r) => Number(r.chunkNo));
    },

    async committedCounts(runId: number): Promise<ChunkCounts> {
      const [c] = await q.query<ChunkCounts>(
        `SELECT coalesce(sum((counts->>'new')::int), 0)::int AS new,
           coalesce(sum((counts->>'update')::int), 0)::int AS update,
           coalesce(sum((counts->>'unchanged')::int), 0)::int AS unchanged,
           coalesce(sum((counts->>'skipped')::int), 0)::int AS skipped
         FROM import_run_chunks WHERE run_id = $1`,
        [runId],
      );
      return c ?? { new: 0, update: 0, unchanged: 0, skipped: 0 };
    },
  };
}

/** The ledger's part inside a chunk's transaction. */
export function chunkRepository(tx: SqlRunner) {
  return {
    /** Claims the chunk first: a second writer of the same chunk fails on the primary key and rolls back. */
    claim: (runId: number, chunkNo: number) =>
      tx.query('INSERT INTO import_run_chunks (run_id, chunk_no) VALUES ($1, $2)', [runId, chunkNo]),

    async rows(runId: number, chunkNo: number) {
      const rows = await tx.query<{ rowNo: number; value: string | null; action: RowAction }>(
        `SELECT row_no AS "rowNo", value, action FROM import_run_rows
         WHERE run_id = $1 AND chunk_no = $2 AND action <> 'error' ORDER BY row_no`,
        [runId, chunkNo],
      );
      return rows.map((r) => ({ ...r, value: r.value === null ? null : (JSON.parse(r.value) as unknown) }));
    },

    /** Rows whose action changed since the dry run (the database changed meanwhile). */
    async reclassify(
      runId: number,
      chunkNo: number,
      rows: { rowNo: number; action: RowAction; errors: RowError[] | null; changes: Change[] | null }[],
    ): Promise<void> {
      if (!rows.length) return;
      await tx.query(
        `UPDATE import_run_rows r SET action = u.action, errors = u.errors, changes = u.changes
         FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::jsonb[]) AS u(row_no, action, errors, changes)
         WHERE r.run_id = $1 AND r.chunk_no = $6 AND r.row_no = u.row_no`,
        [
          runId,
          rows.map((r) => r.rowNo),
          rows.map((r) => r.action),
          rows.map((r) => json(r.errors)),
          rows.map((r) => json(r.changes)),
          chunkNo,
        ],
      );
    },

    done: (runId: number, chunkNo: number, counts: ChunkCounts) =>
      tx.query('UPDATE import_run_chunks SET counts = $3::jsonb WHERE run_id = $1 AND chunk_no = $2', [
        runId,
        chunkNo,
        json(counts),
      ]),
  };
}
