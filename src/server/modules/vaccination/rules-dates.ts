/**
 * Resolves the master's age points and interval spans to dates with the calendar kernel (§1.2 semantics).
 */
import {
  addDays,
  addMonthsAndHalf,
  dayAfterReachMonths,
  dayAfterReachYears,
  earliestAfterDays,
  earliestAfterMonths,
  earliestAfterWeeks,
  fiscalYearRangeOfReachingAge,
  type LocalDate,
  pregnancyWeekDate,
  reachMonths,
  reachYears,
  schoolEntryDate,
  weeksDaysAfterBirth,
} from '../../platform/calendar/index.ts';
import type { AgePoint, Span } from './master-types.ts';
import type { VaccinationPerson } from './types.ts';

export type MonthEndRule = 'mhlw' | 'month-end';

/**
 * Resolved points per birth date (master points are shared constants, so identity is a sound key; the pregnancy
 * points depend on the 出産予定日 and are not cached). A schedule of 120,000 children born on some 4,700 days
 * resolves the same points many times. Bounded: cleared when it holds MAX_BIRTH_DATES birth dates (13 years of
 * children fit; a scan of all ages refills it, at most some 40 MB of entries).
 */
const resolved = new Map<LocalDate, Map<AgePoint, LocalDate | null>>();
const MAX_BIRTH_DATES = 10_000;
/** The last birth date's points: one person's schedule resolves dozens of points in a row. */
let lastBirth: LocalDate | null = null;
let lastPoints: Map<AgePoint, LocalDate | null> = new Map();

/** The date of an age point for this person, or null when it needs data the person lacks (出産予定日). */
export function resolvePoint(point: AgePoint, person: VaccinationPerson): LocalDate | null {
  const birth = person.birthDate;
  let cache = lastPoints;
  if (birth !== lastBirth) {
    let found = resolved.get(birth);
    if (!found) {
      if (resolved.size >= MAX_BIRTH_DATES) resolved.clear();
      found = new Map();
      resolved.set(birth, found);
    }
    cache = found;
    lastBirth = birth;
    lastPoints = found;
  }
  const hit = cache.get(point);
  if (hit !== undefined) return hit; // never a pregnancy point: those are not stored
  if ('pregnancyWeeks' in point) return computePoint(point, person);
  const date = computePoint(point, person);
  cache.set(point, date);
  return date;
}

function computePoint(point: AgePoint, person: VaccinationPerson): LocalDate | null {
  const birth = person.birthDate;
  if ('date' in point) return point.date;
  if ('months' in point)
    return point.dayAfter ? dayAfterReachMonths(birth, point.months) : reachMonths(birth, point.months);
  if ('years' in point)
    return point.dayAfter ? dayAfterReachYears(birth, point.years) : reachYears(birth, point.years);
  if ('weeks' in point) return weeksDaysAfterBirth(birth, point.weeks, point.days);
  if ('fiscalYearOfAge' in point) {
    const r = fiscalYearRangeOfReachingAge(birth, point.fiscalYearOfAge);
    return point.edge === 'start' ? r.start : r.end;
  }
  if ('schoolEntry' in point) {
    const entry = schoolEntryDate(birth);
    return point.schoolEntry === 'dayBefore'
      ? addDays(entry, -1)
      : `${Number(entry.slice(0, 4)) - 1}${entry.slice(4)}`;
  }
  const due = person.specials?.pregnancy?.dueDate;
  return due ? pregnancyWeekDate(due, point.pregnancyWeeks, point.days) : null;
}

/**
 * Memo of date arithmetic on history dates (intervals, the 27-day rule): 120,000 children's doses fall on a few
 * thousand days. Keyed by the span object (master constants) or the day count, then by the date: dates from
 * DENSE_FROM for DENSE_YEARS years index a dense table (300 KB per span; a Map lookup costs several times more),
 * others an integer key in a Map bounded by MAX_MEMO entries.
 */
const dense = {
  mhlw: new Map<Span, Array<LocalDate | undefined>>(),
  'month-end': new Map<Span, Array<LocalDate | undefined>>(),
};
const denseShift = new Map<number, Array<LocalDate | undefined>>();
const DENSE_FROM = 1990;
const DENSE_YEARS = 100;

