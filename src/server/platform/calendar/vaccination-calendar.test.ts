import { describe, expect, it } from 'vitest';
import { reachMonths, reachYears, untilMonths, untilYears, weeksDaysAfterBirth } from './age.ts';
import { dayOfWeek } from './date.ts';
import { addMonthsAndHalf, earliestAfterDays, earliestAfterMonths, windowDays } from './intervals.ts';
import {
  dayAfterReachMonths,
  dayAfterReachYears,
  earliestAfterWeeks,
  fiscalYearOfReachingAge,
  fiscalYearRangeOfReachingAge,
  pregnancyWeekDate,
  schoolEntryDate,
  windowMonths,
} from './vaccination-calendar.ts';

// maternal-child-vaccination-pmh.md §1.2 — every row of the wording tables and every worked example, in one place.
describe('§1.2 age wording (inclusive dates)', () => {
  it.each([
    // [wording, computed, expected, source]
    ['1歳に至った日 (born 2018-04-01)', reachYears('2018-04-01', 1), '2019-03-31', '[S3a][S3b]'],
    ['1歳に至るまで (born 2018-04-01)', untilYears('2018-04-01', 1), '2019-03-31', '[S3a][S3b]'],
    ['13歳未満 (born 2013-06-15)', untilYears('2013-06-15', 13), '2026-06-14', '[S3a][S3b]'],
    ['65歳以上 from (born 1961-02-01)', reachYears('1961-02-01', 65), '2026-01-31', '[S3a][S3b]'],
    ['1歳に至った日の翌日 = the birthday', dayAfterReachYears('2018-04-01', 1), '2019-04-01', '[S3b]'],
    ['1歳に至った日の翌日, 2/29 birth', dayAfterReachYears('2020-02-29', 1), '2021-03-01', '[S3b]'],
    // worked examples, verbatim
    ['born 2018-04-01 生後2月', reachMonths('2018-04-01', 2), '2018-05-31', '[S3c]'],
    ['born 2018-04-01 生後60月に至るまで', untilMonths('2018-04-01', 60), '2023-03-31', '[S3c]'],
    ['born 2018-12-31 生後2月', reachMonths('2018-12-31', 2), '2019-02-28', '[S3c]'],
    ['born 7/31 生後2月', reachMonths('2018-07-31', 2), '2018-09-30', '[S4]'],
    [
      '生後7月に至った日の翌日 (born 2018-07-31)',
      dayAfterReachMonths('2018-07-31', 7),
      '2019-03-01',
      '[S3b]',
    ],
    [
      '生後12月に至った日の翌日 (born 2018-04-01)',
      dayAfterReachMonths('2018-04-01', 12),
      '2019-04-01',
      '[S3b]',
    ],
    ['出生0週0日 = birth', weeksDaysAfterBirth('2026-04-01', 0, 0), '2026-04-01', '[S4][S3b]'],
    ['出生0週1日 = next day', weeksDaysAfterBirth('2026-04-01', 0, 1), '2026-04-02', '[S4][S3b]'],
    ['出生6週0日後 = birth + 42', weeksDaysAfterBirth('2026-04-01', 6, 0), '2026-05-13', '[S4][S3b]'],
    ['出生24週0日後 (ロタ1価 end)', weeksDaysAfterBirth('2026-04-01', 24, 0), '2026-09-16', '[S4]'],
  ])('%s → %s = %s %s', (_wording, computed, expected) => {
    expect(computed).toBe(expected);
  });

  it('生後A月から生後B月に至るまで = [reach(A), reach(B)] (born 2018-04-01: 2018-05-31 … 2023-03-31) [S3c]', () => {
    expect([reachMonths('2018-04-01', 2), untilMonths('2018-04-01', 60)]).toEqual([
      '2018-05-31',
      '2023-03-31',
    ]);
  });

  it.each([
    // X歳となる日の属する年度 groups births 4/2 … 4/1 like school years [S16b][S17a]
    ['2014-04-01', 12, 2025],
    ['2014-04-02', 12, 2026],
    ['2015-04-01', 12, 2026],
    ['1961-04-01', 65, 2025],
    ['1961-04-02', 65, 2026],
  ])('born %s: %i歳となる日の属する年度 = %i', (birth, x, fy) => {
    expect(fiscalYearOfReachingAge(birth, x)).toBe(fy);
  });

  it('HPV window: 12歳となる日の属する年度の初日 … 16歳となる日の属する年度の末日 (born 2014-04-02) [S16b]', () => {
    expect(fiscalYearRangeOfReachingAge('2014-04-02', 12).start).toBe('2026-04-01');
    expect(fiscalYearRangeOfReachingAge('2014-04-02', 16).end).toBe('2031-03-31');
  });

  it.each([
    ['2019-04-01', '2025-04-01'],
    ['2019-04-02', '2026-04-01'],
    ['2019-03-31', '2025-04-01'],
    ['2020-02-29', '2026-04-01'],
  ])('小学校就学の始期: born %s → %s (MR 2期 = one year before … the day before) [S1]', (birth, expected) => {
    expect(schoolEntryDate(birth)).toBe(expected);
  });

  it('妊娠28週0日〜36週6日 from the 出産予定日 (40週0日) [S20a]', () => {
    expect(pregnancyWeekDate('2026-10-10', 40, 0)).toBe('2026-10-10');
    expect(pregnancyWeekDate('2026-10-10', 28, 0)).toBe('2026-07-18');
    expect(pregnancyWeekDate('2026-10-10', 36, 6)).toBe('2026-09-18');
    expect(() => pregnancyWeekDate('2026-10-10', 36, 7)).toThrow(RangeError);
  });
});

