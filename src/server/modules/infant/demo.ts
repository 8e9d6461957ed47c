/**
 * 母子保健 of the synthetic demo city (F06, F07), so that every 母子保健 screen shows something on a fresh demo:
 * about 30 births of the last 12 months — the children already in the city (住民, as the 住民記録 brings them) and
 * their mother in the same household — each with the mother's past 妊娠届, the 出生連絡票 (some 低出生体重・早産),
 * the 新生児聴覚検査, the 産婦健診 and the 乳幼児健診 so far; then about 40 current pregnancies (maternal/demo.ts).
 * Everything goes through the module services with the 'demo' actor, so every rule, follow-up and audit entry is
 * as the screens would make it; the dates are relative to `on`, which must be today (the services check against it).
 * Deterministic (a seeded Rng over the same city), idempotent (nothing when any 妊娠届 exists).
 */
import { addDays, addMonthsClamped, naiveAge } from '../../platform/calendar/index.ts';
import {
  type DemoMother,
  type MaternalDemoDeps,
  pastPregnancyInput,
  seedPregnanciesDemo,
} from '../maternal/demo.ts';
import { demoActor, demoObstetrics, enterPostpartumVisits } from '../maternal/demo-checkups.ts';
import { Rng, Weighted } from '../residents/demo/random.ts';
import type { BirthsService } from './births.ts';
import {
  type DemoChild,
  type InfantResultsDemoDeps,
  recordHearing,
  recordInfantCheckups,
} from './demo-results.ts';

export type MaternalInfantDemoDeps = MaternalDemoDeps &
  InfantResultsDemoDeps & { births: Pick<BirthsService, 'register'> };

export type MaternalInfantDemoResult = {
  pregnancies: number;
  births: number;
  /** 妊婦・産婦・精密健診の結果 */
  checkups: number;
  hearingTests: number;
  infantCheckups: number;
};

type Newborn = { childId: number; bornOn: string; mother: DemoMother };

/**
 * Children born in the 12 months before `on` (at least 3 days old) whose mother (18–45 then) lives with them. A city
 * generated as of an earlier day (the demo city's default) gives those of its own last 12 months.
 */
async function newborns(deps: MaternalDemoDeps, on: string): Promise<Newborn[]> {
  const [last] = await deps.database.query<{ d: string | null }>(
    `SELECT max(birth_date) AS d FROM residents WHERE status = 'resident'`,
  );
  // a city with births in the last month is current; an older one is taken as of its latest birth
  const latest = last?.d && last.d < addMonthsClamped(on, -1) ? last.d : on;
  const rows = await deps.database.query<{
    child: number;
    born: string;
    mother: number;
    mother_born: string;
  }>(
    `SELECT c.id AS child, c.birth_date AS born, m.id AS mother, m.birth_date AS mother_born
     FROM residents c
     JOIN residents m ON m.household_no = c.household_no AND m.sex = '2' AND m.status = 'resident'
       AND (c.relationship = '子' AND m.relationship IN ('世帯主', '妻')
         OR c.relationship = '孫' AND m.relationship = '子の妻')
     WHERE c.status = 'resident' AND c.birth_date > $1 AND c.birth_date <= $2
     ORDER BY c.id, m.id`,
    [addMonthsClamped(latest, -12), latest < addDays(on, -3) ? latest : addDays(on, -3)],
  );
  // one child per mother (two children born within the year would be twins, which the city does not make)
  const seen = new Set<number>();
  const mothers = new Set<number>();
  const out: Newborn[] = [];
  for (const r of rows) {
    const age = naiveAge(r.mother_born, r.born);
    if (seen.has(Number(r.child)) || mothers.has(Number(r.mother)) || age < 18 || age > 45) continue;
    seen.add(Number(r.child));
    mothers.add(Number(r.mother));
    out.push({
      childId: Number(r.child),
      bornOn: r.born,
      mother: { id: Number(r.mother), birthDate: r.mother_born },
    });
  }
  return out;
}

