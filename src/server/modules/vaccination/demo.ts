/**
 * 予防接種の記録 of the synthetic demo city: every child under 13 (住民) gets the history of one of the four
 * profiles of demo-histories.ts (on schedule, late, missing doses, intervals too short), so that a fresh demo shows
 * schedules, warnings and 未接種者 — and the benchmark (bench/vaccination-db.ts) has the 1,000,000-resident city's
 * histories. Deterministic (a generator seeded by 宛名 id), idempotent (only when there are no records), each record
 * checked by the engine as if entered that day (routine / issues), source 'demo'. Written by COPY in batches of
 * 宛名 id ranges.
 */
import { addMonthsClamped, toEpochDay } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { copyLine, copyPieces } from '../../platform/db/copy-text.ts';
import { Rng } from '../residents/demo/random.ts';
import { demoHistoryFor } from './demo-histories.ts';
import { sexOf } from './records.ts';
import { checkRecord } from './rules-check.ts';

const columns = '(resident_id, vaccine, dose, vaccinated_on, product, source, routine, issues)';

/** Seeds the records; returns how many were written (0 when the city had records already). */
export async function seedVaccinationDemo(
  database: Database,
  on: string,
  o: { batch?: number; progress?: (children: number, records: number) => void } = {},
): Promise<number> {
  const [any] = await database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM (SELECT 1 FROM vaccination_records LIMIT 1) x',
  );
  if ((any?.n ?? 0) > 0) return 0;
  const bornAfter = addMonthsClamped(on, -13 * 12);
  const onDay = toEpochDay(on);
  const step = o.batch ?? 20_000;
  const [last] = await database.query<{ id: number | null }>('SELECT max(id)::bigint AS id FROM residents');
  const lastId = Number(last?.id ?? 0);
  let children = 0;
  let written = 0;
  for (let from = 0; from < lastId; from += step) {
    const people = await database.query<{ id: number; birth_date: string; sex: string }>(
      `SELECT id, birth_date, sex FROM residents
       WHERE id > $1 AND id <= $2 AND status = 'resident' AND birth_date > $3 AND birth_date <= $4 ORDER BY id`,
      [from, from + step, bornAfter, on],
    );
    const lines: string[] = [];
    for (const p of people) {
      const sex = sexOf(p.sex) ?? 'M';
      const person = { birthDate: p.birth_date, sex };
      const history = demoHistoryFor(new Rng(Number(p.id)), p.birth_date, sex, onDay);
      for (const dose of history) {
        const check = checkRecord(person, history, dose);
        lines.push(
          copyLine([
            p.id,
            dose.vaccine,
            check.dose ?? '',
            dose.date,
            dose.product ?? '',
            'demo',
            check.routine,
            JSON.stringify(check.issues),
          ]),
        );
      }
    }
    children += people.length;
    written += lines.length;
    if (lines.length)
      await database.copyFrom(`COPY vaccination_records ${columns} FROM STDIN`, copyPieces(lines));
    o.progress?.(children, written);
  }
  return written;
}
