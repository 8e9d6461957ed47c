import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { notFound } from '../errors/app-error.ts';
import { fileChunks, files } from './schema.ts';

const chunkSize = 1024 * 1024;

/**
 * Files (uploads and generated documents) kept in the database in 1 MiB chunks, so every app node
 * and job worker sees them and nothing is left on a terminal. Streaming in both directions.
 */
export function fileStore(db: Db) {
  return {
    async save(
      source: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>,
      meta: { name: string; contentType: string; createdBy: number | null },
    ): Promise<{ id: number; size: number; sha256: string }> {
      const [row] = await db
        .insert(files)
        .values({ ...meta, size: 0, sha256: '' })
        .returning({ id: files.id });
      const id = row!.id;
      const hash = createHash('sha256');
      let size = 0;
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingLen = 0;
      const flush = async () => {
        if (!pendingLen) return;
        const data = Buffer.concat(pending);
        pending = [];
        pendingLen = 0;
        await db.insert(fileChunks).values({ fileId: id, seq: seq++, data });
      };
      for await (const part of source) {
        const buf = typeof part === 'string' ? Buffer.from(part) : Buffer.from(part);
        hash.update(buf);
        size += buf.length;
        pending.push(buf);
        pendingLen += buf.length;
        if (pendingLen >= chunkSize) await flush();
      }
      await flush();
      const sha256 = hash.digest('hex');
      await db.update(files).set({ size, sha256 }).where(eq(files.id, id));
      return { id, size, sha256 };
    },

    async meta(id: number) {
      const row = (await db.select().from(files).where(eq(files.id, id)))[0];
      if (!row) throw notFound('ファイル');
      return row;
    },

    /** The file's bytes, chunk by chunk (one chunk in memory at a time). */
    async *read(id: number): AsyncGenerator<Buffer> {
      const seqs = await db
        .select({ seq: fileChunks.seq })
        .from(fileChunks)
        .where(eq(fileChunks.fileId, id))
        .orderBy(asc(fileChunks.seq));
      for (const { seq } of seqs) {
        const [c] = await db
          .select({ data: fileChunks.data })
          .from(fileChunks)
          .where(and(eq(fileChunks.fileId, id), eq(fileChunks.seq, seq)));
        if (c) yield Buffer.from(c.data);
      }
    },
  };
}

export type FileStore = ReturnType<typeof fileStore>;
