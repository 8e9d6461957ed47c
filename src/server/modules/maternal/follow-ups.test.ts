import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect.ts';
import { freshDatabase } from '../../test/database.ts';
import { followUpsOf, registerFollowUp } from './follow-ups.ts';

describe(`registerFollowUp (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
  });
  afterAll(() => drop());

  const base = {
    residentId: 7,
    source: 'maternal_checkup' as const,
    sourceId: 11,
    registeredOn: '2026-11-01',
    userId: null,
  };

  it('one open entry per person, source and record: a second registration adds its reasons', async () => {
    const a = await registerFollowUp(database, { ...base, reasons: ['EPDS 12点'] });
    const b = await registerFollowUp(database, { ...base, reasons: ['EPDS 12点', '流産・死産'] });
    expect(b).toBe(a);
    const [row] = await followUpsOf(database, [7]);
    expect(row).toMatchObject({ id: a, status: 'open', sourceId: 11 });
    expect([...row!.reasons].sort()).toEqual(['EPDS 12点', '流産・死産'].sort());
  });

  it('another record or a closed entry makes a new one', async () => {
    const c = await registerFollowUp(database, { ...base, sourceId: 12, reasons: ['要精密'] });
    await database.query(`UPDATE follow_up_targets SET status = 'closed' WHERE id = $1`, [c]);
    const d = await registerFollowUp(database, { ...base, sourceId: 12, reasons: ['要精密'] });
    expect(d).not.toBe(c);
    expect((await followUpsOf(database, [7])).map((r) => r.status)).toEqual(['open', 'open', 'closed']);
  });

  it('refuses an entry without reasons', async () => {
    await expect(registerFollowUp(database, { ...base, reasons: [] })).rejects.toThrow(RangeError);
  });
});
