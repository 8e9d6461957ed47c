import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migrateLite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './connect.ts';

export const migrationsFolder = fileURLToPath(new URL('../../../../drizzle', import.meta.url));

/** Applies the generated migrations in ./drizzle (idempotent; same files on both backends). */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  } else {
    await migrateLite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}
