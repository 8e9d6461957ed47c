import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { naiveAge, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import { seedDemoCity } from '../residents/demo/seed.ts';
import { type MaternalInfantDemoDeps, type MaternalInfantDemoResult, seedMaternalDemo } from './demo.ts';

// The services check dates against today, so the demo is seeded as of today (a city generated as of today).
const on = today();

describe(`seedMaternalDemo (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let s: Services;
  let drop: () => Promise<void>;
  let deps: MaternalInfantDemoDeps;
  let seeded: MaternalInfantDemoResult | null;
  const count = async (sql: string) => (await s.database.query<{ n: number }>(sql))[0]!.n;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    await seedDemoCity(s.database, { residents: 4000, seed: 5, asOf: on });
    deps = {
      database: s.database,
      pregnancies: s.maternal.pregnancies,
      checkups: s.maternalCheckups,
      births: s.infantBirths.births,
      hearing: s.infantBirths.hearing,
      results: s.infantResults.results,
    };
    seeded = await seedMaternalDemo(deps, on);
  }, 120_000);
  afterAll(() => drop());

  it('registers about 40 current pregnancies of resident women aged 18–44, due in the coming months', async () => {
    const rows = await s.database.query<{
      notified_on: string;
      due_date: string;
      birth_date: string;
      sex: string;
      status: string;
      fetus_count: number;
      source: string;
      specific_pregnant: boolean;
    }>(
      `SELECT p.notified_on, p.due_date, r.birth_date, r.sex, r.status, p.fetus_count, p.source, p.specific_pregnant
       FROM pregnancies p JOIN residents r ON r.id = p.mother_resident_id WHERE p.outcome IS NULL`,
    );
    expect(rows).toHaveLength(40);
    for (const p of rows) {
      expect({ sex: p.sex, status: p.status }).toEqual({ sex: '2', status: 'resident' });
      expect(naiveAge(p.birth_date, on)).toBeGreaterThanOrEqual(18);
      expect(naiveAge(p.birth_date, on)).toBeLessThanOrEqual(44);
      expect(p.notified_on <= on && p.due_date > on).toBe(true);
    }
    expect(rows.filter((p) => p.fetus_count === 2).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((p) => p.source === 'moved_in').length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((p) => p.specific_pregnant).length).toBeGreaterThanOrEqual(2);
    // handbooks per fetus and 受診券 as the registration issues them; follow-ups for the confirmed risks
    expect(
      await count(
        `SELECT count(*)::int AS n FROM pregnancies p
         WHERE (SELECT count(*) FROM maternal_handbooks h WHERE h.pregnancy_id = p.id) <> p.fetus_count
            OR NOT EXISTS (SELECT 1 FROM checkup_vouchers v WHERE v.pregnancy_id = p.id)`,
      ),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM follow_up_targets WHERE source = 'pregnancy'`),
    ).toBeGreaterThanOrEqual(5);
  });

  it('enters 妊婦・産婦健診 results on the vouchers, a few 要精密 with their 精密健診', async () => {
    const kinds = await s.database.query<{ kind: string; judgement: string; n: number }>(
      `SELECT kind, judgement, count(*)::int AS n FROM maternal_checkup_results GROUP BY 1, 2`,
    );
    const n = (kind: string, judgement?: string) =>
      kinds
        .filter((k) => k.kind === kind && (!judgement || k.judgement === judgement))
        .reduce((a, k) => a + k.n, 0);
    expect(n('prenatal')).toBeGreaterThan(40);
    expect(n('postpartum')).toBeGreaterThan(5);
    expect(n('prenatal', 'detailed')).toBeGreaterThanOrEqual(3);
    expect(n('prenatal_detailed')).toBeGreaterThanOrEqual(3);
    expect(n('prenatal') + n('prenatal_detailed') + n('postpartum') + n('postpartum_detailed')).toBe(
      seeded!.checkups,
    );
    expect(
      await count(
        `SELECT count(*)::int AS n FROM maternal_checkup_results m JOIN checkup_vouchers v ON v.id = m.voucher_id
         WHERE v.status <> 'used' OR m.examined_on > '${on}'`,
      ),
    ).toBe(0);
  });

  it('registers births of city children linked to their mother’s past pregnancy, some of low birth weight', async () => {
    const rows = await s.database.query<{
      linked: boolean;
      handbook: boolean;
      low: boolean;
      recent: boolean;
    }>(
      `SELECT p.mother_resident_id = b.mother_resident_id AND p.outcome = 'birth' AND p.outcome_on = c.birth_date
           AS linked,
         EXISTS (SELECT 1 FROM maternal_handbooks h WHERE h.child_resident_id = c.id) AS handbook,
         b.low_birth_weight AS low, c.birth_date > (date '${on}' - interval '12 months') AS recent
       FROM births b JOIN residents c ON c.id = b.child_resident_id JOIN pregnancies p ON p.id = b.pregnancy_id
       WHERE c.status = 'resident'`,
    );
    expect(rows.length).toBe(seeded!.births);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.filter((r) => !(r.linked && r.handbook && r.recent))).toEqual([]);
    expect(rows.some((r) => r.low)).toBe(true);
    expect(await count('SELECT count(*)::int AS n FROM births')).toBe(rows.length);
  });

  it('records hearing screenings for most children (a few refer) and infant checkups of those old enough', async () => {
    const children = await count(
      'SELECT count(DISTINCT child_resident_id)::int AS n FROM hearing_screenings',
    );
    expect(children).toBeGreaterThanOrEqual(Math.floor(seeded!.births * 0.8));
    expect(
      await count(`SELECT count(*)::int AS n FROM hearing_screenings WHERE kind = 'confirm'`),
    ).toBeGreaterThan(0);
    expect(seeded!.hearingTests).toBe(await count('SELECT count(*)::int AS n FROM hearing_screenings'));
    expect(await count('SELECT count(*)::int AS n FROM infant_checkup_results')).toBe(seeded!.infantCheckups);
    expect(seeded!.infantCheckups).toBeGreaterThan(0);
  });

  it('is idempotent: a city that has pregnancies gets nothing more', async () => {
    const before = await count('SELECT count(*)::int AS n FROM pregnancies');
    expect(seeded!.pregnancies).toBe(before);
    expect(await seedMaternalDemo(deps, on)).toBeNull();
    expect(await count('SELECT count(*)::int AS n FROM pregnancies')).toBe(before);
  });
});
