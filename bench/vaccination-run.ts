/**
 * The measured part of `npm run bench -- --suite vaccination`, in a process of its own (spawned by
 * bench/vaccination.ts) so that its peak RSS is this mode's alone: generates the synthetic children in memory
 * (src/server/modules/vaccination/demo-histories.ts) in batches, as a database read would deliver them, and runs
 * scheduleFor for every child on one date — in this thread (--threads 1) or on N worker threads
 * (bench/vaccination-worker.ts, bundled by esbuild; old generation capped at 96 MB) fed with batches by this thread. Prints one JSON line: { children, doses, rows,
 * generateMs (this thread, generating), computeMs (threads 1: the engine alone; N: from the first batch sent to
 * the last result, generation overlapping), wallMs, cpuMs (all threads), startMb, peakMb, statuses }.
 *
 *   node bench/run.mjs --suite vaccination-run [--children 120000] [--on 2026-11-24] [--threads 1] [--batch 5000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { type DemoChild, demoChildStream } from '../src/server/modules/vaccination/demo-histories.ts';
import { scheduleFor } from '../src/server/modules/vaccination/rules.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const count = Number(arg('children', '120000'));
const on = arg('on', '2026-11-24');
const threads = Number(arg('threads', '1'));
const batchSize = Number(arg('batch', '5000'));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

let peak = process.memoryUsage().rss;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const startMb = mb(process.memoryUsage().rss);

type Counts = { rows: number; statuses: Record<string, number> };
const total: Counts = { rows: 0, statuses: {} };
function add(c: Counts): void {
  total.rows += c.rows;
  for (const [k, n] of Object.entries(c.statuses)) total.statuses[k] = (total.statuses[k] ?? 0) + n;
}

const stream = demoChildStream(count, on);
let generateMs = 0;
let doses = 0;
function nextBatch(): DemoChild[] {
  const t = performance.now();
  const batch: DemoChild[] = [];
  while (batch.length < batchSize) {
    const r = stream.next();
    if (r.done) break;
    batch.push(r.value);
    doses += r.value.history.length;
  }
  generateMs += performance.now() - t;
  return batch;
}

function computeHere(batch: DemoChild[]): Counts {
  const c: Counts = { rows: 0, statuses: {} };
  for (const child of batch)
    for (const r of scheduleFor(child.person, child.history, on)) {
      c.statuses[r.status] = (c.statuses[r.status] ?? 0) + 1;
      c.rows++;
    }
  return c;
}

const wallStart = performance.now();
const cpuStart = process.cpuUsage();
let computeMs = 0;
if (threads <= 1) {
  for (let batch = nextBatch(); batch.length; batch = nextBatch()) {
    const t = performance.now();
    add(computeHere(batch));
    computeMs += performance.now() - t;
  }
} else {
  const dir = mkdtempSync(join(tmpdir(), 'sukoyaka-bench-worker-'));
  const script = join(dir, 'vaccination-worker.mjs');
  await build({
    entryPoints: [new URL('./vaccination-worker.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: script,
    logLevel: 'silent',
  });
  const workers = Array.from(
    { length: threads },
    () => new Worker(script, { workerData: { on }, resourceLimits: { maxOldGenerationSizeMb: 96 } }),
  );
  await Promise.all(workers.map((w) => new Promise((ok) => w.once('message', ok)))); // loaded
  const t = performance.now();
  // each worker keeps two batches queued, so that it never waits for this thread's generation; a worker answers
  // its batches in order
  await Promise.all(
    workers.map(async (w) => {
      const waiting: Array<(c: Counts) => void> = [];
      w.on('message', (c: Counts) => waiting.shift()?.(c));
      const inFlight: Array<Promise<Counts>> = [];
      const send = () => {
        const batch = nextBatch();
        if (!batch.length) return;
        inFlight.push(new Promise<Counts>((ok) => waiting.push(ok)));
        w.postMessage(batch);
      };
      send();
      send();
      while (inFlight.length) {
        add(await inFlight.shift()!);
        send();
      }
    }),
  );
  computeMs = performance.now() - t;
  await Promise.all(workers.map((w) => w.terminate()));
  rmSync(dir, { recursive: true, force: true });
}
const wallMs = performance.now() - wallStart;
const cpu = process.cpuUsage(cpuStart);
/** CPU time of the whole process (all threads: generation, engine, GC), less sensitive to other load than wallMs. */
const cpuMs = (cpu.user + cpu.system) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
console.log(
  JSON.stringify({
    children: count,
    threads,
    doses,
    rows: total.rows,
    generateMs,
    computeMs,
    wallMs,
    cpuMs,
    startMb,
    peakMb: mb(peak),
    statuses: total.statuses,
  }),
);
