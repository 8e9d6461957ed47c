import { describe, expect, it } from 'vitest';
import { dayOfWeek } from './date.ts';
import { addMonthsAndHalf, earliestAfterDays, earliestAfterMonths, windowDays } from './intervals.ts';

describe('earliestAfterDays — N日以上の間隔 = prev + (N+1) (vaccination §1.2 [S3d][S10b])', () => {
  it.each([
    // §1.2 verbatim: 6日→+7, 20日→+21, 27日→+28, 139日→+140
    ['2026-04-01', 6, '2026-04-08'],
    ['2026-04-01', 20, '2026-04-22'],
    ['2026-04-01', 27, '2026-04-29'],
    ['2026-04-01', 139, '2026-08-19'],
    ['2024-02-22', 6, '2024-02-29'], // leap day
    ['2026-12-28', 6, '2027-01-04'],
  ])('prev %s, %i日以上 → %s', (prev, n, expected) => {
    expect(earliestAfterDays(prev, n)).toBe(expected);
  });

  it.each([6, 27, 139])(
    '%i日以上 lands on the same weekday (§1.2: "same weekday next week / 4 / 20 weeks later")',
    (n) => {
      expect(dayOfWeek(earliestAfterDays('2026-04-01', n))).toBe(dayOfWeek('2026-04-01'));
    },
  );
});

describe('windowDays — N日からM日までの間隔 = [prev+(N+1), prev+(M+1)] ([S3e])', () => {
  it.each([
    ['2026-04-01', 27, 56, '2026-04-29', '2026-05-28'], // §1.2: 4 weeks later same weekday … 8 weeks later + 1 day
    ['2026-04-01', 20, 56, '2026-04-22', '2026-05-28'],
    ['2024-02-01', 27, 27, '2024-02-29', '2024-02-29'],
  ])('prev %s, %i〜%i日 → %s … %s', (prev, n, m, from, to) => {
    expect(windowDays(prev, n, m)).toEqual({ from, to });
  });

  it('rejects an inverted window', () => {
    expect(() => windowDays('2026-04-01', 56, 27)).toThrow(RangeError);
  });
});

describe('earliestAfterMonths — N月以上の間隔 (MHLW 部会資料 [S3f]; municipal variant [S3d])', () => {
  it.each([
    // §1.2 verbatim
    ['2026-04-01', 3, '2026-07-01', '2026-07-01'], // 4/1 + 3月 → 7/1
    ['2026-11-30', 3, '2027-03-01', '2027-02-28'], // 11/30 + 3月 → 3/1 (MHLW) / 2/28 (month-end)
    ['2026-08-30', 6, '2027-03-01', '2027-02-28'], // [S3d] caution: 8/30 + 6月 → 2/28 in some municipalities
    // month ends and leap years
    ['2026-01-31', 1, '2026-03-01', '2026-02-28'],
    ['2028-01-31', 1, '2028-03-01', '2028-02-29'],
    ['2027-11-29', 3, '2028-02-29', '2028-02-29'],
    ['2026-11-29', 3, '2027-03-01', '2027-02-28'],
    ['2028-02-29', 12, '2029-03-01', '2029-02-28'],
    ['2026-03-31', 1, '2026-05-01', '2026-04-30'],
    ['2026-12-31', 6, '2027-07-01', '2027-06-30'],
  ])('prev %s, %i月以上 → mhlw %s / month-end %s', (prev, n, mhlw, monthEnd) => {
    expect(earliestAfterMonths(prev, n)).toBe(mhlw);
    expect(earliestAfterMonths(prev, n, { monthEndRule: 'mhlw' })).toBe(mhlw);
    expect(earliestAfterMonths(prev, n, { monthEndRule: 'month-end' })).toBe(monthEnd);
  });
});

describe('addMonthsAndHalf — ●月半 = ●月 point + 14/15/15/16 days by the length of the point’s month ([S3f])', () => {
  it.each([
    ['2026-04-01', 2, '2026-06-16'], // §1.2 verbatim: 4/1 + 2月半 = 6/1 + 15 = 6/16 (June has 30 days)
    ['2026-12-01', 2, '2027-02-15'], // 2/1 + 14 (February, 28 days)
    ['2027-12-01', 2, '2028-02-16'], // 2/1 + 15 (February, 29 days)
    ['2026-05-01', 2, '2026-07-17'], // 7/1 + 16 (July, 31 days)
    ['2026-01-20', 1, '2026-03-06'], // 2/20 + 14 (the month from 2/20 to 3/19 has 28 days)
    ['2026-11-30', 3, '2027-03-17'], // no 応当日: MHLW point 3/1, + 16 (March)
  ])('prev %s + %i月半 → %s', (prev, n, expected) => {
    expect(addMonthsAndHalf(prev, n)).toBe(expected);
  });

  it("uses the month-end point with monthEndRule 'month-end' (11/30 + 3月半 → 2/28 + 14)", () => {
    expect(addMonthsAndHalf('2026-11-30', 3, { monthEndRule: 'month-end' })).toBe('2027-03-14');
  });
});
