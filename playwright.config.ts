import { defineConfig } from '@playwright/test';

// A port per run (set once here; workers inherit the environment), so runs on one machine don't collide.
process.env.E2E_PORT ??= String(20_000 + (process.pid % 20_000));
const port = Number(process.env.E2E_PORT);

// End-to-end tests drive Debian's Chromium (no browser download) against the real server,
// started on a fresh database (tests/e2e/server.ts). One spec per flow, named by flow ID.
export default defineConfig({
  testDir: './tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // one folder per database: CI runs the PGlite and PostgreSQL suites side by side
  outputDir: process.env.DATABASE_URL ? './test-results/postgres' : './test-results/pglite',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node tests/e2e/server.mjs',
    url: `http://127.0.0.1:${port}/api/openapi.json`,
    timeout: 180_000,
    reuseExistingServer: false,
    // SIGTERM lets tests/e2e/server.ts drop its database / temp dir.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    env: { E2E_PORT: String(port) },
  },
});