/** `count` of the items in a seeded order (Fisher–Yates), then by birth date. */
function pick(rng: Rng, all: Newborn[], count: number): Newborn[] {
  const a = [...all];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a
    .slice(0, count)
    .sort((x, y) => (x.bornOn < y.bornOn ? -1 : x.bornOn > y.bornOn ? 1 : x.childId - y.childId));
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const cm = (mm: number) => (mm / 10).toFixed(1);

/** 分娩方法 as they come (経腟 about 7 in 10, 帝王切開 2 in 10). */
const deliveries = new Weighted(['vaginal', 'cesarean', 'vacuum', 'forceps'], [70, 21, 8, 1]);

/** The 出生時の状況 of the i-th birth: mostly term; every 10th preterm, every 12th small at term, one very preterm. */
function atBirth(rng: Rng, i: number) {
  const veryPreterm = i % 29 === 17;
  const preterm = !veryPreterm && i % 10 === 3;
  const smallAtTerm = !veryPreterm && !preterm && i % 12 === 8;
  const weeks = veryPreterm
    ? 30
    : preterm
      ? rng.int(34, 36)
      : smallAtTerm
        ? rng.int(37, 38)
        : rng.int(37, 41);
  const weightG = veryPreterm
    ? rng.int(1300, 1480)
    : preterm
      ? rng.int(1950, 2450)
      : smallAtTerm
        ? rng.int(2250, 2490)
        : rng.int(2600, 3900);
  const heightMm = veryPreterm ? rng.int(380, 400) : weightG < 2500 ? rng.int(430, 465) : rng.int(465, 530);
  return {
    weeks,
    days: rng.int(0, 6),
    weightG,
    heightMm,
    headMm: veryPreterm ? rng.int(270, 285) : rng.int(315, 350),
    chestMm: veryPreterm ? rng.int(245, 260) : rng.int(300, 345),
    apgar1: veryPreterm ? 5 : rng.int(7, 9),
    apgar5: veryPreterm ? 6 : rng.int(8, 10),
    delivery: veryPreterm ? 'cesarean' : deliveries.pick(rng),
    remarks: veryPreterm ? 'NICU入院' : '',
  };
}

/**
 * Seeds the 母子保健 demo; null when the city has 妊娠届 already. `births` and `pregnancies` default to 30 and 40
 * (fewer when the city has fewer such people).
 */
export async function seedMaternalDemo(
  deps: MaternalInfantDemoDeps,
  on: string,
  o: { births?: number; pregnancies?: number; seed?: number } = {},
): Promise<MaternalInfantDemoResult | null> {
  const [any] = await deps.database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM (SELECT 1 FROM pregnancies LIMIT 1) x',
  );
  if ((any?.n ?? 0) > 0) return null;
  const rng = new Rng(o.seed ?? 2026);
  const out: MaternalInfantDemoResult = {
    pregnancies: 0,
    births: 0,
    checkups: 0,
    hearingTests: 0,
    infantCheckups: 0,
  };
  const born = pick(rng, await newborns(deps, on), o.births ?? 30);
  for (const [i, b] of born.entries()) {
    const at = atBirth(rng, i);
    const gestationDays = at.weeks * 7 + at.days;
    const p = await deps.pregnancies.register(
      demoActor,
      pastPregnancyInput(rng, b.mother, b.bornOn, gestationDays),
    );
    const institution = rng.pick(demoObstetrics);
    const receivedOn = addDays(b.bornOn, rng.int(5, 25));
    await deps.births.register(demoActor, {
      childResidentId: b.childId,
      newChild: null,
      motherResidentId: b.mother.id,
      pregnancyId: null,
      receivedOn: receivedOn > on ? on : receivedOn,
      receivedVia: rng.pick(['mail', 'mail', 'counter', 'visit']),
      birthTime: `${pad2(rng.int(0, 23))}:${pad2(rng.int(0, 59))}`,
      birthWeightG: at.weightG,
      heightCm: cm(at.heightMm),
      headCm: cm(at.headMm),
      chestCm: cm(at.chestMm),
      gestationalWeeks: at.weeks,
      gestationalDays: at.days,
      delivery: at.delivery,
      birthOrder: 1,
      apgar1: at.apgar1,
      apgar5: at.apgar5,
      birthPlace: institution.endsWith('病院') ? '病院' : '診療所',
      institutionName: institution,
      details: { attendant: rng.chance(0.8) ? 'doctor' : 'midwife', remarks: at.remarks },
      note: '',
      version: null,
    });
    out.births++;
    out.pregnancies++;
    const enteredUntil = addDays(on, -rng.int(3, 14));
    out.checkups += await enterPostpartumVisits(deps, rng, {
      vouchers: p.vouchers,
      bornOn: b.bornOn,
      enteredUntil,
      high: i % 11 === 5,
    });
    const child: DemoChild = {
      id: b.childId,
      bornOn: b.bornOn,
      gestationWeeks: at.weeks,
      weightG: at.weightG,
      heightMm: at.heightMm,
      headMm: at.headMm,
      institution,
    };
    // about one in ten has no hearing result (not screened or not reported); a few refer, some again on the 確認検査
    if (i % 10 !== 9)
      out.hearingTests += await recordHearing(deps, rng, child, on, i % 18 === 4 ? 2 : i % 9 === 4 ? 1 : 0);
    out.infantCheckups += await recordInfantCheckups(deps, rng, child, enteredUntil, i % 7 === 2);
  }
  const exclude = new Set(born.map((b) => b.mother.id));
  const current = await seedPregnanciesDemo(deps, rng, on, { count: o.pregnancies ?? 40, exclude });
  out.pregnancies += current.pregnancies;
  out.checkups += current.checkups;
  return out;
}
