/**
 * Ages (年齢) and age-based dates (生後N月に至った日, N歳に達した日).
 *
 * Two notions of age exist and both are needed:
 *
 * - **naiveAge(birth, on)** — the calendar age on day `on` (the age increases ON the birthday). This is also
 *   the legal age *during* day `on` (the legal increment happened at 24:00 of the previous day), so it is
 *   the right choice for "age on the 受診日 / 接種日" and for displaying "満N歳".
 * - **legalAgeAtEndOf(birth, on)** — the age at the END of day `on` under 年齢計算ニ関スル法律 + 民法143条
 *   (the age increases at 24:00 of the day before the birthday). Use it whenever a rule is phrased as
 *   "●歳に達した時 / ●歳に達する日 / 年度末（3月31日）現在の年齢": the person born on 4/1 is already N at
 *   the end of 3/31. Identity: legalAgeAtEndOf(b, D) === naiveAge(b, D + 1 day).
 *
 * Sources: adult-health-statistics-bank-barcode.md §2.2 (年齢計算ニ関スル法律);
 * maternal-child-vaccination-pmh.md §1.2 [S3a][S3b][S3c][S4].
 */
import {
  addDays,
  addMonthsToMonth,
  anniversary,
  compareDates,
  type LocalDate,
  lastDayOfMonth,
  parseIsoDate,
} from './date.ts';

function assertBornBy(birth: LocalDate, on: LocalDate): void {
  if (compareDates(on, birth) < 0) throw new RangeError(`Date ${on} is before the birth date ${birth}`);
}

/**
 * 満年齢（暦上） — calendar age on day `on`: the number of birthdays that have occurred on or before `on`.
 * A 2/29 birth has its birthday on 3/1 in common years. Throws RangeError if `on` is before `birth`.
 */
export function naiveAge(birth: LocalDate, on: LocalDate): number {
  assertBornBy(birth, on);
  const b = parseIsoDate(birth);
  const o = parseIsoDate(on);
  const beforeBirthday = o.m < b.m || (o.m === b.m && o.d < b.d);
  return o.y - b.y - (beforeBirthday ? 1 : 0);
}

/**
 * 法定年齢（日の終了時） — age at the end (24:00) of day `on` under 年齢計算ニ関スル法律: it increases at the end of
 * the day before the birthday, so = naiveAge(birth, on + 1). A 2/29 birth ages at the end of 2/28 in common
 * years (and of 2/28 in leap years too). Throws RangeError if `on` is before `birth`.
 */
export function legalAgeAtEndOf(birth: LocalDate, on: LocalDate): number {
  assertBornBy(birth, on);
  return naiveAge(birth, addDays(on, 1));
}

/**
 * 生後N月に至った日 — the day before the N-month 応当日 of `birth`; if that 応当日 does not exist, the last day
 * of that month (born 2018-12-31 → 生後2月 = 2019-02-28). [S3b][S4][S3c]
 */
export function reachMonths(birth: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Month count must be a non-negative integer: ${n}`);
  const a = anniversary(birth, n);
  return a ? addDays(a, -1) : lastDayOfMonth(addMonthsToMonth(birth, n));
}

/**
 * N歳に達した日 / N歳に至った日 — reachMonths(birth, 12n): the day before the Nth birthday (2/28 for 2/29 births
 * in common years). legalAgeAtEndOf(birth, reachYears(birth, n)) === n. [S3a][S3b]
 */
export function reachYears(birth: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Year count must be a non-negative integer: ${n}`);
  return reachMonths(birth, 12 * n);
}

/**
 * 生後N月に至るまで — inclusive last day of "生後A月から生後N月に至るまで"; the same date as reachMonths(birth, n).
 * (The range is [reachMonths(A), untilMonths(B)], both ends inclusive. [S3b])
 */
export function untilMonths(birth: LocalDate, n: number): LocalDate {
  return reachMonths(birth, n);
}

/**
 * N歳に至るまで / N歳に達するまで / N歳未満 — inclusive last day, = reachYears(birth, n) (the day before the Nth
 * birthday). [S3a][S3b]
 */
export function untilYears(birth: LocalDate, n: number): LocalDate {
  return reachYears(birth, n);
}

/**
 * 出生W週D日後 — birth + 7W + D days (the birth date is 0週0日; "6週0日後" = birth + 42). [S4][S3b]
 */
export function weeksDaysAfterBirth(birth: LocalDate, weeks: number, days = 0): LocalDate {
  if (!Number.isInteger(weeks) || !Number.isInteger(days) || weeks < 0 || days < 0) {
    throw new RangeError(`Weeks and days must be non-negative integers: ${weeks}週${days}日`);
  }
  return addDays(birth, 7 * weeks + days);
}
