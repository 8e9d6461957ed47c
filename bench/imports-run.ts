/**
 * The measured part of `npm run bench -- --suite imports`, in a process of its own (spawned by bench/imports.ts
 * on a seeded database) so that its peak RSS is the import's and not the seeding's: the 取込設定, the upload, the
 * dry run (validation job) and the commit (commit job) of the CSV file given, as the server would run them.
 * Prints one JSON line: { validateMs, commitMs, peakMb, startMb (RSS before the import), peakHeapMb, counts,
 * status }; on stderr the database time per statement.
 *
 *   node bench/run.mjs --suite imports-run (--url postgres://… | --data-dir DIR) --csv FILE --program colorectal
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServices } from '../src/server/app.ts';
import { resultsImportKind } from '../src/server/modules/adult-health/results-import.ts';
import { connect, type Database } from '../src/server/platform/db/connect.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const url = arg('url');
const dataDir = arg('data-dir');
const csvPath = arg('csv')!;
const actor = { userId: null, loginId: 'bench', roleCode: null };
const screen = 'bench';

let peak = process.memoryUsage().rss;
let peakHeap = 0;
const timer = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 20);

const database = await connect(url ? { databaseUrl: url } : { dataDir: dataDir! });
// time per SQL statement (its first words), printed to stderr: where the database time goes
const timing = new Map<string, { n: number; ms: number }>();
function timed<F extends (sql: string, ...rest: never[]) => Promise<unknown>>(fn: F): F {
  return (async (sql: string, ...rest: never[]) => {
    const t = performance.now();
    try {
      return await fn(sql, ...rest);
    } finally {
      const k = sql.replace(/\s+/g, ' ').slice(0, 60);
      const v = timing.get(k) ?? { n: 0, ms: 0 };
      v.n++;
      v.ms += performance.now() - t;
      timing.set(k, v);
    }
  }) as F;
}
function instrument<T extends Pick<Database, 'query' | 'copyFrom'>>(q: T): T {
  q.query = timed(q.query.bind(q));
  q.copyFrom = timed(q.copyFrom.bind(q));
  return q;
}
instrument(database);
const transaction = database.transaction.bind(database);
database.transaction = (fn) => transaction((tx) => fn(instrument(tx)));
const s = createServices(
  database,
  { idleTimeoutMinutes: 30, lockoutThreshold: 5, lockoutMinutes: 15 },
  randomBytes(32),
);
// the process at rest: modules loaded, database open
const startRss = process.memoryUsage().rss;
const setting = await s.imports.createSetting(
  actor,
  resultsImportKind,
  {
    name: `bench ${Date.now()}`,
    format: 'csv',
    encoding: 'utf8',
    hasHeader: true,
    recordElement: null,
    mapping: [
      { column: '宛名番号', field: 'atenaNo' },
      { column: '受診日', field: 'screenedOn' },
      { column: '受診区分', field: 'mode' },
      { column: '便潜血1日目', field: 'item.fobtDay1' },
      { column: '便潜血2日目', field: 'item.fobtDay2' },
      { column: '判定', field: 'result' },
    ],
  },
  screen,
);

const t0 = Date.now();
const prepared = await s.imports.prepareRun(resultsImportKind, setting.id, { program: arg('program') });
const file = await s.files.save([readFileSync(csvPath)], {
  name: 'bench.csv',
  contentType: 'text/csv',
  createdBy: null,
});
const { run } = await s.imports.startRun(
  actor,
  resultsImportKind,
  prepared,
  { fileId: file.id, fileName: 'bench.csv' },
  screen,
);
await s.jobs.runPending();
const checked = await s.imports.run(resultsImportKind, run.id);
const t1 = Date.now();
await s.imports.commit(actor, resultsImportKind, run.id, false, screen);
await s.jobs.runPending();
const done = await s.imports.run(resultsImportKind, run.id);
const commitMs = Date.now() - t1;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
for (const [k, { n, ms }] of [...timing].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12))
  console.error(`${Math.round(ms)} ms in ${n}× ${k}`);
await database.close();
console.log(
  JSON.stringify({
    validateMs: t1 - t0,
    commitMs,
    peakMb: Math.round(peak / 2 ** 20),
    startMb: Math.round(startRss / 2 ** 20),
    peakHeapMb: Math.round(peakHeap / 2 ** 20),
    counts: checked.counts,
    status: done.status,
    message: done.message,
  }),
);