describe('§1.2 interval wording', () => {
  it.each([
    ['6日以上 → +7', earliestAfterDays('2026-04-01', 6), '2026-04-08', '[S3d][S10b]'],
    ['20日以上 → +21', earliestAfterDays('2026-04-01', 20), '2026-04-22', '[S3d]'],
    ['27日以上 → +28', earliestAfterDays('2026-04-01', 27), '2026-04-29', '[S3d]'],
    ['139日以上 → +140', earliestAfterDays('2026-04-01', 139), '2026-08-19', '[S10b]'],
    ['4週以上 = 28日以上 → +29', earliestAfterWeeks('2026-04-01', 4), '2026-04-30', '[S3d]'],
    ['1週以上 = 7日以上 → +8', earliestAfterWeeks('2026-12-28', 1), '2027-01-05', '[S3d]'],
    ['4/1 + 3月 → 7/1', earliestAfterMonths('2026-04-01', 3), '2026-07-01', '[S3f]'],
    ['11/30 + 3月 → 3/1', earliestAfterMonths('2026-11-30', 3), '2027-03-01', '[S3f]'],
    [
      '8/30 + 6月 → 2/28 (municipal variant)',
      earliestAfterMonths('2026-08-30', 6, { monthEndRule: 'month-end' }),
      '2027-02-28',
      '[S3d]',
    ],
    ['4/1 + 2月半 = 6/1 + 15 = 6/16', addMonthsAndHalf('2026-04-01', 2), '2026-06-16', '[S3f]'],
  ])('%s: %s = %s %s', (_wording, computed, expected) => {
    expect(computed).toBe(expected);
  });

  it('N日以上 lands on the same weekday for 6/27/139日 (§1.2: "same weekday next week / 4 weeks / 20 weeks later")', () => {
    for (const n of [6, 27, 139])
      expect(dayOfWeek(earliestAfterDays('2026-04-01', n))).toBe(dayOfWeek('2026-04-01'));
  });

  it('27〜56日 = 4 weeks later same weekday … 8 weeks later same weekday + 1 day [S3e]', () => {
    const w = windowDays('2026-04-01', 27, 56);
    expect(w).toEqual({ from: '2026-04-29', to: '2026-05-28' });
    expect(dayOfWeek(w.to)).toBe((dayOfWeek('2026-04-01') + 1) % 7);
  });

  it.each([
    ['2026-04-01', 6, 18, '2026-10-01', '2027-10-01'],
    ['2026-08-31', 6, 12, '2027-03-01', '2027-08-31'],
    ['2026-08-31', 7, 13, '2027-03-31', '2027-10-01'],
  ])('N月からM月までの間隔: prev %s, %i〜%i月 → %s … %s [S3f]', (prev, n, m, from, to) => {
    expect(windowMonths(prev, n, m)).toEqual({ from, to });
  });

  it('rejects an inverted month window and negative weeks', () => {
    expect(() => windowMonths('2026-04-01', 12, 6)).toThrow(RangeError);
    expect(() => earliestAfterWeeks('2026-04-01', -1)).toThrow(RangeError);
  });
});
