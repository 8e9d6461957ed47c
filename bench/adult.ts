/**
 * `npm run bench -- --suite adult`: adult-health invitation targets on the synthetic demo city.
 *  1. full 年度 extraction of the five がん検診 with reasons through the extraction job (engine + rules),
 *     and one hand-written SQL query producing the same set (CREATE TEMP TABLE … AS), in the same run;
 *  2. N one-page 受診票（券） (Japanese text, customer barcode, code128) read from that list and rendered in
 *     PDF parts of the print job's size with worker threads, in a child process (bench/adult-notices.ts): wall time and
 *     the child's peak RSS (workers included).
 * Prints Markdown rows for BENCHMARKS.md. Not a test: nothing asserts.
 *
 *   npm run bench -- --suite adult [--residents 1000000] [--db both|pglite|postgres] [--notices 100000] [--workers 2]
 *     [--keep NAME]   PostgreSQL only: seed database NAME once and keep it; later runs reuse it (no re-seeding)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bootstrap, createServices } from '../src/server/app.ts';
import { seedAdultHealthDemo } from '../src/server/modules/adult-health/demo.ts';
import { seedDemoCity } from '../src/server/modules/residents/demo/seed.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { benchKinds, openBenchDatabase } from './bench-db.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const residents = Number(arg('residents', '1000000'));
const which = arg('db', 'both');
const notices = Number(arg('notices', '100000'));
const workers = Number(arg('workers', '2'));
const keep = arg('keep', '');
const fy = 2026;
const cancer = ['stomach', 'colorectal', 'lung', 'breast', 'cervical'] as const;
const actor = { userId: null, loginId: 'bench', roleCode: null };

/** The same five-program set as the rules (指針 defaults, legal 年度末年齢), written by hand in SQL. */
const handSql = `
CREATE TEMP TABLE hand_targets AS
WITH p AS (
  SELECT r.id, r.sex, r.birth_date,
    EXISTS (SELECT 1 FROM screening_opt_outs o WHERE o.resident_id = r.id AND o.valid_from <= $2::date
            AND (o.valid_until IS NULL OR o.valid_until >= $1::date)) AS opted,
    coalesce((SELECT array_agg(h.program) FROM screening_records h WHERE h.resident_id = r.id AND h.fiscal_year = $3), '{}') AS this_year,
    coalesce((SELECT array_agg(h.program) FROM screening_records h WHERE h.resident_id = r.id AND h.fiscal_year = $3 - 1), '{}') AS last_year
  FROM residents r
  WHERE r.status = 'resident' AND r.birth_date <= make_date($3 - 19, 4, 1)
)
SELECT id, array_remove(ARRAY[
  CASE WHEN birth_date <= make_date($3 - 49, 4, 1) AND NOT ('stomach' = ANY(this_year) OR 'stomach' = ANY(last_year)) THEN 'stomach' END,
  CASE WHEN birth_date <= make_date($3 - 39, 4, 1) AND NOT 'colorectal' = ANY(this_year) THEN 'colorectal' END,
  CASE WHEN birth_date <= make_date($3 - 39, 4, 1) AND NOT 'lung' = ANY(this_year) THEN 'lung' END,
  CASE WHEN sex = '2' AND birth_date <= make_date($3 - 39, 4, 1) AND (NOT ('breast' = ANY(this_year) OR 'breast' = ANY(last_year))
    OR birth_date BETWEEN make_date($3 - 41, 4, 2) AND make_date($3 - 40, 4, 1)) THEN 'breast' END,
  CASE WHEN sex = '2' AND birth_date <= make_date($3 - 19, 4, 1) AND (NOT ('cervical' = ANY(this_year) OR 'cervical' = ANY(last_year))
    OR birth_date BETWEEN make_date($3 - 21, 4, 2) AND make_date($3 - 20, 4, 1)) THEN 'cervical' END
], NULL) AS programs
FROM p WHERE NOT opted`;

const rows: string[] = [];

for (const kind of benchKinds(which)) {
  const { database, target: dbTarget, seeded, drop } = await openBenchDatabase(kind, keep);
  try {
    await migrate(database);
    const s = createServices(
      database,
      { idleTimeoutMinutes: 30, lockoutThreshold: 5, lockoutMinutes: 15 },
      randomBytes(32),
    );
    await bootstrap(s);
    let t = Date.now();
    if (!seeded) {
      await seedDemoCity(database, {
        residents,
        seed: 1,
        encryptMyNumber: (m) => ({ enc: s.sealer.encrypt(m), mac: s.sealer.mac(m) }),
      });
      await seedAdultHealthDemo(database, fy);
      await database.query('ANALYZE');
      console.error(`${kind}: seeded ${residents} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }

    t = Date.now();
    const list = await s.adult.lists.startExtraction(actor, {
      purpose: 'adult-health.invitation',
      fiscalYear: fy,
      programs: [...cancer],
    });
    await s.jobs.runPending();
    const engineMs = Date.now() - t;
    const done = await s.adult.lists.get(list.id);
    const counts = done.counts as { included: number; excluded: number };

    t = Date.now();
    await database.query(
      handSql
        .replace(/\$1/g, `'${fy}-04-01'`)
        .replace(/\$2/g, `'${fy + 1}-03-31'`)
        .replace(/\$3/g, String(fy)),
    );
    const handMs = Date.now() - t;
    const [hand] = await database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM hand_targets WHERE cardinality(programs) > 0',
    );
    const [diff] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         (SELECT id, programs FROM hand_targets WHERE cardinality(programs) > 0
          EXCEPT SELECT resident_id, programs FROM target_list_entries WHERE list_id = ${list.id} AND included)
         UNION ALL
         (SELECT resident_id, programs FROM target_list_entries WHERE list_id = ${list.id} AND included
          EXCEPT SELECT id, programs FROM hand_targets WHERE cardinality(programs) > 0)) d`,
    );
    rows.push(
      `| 年度 extraction, 5 がん検診, ${residents.toLocaleString()} people | ${kind} | engine ${(engineMs / 1000).toFixed(1)} s (${counts.included.toLocaleString()} targets, ${counts.excluded} 送付不要) | hand SQL ${(handMs / 1000).toFixed(1)} s (${hand?.n.toLocaleString()}) | ratio ${(engineMs / handMs).toFixed(2)}, differing rows ${diff?.n} |`,
    );

    if (notices > 0 && (kind === 'postgres' || which === 'pglite')) {
      // The print runs in a process of its own (as a print job would in a freshly started server), so its
      // peak RSS is the print's, not the seeding's or the extraction's.
      if (kind === 'pglite') await database.close();
      const out = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(new URL('./adult-notices.ts', import.meta.url)),
          '--db',
          dbTarget,
          '--list',
          String(list.id),
          '--notices',
          String(notices),
          '--workers',
          String(workers),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
      );
      const r = JSON.parse(out.trim().split('\n').pop()!) as {
        ms: number;
        pages: number;
        bytes: number;
        startRssMb: number;
        peakRssMb: number;
      };
      rows.push(
        `| ${notices.toLocaleString()} 受診票（券）, ${workers} workers | ${kind} (items read from the list, own process) | ${(r.ms / 1000).toFixed(1)} s = ${Math.round(r.pages / (r.ms / 1000))} pages/s, ${(r.bytes / 1e6).toFixed(0)} MB of PDF | peak RSS ${Math.round(r.peakRssMb)} MB (after start-up ${Math.round(r.startRssMb)} MB) | load ${loadavg()[0]!.toFixed(1)} |`,
      );
    }
  } finally {
    await drop();
  }
}

console.log('| measurement | database | ours | reference | note |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
