/**
 * 接種間隔 (dose intervals) — maternal-child-vaccination-pmh.md §1.2 "Interval wording" [S3d][S3e][S3f][S10b].
 * All returned dates are inclusive bounds ("next dose allowed from this day").
 */
import {
  addDays,
  addMonthsToMonth,
  anniversary,
  daysInMonth,
  firstDayOfNextMonth,
  type LocalDate,
  lastDayOfMonth,
  parseIsoDate,
} from './date.ts';

/**
 * What "N月以上の間隔" means when the N-month 応当日 does not exist (11/30 + 3月):
 * - 'mhlw' (default): the period ends on the month's last day, so the next dose is allowed from the 1st of the
 *   following month (11/30 + 3月 → 3/1) — MHLW 部会資料 [S3f].
 * - 'month-end': the month's last day itself (8/30 + 6月 → 2/28), as some municipalities allow [S3d].
 */
export type MonthEndRule = 'mhlw' | 'month-end';

export interface MonthIntervalOptions {
  monthEndRule?: MonthEndRule;
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer: ${n}`);
}

/** N日以上の間隔 — earliest next date = prev + (N + 1) days (6日 → +7, 27日 → +28, 139日 → +140). [S3d][S10b] */
export function earliestAfterDays(prev: LocalDate, n: number): LocalDate {
  assertCount(n, 'Day count');
  return addDays(prev, n + 1);
}

/**
 * N日からM日までの間隔 — inclusive window {from: prev + (N+1), to: prev + (M+1)} (27〜56日 → +28 … +57). [S3e]
 */
export function windowDays(prev: LocalDate, n: number, m: number): { from: LocalDate; to: LocalDate } {
  assertCount(n, 'Day count');
  assertCount(m, 'Day count');
  if (m < n) throw new RangeError(`Window end ${m} is before its start ${n}`);
  return { from: addDays(prev, n + 1), to: addDays(prev, m + 1) };
}

/**
 * N月以上の間隔 — earliest next date = the N-month 応当日 (4/1 + 3月 → 7/1); without 応当日 see MonthEndRule
 * (default 'mhlw': 11/30 + 3月 → 3/1). [S3f][S3d]
 */
export function earliestAfterMonths(prev: LocalDate, n: number, opts: MonthIntervalOptions = {}): LocalDate {
  assertCount(n, 'Month count');
  const a = anniversary(prev, n);
  if (a) return a;
  const month = addMonthsToMonth(prev, n);
  return (opts.monthEndRule ?? 'mhlw') === 'mhlw' ? firstDayOfNextMonth(month) : lastDayOfMonth(month);
}

/**
 * N月半の間隔 — the N-month point (earliestAfterMonths) + half a month, where half a month is 14/15/15/16 days
 * when the month has 28/29/30/31 days (4/1 + 2月半 = 6/1 + 15 = 6/16). [S3f]
 *
 * "The month" is the calendar month containing the N-month point (June in the example): the half month is
 * counted forward from that point, and the one-month period starting on a day of month M has exactly
 * daysInMonth(M) days. The example rules out the last elapsed month (May: 31 days → +16 → 6/17); the month of
 * `prev` (April, 30 days) happens to give the same result there, but the rule text says "the month has", read
 * as the month being split in half, i.e. the one being entered.
 */
export function addMonthsAndHalf(prev: LocalDate, n: number, opts: MonthIntervalOptions = {}): LocalDate {
  const point = earliestAfterMonths(prev, n, opts);
  const { y, m } = parseIsoDate(point);
  return addDays(point, Math.ceil(daysInMonth(y, m) / 2)); // 28→14, 29→15, 30→15, 31→16
}
