import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/database.ts';
import type { Database } from '../db/connect.ts';
import { AppError } from '../errors/app-error.ts';
import { jobRunner } from './runner.ts';

describe(`job runner (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
  });
  afterAll(() => drop());

  it('runs a job, records progress and the result', async () => {
    const runner = jobRunner(database.db);
    runner.register('count', async (ctx) => {
      for (let i = 1; i <= 3; i++) await ctx.progress(i, 3, `${i}件目`);
      return { message: '完了しました', result: { n: 3 } };
    });
    const job = await runner.enqueue('count', '数える', {}, null);
    await runner.runPending();
    const done = await runner.get(job.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      progressDone: 3,
      progressTotal: 3,
      result: { n: 3 },
      attempts: 1,
    });
  });

  it('stops a running job at its next progress report after a cancel request', async () => {
    const runner = jobRunner(database.db);
    let id = 0;
    runner.register('slow', async (ctx) => {
      await runner.cancel(id);
      await ctx.progress(1, 10);
      return {};
    });
    id = (await runner.enqueue('slow', '遅い', {}, null)).id;
    await runner.runPending();
    expect((await runner.get(id)).status).toBe('cancelled');
    await expect(runner.cancel(id)).rejects.toThrow('既に終了');
  });

  it('keeps a user-facing message for AppError and hides internal errors', async () => {
    const runner = jobRunner(database.db);
    runner.register('bad', async () => {
      throw new AppError(400, 'X', 'ファイルが空です。');
    });
    runner.register('boom', async () => {
      throw new Error('internal detail');
    });
    const a = await runner.enqueue('bad', 'a', {}, null);
    const b = await runner.enqueue('boom', 'b', {}, null);
    await runner.runPending();
    expect(await runner.get(a.id)).toMatchObject({ status: 'failed', message: 'ファイルが空です。' });
    expect(await runner.get(b.id)).toMatchObject({ status: 'failed', error: 'internal detail' });
    expect((await runner.get(b.id)).message).toContain('管理者に連絡');
  });

  it('re-queues a job left running by a crashed process and runs it again', async () => {
    const runner = jobRunner(database.db, { staleAfterMs: 1000, pollMs: 60_000 });
    let runs = 0;
    runner.register('resume', async () => {
      runs++;
      return {};
    });
    const job = await runner.enqueue('resume', '再開', {}, null);
    await database.query(
      "UPDATE jobs SET status = 'running', attempts = 1, heartbeat_at = now() - interval '10 minutes' WHERE id = $1",
      [job.id],
    );
    await runner.start();
    const done = await runner.waitFor(job.id, 10_000);
    await runner.stop();
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(runs).toBe(1);
  });
});
