/**
 * `npm run bench -- --suite imports`: 検診結果の取込 through the import engine on the synthetic demo city —
 * N rows of a 大腸がん result file (UTF-8 CSV, 宛名番号 + 受診日 + 受診区分 + 便潜血 ×2 + 判定; one row in ten
 * 要精検): the dry run (validation job) and the commit (commit job), run in a process of their own
 * (bench/imports-run.ts) so that the peak RSS is the import's. Beside it, in the same run, two floors: a bare COPY
 * of the file's rows into a plain six-column table, and a COPY of the rows as stored (the columns the import
 * writes) into a table like screening_records (same indexes). Prints Markdown rows for BENCHMARKS.md. Not a test.
 *
 *   npm run bench -- --suite imports [--rows 100000] [--db both|pglite|postgres] [--cpu-prof DIR]
 *     [--node-flags "--max-old-space-size=256" | none]   (default: the server's --max-old-space-size=1024)
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap, createServices } from '../src/server/app.ts';
import { seedDemoCity } from '../src/server/modules/residents/demo/seed.ts';
import { connect, type Database } from '../src/server/platform/db/connect.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { benchKinds, openBenchDatabase } from './bench-db.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const count = Number(arg('rows', '100000'));
const which = arg('db', 'both');
const cpuProf = arg('cpu-prof', '');
/**
 * Node options of the import process: by default the server's (`npm start`: --max-old-space-size=1024); e.g.
 * --node-flags none for Node's defaults, or --node-flags "--max-old-space-size=256".
 */
const nodeFlagsArg = arg('node-flags', '--max-old-space-size=1024');
const nodeFlags = nodeFlagsArg === 'none' ? '' : nodeFlagsArg;
const fy = 2026;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = Date.now();
  await fn();
  return Date.now() - t;
}

/** The columns the import writes, as COPY text of the rows it wrote (read back after the import). */
const storedCols = `resident_id, program, method, fiscal_year, screened_on, result, needs_detailed, mode, institution_id,
  ticket_no, age_at_fiscal_year_end, age_on_date, items, items_version, note, source`;
async function storedRowsAsCopyText(database: Database): Promise<string> {
  const rows = await database.query<{ line: string }>(
    `SELECT concat_ws(E'\\t', resident_id, program, coalesce(method, '\\N'), fiscal_year, screened_on, result,
       needs_detailed, coalesce(mode, '\\N'), coalesce(institution_id::text, '\\N'), ticket_no,
       age_at_fiscal_year_end, age_on_date, items::text, items_version, note, source) AS line
     FROM screening_records WHERE source = 'import' ORDER BY id`,
  );
  return `${rows.map((r) => r.line).join('\n')}\n`;
}

const out: string[] = [];
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

for (const kind of benchKinds(which)) {
  const opened = await openBenchDatabase(kind);
  let { database } = opened;
  const dir = mkdtempSync(join(tmpdir(), 'sukoyaka-bench-csv-'));
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
    const csvPath = join(dir, 'results.csv');
    writeFileSync(csvPath, csv);

    // floor 1: a bare COPY of the file's rows into a plain table
    await database.query(
      'CREATE TABLE bench_copy (atena_no text, screened_on date, mode text, day1 text, day2 text, result text)',
    );
    const copyMs = await timed(() =>
      database.copyFrom('COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)', [Buffer.from(csv)]),
    );
    // the import, in a process of its own (PGlite: one process holds the data directory at a time)
    if (kind === 'pglite') await database.close();
    const child = spawnSync(
      process.execPath,
      [
        ...(cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : []),
        ...(nodeFlags ? nodeFlags.split(' ') : []),
        'bench/run.mjs',
        '--suite',
        'imports-run',
        ...opened.child,
        '--csv',
        csvPath,
        '--program',
        'colorectal',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`import process failed (${child.status})`);
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      validateMs: number;
      commitMs: number;
      peakMb: number;
      startMb: number;
      peakHeapMb: number;
      counts: unknown;
      status: string;
    };
    if (kind === 'pglite') database = await connect({ dataDir: opened.child[1]! });

    // floor 2: the rows as stored, by COPY into a table like screening_records (same columns and indexes)
    const stored = await storedRowsAsCopyText(database);
    await database.query('CREATE TABLE bench_records (LIKE screening_records INCLUDING ALL)');
    const storedMs = await timed(() =>
      database.copyFrom(`COPY bench_records (${storedCols}) FROM STDIN`, [stored]),
    );
    const [{ n }] = (await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM screening_records WHERE source = 'import'",
    )) as [{ n: number }];
    const total = r.validateMs + r.commitMs;
    const note = `${nodeFlags ? `node ${nodeFlags}; ` : ''}validate ${secs(r.validateMs)} + commit ${secs(r.commitMs)}; ${n} results written; counts ${JSON.stringify(r.counts)}; status ${r.status}; load ${loadavg()[0]!.toFixed(1)}`;
    out.push(
      `| ${lines.length.toLocaleString('en')} result rows import (validate + commit) | ${kind} | ${secs(total)}, peak RSS ${r.peakMb} MB (import process; ${r.startMb} MB at rest, peak JS heap ${r.peakHeapMb} MB) | bare COPY ${secs(copyMs)} (${(total / copyMs).toFixed(0)}×); COPY as stored ${secs(storedMs)} (${(total / storedMs).toFixed(1)}×) | ${note} |`,
    );
    console.error(out.at(-1));
  } finally {
    await database.close();
    await opened.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('| measurement | database | ours | floors (same run) | note |');
console.log('|---|---|---|---|---|');
for (const r of out) console.log(r);
