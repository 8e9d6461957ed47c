/**
 * Measures batch rendering: time and peak RSS for N one-page letters (address block with customer barcode,
 * 5-row table, Code 128) — not a test.
 *
 *   npx tsx src/server/platform/documents/measure.ts                 # 10,000 letters, workers = 0 and 2
 *   npx tsx src/server/platform/documents/measure.ts --items 100000 --workers 2 [--chunk 1000] [--out DIR]
 *
 * Without --workers each mode runs in a child process of its own, so that each peak RSS is that mode's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderBatch } from './renderer.ts';
import { testContext, testItem } from './test-templates.ts';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    workers: { type: 'string' },
    chunk: { type: 'string', default: '1000' },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const items = Number(values.items);
const chunkSize = Number(values.chunk);

type Result = {
  items: number;
  workers: number;
  chunkSize: number;
  seconds: number;
  pagesPerSecond: number;
  /** CPU time of all threads (user + system). */
  cpuSeconds: number;
  peakRssMb: number;
  mb: number;
  /** 1-minute load average before and after: other processes on the machine skew the wall time. */
  load: [number, number];
};

async function measure(workers: number): Promise<Result> {
  if (values.out) mkdirSync(values.out, { recursive: true });
  function* source() {
    for (let n = 1; n <= items; n++) yield testItem(n);
  }
  let bytes = 0;
  const loadBefore = loadavg()[0]!;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await renderBatch({
    registryUrl: new URL('./test-templates.ts', import.meta.url),
    templateCode: 'test-letter',
    items: source(),
    ctx: testContext,
    chunkSize,
    workers,
    onChunk: (c) => {
      bytes += c.buffer.byteLength;
      if (values.out)
        writeFileSync(join(values.out, `part-${String(c.index + 1).padStart(4, '0')}.pdf`), c.buffer);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    items,
    workers,
    chunkSize,
    seconds: round(seconds),
    pagesPerSecond: Math.round(summary.pages / seconds),
    cpuSeconds: round((used.user + used.system) / 1e6),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    mb: round(bytes / 1e6),
    load: [round(loadBefore), round(loadavg()[0]!)],
  };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

function show(r: Result): string {
  return `workers=${r.workers} items=${r.items} chunk=${r.chunkSize}: ${r.seconds} s, ${r.pagesPerSecond} pages/s, CPU ${r.cpuSeconds} s, peak RSS ${r.peakRssMb} MB, PDFs ${r.mb} MB (load ${r.load[0]} → ${r.load[1]})`;
}

if (values.workers !== undefined) {
  const r = await measure(Number(values.workers));
  console.log(values.json ? JSON.stringify(r) : show(r));
} else {
  const self = fileURLToPath(import.meta.url);
  for (const workers of [0, 2]) {
    const args = [
      'tsx',
      self,
      '--items',
      String(items),
      '--chunk',
      String(chunkSize),
      '--workers',
      String(workers),
      '--json',
    ];
    if (values.out) args.push('--out', join(values.out, `workers-${workers}`));
    const out = execFileSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const line = out.trim().split('\n').at(-1)!;
    console.log(show(JSON.parse(line) as Result));
  }
}
