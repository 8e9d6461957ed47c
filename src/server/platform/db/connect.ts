import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleLite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { acquireDataDirLock } from './lock.ts';

/** The one database type all repositories use, whatever the backend. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw parameterised SQL for bulk paths; rows come back as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection (raw SQL bulk paths). */
  transaction<R>(fn: (tx: SqlTransaction) => Promise<R>): Promise<R>;
  /**
   * Runs `COPY … FROM STDIN` (text or csv format) with the data in `chunks`. Each chunk must end at a row
   * boundary: PGlite cannot stream, so there the chunks are gathered into blobs of about
   * {@link copyBlobBytes} and each blob is loaded by a COPY statement of its own.
   */
  copyFrom(sql: string, chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<void>;
  close(): Promise<void>;
};

export type SqlRunner = Pick<Database, 'query'>;
/** What a transaction can do: queries and COPY on the transaction's connection. */
export type SqlTransaction = Pick<Database, 'query' | 'copyFrom'>;

/** Bytes of COPY data PGlite takes per statement (the data is handed over as one blob). */
export const copyBlobBytes = 32 * 1024 * 1024;

type Chunks = AsyncIterable<string | Buffer> | Iterable<string | Buffer>;

/** Bytes of COPY data per CopyData message sent to PostgreSQL. */
const copyMessageBytes = 256 * 1024;

/**
 * The chunks gathered into buffers of about {@link copyMessageBytes}: strings are encoded straight into the buffer,
 * so a COPY of 100,000 rows is a few hundred socket writes instead of two per piece (header and data) plus a
 * buffer per string — that took about a second of a 100,000-row import.
 */
async function* copyMessages(chunks: Chunks): AsyncGenerator<Buffer> {
  let buf = Buffer.allocUnsafe(copyMessageBytes);
  let used = 0;
  for await (const chunk of chunks) {
    // at most 3 bytes of UTF-8 per UTF-16 unit
    const most = typeof chunk === 'string' ? chunk.length * 3 : chunk.length;
    if (used > 0 && used + most > copyMessageBytes) {
      yield buf.subarray(0, used);
      buf = Buffer.allocUnsafe(copyMessageBytes);
      used = 0;
    }
    if (most > copyMessageBytes) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    else used += typeof chunk === 'string' ? buf.write(chunk, used) : chunk.copy(buf, used);
  }
  if (used > 0) yield buf.subarray(0, used);
}

async function pgCopyFrom(client: pg.PoolClient, sql: string, chunks: Chunks): Promise<void> {
  await pipeline(
    Readable.from(copyMessages(chunks), { objectMode: false }),
    client.query(copyFromStream(sql)),
  );
}

/** PGlite: COPY … FROM STDIN becomes COPY … FROM '/dev/blob', one statement per gathered blob. */
async function liteCopyFrom(
  run: (sql: string, blob: Blob) => Promise<unknown>,
  sql: string,
  chunks: Chunks,
): Promise<void> {
  if (!/\bFROM\s+STDIN\b/i.test(sql)) throw new Error(`copyFrom needs COPY … FROM STDIN: ${sql}`);
  const blobSql = sql.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'");
  let parts: BlobPart[] = [];
  let bytes = 0;
  const flush = async () => {
    if (parts.length === 0) return;
    const blob = new Blob(parts);
    parts = [];
    bytes = 0;
    await run(blobSql, blob);
  };
  for await (const chunk of chunks) {
    // A view, not a copy (Blob copies the bytes itself); Buffers never sit on a SharedArrayBuffer.
    parts.push(typeof chunk === 'string' ? chunk : (chunk as Buffer<ArrayBuffer>));
    bytes += chunk.length * (typeof chunk === 'string' ? 3 : 1);
    if (bytes >= copyBlobBytes) await flush();
  }
  await flush();
}

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
            query: async <T>(text: string, params: unknown[] = []) =>
              (await client.query(text, params)).rows as T[],
            copyFrom: (sql, chunks) => pgCopyFrom(client, sql, chunks),
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
      async copyFrom(sql, chunks) {
        const client = await pool.connect();
        try {
          await pgCopyFrom(client, sql, chunks);
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
          fn({
            query: async <T>(text: string, params: unknown[] = []) => (await tx.query<T>(text, params)).rows,
            copyFrom: (sql, chunks) =>
              liteCopyFrom((text, blob) => tx.query(text, [], { blob }), sql, chunks),
          }),
        );
      },
      copyFrom(sql, chunks) {
        return liteCopyFrom((text, blob) => lite.query(text, [], { blob }), sql, chunks);
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
