/**
 * Household composition for the demo city: who lives together (続柄, age, sex, names). The head's age is
 * drawn from a weighted table and the household type from the head's age; the weights are tuned so that the
 * whole city comes out close to Japan's 2025 population pyramid (~29 % aged 65+, ~11 % under 15).
 */
import { clampedDate, parseIsoDate, toEpochDay } from '../../../platform/calendar/index.ts';
import { femaleNames, maleNames, type NameEntry, nameEra, surnames, variantSurnames } from './names.ts';
import { type Rng, Weighted } from './random.ts';

export type Member = {
  relationship: string;
  sex: '1' | '2';
  /** Age on the as-of date. */
  age: number;
  /** Birth date as an epoch day. */
  birthDay: number;
  surname: NameEntry;
  given: NameEntry;
};

export type HouseholdKind =
  | 'single'
  | 'couple'
  | 'family'
  | 'singleParent'
  | 'threeGenUp'
  | 'threeGenDown'
  | 'roommates';

export type Household = { kind: HouseholdKind; members: Member[] };

export const MAX_AGE = 105;

/** Head-of-household age weights per 5-year band from 15–19 (only 18–19 used) to 100–104, then 105. */
const headBandWeights = [
  0.7, 3.6, 4.6, 4.6, 5.3, 6.0, 7.4, 8.2, 7.2, 6.8, 6.8, 8.8, 7.8, 5.9, 4.0, 2.4, 0.65, 0.1, 0.008,
];

const headAges: Weighted<number> = (() => {
  const ages: number[] = [];
  const weights: number[] = [];
  for (let age = 18; age <= MAX_AGE; age++) {
    ages.push(age);
    const band = Math.min(Math.floor((age - 15) / 5), headBandWeights.length - 1);
    weights.push(headBandWeights[band]! / (age < 20 ? 2 : 5));
  }
  return new Weighted(ages, weights);
})();

const kinds = (w: Partial<Record<HouseholdKind, number>>) =>
  new Weighted(Object.keys(w) as HouseholdKind[], Object.values(w) as number[]);

const kindByHeadAge: [maxAge: number, kinds: Weighted<HouseholdKind>][] = [
  [29, kinds({ single: 66, couple: 11, family: 17, singleParent: 3, roommates: 3 })],
  [44, kinds({ single: 25, couple: 11, family: 50, singleParent: 8, threeGenUp: 5, roommates: 1 })],
  [59, kinds({ single: 25, couple: 17, family: 38, singleParent: 7, threeGenUp: 11, roommates: 2 })],
  [74, kinds({ single: 27, couple: 42, family: 19, singleParent: 3, threeGenDown: 9 })],
  [MAX_AGE, kinds({ single: 42, couple: 34, family: 14, threeGenDown: 10 })],
];

const childCount = new Weighted([1, 2, 3, 4], [35, 46, 16, 3]);

const allSurnames = new Weighted(
  [...surnames, ...variantSurnames],
  [...surnames.map((_, rank) => 1 / (rank + 8) ** 0.8), ...variantSurnames.map(() => 0.004)],
);

export type AgeContext = { asOf: string; birthRanges: [number, number][] };

/** Precomputes, for every age 0..MAX_AGE, the range of birth days giving that age on `asOf`. */
export function ageContext(asOf: string): AgeContext {
  const { y, m, d } = parseIsoDate(asOf);
  const birthRanges: [number, number][] = [];
  for (let age = 0; age <= MAX_AGE; age++) {
    const latest = toEpochDay(clampedDate(y - age, m, d));
    const earliest = toEpochDay(clampedDate(y - age - 1, m, d)) + 1;
    birthRanges.push([earliest, latest]);
  }
  return { asOf, birthRanges };
}

/** Day on which someone born on `birthDay` turns `years` (approximate to a day; enough for the demo). */
export function dayAtAge(birthDay: number, years: number): number {
  return birthDay + Math.round(years * 365.2425);
}

function pickSurname(rng: Rng, not?: NameEntry): NameEntry {
  for (;;) {
    const s = allSurnames.pick(rng);
    if (s !== not) return s;
  }
}

function pickGiven(rng: Rng, sex: '1' | '2', birthYear: number, avoid: Set<string>): NameEntry {
  const lists = sex === '1' ? maleNames : femaleNames;
  // Jitter the year so that names blend across era boundaries instead of switching on one New Year.
  const list = lists[nameEra(birthYear + rng.int(-6, 6))]!;
  let given = rng.pick(list);
  for (let i = 0; i < 3 && avoid.has(given.name); i++) given = rng.pick(list);
  avoid.add(given.name);
  return given;
}

