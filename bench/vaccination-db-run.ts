/**
 * The measured part of `npm run bench -- --suite vaccination-db`, in a process of its own (spawned by
 * bench/vaccination-db.ts on a seeded database): (1) every child under 13 read with their records and judged by
 * the schedule engine for a 未接種者勧奨 over all children's A類 vaccines (vaccination/extraction-source.ts
 * loadAndJudge: read + judge, nothing written); (2) the same as the real job — a 未接種者勧奨 list made by the
 * extraction job (read, judge, write the list). Prints one JSON line (times, counts, peak RSS and heap).
 *
 *   node --import tsx bench/vaccination-db-run.ts (--url postgres://… | --data-dir DIR) --on YYYY-MM-DD
 */
import { randomBytes } from 'node:crypto';
import { createServices } from '../src/server/app.ts';
import { loadAndJudge } from '../src/server/modules/vaccination/extraction-source.ts';
import { type ListRequest, settingsOf } from '../src/server/modules/vaccination/lists.ts';
import { addMonthsClamped } from '../src/server/platform/calendar/index.ts';
import { connect } from '../src/server/platform/db/connect.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const url = arg('url');
const dataDir = arg('data-dir');
const on = arg('on') ?? '2026-11-24';
const actor = { userId: null, loginId: 'bench', roleCode: null };
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const database = await connect(url ? { databaseUrl: url } : { dataDir: dataDir! });
const [size] = await database.query<{ children: number; records: number }>(
  'SELECT count(DISTINCT resident_id)::int AS children, count(*)::int AS records FROM vaccination_records',
);

let peak = process.memoryUsage().rss;
let peakHeap = 0;
const timer = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 20);
const startMb = mb(process.memoryUsage().rss);

// every child under 13 on the 基準日, every A類 vaccine of children (vaccines: [])
const request: ListRequest = {
  kind: 'vaccination.reminder',
  on,
  vaccines: [],
  withinDays: 90,
  bornFrom: addMonthsClamped(on, -13 * 12),
  bornTo: on,
};
let t = performance.now();
const judged = await loadAndJudge(database, settingsOf(request));
const judgeMs = performance.now() - t;

const s = createServices(
  database,
  { idleTimeoutMinutes: 30, lockoutThreshold: 5, lockoutMinutes: 15 },
  randomBytes(32),
);
t = performance.now();
const list = await s.vaccination.lists.startExtraction(actor, request);
await s.jobs.runPending();
const extractMs = performance.now() - t;
const done = await s.vaccination.lists.get(list.id);
clearInterval(timer);
await database.close();
console.log(
  JSON.stringify({
    ...size,
    ...judged,
    judgeMs: Math.round(judgeMs),
    extractMs: Math.round(extractMs),
    status: done.status,
    listCounts: done.counts,
    startMb,
    // the kernel's high-water mark: PGlite runs on this thread and starves the sampling timer
    peakMb: Math.max(mb(peak), Math.round(process.resourceUsage().maxRSS / 1024)),
    peakHeapMb: mb(Math.max(peakHeap, process.memoryUsage().heapUsed)),
  }),
);
