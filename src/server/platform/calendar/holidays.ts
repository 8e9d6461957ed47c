/**
 * 祝日・開庁日. Holiday data comes from @holiday-jp/holiday_jp (covers 1970–2050; outside that range no date is a
 * holiday). We look dates up by their 'YYYY-MM-DD' key instead of passing `Date`s (the package's Dates are UTC
 * midnight, which is off by one day for JST callers that build Dates locally).
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, dayOfWeek, type LocalDate, parseIsoDate } from './date.ts';

const HOLIDAYS: Readonly<Record<string, { readonly name: string }>> = holidayJp.holidays;

/** 祝日名 — the holiday's Japanese name ('元日', '振替休日' entries included), or null. */
export function holidayName(date: LocalDate): string | null {
  parseIsoDate(date);
  return Object.hasOwn(HOLIDAYS, date) ? (HOLIDAYS[date]?.name ?? null) : null;
}

/** 祝日 — true for 国民の祝日, 振替休日 and 国民の休日. */
export function isHoliday(date: LocalDate): boolean {
  return holidayName(date) !== null;
}

export interface BusinessDayOptions {
  /** 年末年始 closure 12/29–1/3 (default true, 行政機関の休日に関する法律). */
  yearEndClosure?: boolean;
  /** Additional closed days (e.g. a municipality's own 休庁日). */
  isClosed?: (date: LocalDate) => boolean;
}

/** 開庁日 — not a Saturday/Sunday, 祝日, 年末年始 (12/29–1/3, configurable) or extra closed day. */
export function isBusinessDay(date: LocalDate, opts: BusinessDayOptions = {}): boolean {
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6 || isHoliday(date)) return false;
  if (opts.yearEndClosure ?? true) {
    const { m, d } = parseIsoDate(date);
    if ((m === 12 && d >= 29) || (m === 1 && d <= 3)) return false;
  }
  return !opts.isClosed?.(date);
}

/** 翌開庁日 — `date` itself if it is a business day, otherwise the next business day. */
export function nextBusinessDay(date: LocalDate, opts: BusinessDayOptions = {}): LocalDate {
  let d = date;
  for (let i = 0; i < 366; i++, d = addDays(d, 1)) {
    if (isBusinessDay(d, opts)) return d;
  }
  throw new RangeError(`No business day within a year after ${date}`);
}
