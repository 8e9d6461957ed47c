/**
 * The validation job (the dry run): streams the file, maps each row by the run's 取込設定, lets the target parse
 * it, classifies chunk by chunk against the database and writes every row with its action, errors and changes
 * (one statement per chunk). Nothing of the target is written. A restarted job starts over (rows are cleared).
 */
import type { AuditService } from '../audit/service.ts';
import type { Database, SqlRunner } from '../db/connect.ts';
import { AppError } from '../errors/app-error.ts';
import type { FileStore } from '../files/store.ts';
import { JobCancelledError, type JobContext, type JobOutcome } from '../jobs/runner.ts';
import {
  type BoundColumn,
  bindMapping,
  isBlankRow,
  mapRow,
  type RowError,
  rowError,
  rowName,
} from './mapping.ts';
import { openCsv, type RawRow, type Source } from './parse-csv.ts';
import { openXml } from './parse-xml.ts';
import { type ImportRun, importsRepository, type RunRowInput } from './repository.ts';
import type { ImportField, ImportTarget } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: targets of any value type live in one registry
export type AnyTarget = ImportTarget<any, any, any>;

/** The target's fields as they are now: the static ones, then its extra fields with a key not used yet. */
export async function targetFields(t: AnyTarget, q: SqlRunner): Promise<ImportField[]> {
  if (!t.extraFields) return t.fields;
  const keys = new Set(t.fields.map((f) => f.key));
  const out = [...t.fields];
  for (const f of await t.extraFields(q))
    if (!keys.has(f.key)) {
      keys.add(f.key);
      out.push(f);
    }
  return out;
}

export type EngineDeps = {
  database: Database;
  files: FileStore;
  audit: AuditService;
  target(kind: string): AnyTarget;
  chunkSize: number;
};

/** Opens the run's file as the setting says. */
export async function openSource(
  files: FileStore,
  run: ImportRun,
  onBytes: (n: number) => void,
): Promise<Source> {
  async function* counted() {
    for await (const b of files.read(run.fileId)) {
      onBytes(b.length);
      yield b;
    }
  }
  const s = run.setting;
  return s.format === 'xml'
    ? openXml(counted(), { encoding: s.encoding, recordElement: s.recordElement ?? '' })
    : openCsv(counted(), { encoding: s.encoding, hasHeader: s.hasHeader });
}

type Pending = { row: RawRow; value?: unknown; errors: RowError[] };

