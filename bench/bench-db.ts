/**
 * The database of a benchmark run: a fresh PGlite directory or a fresh PostgreSQL database (on DATABASE_URL's
 * server, default the local one), dropped again afterwards — or, PostgreSQL only, a named database kept between
 * runs (`keep`) so that a slow seeding happens once. `child` is how a child process opens the same database
 * (`--url URL` or `--data-dir DIR`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, type Database } from '../src/server/platform/db/connect.ts';

export type BenchDatabase = {
  database: Database;
  /** the connection URL or the PGlite directory */
  target: string;
  child: string[];
  /** true when a kept database existed already (it is seeded) */
  seeded: boolean;
  drop(): Promise<void>;
};

export const benchKinds = (which: string) =>
  which === 'both' ? (['postgres', 'pglite'] as const) : ([which] as ('postgres' | 'pglite')[]);

const pgBase = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: pgBase() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function openBenchDatabase(kind: 'pglite' | 'postgres', keep = ''): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'sukoyaka-bench-'));
    const database = await connect({ dataDir: dir });
    return {
      database,
      target: dir,
      child: ['--data-dir', dir],
      seeded: false,
      async drop() {
        await database.close().catch(() => undefined); // closed already when a child process used it
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = keep || `sukoyaka_bench_${Date.now()}`;
  const seeded = await admin(async (c) => {
    const exists = keep
      ? (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1
      : false;
    if (!exists) await c.query(`CREATE DATABASE ${name}`);
    return exists;
  });
  const u = new URL(pgBase());
  u.pathname = `/${name}`;
  const database = await connect({ databaseUrl: u.toString() });
  return {
    database,
    target: u.toString(),
    child: ['--url', u.toString()],
    seeded,
    async drop() {
      await database.close().catch(() => undefined);
      if (keep) return;
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
