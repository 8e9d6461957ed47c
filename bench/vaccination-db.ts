/**
 * `npm run bench -- --suite vaccination-db`: the schedule status of every child under 13 of the synthetic city read
 * from the database (issue 6: 1,000,000 residents, about 120,000 children with histories — goal ≤ 30 s, ≤ 512 MB).
 * Seeds the city and its vaccination histories (src/server/modules/vaccination/demo.ts: every record checked by the
 * engine, as entry would), then runs the measured part in a process of its own (bench/vaccination-db-run.ts) so that
 * its peak RSS is the judging's, not the seeding's. Prints Markdown rows for BENCHMARKS.md. Not a test.
 *
 *   npm run bench -- --suite vaccination-db [--residents 1000000] [--db both|pglite|postgres] [--on 2026-11-24]
 *     [--keep NAME]   PostgreSQL only: seed database NAME once and keep it; later runs reuse it
 *     [--node-flags "--max-old-space-size=256"]   Node options of the measured process
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bootstrap, createServices } from '../src/server/app.ts';
import { seedDemoCity } from '../src/server/modules/residents/demo/seed.ts';
import { seedVaccinationDemo } from '../src/server/modules/vaccination/demo.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { benchKinds, openBenchDatabase } from './bench-db.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const residents = Number(arg('residents', '1000000'));
const which = arg('db', 'both');
const on = arg('on', '2026-11-24');
const keep = arg('keep', '');
const nodeFlags = arg('node-flags', '');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const rows: string[] = [];
for (const kind of benchKinds(which)) {
  const opened = await openBenchDatabase(kind, kind === 'postgres' ? keep : '');
  try {
    const { database } = opened;
    await migrate(database);
    const s = createServices(
      database,
      { idleTimeoutMinutes: 30, lockoutThreshold: 5, lockoutMinutes: 15 },
      randomBytes(32),
    );
    await bootstrap(s);
    if (!opened.seeded) {
      let t = Date.now();
      await seedDemoCity(database, {
        residents,
        seed: 1,
        asOf: on,
        encryptMyNumber: (m) => ({ enc: s.sealer.encrypt(m), mac: s.sealer.mac(m) }),
      });
      console.error(`${kind}: ${residents.toLocaleString()} residents seeded in ${secs(Date.now() - t)}`);
      t = Date.now();
      const written = await seedVaccinationDemo(database, on, {
        progress: (c, r) =>
          process.stderr.write(`\r${kind}: ${c.toLocaleString()} children, ${r.toLocaleString()} records`),
      });
      await database.query('ANALYZE');
      console.error(
        `\n${kind}: ${written.toLocaleString()} vaccination records seeded in ${secs(Date.now() - t)}`,
      );
    }
    await database.close();
    const out = execFileSync(
      process.execPath,
      [
        ...(nodeFlags ? nodeFlags.split(' ') : []),
        '--import',
        'tsx',
        fileURLToPath(new URL('./vaccination-db-run.ts', import.meta.url)),
        ...opened.child,
        '--on',
        on,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
      children: number;
      records: number;
      candidates: number;
      included: number;
      excluded: number;
      judgeMs: number;
      extractMs: number;
      listCounts: { included: number; excluded: number };
      startMb: number;
      peakMb: number;
      peakHeapMb: number;
    };
    rows.push(
      `| schedule status of every child under 13 (${r.children.toLocaleString('en')} children, ${r.records.toLocaleString('en')} records, ${residents.toLocaleString('en')} residents) | ${kind} | read + judge ${secs(r.judgeMs)} (${r.candidates.toLocaleString('en')} read, ${r.included.toLocaleString('en')} to remind); as a 未接種者勧奨 list (job, written) ${secs(r.extractMs)} (${r.listCounts.included.toLocaleString('en')} on the list) | peak RSS ${r.peakMb} MB (own process; ${r.startMb} MB at rest, peak JS heap sampled ${r.peakHeapMb} MB) | ${nodeFlags ? `node ${nodeFlags}; ` : ''}基準日 ${on}; load ${loadavg()[0]!.toFixed(1)} |`,
    );
    console.error(rows.at(-1));
  } finally {
    await opened.drop();
  }
}

console.log('| measurement | database | time | memory | note |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
