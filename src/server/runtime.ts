import { join } from 'node:path';
import { bootstrap, createServices, type Services } from './app.ts';
import type { Config } from './platform/config/config.ts';
import { loadSecretKey } from './platform/crypto/secret-box.ts';
import { connect } from './platform/db/connect.ts';
import { migrate } from './platform/db/migrate.ts';

/** Opens the configured database (PGlite under dataDir, or PostgreSQL), migrates it, and bootstraps. */
export async function openRuntime(config: Config): Promise<Services> {
  const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    const key = loadSecretKey({
      secretKey: config.secretKey,
      secretKeyFile: config.secretKeyFile,
      generatedKeyFile: config.databaseUrl ? undefined : join(config.dataDir, 'secret.key'),
    });
    const services = createServices(database, config, key);
    await bootstrap(services);
    return services;
  } catch (e) {
    await database.close();
    throw e;
  }
}

export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `組み込みデータベース (PGlite) ${join(config.dataDir, 'pglite')}`;
  const u = new URL(config.databaseUrl);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
