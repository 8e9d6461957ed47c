/**
 * `npm run bench`: measures the foundation's targets on the 1,000,000-resident demo city, on
 * PostgreSQL (DATABASE_URL or the local server) and on PGlite, and prints a Markdown table for
 * BENCHMARKS.md. Not a test: nothing here asserts.
 *
 *   npm run bench -- [--residents 1000000] [--db both|pglite|postgres] [--seconds 15] [--skip-import]
 *   npm run bench -- --existing postgres://…/db   (search only, on a seeded database)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { bootstrap, createHttp, createServices } from '../src/server/app.ts';
import { writeResidentsCsv } from '../src/server/modules/residents/demo/csv.ts';
import { generateCity } from '../src/server/modules/residents/demo/generator.ts';
import { seedDemoCity } from '../src/server/modules/residents/demo/seed.ts';
import { connect, type Database } from '../src/server/platform/db/connect.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const residents = Number(arg('residents', '1000000'));
const which = arg('db', 'both');
const seconds = Number(arg('seconds', '15'));
const skipImport = process.argv.includes('--skip-import');
/** Measure search only, on an already seeded PostgreSQL database (left as it is). */
const existing = arg('existing', '');
const pgBase = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const key = randomBytes(32);

type Target = {
  kind: 'pglite' | 'postgres';
  open(): Promise<{ database: Database; env: NodeJS.ProcessEnv; drop(): Promise<void> }>;
};

function pgTarget(): Target {
  return {
    kind: 'postgres',
    async open() {
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
        env: { DATABASE_URL: u.toString() },
        async drop() {
          await database.close().catch(() => undefined);
          const c = new pg.Client({ connectionString: pgBase });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
  };
}

function liteTarget(): Target {
  return {
    kind: 'pglite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'sukoyaka-bench-'));
      const database = await connect({ dataDir: dir });
      return {
        database,
        env: { SUKOYAKA_DATA_DIR: dir },
        async drop() {
          await database.close().catch(() => undefined);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

const pct = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;

async function searchLoad(database: Database) {
  const services = createServices(
    database,
    { idleTimeoutMinutes: 600, lockoutThreshold: 5, lockoutMinutes: 15 },
    key,
  );
  await bootstrap(services);
  await services.auth.createUser({
    loginId: 'bench',
    displayName: 'bench',
    roleCode: 'clerk',
    password: 'load-test-2026',
    mustChangePassword: false,
  });
  const app = await createHttp(services, { secureCookies: false, logLevel: 'silent' }, { web: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { loginId: 'bench', password: 'load-test-2026' },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  // What staff type: the start of a kana name, a 宛名番号, a birth date, a kanji surname.
  const sample = await database.query<{
    atena_no: string;
    name_kana: string;
    birth_date: string;
    name: string;
  }>('SELECT atena_no, name_kana, birth_date, name FROM residents TABLESAMPLE SYSTEM (1) LIMIT 400');
  const paths = sample.flatMap((r) => [
    `/api/residents?q=${encodeURIComponent(r.name_kana.slice(0, 4))}`,
    `/api/residents?q=${r.atena_no}`,
    `/api/residents?birth=${r.birth_date}&name=${encodeURIComponent(r.name_kana.split('\u3000')[0]!)}`,
    `/api/residents?name=${encodeURIComponent(r.name.split('\u3000')[0]!)}`,
  ]);
  let i = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: Number(arg('connections', '50')),
        duration: seconds,
        headers: { cookie },
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
        setupClient: (client) => client.on('response', (_s: number, _b: number, t: number) => times.push(t)),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    void inst;
  });
  await new Promise((r) => setTimeout(r, 2000)); // let the last in-flight requests finish
  await app.close();
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    non2xx: result.non2xx,
  };
}

/** Imports a 1,000,000-row file in a child process (the real CLI) and reports its peak RSS. */
async function importMemory(
  env: NodeJS.ProcessEnv,
  file: string,
): Promise<{ seconds: number; maxRssMb: number; output: string }> {
  const t = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/sukoyaka.js', 'residents', 'import', file, '--mode', 'full'],
      {
        env: {
          ...process.env,
          ...env,
          SUKOYAKA_DEMO: '0',
          SUKOYAKA_SECRET_KEY: key.toString('base64'),
          SUKOYAKA_REPORT_RSS: '1',
        },
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      const m = /maxRSS: (\d+) MB/.exec(out);
      resolve({
        seconds: (Date.now() - t) / 1000,
        maxRssMb: m ? Number(m[1]) : Number.NaN,
        output: out.trim().split('\n').slice(-3).join(' | '),
      });
    });
  });
}

if (existing) {
  const database = await connect({ databaseUrl: existing });
  await migrate(database);
  await database.query("DELETE FROM users WHERE login_id = 'bench'");
  console.log(JSON.stringify(await searchLoad(database)));
  await database.close();
  process.exit(0);
}

const rows: string[] = [];
const file = join(tmpdir(), `sukoyaka-bench-residents-${residents}.csv`);
if (!skipImport) {
  console.error(`writing ${residents.toLocaleString()}-person residents file…`);
  await writeResidentsCsv(generateCity({ residents, seed: 7 }), createWriteStream(file), { mode: 'full' });
  console.error(`  ${(statSync(file).size / 1e6).toFixed(0)} MB`);
}

const targets = [
  which !== 'pglite' ? pgTarget() : undefined,
  which !== 'postgres' ? liteTarget() : undefined,
].filter(Boolean) as Target[];
for (const target of targets) {
  console.error(`== ${target.kind}: seeding ${residents.toLocaleString()}`);
  const db = await target.open();
  try {
    await migrate(db.database);
    const t = Date.now();
    const seeded = await seedDemoCity(db.database, {
      residents,
      seed: 1,
      encryptMyNumber: (m) => ({ enc: m, mac: m }),
    });
    const seedS = (Date.now() - t) / 1000;
    const rate = Math.round(seeded.residents / seedS);
    console.error(
      `   ${seedS.toFixed(1)} s, ${rate.toLocaleString()} residents/s (+ ${seeded.events.toLocaleString()} events)`,
    );
    console.error(`== ${target.kind}: search, 50 clients, ${seconds} s`);
    const s = await searchLoad(db.database);
    console.error(`   ${JSON.stringify(s)}`);
    await db.drop();
    let imported = 'not measured';
    if (!skipImport) {
      console.error(
        `== ${target.kind}: import ${residents.toLocaleString()} rows into an empty database (child process)`,
      );
      const fresh = await target.open();
      await migrate(fresh.database);
      await fresh.database.close();
      const imp = await importMemory(fresh.env, file);
      console.error(`   ${imp.seconds.toFixed(0)} s, peak RSS ${imp.maxRssMb} MB — ${imp.output}`);
      await fresh.drop();
      imported = `${imp.seconds.toFixed(0)} s, ${imp.maxRssMb} MB`;
    }
    rows.push(
      `| ${target.kind} | ${residents.toLocaleString()} | ${seedS.toFixed(1)} s (${rate.toLocaleString()}/s) | ${s.p50} / ${s.p95} / ${s.p99} ms (${s.rps.toLocaleString()} req/s, ${s.non2xx} non-2xx) | ${imported} |`,
    );
  } catch (e) {
    await db.drop().catch(() => undefined);
    throw e;
  }
}
rmSync(file, { force: true });
console.log(
  `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log(
  '| backend | residents | seeding | search p50 / p95 / p99 (50 clients) | import of the same count: time, peak RSS |',
);
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
