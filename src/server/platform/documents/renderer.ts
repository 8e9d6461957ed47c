/**
 * Rendering documents: one PDF in-process (previews, single reissues), or batches split into chunks of
 * `chunkSize` items — each chunk one separate PDF, so memory stays bounded — optionally on worker threads.
 */
import { Worker } from 'node:worker_threads';
import { loadTemplate, renderChunk } from './render-core.ts';
import type { DocumentItem, DocumentTemplate, RenderContext } from './types.ts';
import type { WorkerRequest, WorkerResponse } from './worker.ts';
import { workerScript } from './worker-bundle.ts';

/** Old-generation heap of a worker thread (MB): SUKOYAKA_PRINT_WORKER_HEAP_MB, default 96. */
function workerOldGenerationMb(): number {
  const v = Number(process.env.SUKOYAKA_PRINT_WORKER_HEAP_MB ?? 96);
  return Number.isFinite(v) && v >= 32 ? v : 96;
}

/**
 * Renders all items into one PDF in this thread. Any template is accepted (a DocumentTemplate<P> is a
 * DocumentTemplate<never>); the items must carry the payload the template expects.
 */
export async function renderToBuffer(
  template: DocumentTemplate<never>,
  items: Iterable<DocumentItem<unknown>>,
  ctx: RenderContext,
): Promise<Buffer> {
  const { buffer } = await renderChunk(template as unknown as DocumentTemplate<unknown>, items, ctx);
  return buffer;
}

/** One finished chunk of a batch. */
export type RenderedChunk = {
  /** 0-based chunk number. */
  index: number;
  /** The chunk's PDF. */
  buffer: Buffer;
  /** 1-based positions in the batch of the chunk's first and last item. */
  from: number;
  to: number;
  /** Pages in this PDF. */
  pages: number;
  /** Items in this PDF. */
  count: number;
};

export type RenderBatchOptions<P = unknown> = {
  /** URL of the registry module exporting `templates: TemplateRegistry` (also imported by the workers). */
  registryUrl: string | URL;
  templateCode: string;
  /** Items in print order; pulled lazily (backpressure: only ~2 chunks per worker are in flight). Payloads must be
   * structured-cloneable (plain data) when workers > 0. */
  items: AsyncIterable<DocumentItem<P>> | Iterable<DocumentItem<P>>;
  ctx: RenderContext;
  /** Items per PDF (default 1000). */
  chunkSize?: number;
  /** Worker threads (default 0 = render in this thread). */
  workers?: number;
  /** Called once per chunk, awaited, strictly in chunk order. */
  onChunk: (chunk: RenderedChunk) => Promise<void> | void;
  /** Called after each chunk with the number of items done so far. */
  onProgress?: (doneItems: number) => void;
};

export type BatchSummary = { chunks: number; items: number; pages: number };

type Rendered = { buffer: Buffer; pages: number };

interface ChunkRenderer {
  render(
    registryUrl: string,
    templateCode: string,
    items: DocumentItem<unknown>[],
    ctx: RenderContext,
  ): Promise<Rendered>;
  close(): Promise<void>;
}

const inlineRenderer: ChunkRenderer = {
  async render(registryUrl, templateCode, items, ctx) {
    return renderChunk(await loadTemplate(registryUrl, templateCode), items, ctx);
  },
  async close() {},
};

async function* chunked<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Renders a batch chunk by chunk. With `workers > 0` chunks are rendered in parallel on worker threads (at
 * most 2 per worker in flight); `onChunk` still receives them in order. The first error (in a template, a
 * worker or onChunk) rejects the batch; workers are terminated in every case.
 */
export async function renderBatch<P>(opts: RenderBatchOptions<P>): Promise<BatchSummary> {
  const chunkSize = opts.chunkSize ?? 1000;
  const workers = opts.workers ?? 0;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError(`chunkSize must be ≥ 1: ${chunkSize}`);
  if (!Number.isInteger(workers) || workers < 0) throw new RangeError(`workers must be ≥ 0: ${workers}`);
  const registryUrl = String(opts.registryUrl);
  const renderer: ChunkRenderer =
    workers > 0 ? new WorkerPool(workers, await workerScript(registryUrl)) : inlineRenderer;
  const maxInFlight = workers > 0 ? workers * 2 : 1;
  const pending: Promise<RenderedChunk>[] = [];
  let chunks = 0;
  let position = 0;
  let doneItems = 0;
  let pages = 0;

  const deliver = async () => {
    const chunk = await pending.shift()!;
    await opts.onChunk(chunk);
    doneItems += chunk.count;
    pages += chunk.pages;
    opts.onProgress?.(doneItems);
  };

  try {
    for await (const items of chunked(opts.items as AsyncIterable<DocumentItem<unknown>>, chunkSize)) {
      const meta = { index: chunks++, from: position + 1, to: position + items.length, count: items.length };
      position += items.length;
      const job = renderer
        .render(registryUrl, opts.templateCode, items, opts.ctx)
        .then((r): RenderedChunk => ({ ...meta, buffer: r.buffer, pages: r.pages }));
      job.catch(() => {}); // reported when its turn comes (deliver); avoids an unhandled rejection meanwhile
      pending.push(job);
      while (pending.length >= maxInFlight) await deliver();
    }
    while (pending.length > 0) await deliver();
  } finally {
    await renderer.close();
  }
  return { chunks, items: doneItems, pages };
}

type Task = { resolve: (r: Rendered) => void; reject: (e: Error) => void; slot: Slot };
type Slot = { worker: Worker; inFlight: number; dead: Error | null };

/** A fixed set of worker threads; each request goes to the least busy live worker. */
class WorkerPool implements ChunkRenderer {
  private readonly slots: Slot[] = [];
  private readonly tasks = new Map<number, Task>();
  private nextId = 1;

  constructor(size: number, script: URL) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(script));
  }

  private spawn(script: URL): Slot {
    // Small heaps: rendering makes many short-lived objects and V8 lets a default heap grow far before it
    // collects — a young generation of 8 MB (default 48) and an old one of 96 MB keep a worker at ~150 MB of
    // RSS (BENCHMARKS.md) while a 1,000-page chunk needs ~50 MB live.
    const worker = new Worker(script, {
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: workerOldGenerationMb() },
    });
    const slot: Slot = { worker, inFlight: 0, dead: null };
    worker.on('message', (res: WorkerResponse) => {
      const task = this.tasks.get(res.id);
      if (!task) return;
      this.tasks.delete(res.id);
      slot.inFlight--;
      if (res.ok) task.resolve({ buffer: Buffer.from(res.pdf), pages: res.pages });
      else {
        const err = new Error(res.message);
        if (res.stack) err.stack = res.stack;
        task.reject(err);
      }
    });
    const fail = (err: Error) => {
      slot.dead ??= err;
      for (const [id, task] of this.tasks) {
        if (task.slot !== slot) continue;
        this.tasks.delete(id);
        task.reject(err);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`帳票作成ワーカーが終了しました（コード ${code}）`)));
    return slot;
  }

  render(registryUrl: string, templateCode: string, items: DocumentItem<unknown>[], ctx: RenderContext) {
    const live = this.slots.filter((s) => !s.dead);
    if (live.length === 0) return Promise.reject(this.slots[0]?.dead ?? new Error('no workers'));
    const slot = live.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const id = this.nextId++;
    return new Promise<Rendered>((resolve, reject) => {
      this.tasks.set(id, { resolve, reject, slot });
      slot.inFlight++;
      const req: WorkerRequest = { id, registryUrl, templateCode, items, ctx };
      slot.worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
