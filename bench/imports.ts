/**
 * `npm run bench -- --suite imports`: 検診結果の取込 through the import engine on the synthetic demo city —
 * N rows of a 大腸がん result file (UTF-8 CSV, 宛名番号 + 受診日 + 便潜血 + 判定), dry run (validation job) then
 * commit (commit job), against a bare COPY of the same rows into a plain table in the same run; the process's peak
 * RSS (sampled) over the import. Prints Markdown rows for BENCHMARKS.md. Not a test: nothing asserts.
 *
 *   npm run bench -- --suite imports [--rows 100000] [--db both|pglite|postgres]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { bootstrap, createServices } from '../src/server/app.ts';
import { resultsImportKind } from '../src/server/modules/adult-health/results-import.ts';
import { seedDemoCity } from '../src/server/modules/residents/demo/seed.ts';
import { connect, type Database } from '../src/server/platform/db/connect.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const count = Number(arg('rows', '100000'));
const which = arg('db', 'both');
const pgBase = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const actor = { userId: null, loginId: 'bench', roleCode: null };
const screen = 'bench';
const fy = 2026;

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

/** Peak RSS while `fn` runs (sampled every 50 ms). */
async function withPeak<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const value = await fn();
    return { value, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

const rows: string[] = [];
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

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
    await seedDemoCity(database, {
      residents: count,
      seed: 1,
      encryptMyNumber: (m) => ({ enc: s.sealer.encrypt(m), mac: s.sealer.mac(m) }),
    });
    await database.query('ANALYZE');
    const people = await database.query<{ atena_no: string }>(
      `SELECT atena_no FROM residents WHERE birth_date < '${fy}-06-01' ORDER BY id LIMIT $1`,
      [count],
    );
    const lines = people.map((p, i) =>
      i % 10 === 0
        ? `${p.atena_no},${fy}-06-10,集団,陽性,陰性,要精検`
        : `${p.atena_no},${fy}-06-10,集団,陰性,陰性,異常認めず`,
    );
    const csv = `宛名番号,受診日,受診区分,便潜血1日目,便潜血2日目,判定\n${lines.join('\n')}\n`;
    const setting = await s.imports.createSetting(
      actor,
      resultsImportKind,
      {
        name: 'bench',
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

    // bare COPY of the same rows into a plain table (the floor of writing them at all)
    await database.query(
      'CREATE TABLE bench_copy (atena_no text, screened_on date, mode text, day1 text, day2 text, result text)',
    );
    const t = Date.now();
    await database.copyFrom('COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)', [Buffer.from(csv)]);
    const copyMs = Date.now() - t;

    const { value, peakMb } = await withPeak(async () => {
      const t0 = Date.now();
      const prepared = await s.imports.prepareRun(resultsImportKind, setting.id, { program: 'colorectal' });
      const file = await s.files.save([Buffer.from(csv)], {
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
      return { validateMs: t1 - t0, commitMs: Date.now() - t1, checked, done };
    });
    const [{ n }] = (await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM screening_records WHERE source = 'import'",
    )) as [{ n: number }];
    const total = value.validateMs + value.commitMs;
    const note = `validate ${secs(value.validateMs)} + commit ${secs(value.commitMs)}; ${n} results written; counts ${JSON.stringify(value.checked.counts)}; status ${value.done.status}; load ${loadavg()[0]!.toFixed(1)}`;
    rows.push(
      `| ${lines.length.toLocaleString('en')} result rows import (validate + commit) | ${kind} | ${secs(total)} (${(total / copyMs).toFixed(0)}× COPY), peak RSS ${peakMb} MB | bare COPY ${secs(copyMs)} | ${note} |`,
    );
    console.error(rows.at(-1));
  } finally {
    await drop();
  }
}

console.log('| measurement | database | ours | reference | note |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
