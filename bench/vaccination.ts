/**
 * `npm run bench -- --suite vaccination`: the schedule engine (scheduleFor) for every child under 13 of the
 * 1,000,000-resident city — about 120,000 children with synthetic histories (demo-histories.ts: seeded; 70% on
 * schedule, 15% late, 10% missing doses, 5% intervals too short), on one judgement date. Each mode runs in a
 * process of its own (bench/vaccination-run.ts) so that its peak RSS is that mode's: one thread, then N worker
 * threads fed with batches by the main thread. The children are generated in memory: there is no vaccination
 * records table yet, so the database read is NOT included — the database suite will add it. Prints Markdown rows
 * for BENCHMARKS.md. Not a test.
 *
 *   npm run bench -- --suite vaccination [--children 120000] [--on 2026-11-24] [--threads 1,2] [--batch 5000]
 *     [--cpu-prof DIR]
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const children = arg('children', '120000');
const on = arg('on', '2026-11-24');
const modes = arg('threads', '1,2').split(',').map(Number);
const batch = arg('batch', '5000');
const cpuProf = arg('cpu-prof', '');

interface Run {
  children: number;
  threads: number;
  doses: number;
  rows: number;
  generateMs: number;
  computeMs: number;
  wallMs: number;
  cpuMs: number;
  startMb: number;
  peakMb: number;
  statuses: Record<string, number>;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const out: string[] = [];
for (const threads of modes) {
  const load = loadavg()[0]!.toFixed(1);
  const child = spawnSync(
    process.execPath,
    [
      ...(cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : []),
      'bench/run.mjs',
      '--suite',
      'vaccination-run',
      '--children',
      children,
      '--on',
      on,
      '--threads',
      String(threads),
      '--batch',
      batch,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`vaccination run failed (${child.status})`);
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Run;
  const perChild = (r.computeMs * 1000) / r.children;
  const mode = threads <= 1 ? '1 thread' : `${threads} worker threads (main thread generates and feeds them)`;
  const statuses = Object.entries(r.statuses)
    .map(([k, n]) => `${k} ${n.toLocaleString('en')}`)
    .join(', ');
  out.push(
    `| scheduleFor for ${r.children.toLocaleString('en')} children on ${on}, ${mode} | ${secs(r.computeMs)} (${perChild.toFixed(0)} µs/child) | ${secs(r.wallMs)} incl. generating the histories (${secs(r.generateMs)}); CPU ${secs(r.cpuMs)} | ${r.peakMb} MB (${r.startMb} MB at start) | ${r.doses.toLocaleString('en')} doses in the histories; ${r.rows.toLocaleString('en')} rows: ${statuses}; load ${load} before the run |`,
  );
  console.error(out.at(-1));
}

console.log(
  '\nThe database read is not included yet (no vaccination records table): the histories are generated in memory.\n',
);
console.log('| measurement | engine (compute) | wall | peak RSS | note |');
console.log('|---|---|---|---|---|');
for (const r of out) console.log(r);
