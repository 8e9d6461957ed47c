import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect.ts';
import { freshDatabase } from '../../test/database.ts';
import { seedDemoCity } from '../residents/demo/seed.ts';
import { seedVaccinationDemo } from './demo.ts';
import { historyOf, sexOf } from './records.ts';
import { recordsRepository } from './records-repository.ts';
import { checkRecord } from './rules-check.ts';

const on = '2026-11-24';

describe(`seedVaccinationDemo (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let written = 0;
  const progress: number[] = [];

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
    await seedDemoCity(database, { residents: 1500, seed: 3, asOf: on });
    written = await seedVaccinationDemo(database, on, { batch: 400, progress: (c) => progress.push(c) });
  }, 60_000);
  afterAll(() => drop());

  it('gives children under 13 (住民) histories, and nobody else', async () => {
    const [r] = await database.query<{ records: number; children: number; outside: number }>(
      `SELECT count(*)::int AS records, count(DISTINCT v.resident_id)::int AS children,
         count(*) FILTER (WHERE p.status <> 'resident' OR p.birth_date <= date '2013-11-24')::int AS outside
       FROM vaccination_records v JOIN residents p ON p.id = v.resident_id`,
    );
    expect(r?.records).toBe(written);
    expect(r?.children).toBeGreaterThan(50);
    expect(r?.outside).toBe(0);
    expect(progress.at(-1)).toBeGreaterThanOrEqual(r!.children);
  });

  it('stores what the engine says of each record (dose label, routine, issues), as entry would', async () => {
    const flagged = await database.query<{ resident_id: number }>(
      `SELECT resident_id FROM vaccination_records WHERE NOT routine LIMIT 3`,
    );
    expect(flagged.length).toBeGreaterThan(0); // the 5% "intervals too short" profile
    for (const { resident_id } of flagged) {
      const person = await recordsRepository.person(database, Number(resident_id));
      const rows = await recordsRepository.ofPerson(database, Number(resident_id));
      const history = historyOf(rows);
      for (const [i, row] of rows.entries()) {
        const check = checkRecord(
          { birthDate: person!.birthDate, sex: sexOf(person!.sex) ?? 'M' },
          history,
          history[i]!,
        );
        expect({ dose: row.dose, routine: row.routine }).toEqual({
          dose: check.dose ?? '',
          routine: check.routine,
        });
      }
    }
  });

  it('is idempotent: a city that has records gets none', async () => {
    expect(await seedVaccinationDemo(database, on)).toBe(0);
  });
});
