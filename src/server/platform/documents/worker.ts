/**
 * Worker thread of renderBatch: renders chunks sent by the main thread, one at a time, and sends back the PDF
 * bytes (transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { loadTemplate, renderChunk } from './render-core.ts';
import type { DocumentItem, RenderContext } from './types.ts';

export type WorkerRequest = {
  id: number;
  registryUrl: string;
  templateCode: string;
  items: DocumentItem<unknown>[];
  ctx: RenderContext;
};

export type WorkerResponse =
  | { id: number; ok: true; pdf: ArrayBuffer; pages: number }
  | { id: number; ok: false; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

let queue: Promise<void> = Promise.resolve();

port.on('message', (req: WorkerRequest) => {
  queue = queue.then(() => handle(req));
});

async function handle(req: WorkerRequest): Promise<void> {
  try {
    const template = await loadTemplate(req.registryUrl, req.templateCode);
    const { buffer, pages } = await renderChunk(template, req.items, req.ctx);
    // Transfer the bytes; copy first when the Buffer is a view into a larger (pooled) ArrayBuffer.
    let pdf = buffer.buffer as ArrayBuffer;
    if (buffer.byteOffset !== 0 || buffer.byteLength !== pdf.byteLength) {
      pdf = new ArrayBuffer(buffer.byteLength);
      new Uint8Array(pdf).set(buffer);
    }
    const res: WorkerResponse = { id: req.id, ok: true, pdf, pages };
    port!.postMessage(res, [pdf]);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const res: WorkerResponse = { id: req.id, ok: false, message: e.message, stack: e.stack };
    port!.postMessage(res);
  }
}
