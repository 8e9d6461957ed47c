import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { AuditService } from '../../platform/audit/service.ts';
import { today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/store.ts';
import type { JobContext, JobOutcome } from '../../platform/jobs/runner.ts';
import { detectEncoding } from '../../platform/text/index.ts';
import { type ApplyCounts, applyRecords, type MyNumberSealer } from './apply.ts';
import { type ColumnKey, type ImportMode, mapHeader, parseResidentRow, type RowError } from './rules.ts';
import type { ResidentRecord } from './types.ts';

export const importJobKind = 'residents.import';

export type ImportParams = {
  fileId: number;
  fileName: string;
  mode: ImportMode;
  dryRun: boolean;
  /** Commit the valid rows even though some rows have errors (the user chose so after review). */
  onlyValid: boolean;
  /** The validation job whose errors the user reviewed (for onlyValid). */
  reviewedJobId?: number;
  userId: number | null;
  loginId: string;
  roleCode: string | null;
};

export type ImportResult = {
  encoding: 'utf8' | 'cp932';
  rows: number;
  valid: number;
  invalid: number;
  committed: boolean;
} & Partial<ApplyCounts>;

const batchSize = 2000;
const maxStoredErrors = 10_000;

type ParsedRow = { rowNo: number; record?: ResidentRecord; errors: RowError[] };

/** Streams the stored file row by row: header check, then each row validated (pure rules). */
async function* readRows(
  files: FileStore,
  p: ImportParams,
  onBytes: (n: number) => void,
  encodingOut: { value: 'utf8' | 'cp932' },
): AsyncGenerator<ParsedRow> {
  const source = files.read(p.fileId);
  const first = await source.next();
  if (first.done) throw new AppError(400, 'EMPTY_FILE', 'ファイルが空です。');
  const encoding = detectEncoding(first.value.subarray(0, 64 * 1024));
  encodingOut.value = encoding;
  async function* all() {
    yield first.value as Buffer;
    yield* source;
  }
  const counter = new Transform({
    transform(chunk: Buffer, _e, cb) {
      onBytes(chunk.length);
      cb(null, chunk);
    },
  });
  const parser = Readable.from(all())
    .pipe(counter)
    .pipe(iconv.decodeStream(encoding === 'utf8' ? 'utf8' : 'cp932'))
    .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }));
  let index: ReturnType<typeof mapHeader>['index'] | undefined;
  const asOf = today();
  const seen = new Set<string>();
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (!index) {
      const h = mapHeader(record);
      if (h.missing.length) {
        throw new AppError(
          400,
          'BAD_HEADER',
          `1行目（見出し）に必要な列がありません: ${h.missing.join('、')}。docs/interfaces/residents.md の形式を確かめてください。`,
        );
      }
      index = h.index;
      continue;
    }
    const idx = index;
    const get = (k: ColumnKey) => {
      const i = idx[k];
      return i === undefined ? '' : (record[i] ?? '');
    };
    const r = parseResidentRow(get, p.mode, asOf);
    const errors = [...r.errors];
    if (r.record && p.mode === 'full') {
      if (seen.has(r.record.atenaNo)) {
        errors.push({
          column: '宛名番号',
          value: r.record.atenaNo,
          message: '全件取込のファイル内で宛名番号が重複しています。',
        });
      }
      seen.add(r.record.atenaNo);
    }
    yield { rowNo: info.lines, record: errors.length ? undefined : r.record, errors };
  }
  if (!index) throw new AppError(400, 'EMPTY_FILE', 'ファイルにデータがありません（見出し行もありません）。');
}

/**
 * 住民記録取込 job: pass 1 validates every row and stores per-row errors; nothing is written unless
 * all rows are valid, or the user chose to commit only the valid rows. Pass 2 applies the rows in
 * batches, idempotently, so a crashed job simply runs again (resumable) and re-importing the same
 * file changes nothing.
 */
