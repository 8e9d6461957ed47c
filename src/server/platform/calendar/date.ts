/**
 * Local calendar dates (暦日) as ISO strings 'YYYY-MM-DD'.
 *
 * All arithmetic is done on (y, m, d) integers and a proleptic-Gregorian day number — never through `Date`,
 * whose time zone (the server runs in UTC, users are in Asia/Tokyo) would shift dates by a day.
 * `today()` is the only function that reads the clock.
 */

/** 暦日 (local date) as 'YYYY-MM-DD'. A plain alias so that string literals are accepted everywhere. */
export type LocalDate = string;

/** A date split into integers (month 1–12). */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** A calendar month (month 1–12). */
export interface YearMonth {
  y: number;
  m: number;
}

/** 閏年 — Gregorian leap year. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** 月の日数 — number of days in month m (1–12) of year y. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** 実在日チェック — true if (y, m, d) is a real date in years 1–9999. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** 日付形式チェック — true if `s` is a strict 'YYYY-MM-DD' string naming a real date. */
export function isValidDate(s: string): boolean {
  const p = isoParts(s);
  return p !== null && isValidYmd(p.y, p.m, p.d);
}

/** 日付の分解 — parses a strict ISO date; throws RangeError if it is malformed or does not exist. */
export function parseIsoDate(s: LocalDate): Ymd {
  const ymd = isoParts(s);
  if (ymd && isValidYmd(ymd.y, ymd.m, ymd.d)) return ymd;
  throw new RangeError(`Invalid local date (expected an existing date as YYYY-MM-DD): ${JSON.stringify(s)}`);
}

/** 'YYYY-MM-DD' split by character codes (hot in bulk checks: no regular expression, no match array). */
function isoParts(s: string): Ymd | null {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return null;
  const y = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3);
  const m = digitAt(s, 5) * 10 + digitAt(s, 6);
  const d = digitAt(s, 8) * 10 + digitAt(s, 9);
  return Number.isNaN(y + m + d) ? null : { y, m, d };
}

/** The digit at i, or NaN (module level: a closure per call is costly in bulk checks). */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/** 日付の組立て — formats (y, m, d) as 'YYYY-MM-DD'; throws RangeError if the date does not exist. */
export function toIsoDate(y: number, m: number, d: number): LocalDate {
  if (!isValidYmd(y, m, d)) throw new RangeError(`Invalid date: ${y}-${m}-${d}`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 通日 — days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's days_from_civil). */
export function toEpochDay(date: LocalDate): number {
  const { y: y0, m, d } = parseIsoDate(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 通日から日付 — inverse of toEpochDay (civil_from_days). */
export function fromEpochDay(n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Epoch day must be an integer: ${n}`);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return toIsoDate(y, m, d);
}

/** 日数加算 — date + n days (n may be negative). */
export function addDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return fromEpochDay(toEpochDay(date) + n);
}

/** 日数差 — number of days from `a` to `b` (b − a; positive if b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** 日付比較 — −1, 0 or 1 as `a` is before, equal to or after `b` (usable as a sort comparator). */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0; // zero-padded ISO strings sort chronologically
}

/** 早い方の日付 — the earlier of the given dates. */
export function minDate(first: LocalDate, ...rest: LocalDate[]): LocalDate {
  return rest.reduce((acc, d) => (compareDates(d, acc) < 0 ? d : acc), first);
}

/** 遅い方の日付 — the later of the given dates. */
export function maxDate(first: LocalDate, ...rest: LocalDate[]): LocalDate {
  return rest.reduce((acc, d) => (compareDates(d, acc) > 0 ? d : acc), first);
}

/** 曜日 — day of week, 0 = Sunday (日) … 6 = Saturday (土). */
export function dayOfWeek(date: LocalDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

function toYearMonth(x: LocalDate | YearMonth): YearMonth {
  if (typeof x === 'string') {
    const { y, m } = parseIsoDate(x);
    return { y, m };
  }
  if (!isValidYmd(x.y, x.m, 1)) throw new RangeError(`Invalid month: ${x.y}-${x.m}`);
  return x;
}

/** 月の加算 — the calendar month n months after the month of `x` (the day of month is ignored). */
export function addMonthsToMonth(x: LocalDate | YearMonth, n: number): YearMonth {
  if (!Number.isInteger(n)) throw new RangeError(`Month count must be an integer: ${n}`);
  const { y, m } = toYearMonth(x);
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (((index % 12) + 12) % 12) + 1 };
}

/** 月初日 — first day of the month of `x`. */
export function firstDayOfMonth(x: LocalDate | YearMonth): LocalDate {
  const { y, m } = toYearMonth(x);
  return toIsoDate(y, m, 1);
}

/** 月末日 — last day of the month of `x`. */
export function lastDayOfMonth(x: LocalDate | YearMonth): LocalDate {
  const { y, m } = toYearMonth(x);
  return toIsoDate(y, m, daysInMonth(y, m));
}

/** 翌月初日 — first day of the month after the month of `x`. */
export function firstDayOfNextMonth(x: LocalDate | YearMonth): LocalDate {
  return firstDayOfMonth(addMonthsToMonth(x, 1));
}

/**
 * 応当日 — the same day-of-month n months later (n may be negative), or null if that day does not exist in
 * the target month (e.g. 1/31 + 1 month). Callers choose the fallback; see reachMonths / earliestAfterMonths.
 */
export function anniversary(date: LocalDate, nMonths: number): LocalDate | null {
  const { d } = parseIsoDate(date);
  const { y, m } = addMonthsToMonth(date, nMonths);
  return d <= daysInMonth(y, m) ? toIsoDate(y, m, d) : null;
}

/** 月の加算（月末丸め） — 応当日, or the last day of the target month if it has no 応当日 (1/31 + 1 → 2/28). */
export function addMonthsClamped(date: LocalDate, nMonths: number): LocalDate {
  return anniversary(date, nMonths) ?? lastDayOfMonth(addMonthsToMonth(date, nMonths));
}

/** 日付の組立て（月末丸め） — (y, m, d), with d clamped to the month's last day (2/29 → 2/28 in common years). */
export function clampedDate(y: number, m: number, d: number): LocalDate {
  return toIsoDate(y, m, Math.min(d, daysInMonth(y, m)));
}

/**
 * 今日 — the current local date in time zone `tz` (default Asia/Tokyo). The only clock-reading function;
 * pass `now` in tests.
 */
export function today(tz = 'Asia/Tokyo', now: Date = new Date()): LocalDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(get('year'), get('month'), get('day'));
}
