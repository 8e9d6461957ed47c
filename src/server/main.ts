import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHttp, webRoot } from './app.ts';
import { ensureDemoData } from './demo.ts';
import type { Config } from './platform/config/config.ts';
import { describeDatabase, openRuntime } from './runtime.ts';

/** Builds the browser app once when it is missing (a fresh `npm ci && npm start`). */
async function ensureWebBuilt(): Promise<void> {
  if (existsSync(join(webRoot, 'index.html'))) return;
  console.log('画面（Web）をビルドしています…');
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, '../../vite.config.ts'), logLevel: 'warn' });
}

/** config → db → migrate → jobs → http. Server and job worker share one process (see ADR 0002). */
export async function startServer(
  config: Config,
  opts: { handleSignals?: boolean } = {},
): Promise<{ close(): Promise<void> }> {
  await ensureWebBuilt();
  const services = await openRuntime(config);
  const demo = await ensureDemoData(services, config);
  const app = await createHttp(services, config);
  await services.jobs.start();
  const close = async () => {
    await app.close();
    await services.jobs.stop();
    await services.database.close();
  };
  if (opts.handleSignals !== false) {
    const shutdown = async (signal: string) => {
      console.log(`${signal}: 終了しています…`);
      await close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  }
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`;
  console.log('');
  console.log('すこやか (Sukoyaka) が起動しました。');
  console.log(`  URL:        ${url}`);
  console.log(`  データベース: ${describeDatabase(config)}`);
  for (const line of demo) console.log(`  ${line}`);
  console.log('  終了するには Ctrl+C を押してください。');
  return { close };
}