export function residentsImportHandler(deps: {
  database: Database;
  files: FileStore;
  audit: AuditService;
  sealer: MyNumberSealer;
}) {
  const { database, files } = deps;
  return async (ctx: JobContext): Promise<JobOutcome> => {
    const p = ctx.job.params as ImportParams;
    const total = (await files.meta(p.fileId)).size;
    const enc = { value: 'utf8' as 'utf8' | 'cp932' };
    let bytes = 0;
    const onBytes = (n: number) => {
      bytes += n;
    };

    // Pass 1: validate everything (progress 0–50 %, or 0–100 % for a dry run).
    await database.query('DELETE FROM import_row_errors WHERE job_id = $1', [ctx.job.id]);
    const scale = p.dryRun ? 1 : 0.5;
    let rows = 0;
    let invalid = 0;
    let pending: (RowError & { rowNo: number })[] = [];
    const flushErrors = async () => {
      if (!pending.length) return;
      await database.query(
        `INSERT INTO import_row_errors (job_id, row_no, column_name, value, message)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
        [
          ctx.job.id,
          pending.map((e) => e.rowNo),
          pending.map((e) => e.column),
          pending.map((e) => e.value.slice(0, 200)),
          pending.map((e) => e.message),
        ],
      );
      pending = [];
    };
    let stored = 0;
    for await (const row of readRows(files, p, onBytes, enc)) {
      rows++;
      if (row.errors.length) {
        invalid++;
        for (const e of row.errors) if (stored++ < maxStoredErrors) pending.push({ ...e, rowNo: row.rowNo });
        if (pending.length >= 500) await flushErrors();
      }
      if (rows % 1000 === 0)
        await ctx.progress(Math.round(bytes * scale), total, `検証中 ${rows.toLocaleString()}行`);
    }
    await flushErrors();
    const base: ImportResult = {
      encoding: enc.value,
      rows,
      valid: rows - invalid,
      invalid,
      committed: false,
    };
    if (p.dryRun || (invalid > 0 && !p.onlyValid)) {
      await ctx.progress(total, total, '');
      const message = invalid
        ? `${rows}行中 ${invalid}行に誤りがあります。誤りを直して取り込み直すか、正しい行だけを取り込むか選んでください。`
        : `${rows}行すべて正しい形式です（試行のため取り込んでいません）。`;
      return { status: invalid ? 'needs_review' : 'succeeded', message, result: base };
    }

    // Pass 2: apply valid rows in batches (progress 50–100 %).
    bytes = 0;
    const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, events: 0 };
    let batch: ResidentRecord[] = [];
    const applyBatch = async () => {
      if (!batch.length) return;
      const records = batch;
      batch = [];
      const c = await database.transaction((tx) =>
        applyRecords(tx, records, { jobId: ctx.job.id, userId: p.userId, sealer: deps.sealer }),
      );
      for (const k of Object.keys(counts) as (keyof ApplyCounts)[]) counts[k] += c[k];
    };
    let done = 0;
    for await (const row of readRows(files, p, onBytes, enc)) {
      if (!row.record) continue;
      batch.push(row.record);
      if (batch.length >= batchSize) {
        await applyBatch();
        done += batchSize;
        await ctx.progress(Math.round(total * 0.5 + bytes * 0.5), total, `取込中 ${done.toLocaleString()}行`);
      }
    }
    await applyBatch();
    await ctx.progress(total, total, '');
    await deps.audit.record(
      { userId: p.userId, loginId: p.loginId, roleCode: p.roleCode },
      {
        action: 'import',
        screen: '住民記録取込',
        residentCount: counts.inserted + counts.updated,
        summary: `住民記録取込 ${p.fileName}: 新規${counts.inserted} 更新${counts.updated} 変更なし${counts.unchanged}`,
        detail: { jobId: ctx.job.id, ...counts },
      },
    );
    const result: ImportResult = { ...base, committed: true, ...counts };
    const skipped = invalid ? `、誤りのある${invalid}行は取り込んでいません` : '';
    return {
      status: 'succeeded',
      message: `取込完了: 新規 ${counts.inserted}人、更新 ${counts.updated}人、変更なし ${counts.unchanged}行${skipped}。`,
      result,
    };
  };
}
