/**
 * Synthetic children with vaccination histories for the schedule benchmark (bench/vaccination.ts) and the engine's
 * snapshot test — seeded (the demo city's sfc32 PRNG), in memory, no database. Births spread evenly over the 13
 * years before `on`; each child follows the 標準的な接種スケジュール (ages below) with one of four profiles: on schedule
 * (70%), late (15%: every dose delayed by weeks to months), missing doses (10%: a series stopped early or a vaccine
 * skipped), intervals too short (5%: a later dose given days after the previous one).
 */
import { addDays, toEpochDay } from '../../platform/calendar/index.ts';
import { Rng } from '../residents/demo/random.ts';
import type { VaccineCode } from './master-types.ts';
import type { HistoryDose, VaccinationPerson } from './types.ts';

export interface DemoChild {
  person: VaccinationPerson;
  history: HistoryDose[];
}

/** One vaccine's usual doses: age in days at each dose, and the births it applies to. */
interface Plan {
  vaccine: VaccineCode;
  ages: number[];
  bornFrom?: string;
  bornTo?: string;
  sex?: 'M' | 'F';
  products?: string[];
}

// 5種混合 from 2024-04-01 (born ≈ 2024-02 on); before that 4種混合 + ヒブ. ロタ (1価 or 5価) for births from 2020-08-01.
const plans: Plan[] = [
  { vaccine: 'DPT_IPV_HIB', ages: [61, 92, 122, 400], bornFrom: '2024-02-01' },
  { vaccine: 'DPT_IPV', ages: [92, 122, 153, 460], bornTo: '2024-01-31' },
  { vaccine: 'HIB', ages: [61, 92, 122, 400], bornTo: '2024-01-31' },
  { vaccine: 'PCV', ages: [61, 92, 122, 380], products: ['PCV13', 'PCV15', 'PCV20'] },
  { vaccine: 'HEPB', ages: [61, 92, 230] },
  { vaccine: 'ROTA1', ages: [61, 92], bornFrom: '2020-08-01' },
  { vaccine: 'ROTA5', ages: [61, 92, 122], bornFrom: '2020-08-01' },
  { vaccine: 'BCG', ages: [160] },
  { vaccine: 'MR1', ages: [370] },
  { vaccine: 'VAR', ages: [372, 560] },
  { vaccine: 'MR2', ages: [2260] },
  { vaccine: 'JE1', ages: [1100, 1130, 1480] },
  { vaccine: 'JE2', ages: [3320] },
  { vaccine: 'DT2', ages: [4050] },
  { vaccine: 'HPV', ages: [4400, 4460, 4580], sex: 'F', products: ['HPV9'] },
];

const YEARS_DAYS = 13 * 365;

/** `count` children under 13 on `on`, with their recorded doses before `on` (deterministic for a seed). */
export function demoChildren(count: number, on: string, seed = 6): DemoChild[] {
  return [...demoChildStream(count, on, seed)];
}

/** demoChildren one child at a time (a benchmark keeps only a batch in memory, as a database read would). */
export function* demoChildStream(count: number, on: string, seed = 6): Generator<DemoChild> {
  const rng = new Rng(seed);
  const onDay = toEpochDay(on);
  for (let i = 0; i < count; i++) {
    const birthDate = addDays(on, -rng.int(0, YEARS_DAYS - 1));
    const sex = rng.chance(0.51) ? 'M' : 'F';
    yield { person: { birthDate, sex }, history: demoHistoryFor(rng, birthDate, sex, onDay) };
  }
}

/**
 * The recorded doses before `onDay` of one child born on `birthDate` (one of the four profiles, drawn from `rng`):
 * the stream above and the demo city's seeding (demo.ts) share it.
 */
export function demoHistoryFor(rng: Rng, birthDate: string, sex: 'M' | 'F', onDay: number): HistoryDose[] {
  const profile = rng.next();
  const late = profile >= 0.7 && profile < 0.85;
  const missing = profile >= 0.85 && profile < 0.95;
  const short = profile >= 0.95;
  const rota: VaccineCode = rng.chance(0.6) ? 'ROTA1' : 'ROTA5';
  const history: HistoryDose[] = [];
  for (const plan of plans) {
    if ((plan.vaccine === 'ROTA1' || plan.vaccine === 'ROTA5') && plan.vaccine !== rota) continue;
    if (plan.bornFrom && birthDate < plan.bornFrom) continue;
    if (plan.bornTo && birthDate > plan.bornTo) continue;
    if (plan.sex && plan.sex !== sex) continue;
    if (missing && rng.chance(0.3)) continue;
    const stopAt = missing ? rng.int(1, plan.ages.length) : plan.ages.length;
    const product = plan.products ? rng.pick(plan.products) : undefined;
    let delay = late ? rng.int(14, 120) : 0;
    let previous = -1;
    for (let k = 0; k < stopAt; k++) {
      const age = plan.ages[k] as number;
      let at = age + delay + rng.int(0, 10);
      if (short && k > 0 && rng.chance(0.4)) at = previous + rng.int(7, 20);
      if (at <= previous) at = previous + 1;
      if (late) delay += rng.int(0, 30);
      previous = at;
      const date = addDays(birthDate, at);
      if (toEpochDay(date) >= onDay) break;
      history.push(product ? { vaccine: plan.vaccine, date, product } : { vaccine: plan.vaccine, date });
    }
  }
  return history;
}
