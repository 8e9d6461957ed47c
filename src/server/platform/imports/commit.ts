/**
 * The commit job: the run's rows chunk by chunk, each chunk in one transaction that claims the chunk in the ledger
 * (import_run_chunks), re-classifies the chunk against the database as it is now (or, for a target with
 * `recheck`, compares the rows as the dry run prepared them with the database as it is now), lets the target write the new
 * and updated rows and records the chunk's counts. A restarted job skips the chunks in the ledger, so nothing is
 * written twice and nothing is half written.
 */
import type { Actor } from '../audit/service.ts';
import { AppError } from '../errors/app-error.ts';
import { JobCancelledError, type JobContext, type JobOutcome } from '../jobs/runner.ts';
import { bindMapping, type RowError, rowError } from './mapping.ts';
import { type ChunkCounts, chunkRepository, importsRepository, type RowAction } from './repository.ts';
import type { Change } from './types.ts';
import { type EngineDeps, targetFields } from './validate.ts';

export type CommitParams = { runId: number; actor: Actor; screen: string };

export async function commitRun(ctx: JobContext, deps: EngineDeps): Promise<JobOutcome> {
  const { runId, actor, screen } = ctx.job.params as CommitParams;
  const repo = importsRepository(deps.database);
  const run = await repo.run(runId);
  if (!run) throw new AppError(404, 'NOT_FOUND', '取込が見つかりません。');
  if (run.status === 'committed') return { message: run.message };
  if (run.status !== 'committing')
    throw new AppError(
      409,
      'NOT_COMMITTING',
      'この取込は取り込み待ちではありません。画面を更新してください。',
    );
  const target = deps.target(run.target);
  const format = run.setting.format;
  const bound = run.header
    ? bindMapping(await targetFields(target, deps.database), run.setting.mapping, run.header)
    : [];
  try {
    const chunks = await repo.pendingChunks(runId);
    // the next chunk's rows are read while this one is written: a chunk's rows change only in its own
    // transaction, and the claim below still stops a second writer (on PGlite the read waits for the transaction)
    const rowsOf = (i: number) => {
      const read = i < chunks.length ? chunkRepository(deps.database).rows(runId, chunks[i]!) : null;
      read?.catch(() => {}); // awaited by its chunk; not an unhandled rejection meanwhile
      return read;
    };
    let next = rowsOf(0);
    let done = 0;
    for (const [i, chunkNo] of chunks.entries()) {
      const reading = next!;
      await deps.database.transaction(async (tx) => {
        const ledger = chunkRepository(tx);
        await ledger.claim(runId, chunkNo);
        const rows = await reading;
        next = rowsOf(i + 1);
        const values = rows.map((r) => r.value);
        const fresh = !rows.length
          ? []
          : target.recheck
            ? await target.recheck(tx, values, run.params)
            : await target.classify(tx, values, run.params);
        if (fresh.length !== rows.length)
          throw new Error(
            `${target.kind}: classify returned ${fresh.length} results for ${rows.length} rows`,
          );
        const counts: ChunkCounts = { new: 0, update: 0, unchanged: 0, skipped: 0 };
        const apply: { value: unknown; action: 'new' | 'update' }[] = [];
        const changed: {
          rowNo: number;
          action: RowAction;
          errors: RowError[] | null;
          changes: Change[] | null;
        }[] = [];
        rows.forEach((r, i) => {
          const c = fresh[i]!;
          if (c.action === 'error') {
            counts.skipped++;
            const errors = c.errors.map((e) => rowError(bound, format, r.rowNo, e));
            changed.push({ rowNo: r.rowNo, action: 'error', errors, changes: null });
            return;
          }
          counts[c.action]++;
          if (c.action !== r.action)
            changed.push({ rowNo: r.rowNo, action: c.action, errors: null, changes: c.changes ?? null });
          if (c.action !== 'unchanged') apply.push({ value: c.payload ?? r.value, action: c.action });
        });
        await ledger.reclassify(runId, chunkNo, changed);
        if (apply.length) await target.apply(tx, apply, actor, run.params);
        await ledger.done(runId, chunkNo, counts);
      });
      done++;
      await ctx.progress(done, chunks.length, `取込中 ${done}/${chunks.length}`);
    }
    const committed = await repo.committedCounts(runId);
    const skipped = (run.counts.error ?? 0) + committed.skipped;
    const message =
      `取込完了: 新規 ${committed.new}行、更新 ${committed.update}行、変更なし ${committed.unchanged}行` +
      (skipped ? `。誤りのある${skipped}行は取り込んでいません（エラー行ファイルで確認できます）。` : '。');
    const counts = { ...run.counts, committed: { ...committed, skipped } };
    await repo.updateRun(runId, { status: 'committed', counts, message });
    await deps.audit.record(actor, {
      action: 'import',
      screen,
      residentCount: committed.new + committed.update,
      summary: `${target.label}の取込 ${run.fileName}: 新規${committed.new} 更新${committed.update} 変更なし${committed.unchanged}`,
      detail: { runId, ...committed, skipped },
    });
    return { message, result: { runId, counts } };
  } catch (e) {
    const cancelled = e instanceof JobCancelledError;
    const message = cancelled
      ? '取込を途中で取り消しました。取り込み済みの分は残っています。もう一度「取り込む」を押すと続きから取り込みます。'
      : '取込が途中で止まりました。取り込み済みの分は残っています。もう一度「取り込む」を押すと続きから取り込みます。';
    await repo.updateRun(runId, { status: cancelled ? 'cancelled' : 'committing', message });
    throw e;
  }
}
