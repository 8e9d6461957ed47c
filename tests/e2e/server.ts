import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer } from '../../src/server/main.ts';
import { loadConfig } from '../../src/server/platform/config/config.ts';

/**
 * The e2e server: demo mode with a small synthetic city, on a fresh PGlite dir or — when
 * DATABASE_URL is set — a fresh database on that PostgreSQL server, removed again on exit.
 */
const port = process.env.E2E_PORT ?? '3210';
const baseUrl = process.env.DATABASE_URL;
let cleanup: () => Promise<void> = async () => undefined;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  HOST: '127.0.0.1',
  SUKOYAKA_DEMO: '1',
  LOG_LEVEL: 'warn',
  SUKOYAKA_SECRET_KEY: randomBytes(32).toString('base64'),
};
process.env.SUKOYAKA_DEMO_RESIDENTS = process.env.SUKOYAKA_DEMO_RESIDENTS ?? '3000';

if (baseUrl) {
  const name = `sukoyaka_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
  cleanup = async () => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), 'sukoyaka-e2e-'));
  env.SUKOYAKA_DATA_DIR = dir;
  delete env.DATABASE_URL;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

// Close the server and its database first, then remove the database: only then exit.
const server = await startServer(loadConfig(env), { handleSignals: false });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: 終了しています…`);
    void server
      .close()
      .catch(() => undefined)
      .then(cleanup)
      .finally(() => process.exit(0));
  });
}
