import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bootstrap, createServices, type Services } from '../app.ts';
import { connect, type Database } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server of DATABASE_URL (dropped again by `drop`). Tests never share state.
 */
export async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await connect({});
    await migrate(database);
    return { database, drop: () => database.close() };
  }
  const name = `sukoyaka_t_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await connect({ databaseUrl: u.toString(), poolSize: 5 });
  await migrate(database);
  return {
    database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const testPolicy = { idleTimeoutMinutes: 30, lockoutThreshold: 5, lockoutMinutes: 15 };

/** Services over a fresh database, bootstrapped (roles, settings), with a random key. */
export async function freshServices(
  policy = testPolicy,
): Promise<{ services: Services; drop: () => Promise<void> }> {
  const { database, drop } = await freshDatabase();
  const services = createServices(database, policy, randomBytes(32));
  await bootstrap(services);
  return { services, drop };
}
