/**
 * 予防接種の期間の言い回し (the wording of vaccination age windows and intervals) that age.ts and intervals.ts do
 * not already cover — maternal-child-vaccination-pmh.md §1.2 [S3a][S3b][S3d][S3f][S16b][S17a], 学校教育法第17条.
 *
 * Already in the kernel: reachMonths (生後N月に至った日 / 至るまで), reachYears (N歳に至った日 / 達するまで / 未満 /
 * 以上), weeksDaysAfterBirth (出生W週D日後), earliestAfterDays (N日以上の間隔), windowDays, earliestAfterMonths
 * (N月以上の間隔), addMonthsAndHalf (N月半).
 */
import { reachMonths, reachYears } from './age.ts';
import { addDays, compareDates, type LocalDate, parseIsoDate, toIsoDate } from './date.ts';
import { fiscalYearOf, fiscalYearRange } from './fiscal-year.ts';
import { earliestAfterDays, earliestAfterMonths, type MonthIntervalOptions } from './intervals.ts';

/**
 * 生後N月に至った日の翌日 — the day after reachMonths(birth, n): the N-month 応当日, or the 1st of the following
 * month when it has no 応当日 (born 12/31 → 生後2月に至った日の翌日 = 3/1). Used by "生後7月に至った日の翌日から". [S3b]
 */
export function dayAfterReachMonths(birth: LocalDate, n: number): LocalDate {
  return addDays(reachMonths(birth, n), 1);
}

/** N歳に至った日の翌日 — the Nth birthday itself (3/1 for 2/29 births in common years). [S3b] */
export function dayAfterReachYears(birth: LocalDate, n: number): LocalDate {
  return addDays(reachYears(birth, n), 1);
}

/** N週以上の間隔 — read as 7N日以上の間隔: prev + 7N + 1 days (the same rule as N日以上). [S3d] */
export function earliestAfterWeeks(prev: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Week count must be a non-negative integer: ${n}`);
  return earliestAfterDays(prev, 7 * n);
}

/**
 * N月からM月までの間隔 (standard window) — {from: N月以上の間隔, to: M月以上の間隔}, the month counterpart of
 * windowDays: both ends are the day the N (M) months have fully elapsed. [S3f]
 */
export function windowMonths(
  prev: LocalDate,
  n: number,
  m: number,
  opts: MonthIntervalOptions = {},
): { from: LocalDate; to: LocalDate } {
  if (m < n) throw new RangeError(`Window end ${m} is before its start ${n}`);
  return { from: earliestAfterMonths(prev, n, opts), to: earliestAfterMonths(prev, m, opts) };
}

/**
 * X歳となる日の属する年度 — the fiscal year containing reachYears(birth, x), so people born 4/2 … 4/1 share it
 * (HPV 12歳となる日の属する年度 = 小学6年生相当; 帯状疱疹 年度末年齢). [S16b][S17a]
 */
export function fiscalYearOfReachingAge(birth: LocalDate, x: number): number {
  return fiscalYearOf(reachYears(birth, x));
}

/** X歳となる日の属する年度の初日 / 末日 — {start, end} of fiscalYearOfReachingAge. [S16b] */
export function fiscalYearRangeOfReachingAge(
  birth: LocalDate,
  x: number,
): { start: LocalDate; end: LocalDate } {
  return fiscalYearRange(fiscalYearOfReachingAge(birth, x));
}

/**
 * 小学校就学の始期 — the first 4月1日 on or after the day after the 6th 誕生日の前日 (学校教育法第17条: 満6歳に達した日の
 * 翌日以後における最初の学年の初め). Born 2019-04-01 → 2025-04-01; born 2019-04-02 → 2026-04-01. MR 2期 runs from
 * the day one year before this date to the day before it. [S1]
 */
export function schoolEntryDate(birth: LocalDate): LocalDate {
  const from = dayAfterReachYears(birth, 6);
  const { y } = parseIsoDate(from);
  const april = toIsoDate(y, 4, 1);
  return compareDates(from, april) <= 0 ? april : toIsoDate(y + 1, 4, 1);
}

/**
 * 妊娠W週D日 — the date a pregnancy reaches W週D日 given the 出産予定日 (40週0日 = due date; 0週0日 = due − 280).
 * RSウイルス母子免疫: 妊娠28週0日〜36週6日. [S20a]
 */
export function pregnancyWeekDate(dueDate: LocalDate, weeks: number, days = 0): LocalDate {
  if (!Number.isInteger(weeks) || !Number.isInteger(days) || weeks < 0 || days < 0 || days > 6)
    throw new RangeError(`Invalid gestational age: ${weeks}週${days}日`);
  return addDays(dueDate, 7 * weeks + days - 280);
}
