// `npm test`'s end-to-end step: builds the browser app and runs Playwright with Debian's Chromium.
// Without Chromium the e2e tests are skipped with a notice — unless REQUIRE_E2E=1 (CI), which fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const msg = `E2E tests skipped: no Chromium at ${chromium} (install Debian's "chromium" package or set CHROMIUM_PATH).`;
  if (process.env.REQUIRE_E2E === '1') {
    console.error(`${msg} REQUIRE_E2E=1 is set, so this is a failure.`);
    process.exit(1);
  }
  console.warn(`\n*** ${msg} ***\n`);
  process.exit(0);
}
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;

/** Newest modification time under `dir` (the browser app also imports shared code from src/server). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// The browser app is built only when it is older than its sources, so that two runs at the same time (CI runs
// PGlite and PostgreSQL side by side after one build) never rewrite the files the other's server serves.
const built = 'dist/web/index.html';
const stale =
  !existsSync(built) || statSync(built).mtimeMs < Math.max(newest('src'), statSync('vite.config.ts').mtimeMs);
let status = stale ? run('npx', ['vite', 'build', '--logLevel', 'warn']) : 0;
if (status === 0) status = run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
process.exit(status);