export function composeHousehold(rng: Rng, ctx: AgeContext): Household {
  const headAge = headAges.pick(rng);
  const kinds = kindByHeadAge.find(([max]) => headAge <= max)![1];
  const kind = kinds.pick(rng);
  const surname = pickSurname(rng);
  const members: Member[] = [];
  const given = new Set<string>();

  const add = (relationship: string, sex: '1' | '2', age: number, own?: NameEntry): Member => {
    const a = Math.max(0, Math.min(MAX_AGE, age));
    const [lo, hi] = ctx.birthRanges[a]!;
    const birthDay = rng.int(lo, hi);
    const birthYear = Math.floor(birthDay / 365.2425) + 1970;
    const m: Member = {
      relationship,
      sex,
      age: a,
      birthDay,
      surname: own ?? surname,
      given: pickGiven(rng, sex, birthYear, given),
    };
    members.push(m);
    return m;
  };
  const addKids = (motherAge: number, relationship: string, minAge: number, count?: number) => {
    const n = count ?? childCount.pick(rng);
    for (let i = 0; i < n; i++) {
      const age = motherAge - rng.int(23, 40);
      if (age >= minAge) add(relationship, rng.chance(0.51) ? '1' : '2', age);
    }
  };
  const spouseAge = (age: number, husband: boolean) =>
    Math.max(18, husband ? age + rng.int(-2, 6) : age - rng.int(-2, 6));

  switch (kind) {
    case 'single': {
      const femaleShare = headAge < 60 ? 0.45 : headAge < 75 ? 0.55 : 0.7;
      add('世帯主', rng.chance(femaleShare) ? '2' : '1', headAge);
      break;
    }
    case 'roommates': {
      const head = add('世帯主', rng.chance(0.5) ? '1' : '2', headAge);
      add(
        '同居人',
        rng.chance(0.7) ? head.sex : head.sex === '1' ? '2' : '1',
        headAge + rng.int(-5, 5),
        pickSurname(rng, surname),
      );
      break;
    }
    case 'couple':
    case 'family': {
      const maleHead = rng.chance(0.92);
      add('世帯主', maleHead ? '1' : '2', headAge);
      const other = spouseAge(headAge, !maleHead);
      add(maleHead ? '妻' : '夫', maleHead ? '2' : '1', other);
      if (kind === 'family') {
        const motherAge = maleHead ? other : headAge;
        if (headAge >= 60) addKids(motherAge, '子', 20, 1);
        else addKids(motherAge, '子', 0);
      }
      break;
    }
    case 'singleParent': {
      const mother = rng.chance(0.85);
      add('世帯主', mother ? '2' : '1', headAge);
      addKids(mother ? headAge : headAge - 3, '子', 0, rng.chance(0.6) ? 1 : 2);
      break;
    }
    case 'threeGenUp': {
      add('世帯主', '1', headAge);
      const wife = spouseAge(headAge, false);
      add('妻', '2', wife);
      if (rng.chance(0.85)) addKids(wife, '子', 0);
      const parents = rng.next();
      if (parents < 0.5 || parents >= 0.85) add('父', '1', headAge + rng.int(25, 36));
      if (parents < 0.85) add('母', '2', headAge + rng.int(23, 33));
      break;
    }
    case 'threeGenDown': {
      add('世帯主', '1', headAge);
      if (rng.chance(0.8)) add('妻', '2', spouseAge(headAge, false));
      const son = add('子', '1', headAge - rng.int(25, 35));
      const daughterInLaw = spouseAge(son.age, false);
      add('子の妻', '2', daughterInLaw);
      addKids(daughterInLaw, '孫', 0);
      break;
    }
  }
  return { kind, members };
}

/** A lone person (住登外者): 4 in 10 are infants (里帰り出産 etc.), the rest adults. */
export function composeOutsider(rng: Rng, ctx: AgeContext): Member {
  const age = rng.chance(0.4) ? rng.int(0, 5) : rng.int(20, 80);
  const sex = rng.chance(0.5) ? '1' : '2';
  const [lo, hi] = ctx.birthRanges[age]!;
  const birthDay = rng.int(lo, hi);
  const birthYear = Math.floor(birthDay / 365.2425) + 1970;
  return {
    relationship: '',
    sex,
    age,
    birthDay,
    surname: pickSurname(rng),
    given: pickGiven(rng, sex, birthYear, new Set()),
  };
}

export function otherSurname(rng: Rng, not: NameEntry): NameEntry {
  return pickSurname(rng, not);
}
