/**
 * 受診歴 and 送付不要 of the synthetic demo city, so that the reasons (前年度受診済, 生涯1回受診済,
 * 送付不要登録あり …) show up in a fresh demo. Deterministic (by 宛名 id) and idempotent (only when empty).
 */
import type { Database } from '../../platform/db/connect.ts';

export async function seedAdultHealthDemo(database: Database, fy: number): Promise<void> {
  const [r] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM screening_records');
  if ((r?.n ?? 0) > 0) return;
  // About a quarter of the people of each program's age had it in the previous 年度, fewer two years ago.
  const history: [string, string, string, number, number][] = [
    // program, method, sex filter, min age, per-mille
    ['stomach', 'xray', 'any', 50, 250],
    ['colorectal', 'fobt', 'any', 40, 300],
    ['lung', 'xray', 'any', 40, 250],
    ['breast', 'mammography', '2', 40, 300],
    ['cervical', 'cytology', '2', 20, 250],
    ['hepatitis', 'hbv_hcv', 'any', 40, 200],
  ];
  for (const [program, method, sex, minAge, perMille] of history) {
    for (const [back, share] of [
      [1, perMille],
      [2, Math.round(perMille / 2)],
    ] as const) {
      const year = fy - back;
      await database.query(
        `INSERT INTO screening_records (resident_id, program, method, fiscal_year, screened_on, result, source)
         SELECT id, $1, $2, $3, make_date($3, 6, 1) + (id % 270)::int, 'negative', 'demo'
         FROM residents
         WHERE status = 'resident' AND ($4 = 'any' OR sex = $4)
           AND birth_date <= make_date($3 - $5, 4, 1) AND (id * 7919 + $6) % 1000 < $7`,
        [program, method, year, sex, minAge, back * 101, share],
      );
    }
  }
  await database.query(
    `INSERT INTO screening_opt_outs (resident_id, program, reason, note, valid_from)
     SELECT id, NULL, (ARRAY['hospitalized', 'facility', 'workplace'])[1 + (id % 3)::int], 'デモデータ', make_date($1, 3, 1)
     FROM residents WHERE status = 'resident' AND birth_date <= make_date($1 - 40, 4, 1) AND (id * 104729) % 1000 < 5`,
    [fy],
  );
}
