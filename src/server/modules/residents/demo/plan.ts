/**
 * Where and since when a household lives in the city: address (and a later 転居), telephone, whether it was
 * already there at the initial load or moved in later, and whether it moved away.
 */
import { toEpochDay } from '../../../platform/calendar/index.ts';
import type { EventCode } from '../types.ts';
import { dayAtAge, type Member } from './households.ts';
import { AREA_CODE, buildings, CITY, chomeKanji, outsidePlaces, PREFECTURE, towns } from './places.ts';
import { pad, type Rng, Weighted } from './random.ts';

/** Day the 住民記録 data were first loaded: 'full' events carry this date. */
export const INITIAL_LOAD_DATE = '2010-04-01';

export type Address = { postalCode: string; address: string; addressExtra: string };

export type HouseholdPlan = {
  householdNo: string;
  phone: string;
  address: Address;
  /** After an 住所変更 (転居) on `movedDay`. */
  newAddress: Address | null;
  movedDay: number;
  /** 'full' = already here at the initial load, else the 転入 day. */
  arrival: 'full' | number;
  sinceDay: number;
  moveOutDay: number | null;
};

const townTable = new Weighted(
  towns,
  towns.map((t) => t.weight),
);
export const START = toEpochDay(INITIAL_LOAD_DATE);
const BIRTH_EVENTS_FROM = toEpochDay('2000-01-01');
export const REGISTER_FROM = toEpochDay('2015-01-01');
const OLDEST_SINCE = toEpochDay('1950-01-01');

function cityAddress(rng: Rng, apartment: boolean): Address {
  const townIndex = rng.int(0, towns.length - 1);
  const town = apartment ? towns[townIndex]! : townTable.pick(rng);
  let chome = rng.int(1, town.chome);
  let ban = rng.int(1, 30);
  let go = rng.int(1, 20);
  let addressExtra = '';
  if (apartment) {
    // The same building in the same 町 always stands at the same address.
    const b = rng.int(0, buildings.length - 1);
    chome = 1 + ((b + townIndex) % town.chome);
    ban = 1 + ((b * 7 + townIndex * 3) % 30);
    go = 1 + ((b * 5 + townIndex) % 20);
    addressExtra = `${buildings[b]}${rng.int(1, 5)}${pad(rng.int(1, 8), 2)}号`;
  }
  return {
    postalCode: town.postalCode,
    address: `${PREFECTURE}${CITY}${town.name}${chomeKanji[chome - 1]}丁目${ban}番${go}号`,
    addressExtra,
  };
}

export function outsideAddress(rng: Rng): Address {
  const place = rng.pick(outsidePlaces);
  return {
    postalCode: `${place.postalPrefix}${pad(rng.int(1, 40), 2)}`,
    address: `${place.place}${chomeKanji[rng.int(0, 4)]}丁目${rng.int(1, 30)}番${rng.int(1, 20)}号`,
    addressExtra: rng.chance(0.25) ? `${rng.pick(buildings)}${rng.int(1, 3)}0${rng.int(1, 6)}号` : '',
  };
}

export function phone(rng: Rng): string {
  return rng.chance(0.6) ? `${AREA_CODE}-${rng.int(200, 999)}-${pad(rng.int(0, 9999), 4)}` : '';
}

/** Uniform day in [lo, hi], or null when the range is empty. */
export function dayIn(rng: Rng, lo: number, hi: number): number | null {
  return hi >= lo ? rng.int(lo, hi) : null;
}

const joiners = new Set(['妻', '夫', '子の妻', '同居人']);
const isKid = (m: Member) => m.relationship === '子' || m.relationship === '孫';

export function planHousehold(
  rng: Rng,
  members: Member[],
  kind: string,
  householdNo: string,
  asOfDay: number,
): HouseholdPlan {
  const aptChance =
    kind === 'single' || kind === 'roommates' ? 0.5 : kind.startsWith('threeGen') ? 0.04 : 0.25;
  const apartment = rng.chance(aptChance);
  const head = members[0]!;
  const movedInChance = head.age < 30 ? 0.65 : head.age < 45 ? 0.4 : head.age < 60 ? 0.2 : 0.1;
  const adultsBornBy = Math.max(...members.filter((m) => !isKid(m)).map((m) => m.birthDay));
  const earliestMoveIn = Math.max(START + 1, dayAtAge(head.birthDay, 18), adultsBornBy + 1);
  const moveIn = rng.chance(movedInChance) ? dayIn(rng, earliestMoveIn, asOfDay) : null;
  const arrival = moveIn ?? 'full';
  const sinceDay =
    moveIn ??
    (rng.chance(0.35)
      ? head.birthDay
      : (dayIn(rng, Math.max(OLDEST_SINCE, dayAtAge(head.birthDay, 20)), START) ?? head.birthDay));
  const lastFirst = Math.max(moveIn ?? START, ...members.map((m) => m.birthDay));
  const moveOutDay = rng.chance(0.025) ? dayIn(rng, lastFirst + 1, asOfDay) : null;
  const movedDay = rng.chance(0.02)
    ? (dayIn(rng, (moveIn ?? START) + 1, (moveOutDay ?? asOfDay + 1) - 1) ?? -1)
    : -1;
  return {
    householdNo,
    phone: phone(rng),
    address: cityAddress(rng, apartment),
    newAddress: movedDay >= 0 ? cityAddress(rng, rng.chance(aptChance)) : null,
    movedDay,
    arrival,
    sinceDay,
    moveOutDay,
  };
}

export function firstEvent(
  rng: Rng,
  m: Member,
  plan: HouseholdPlan,
): { code: EventCode; day: number; since: number } {
  if (plan.arrival !== 'full') {
    if (m.birthDay >= plan.arrival) return { code: 'birth', day: m.birthDay, since: m.birthDay };
    return { code: 'move_in', day: plan.arrival, since: plan.arrival };
  }
  if (m.birthDay > START) return { code: 'birth', day: m.birthDay, since: m.birthDay };
  // Those who married or moved in came later than the household (but before the initial load).
  const joined = joiners.has(m.relationship)
    ? Math.min(START, dayAtAge(m.birthDay, rng.int(20, 32)))
    : m.birthDay;
  const since = Math.max(plan.sinceDay, joined);
  if (since === m.birthDay && m.birthDay >= BIRTH_EVENTS_FROM && rng.chance(0.5))
    return { code: 'birth', day: m.birthDay, since };
  return { code: 'full', day: START, since };
}
