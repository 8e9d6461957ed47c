import { describe, expect, it } from 'vitest';
import { dueDateFrom, formatGestationalAge, gestationalAge, isPreterm, pregnancyMonth } from './pregnancy.ts';
import { pregnancyWeekDate } from './vaccination-calendar.ts';

// 出産予定日 = 妊娠40週0日 (満280日); 0週0日 = 予定日 − 280日 (§4.1, §4.3)
describe('gestationalAge', () => {
  it.each([
    ['2026-12-01', '2026-12-01', { weeks: 40, days: 0 }],
    ['2026-12-01', '2026-11-30', { weeks: 39, days: 6 }],
    ['2026-12-01', '2026-02-24', { weeks: 0, days: 0 }],
    ['2026-12-01', '2026-05-15', { weeks: 11, days: 3 }],
    ['2026-12-01', '2026-12-08', { weeks: 41, days: 0 }],
    ['2024-03-01', '2023-09-01', { weeks: 14, days: 0 }], // 0週0日 2023-05-26; the leap day 2024-02-29 lies before the due date
  ] as const)('予定日 %s, on %s → %j', (due, on, age) => {
    expect(gestationalAge(due, on)).toEqual(age);
    expect(pregnancyWeekDate(due, age.weeks, age.days)).toBe(on);
  });

  it('is null before 0週0日', () => {
    expect(gestationalAge('2026-12-01', '2026-02-23')).toBeNull();
  });

  it('dueDateFrom is its inverse (届出時 「妊娠11週3日」)', () => {
    expect(dueDateFrom('2026-05-15', { weeks: 11, days: 3 })).toBe('2026-12-01');
  });

  it.each([
    [0, 1],
    [3, 1],
    [4, 2],
    [11, 3],
    [36, 10],
    [41, 10],
  ])('%i週 → 妊娠%iか月 (数え)', (weeks, month) => {
    expect(pregnancyMonth({ weeks, days: 0 })).toBe(month);
  });

  it('formats and tells 早産 (before 37週0日)', () => {
    expect(formatGestationalAge({ weeks: 11, days: 3 })).toBe('妊娠11週3日');
    expect(isPreterm('2026-12-01', pregnancyWeekDate('2026-12-01', 36, 6))).toBe(true);
    expect(isPreterm('2026-12-01', pregnancyWeekDate('2026-12-01', 37, 0))).toBe(false);
  });
});
