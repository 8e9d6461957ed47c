import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/database.ts';
import type { Database } from './connect.ts';
import { migrate } from './migrate.ts';

describe(`database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
  });
  afterAll(() => drop());

  it('applies migrations idempotently', async () => {
    await migrate(database);
    const rows = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'residents'",
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('returns int8 as number and date as YYYY-MM-DD on both drivers', async () => {
    const [r] = await database.query<{ i: number; d: string }>(
      "SELECT 9007199254740::bigint AS i, date '2026-04-01' AS d",
    );
    expect(r).toEqual({ i: 9007199254740, d: '2026-04-01' });
  });

  it('keeps the audit log append-only (UPDATE/DELETE rejected by trigger)', async () => {
    await database.query("INSERT INTO audit_log (action, login_id) VALUES ('view', 'x')");
    await expect(database.query("UPDATE audit_log SET login_id = 'y'")).rejects.toThrow(/append-only/);
    await expect(database.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('rolls back a failed transaction', async () => {
    await expect(
      database.transaction(async (tx) => {
        await tx.query("INSERT INTO roles (code, name) VALUES ('tx_test', 't')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await database.query("SELECT 1 FROM roles WHERE code = 'tx_test'");
    expect(rows).toHaveLength(0);
  });
});
