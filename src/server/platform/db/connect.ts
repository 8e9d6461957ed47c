import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzleLite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';

/** The one database type all repositories use, whatever the backend. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw parameterised SQL for bulk paths; rows come back as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection (raw SQL bulk paths). */
  transaction<R>(fn: (tx: SqlRunner) => Promise<R>): Promise<R>;
  close(): Promise<void>;
};

export type SqlRunner = Pick<Database, 'query'>;

// node-postgres returns int8 and numeric as strings; PGlite returns numbers. Make both numbers
// (ids stay far below 2^53) and keep `date` as the 'YYYY-MM-DD' string.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export type ConnectOptions = {
  databaseUrl?: string;
  /** Data dir for PGlite; undefined → in-memory (tests). */
  dataDir?: string;
  /** Skip the single-owner lock (only for in-memory databases). */
  lock?: boolean;
  poolSize?: number;
};

export async function connect(opts: ConnectOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    pool.on('error', () => {
      /* idle client errors are reported on the next query */
    });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      async query<T>(text: string, params: unknown[] = []) {
        return (await pool.query(text, params)).rows as T[];
      },
      async transaction(fn) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const out = await fn({
            query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
          });
          await client.query('COMMIT');
          return out;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  let release: (() => void) | undefined;
  if (opts.dataDir && opts.lock !== false) release = acquireDataDirLock(opts.dataDir);
  try {
    const lite = await PGlite.create(opts.dataDir ? join(opts.dataDir, 'pglite') : undefined, {
      extensions: { pg_trgm },
      // PGlite parses date as a JS Date by default; keep the ISO string like node-postgres does.
      parsers: { 1082: (v: string) => v },
    });
    const db = drizzleLite(lite) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      async query<T>(text: string, params: unknown[] = []) {
        return (await lite.query<T>(text, params)).rows;
      },
      transaction(fn) {
        return lite.transaction((tx) =>
          fn({ query: async <T>(text: string, params: unknown[] = []) => (await tx.query<T>(text, params)).rows }),
        );
      },
      async close() {
        await lite.close();
        release?.();
      },
    };
  } catch (e) {
    release?.();
    throw e;
  }
}