/** The dry run of one run (job `imports.validate`). */
export async function validateRun(ctx: JobContext, deps: EngineDeps): Promise<JobOutcome> {
  const { runId } = ctx.job.params as { runId: number };
  const repo = importsRepository(deps.database);
  const run = await repo.run(runId);
  if (!run) throw new AppError(404, 'NOT_FOUND', '取込が見つかりません。');
  if (run.status !== 'validating') return { message: '検証は終わっています。' };
  const target = deps.target(run.target);
  await repo.clearRows(runId);
  const total = (await deps.files.meta(run.fileId)).size;
  let bytes = 0;
  let writing: Promise<void> = Promise.resolve();
  let classifying: Promise<void> = Promise.resolve();
  try {
    const source = await openSource(deps.files, run, (n) => {
      bytes += n;
    });
    await repo.updateRun(runId, { encoding: source.info.encoding, header: source.info });
    const format = source.info.format;
    const fields = await targetFields(target, deps.database);
    const bound = bindMapping(fields, run.setting.mapping, source.info);
    // warning: rows that import with a note to check (an overwritten hand correction, a record outside the rules …)
    const counts = { rows: 0, new: 0, update: 0, unchanged: 0, error: 0, warning: 0 };
    const firstRowOfKey = new Map<string, number>();
    let chunkNo = 0;
    let pending: Pending[] = [];
    // a pipeline of chunks: while chunk k is classified (the target's reads) and then written, the next rows are
    // read and parsed; at most one classification and one ledger write are in flight, and chunks are classified and
    // their keys checked in file order
    const flush = async () => {
      await classifying; // the previous chunk is classified and its write started
      const chunk = pending;
      const no = chunkNo++;
      pending = [];
      classifying = classifyChunk(deps, target, run, bound, format, chunk, no, firstRowOfKey).then(
        async (rows) => {
          for (const r of rows) {
            counts[r.action]++;
            if (r.warning && r.action !== 'error') counts.warning++;
          }
          await writing;
          writing = repo.insertRows(runId, rows);
          writing.catch(() => {}); // awaited by the next chunk or at the end; not an unhandled rejection meanwhile
        },
      );
      classifying.catch(() => {}); // awaited by the next flush or at the end
    };
    for await (const batch of source.rows) {
      for (const row of batch) {
        if (isBlankRow(row.raw)) continue;
        counts.rows++;
        const mapped = mapRow(bound, row, format);
        const parsed = target.parse(mapped.values, run.params);
        const errors = [...mapped.errors];
        if (!parsed.ok)
          for (const e of parsed.errors)
            if (!errors.some((x) => e.field !== null && x.field === e.field))
              errors.push(rowError(bound, format, row.rowNo, e));
        pending.push({ row, value: errors.length === 0 && parsed.ok ? parsed.value : undefined, errors });
        if (pending.length >= deps.chunkSize) {
          await flush();
          await ctx.progress(bytes, total, `検証中 ${counts.rows.toLocaleString()}行`);
        }
      }
    }
    if (pending.length) await flush();
    await classifying;
    await writing;
    if (counts.rows === 0)
      throw new AppError(
        400,
        'NO_ROWS',
        'ファイルに取り込む行がありません。見出し行だけのファイルではないか確かめてください。',
      );
    const notes = counts.warning
      ? `注意のある行が${counts.warning}行あります。一覧の「注意」を確かめてください。`
      : '';
    const message =
      (counts.error
        ? `${counts.rows}行中 ${counts.error}行に誤りがあります。エラー行を直して取り込み直すか、正しい行だけ取り込むか選んでください。`
        : counts.new + counts.update === 0
          ? `${counts.rows}行すべて登録済みの内容と同じです。取り込むものはありません。`
          : `${counts.rows}行すべて取り込めます（新規 ${counts.new}、更新 ${counts.update}、変更なし ${counts.unchanged}）。`) +
      notes;
    await repo.updateRun(runId, { status: 'validated', counts, message });
    await ctx.progress(total, total, '');
    return { status: counts.error ? 'needs_review' : 'succeeded', message, result: { runId, counts } };
  } catch (e) {
    await classifying.catch(() => {});
    await writing.catch(() => {}); // no chunk lands after the rows are cleared
    await repo.clearRows(runId);
    const cancelled = e instanceof JobCancelledError;
    const message = cancelled
      ? '検証を取り消しました。'
      : e instanceof AppError
        ? e.message
        : 'ファイルを検証できませんでした。管理者に連絡してください。';
    await repo.updateRun(runId, { status: cancelled ? 'cancelled' : 'failed', message, counts: {} });
    throw e;
  }
}

/**
 * Classifies a chunk: rows without errors go to the target's classify (read-only); a key already seen earlier in
 * the file makes the later row an error 「…は N行目と同じです」.
 */
async function classifyChunk(
  deps: EngineDeps,
  target: AnyTarget,
  run: ImportRun,
  bound: BoundColumn[],
  format: 'csv' | 'xml',
  pending: Pending[],
  chunkNo: number,
  firstRowOfKey: Map<string, number>,
): Promise<RunRowInput[]> {
  const valid = pending.filter((p) => p.errors.length === 0);
  const classified = valid.length
    ? await target.classify(
        deps.database,
        valid.map((p) => p.value),
        run.params,
      )
    : [];
  if (classified.length !== valid.length)
    throw new Error(
      `${target.kind}: classify returned ${classified.length} results for ${valid.length} rows`,
    );
  const byRow = new Map(valid.map((p, i) => [p, classified[i]!]));
  const keyLabel = target.keyLabel ?? '同じ対象の行';
  return pending.map((p): RunRowInput => {
    const base = {
      rowNo: p.row.rowNo,
      chunkNo,
      raw: p.row.raw,
      key: null,
      changes: null,
      warning: null,
      residentId: null,
      label: null,
      value: null,
    };
    const c = byRow.get(p);
    if (!c) return { ...base, action: 'error', errors: p.errors };
    const who = { residentId: c.residentId ?? null, label: c.label ?? null };
    if (c.action === 'error')
      return {
        ...base,
        ...who,
        action: 'error',
        errors: c.errors.map((e) => rowError(bound, format, p.row.rowNo, e)),
      };
    const first = firstRowOfKey.get(c.key);
    if (first !== undefined) {
      const message = `${keyLabel}は${rowName(format, first)}と同じです。どちらかを直すか、不要な方を消してください。`;
      return {
        ...base,
        ...who,
        key: c.key,
        action: 'error',
        errors: [rowError(bound, format, p.row.rowNo, { field: null, message })],
      };
    }
    firstRowOfKey.set(c.key, p.row.rowNo);
    return {
      ...base,
      ...who,
      key: c.key,
      action: c.action,
      errors: null,
      changes: c.changes?.length ? c.changes : null,
      warning: c.warning ?? null,
      // with recheck, the commit works from what classify worked out (the payload), not the parsed row
      value: target.recheck ? c.payload : p.value,
    };
  });
}
