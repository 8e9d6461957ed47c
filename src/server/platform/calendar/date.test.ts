import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  addMonthsToMonth,
  anniversary,
  clampedDate,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  firstDayOfNextMonth,
  fromEpochDay,
  isValidDate,
  lastDayOfMonth,
  maxDate,
  minDate,
  parseIsoDate,
  today,
  toEpochDay,
} from './date.ts';

describe('isValidDate / parseIsoDate (strict YYYY-MM-DD, existing dates only)', () => {
  it.each([
    ['2026-04-01', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-4-1', false],
    ['2026/04/01', false],
    ['20260401', false],
    ['0000-01-01', false],
    [' 2026-04-01', false],
  ])('%s → %s', (s, valid) => {
    expect(isValidDate(s)).toBe(valid);
    if (valid)
      expect(parseIsoDate(s)).toEqual({
        y: Number(s.slice(0, 4)),
        m: Number(s.slice(5, 7)),
        d: Number(s.slice(8)),
      });
    else expect(() => parseIsoDate(s)).toThrow(RangeError);
  });
});

describe('addDays / daysBetween (calendar arithmetic, no time zone)', () => {
  it.each([
    ['2026-04-01', 1, '2026-04-02'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-04-01', -365, '2025-04-01'],
    ['1970-01-01', -1, '1969-12-31'],
    ['2000-02-28', 366, '2001-02-28'],
  ])('%s + %i = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
    expect(daysBetween(d, expected)).toBe(n);
  });

  it('toEpochDay agrees with Date.UTC for every day 1900–2100 (round trip)', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    for (let n = start; n < start + 73_415; n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(toEpochDay(iso)).toBe(n);
      expect(fromEpochDay(n)).toBe(iso);
    }
  });

  it('rejects non-integer day counts', () => {
    expect(() => addDays('2026-04-01', 1.5)).toThrow(RangeError);
  });
});

describe('months: addMonthsToMonth, lastDayOfMonth, anniversary (応当日)', () => {
  it.each([
    ['2026-01-31', 1, { y: 2026, m: 2 }],
    ['2026-11-30', 3, { y: 2027, m: 2 }],
    ['2026-01-15', -1, { y: 2025, m: 12 }],
    ['2026-03-15', -27, { y: 2023, m: 12 }],
    ['2026-12-01', 12, { y: 2027, m: 12 }],
  ])('addMonthsToMonth(%s, %i) = %o', (d, n, expected) => {
    expect(addMonthsToMonth(d, n)).toEqual(expected);
  });

  it.each([
    ['2024-02-10', '2024-02-29', 29],
    ['2025-02-10', '2025-02-28', 28],
    ['2100-02-01', '2100-02-28', 28],
    ['2026-04-30', '2026-04-30', 30],
    ['2026-12-01', '2026-12-31', 31],
  ])('lastDayOfMonth(%s) = %s', (d, last, days) => {
    expect(lastDayOfMonth(d)).toBe(last);
    expect(daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)))).toBe(days);
  });

  it.each([
    // §1.2 reference sketch: 応当日 = same day-of-month n months later, or null if it does not exist
    ['2026-01-31', 1, null],
    ['2026-01-31', 2, '2026-03-31'],
    ['2024-01-29', 1, '2024-02-29'],
    ['2025-01-29', 1, null],
    ['2024-02-29', 12, null],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-11-30', 3, null],
    ['2026-04-01', 3, '2026-07-01'],
    ['2026-03-31', -1, null],
    ['2026-03-15', 0, '2026-03-15'],
  ])('anniversary(%s, %i) = %s', (d, n, expected) => {
    expect(anniversary(d, n)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-05-31', -1, '2026-04-30'],
  ])('addMonthsClamped(%s, %i) = %s (1/31 + 1月 → month end)', (d, n, expected) => {
    expect(addMonthsClamped(d, n)).toBe(expected);
  });

  it('firstDayOfNextMonth / clampedDate', () => {
    expect(firstDayOfNextMonth({ y: 2027, m: 2 })).toBe('2027-03-01');
    expect(firstDayOfNextMonth('2026-12-31')).toBe('2027-01-01');
    expect(clampedDate(2025, 2, 29)).toBe('2025-02-28');
    expect(clampedDate(2028, 2, 29)).toBe('2028-02-29');
  });
});

describe('compareDates / minDate / maxDate / dayOfWeek', () => {
  it('compares chronologically and validates', () => {
    expect(compareDates('2026-04-01', '2026-04-02')).toBe(-1);
    expect(compareDates('2026-04-01', '2026-04-01')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(() => compareDates('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(['2026-05-01', '2025-12-31', '2026-01-01'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-01-01',
      '2026-05-01',
    ]);
    expect(minDate('2026-05-01', '2025-12-31', '2026-01-01')).toBe('2025-12-31');
    expect(maxDate('2026-05-01', '2025-12-31', '2026-01-01')).toBe('2026-05-01');
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-11-24', 2],
    ['2026-04-05', 0],
    ['2024-02-29', 4],
  ])('dayOfWeek(%s) = %i', (d, dow) => {
    expect(dayOfWeek(d)).toBe(dow);
  });
});

describe('today (the only clock-reading function; server in UTC, users in Asia/Tokyo)', () => {
  it.each([
    ['2026-11-23T14:59:59Z', 'Asia/Tokyo', '2026-11-23'],
    ['2026-11-23T15:00:00Z', 'Asia/Tokyo', '2026-11-24'],
    ['2026-11-23T15:00:00Z', 'UTC', '2026-11-23'],
    ['2027-03-31T15:00:00Z', 'Asia/Tokyo', '2027-04-01'],
  ])('%s in %s → %s', (now, tz, expected) => {
    expect(today(tz, new Date(now))).toBe(expected);
  });

  it('defaults to Asia/Tokyo', () => {
    expect(today(undefined, new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });
});
