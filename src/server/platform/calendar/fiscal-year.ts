/**
 * 年度 (fiscal year, April–March) and 年度末年齢.
 *
 * Source: adult-health-statistics-bank-barcode.md §2.2 — default 年度末年齢 = legal age at the end of 3月31日 of
 * Y+1 (= naive age on 4月1日 of Y+1), cohort (Y−N)-04-02 … (Y−N+1)-04-01; municipalities differ (naive 4/1–3/31
 * cohorts, 翌年度4月1日 base dates, the 3月31日 before the 年度), so both the reference date and the cohort rule
 * are configurable per 事業.
 */
import { legalAgeAtEndOf, naiveAge } from './age.ts';
import { addDays, clampedDate, compareDates, type LocalDate, parseIsoDate } from './date.ts';

/** 年度 — the fiscal year (April–March) containing `date` (2027-03-31 → 2026). */
export function fiscalYearOf(date: LocalDate): number {
  const { y, m } = parseIsoDate(date);
  return m >= 4 ? y : y - 1;
}

/** 年度の期間 — first and last day of 年度 `fy` (fy-04-01 … (fy+1)-03-31, inclusive). */
export function fiscalYearRange(fy: number): { start: LocalDate; end: LocalDate } {
  if (!Number.isInteger(fy)) throw new RangeError(`Fiscal year must be an integer: ${fy}`);
  return { start: clampedDate(fy, 4, 1), end: clampedDate(fy + 1, 3, 31) };
}

/** 年齢基準日 relative to the 年度: month/day in year fy + yearOffset (3/31 of the next year = {3, 31, 1}). */
export interface RelativeReferenceDate {
  month: number;
  day: number;
  yearOffset: number;
}

export interface FiscalYearAgeOptions {
  /**
   * 年齢基準日. Default {month: 3, day: 31, yearOffset: 1} (年度末). An absolute 'YYYY-MM-DD' is used as is
   * (the fiscal year argument is then ignored). A relative date that does not exist (2/29 in a common year)
   * falls on the month's last day.
   */
  referenceDate?: LocalDate | RelativeReferenceDate;
  /**
   * 'legal' (default): legal age at the END of the reference date (年齢計算ニ関スル法律; 3/31 base →
   * school-year cohort 4/2–4/1). 'naive': calendar age ON the reference date (3/31 base → cohort 4/1–3/31).
   */
  cohort?: 'legal' | 'naive';
}

/** 年齢基準日 — resolves the reference date of `opts` for 年度 `fy`. */
export function fiscalYearReferenceDate(fy: number, opts: FiscalYearAgeOptions = {}): LocalDate {
  const ref = opts.referenceDate ?? { month: 3, day: 31, yearOffset: 1 };
  if (typeof ref === 'string') {
    parseIsoDate(ref);
    return ref;
  }
  if (!Number.isInteger(fy)) throw new RangeError(`Fiscal year must be an integer: ${fy}`);
  if (ref.day < 1 || ref.day > 31 || !Number.isInteger(ref.day))
    throw new RangeError(`Invalid day: ${ref.day}`);
  return clampedDate(fy + ref.yearOffset, ref.month, ref.day);
}

/**
 * 年度末年齢 — age of a person born on `birth` for 年度 `fy` at the reference date (default: legal age at the
 * end of (fy+1)-03-31, i.e. naive age on (fy+1)-04-01). Throws RangeError if born after the reference date.
 */
export function fiscalYearEndAge(birth: LocalDate, fy: number, opts: FiscalYearAgeOptions = {}): number {
  const ref = fiscalYearReferenceDate(fy, opts);
  return (opts.cohort ?? 'legal') === 'legal' ? legalAgeAtEndOf(birth, ref) : naiveAge(birth, ref);
}

/**
 * 年度末年齢の対象生年月日範囲 — inclusive birth-date range {bornFrom, bornTo} of the people whose
 * fiscalYearEndAge(…, fy, opts) is `age` (for SQL range filters). 年度2024, 20歳 → 2004-04-02 … 2005-04-01.
 */
export function fiscalYearEndAgeCohort(
  fy: number,
  age: number,
  opts: FiscalYearAgeOptions = {},
): { bornFrom: LocalDate; bornTo: LocalDate } {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`Age must be a non-negative integer: ${age}`);
  const ref = fiscalYearReferenceDate(fy, opts);
  // Legal age at the end of R = naive age on R + 1, so both rules reduce to "naive age on day A".
  const a = parseIsoDate((opts.cohort ?? 'legal') === 'legal' ? addDays(ref, 1) : ref);
  // naiveAge(b, A) >= k  ⇔  b <= (A.y − k, A.m, A.d), clamped to the month end (A = 2/29, common year → 2/28).
  const latestWithAge = (k: number): LocalDate => clampedDate(a.y - k, a.m, a.d);
  const bornFrom = addDays(latestWithAge(age + 1), 1);
  const to = latestWithAge(age);
  // Age 0: nobody born after the reference date itself has an age yet.
  const bornTo = compareDates(to, ref) > 0 ? ref : to;
  return { bornFrom, bornTo };
}
