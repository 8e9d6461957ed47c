/**
 * `npm run bench -- --suite adult`: adult-health invitation targets on the synthetic demo city.
 *  1. full 年度 extraction of the five がん検診 with reasons through the extraction job (engine + rules),
 *     and one hand-written SQL query producing the same set (CREATE TEMP TABLE … AS), in the same run;
 *  2. N one-page 受診票（券） (Japanese text, customer barcode, code128) rendered in 1,000-page PDF parts
 *     with worker threads, wall time and peak RSS of the process (workers included).
 * Prints Markdown rows for BENCHMARKS.md. Not a test: nothing asserts.
 *
 *   npm run bench -- --suite adult [--residents 1000000] [--db both|pglite|postgres] [--notices 100000] [--workers 2]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { bootstrap, createServices } from '../src/server/app.ts';
import { templates, templatesUrl } from '../src/server/document-templates.ts';
import { seedAdultHealthDemo } from '../src/server/modules/adult-health/demo.ts';
import { ticketPayload } from '../src/server/modules/adult-health/payloads.ts';
import { seedDemoCity } from '../src/server/modules/residents/demo/seed.ts';
import { connect, type Database } from '../src/server/platform/db/connect.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { renderBatch } from '../src/server/platform/documents/index.ts';
import { targetListsRepository } from '../src/server/platform/extraction/repository.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const residents = Number(arg('residents', '1000000'));
const which = arg('db', 'both');
const notices = Number(arg('notices', '100000'));
const workers = Number(arg('workers', '2'));
const pgBase = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const fy = 2026;
const cancer = ['stomach', 'colorectal', 'lung', 'breast', 'cervical'] as const;
const actor = { userId: null, loginId: 'bench', roleCode: null };

async function open(kind: 'pglite' | 'postgres'): Promise<{ database: Database; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'sukoyaka-bench-'));
    const database = await connect({ dataDir: dir });
    return {
      database,
      async drop() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `sukoyaka_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(pgBase);
  u.pathname = `/${name}`;
  const database = await connect({ databaseUrl: u.toString() });
  return {
    database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: pgBase });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

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

for (const kind of which === 'both'
  ? (['postgres', 'pglite'] as const)
  : ([which] as ('postgres' | 'pglite')[])) {
  const { database, drop } = await open(kind);
  try {
    await migrate(database);
    const s = createServices(
      database,
      { idleTimeoutMinutes: 30, lockoutThreshold: 5, lockoutMinutes: 15 },
      randomBytes(32),
    );
    await bootstrap(s);
    let t = Date.now();
    await seedDemoCity(database, {
      residents,
      seed: 1,
      encryptMyNumber: (m) => ({ enc: s.sealer.encrypt(m), mac: s.sealer.mac(m) }),
    });
    await seedAdultHealthDemo(database, fy);
    await database.query('ANALYZE');
    console.error(`${kind}: seeded ${residents} in ${((Date.now() - t) / 1000).toFixed(1)} s`);

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

    if (kind === 'postgres' || which === 'pglite') {
      const settings = await s.programs.settingsForYear(fy);
      const chosen = settings.filter((p) => (cancer as readonly string[]).includes(p.code));
      async function* items() {
        let seq = 0;
        for await (const page of targetListsRepository(database).includedInOrder(list.id)) {
          for (const e of page) {
            if (seq >= notices) return;
            seq++;
            yield {
              seq,
              recipient: {
                postalCode: e.postalCode,
                address: e.address,
                addressExtra: e.addressExtra,
                name: e.name,
              },
              payload: ticketPayload(chosen, fy, { ...e, details: e.details as Record<string, unknown> }),
            };
          }
        }
      }
      const sender = await s.settings.sender();
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 200);
      t = Date.now();
      let pages = 0;
      let bytes = 0;
      await renderBatch({
        registryUrl: templatesUrl,
        templateCode: 'adult-health.ticket',
        items: items(),
        ctx: { sender, issueDate: `${fy}-06-01` },
        chunkSize: 1000,
        workers,
        onChunk: async (c) => {
          pages += c.pages;
          bytes += c.buffer.length;
        },
      });
      clearInterval(timer);
      const ms = Date.now() - t;
      void templates;
      rows.push(
        `| ${notices.toLocaleString()} 受診票（券）, ${workers} workers | ${kind} (items read from the list) | ${(ms / 1000).toFixed(1)} s = ${Math.round(pages / (ms / 1000))} pages/s, ${(bytes / 1e6).toFixed(0)} MB of PDF | peak RSS ${Math.round(peak / 1e6)} MB (start ${Math.round(rss0 / 1e6)} MB) | |`,
      );
    }
  } finally {
    await drop();
  }
}

console.log('| measurement | database | ours | reference | note |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
