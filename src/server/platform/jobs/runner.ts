import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { users } from '../auth/schema.ts';
import type { Db } from '../db/connect.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { jobs } from './schema.ts';

export type JobRow = typeof jobs.$inferSelect;
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'needs_review';

export class JobCancelledError extends Error {
  constructor() {
    super('ジョブは取り消されました。');
  }
}

/** What a job handler gets: its row, and progress reporting that also notices a cancel request. */
export type JobContext = {
  job: JobRow;
  /** Reports progress (throttled); throws JobCancelledError once a cancel was requested. */
  progress(done: number, total?: number | null, message?: string): Promise<void>;
};

export type JobOutcome = { status?: 'succeeded' | 'needs_review'; message?: string; result?: unknown };
export type JobHandler = (ctx: JobContext) => Promise<JobOutcome>;

export type JobRunnerOptions = {
  pollMs?: number;
  /** A running job whose heartbeat is older than this is taken as crashed and queued again. */
  staleAfterMs?: number;
  log?: (msg: string, err?: unknown) => void;
};

/**
 * The job engine: jobs live in the `jobs` table; any process running a runner claims queued jobs
 * with FOR UPDATE SKIP LOCKED (safe with several nodes on PostgreSQL). Handlers must be resumable:
 * a job interrupted by a crash is queued again and runs from the start, so handlers write
 * idempotently (see residents import).
 */
export function jobRunner(db: Db, opts: JobRunnerOptions = {}) {
  const handlers = new Map<string, JobHandler>();
  const pollMs = opts.pollMs ?? 1000;
  const staleAfterMs = opts.staleAfterMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  async function claim(): Promise<JobRow | undefined> {
    const rows = await db.execute<{ id: number }>(sql`
      UPDATE jobs SET status = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1
      WHERE id = (SELECT id FROM jobs WHERE status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id`);
    const id = (rows as unknown as { rows: { id: number }[] }).rows[0]?.id;
    if (id === undefined) return undefined;
    return (
      await db
        .select()
        .from(jobs)
        .where(eq(jobs.id, Number(id)))
    )[0];
  }

  async function runOne(job: JobRow): Promise<void> {
    const handler = handlers.get(job.kind);
    let lastWrite = 0;
    const ctx: JobContext = {
      job,
      async progress(done, total, message) {
        const now = Date.now();
        if (now - lastWrite < 250 && done !== total) return;
        lastWrite = now;
        const set: Partial<typeof jobs.$inferInsert> = { progressDone: done, heartbeatAt: new Date() };
        if (total !== undefined) set.progressTotal = total;
        if (message !== undefined) set.message = message;
        const [row] = await db
          .update(jobs)
          .set(set)
          .where(eq(jobs.id, job.id))
          .returning({ cancel: jobs.cancelRequested });
        if (row?.cancel) throw new JobCancelledError();
      },
    };
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const out = await handler(ctx);
      await finish(job.id, out.status ?? 'succeeded', { message: out.message, result: out.result });
    } catch (e) {
      if (e instanceof JobCancelledError) {
        await finish(job.id, 'cancelled', { message: '取り消されました。' });
      } else {
        if (!(e instanceof AppError)) opts.log?.(`job ${job.id} (${job.kind}) failed`, e);
        const msg =
          e instanceof AppError ? e.message : '処理中にエラーが発生しました。管理者に連絡してください。';
        await finish(job.id, 'failed', { message: msg, error: e instanceof Error ? e.message : String(e) });
      }
    }
  }

  async function finish(
    id: number,
    status: JobStatus,
    v: { message?: string; result?: unknown; error?: string },
  ): Promise<void> {
    await db
      .update(jobs)
      .set({
        status,
        finishedAt: new Date(),
        heartbeatAt: new Date(),
        ...(v.message !== undefined ? { message: v.message } : {}),
        ...(v.result !== undefined ? { result: v.result } : {}),
        ...(v.error !== undefined ? { error: v.error } : {}),
      })
      .where(eq(jobs.id, id));
  }

  async function drain(): Promise<void> {
    for (;;) {
      if (stopped) return;
      const job = await claim();
      if (!job) return;
      await runOne(job);
    }
  }

  function kick(): void {
    if (stopped || running) return;
    running = drain()
      .catch((e) => opts.log?.('job loop error', e))
      .finally(() => {
        running = undefined;
      });
  }

  return {
    register(kind: string, handler: JobHandler): void {
      handlers.set(kind, handler);
    },

    async enqueue(kind: string, title: string, params: unknown, createdBy: number | null): Promise<JobRow> {
      const [row] = await db.insert(jobs).values({ kind, title, params, createdBy }).returning();
      queueMicrotask(kick);
      return row!;
    },

    /** Starts polling; first re-queues jobs left running by a crashed process. */
    async start(): Promise<void> {
      stopped = false;
      await db
        .update(jobs)
        .set({ status: 'queued', message: '中断から再開します。' })
        .where(
          and(
            eq(jobs.status, 'running'),
            sql`${jobs.heartbeatAt} < now() - make_interval(secs => ${staleAfterMs / 1000})`,
          ),
        );
      timer = setInterval(kick, pollMs);
      kick();
    },

    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },

    /** Runs queued jobs now, in this call (CLI and tests). */
    async runPending(): Promise<void> {
      const was = stopped;
      stopped = false;
      try {
        await drain();
      } finally {
        stopped = was;
      }
    },

    async get(id: number): Promise<JobRow> {
      const row = (await db.select().from(jobs).where(eq(jobs.id, id)))[0];
      if (!row) throw notFound('ジョブ');
      return row;
    },

    /** Newest first, with the login id and name of who started each job. */
    list(limit = 100, kinds?: string[]) {
      return db
        .select({ ...getTableColumns(jobs), createdByLogin: users.loginId, createdByName: users.displayName })
        .from(jobs)
        .leftJoin(users, eq(users.id, jobs.createdBy))
        .where(kinds ? inArray(jobs.kind, kinds) : undefined)
        .orderBy(desc(jobs.id))
        .limit(limit);
    },

    /** Jobs of a kind whose params carry `key = value` (e.g. the follow-up of a reviewed import). */
    findByParam(kind: string, key: string, value: string | number, statuses: JobStatus[]) {
      return db
        .select()
        .from(jobs)
        .where(
          and(
            eq(jobs.kind, kind),
            sql`${jobs.params}->>${key} = ${String(value)}`,
            inArray(jobs.status, statuses),
          ),
        );
    },

    async cancel(id: number): Promise<JobRow> {
      const job = await this.get(id);
      if (job.status === 'queued') {
        await finish(id, 'cancelled', { message: '開始前に取り消されました。' });
      } else if (job.status === 'running') {
        await db.update(jobs).set({ cancelRequested: true }).where(eq(jobs.id, id));
      } else {
        throw new AppError(409, 'JOB_FINISHED', 'このジョブは既に終了しているため取り消せません。');
      }
      return this.get(id);
    },

    async waitFor(id: number, timeoutMs = 60_000): Promise<JobRow> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const job = await this.get(id);
        if (!['queued', 'running'].includes(job.status)) return job;
        if (Date.now() > until) throw new Error(`job ${id} did not finish in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

export type JobRunner = ReturnType<typeof jobRunner>;
