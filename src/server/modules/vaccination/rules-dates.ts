/**
 * Resolves the master's age points and interval spans to dates with the calendar kernel (§1.2 semantics).
 */
import {
  addDays,
  addMonthsAndHalf,
  compareDates,
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
 * Resolved points per person object (master points are shared constants, so identity is a sound key). Person
 * objects are read-only inputs of the engine: a schedule of 120,000 children resolves the same points many times.
 */
const resolved = new WeakMap<VaccinationPerson, Map<AgePoint, LocalDate | null>>();

/** The date of an age point for this person, or null when it needs data the person lacks (出産予定日). */
export function resolvePoint(point: AgePoint, person: VaccinationPerson): LocalDate | null {
  let cache = resolved.get(person);
  if (!cache) {
    cache = new Map();
    resolved.set(person, cache);
  }
  const hit = cache.get(point);
  if (hit !== undefined) return hit;
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

/** The earliest next date after `prev` for "span以上の間隔" (N日 → +N+1, N週 → +7N+1, N月 → 応当日, N月半). */
export function afterSpan(prev: LocalDate, span: Span, monthEndRule: MonthEndRule): LocalDate {
  if ('days' in span) return earliestAfterDays(prev, span.days);
  if ('weeks' in span) return earliestAfterWeeks(prev, span.weeks);
  return span.half
    ? addMonthsAndHalf(prev, span.months, { monthEndRule })
    : earliestAfterMonths(prev, span.months, { monthEndRule });
}

/** The later of two dates, ignoring nulls. */
export function later(a: LocalDate | null, b: LocalDate | null): LocalDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareDates(a, b) >= 0 ? a : b;
}

/** The earlier of two dates, ignoring nulls. */
export function earlier(a: LocalDate | null, b: LocalDate | null): LocalDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareDates(a, b) <= 0 ? a : b;
}