/** The slot of a checked date in a dense table ((y − DENSE_FROM)·372 + (m − 1)·31 + d − 1), or −1 outside it. */
function denseIndex(s: LocalDate): number {
  const y =
    s.charCodeAt(0) * 1000 + s.charCodeAt(1) * 100 + s.charCodeAt(2) * 10 + s.charCodeAt(3) - 48 * 1111;
  if (y < DENSE_FROM || y >= DENSE_FROM + DENSE_YEARS) return -1;
  const m = s.charCodeAt(5) * 10 + s.charCodeAt(6) - 48 * 11;
  const d = s.charCodeAt(8) * 10 + s.charCodeAt(9) - 48 * 11;
  return (y - DENSE_FROM) * 372 + (m - 1) * 31 + d - 1;
}

function denseFor<K>(tables: Map<K, Array<LocalDate | undefined>>, key: K): Array<LocalDate | undefined> {
  let t = tables.get(key);
  if (!t) {
    t = new Array<LocalDate | undefined>(DENSE_YEARS * 372);
    tables.set(key, t);
  }
  return t;
}

const spanMemo = {
  mhlw: new Map<Span, Map<number, LocalDate>>(),
  'month-end': new Map<Span, Map<number, LocalDate>>(),
};
const shiftMemo = new Map<number, Map<number, LocalDate>>();
const MAX_MEMO = 200_000;
let memoSize = 0;

/** An integer key of a checked 'YYYY-MM-DD' (injective: y·512 + m·32 + d). */
function dayKey(s: LocalDate): number {
  const y =
    s.charCodeAt(0) * 1000 + s.charCodeAt(1) * 100 + s.charCodeAt(2) * 10 + s.charCodeAt(3) - 48 * 1111;
  const m = s.charCodeAt(5) * 10 + s.charCodeAt(6) - 48 * 11;
  const d = s.charCodeAt(8) * 10 + s.charCodeAt(9) - 48 * 11;
  return y * 512 + m * 32 + d;
}

function memoFor<K>(memo: Map<K, Map<number, LocalDate>>, key: K): Map<number, LocalDate> {
  if (memoSize >= MAX_MEMO) {
    spanMemo.mhlw.clear();
    spanMemo['month-end'].clear();
    shiftMemo.clear();
    memoSize = 0;
  }
  let m = memo.get(key);
  if (!m) {
    m = new Map();
    memo.set(key, m);
  }
  return m;
}

/** date + n days (addDays, memoised; for dates already checked). */
export function shiftDays(date: LocalDate, n: number): LocalDate {
  const i = denseIndex(date);
  if (i >= 0) {
    const t = denseFor(denseShift, n);
    let out = t[i];
    if (out === undefined) {
      out = addDays(date, n);
      t[i] = out;
    }
    return out;
  }
  const m = memoFor(shiftMemo, n);
  const k = dayKey(date);
  let out = m.get(k);
  if (out === undefined) {
    out = addDays(date, n);
    m.set(k, out);
    memoSize++;
  }
  return out;
}

/** The earliest next date after `prev` for "span以上の間隔" (N日 → +N+1, N週 → +7N+1, N月 → 応当日, N月半). */
export function afterSpan(prev: LocalDate, span: Span, monthEndRule: MonthEndRule): LocalDate {
  const i = denseIndex(prev);
  if (i >= 0) {
    const t = denseFor(dense[monthEndRule], span);
    let out = t[i];
    if (out === undefined) {
      out = computeSpan(prev, span, monthEndRule);
      t[i] = out;
    }
    return out;
  }
  const m = memoFor(spanMemo[monthEndRule], span);
  const k = dayKey(prev);
  let out = m.get(k);
  if (out === undefined) {
    out = computeSpan(prev, span, monthEndRule);
    m.set(k, out);
    memoSize++;
  }
  return out;
}

function computeSpan(prev: LocalDate, span: Span, monthEndRule: MonthEndRule): LocalDate {
  if ('days' in span) return earliestAfterDays(prev, span.days);
  if ('weeks' in span) return earliestAfterWeeks(prev, span.weeks);
  return span.half
    ? addMonthsAndHalf(prev, span.months, { monthEndRule })
    : earliestAfterMonths(prev, span.months, { monthEndRule });
}

/**
 * Dates inside the engine are checked once where they enter (scheduleFor / scheduleVaccine check the judgement
 * date, the birth date, the history and the person's dates; prepare.ts checks the master's), so comparing them is
 * a plain string comparison: zero-padded ISO dates sort chronologically. −1, 0 or 1 like compareDates.
 */
export function cmp(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates, ignoring nulls. */
export function later(a: LocalDate | null, b: LocalDate | null): LocalDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

/** The earlier of two dates, ignoring nulls. */
export function earlier(a: LocalDate | null, b: LocalDate | null): LocalDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}
