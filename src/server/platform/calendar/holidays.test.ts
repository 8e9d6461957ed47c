import { describe, expect, it } from 'vitest';
import { holidayName, isBusinessDay, isHoliday, nextBusinessDay } from './holidays.ts';

describe('isHoliday / holidayName (@holiday-jp/holiday_jp, looked up by ISO key — no UTC Date shift)', () => {
  it.each([
    ['2026-01-01', '元日'],
    ['2026-11-23', '勤労感謝の日'],
    ['2026-11-24', null],
    ['2019-05-01', '休日（祝日扱い）'],
    ['2020-02-24', '天皇誕生日 振替休日'],
    ['2026-05-06', 'こどもの日 振替休日'], // dataset's label (5/3 fell on a Sunday)
    ['2026-09-22', '休日'],
  ])('%s → %s', (date, name) => {
    expect(holidayName(date)).toBe(name);
    expect(isHoliday(date)).toBe(name !== null);
  });

  it('validates its input', () => {
    expect(() => isHoliday('2026-02-30')).toThrow(RangeError);
  });
});

describe('isBusinessDay / nextBusinessDay — 開庁日 (weekends, 祝日, 年末年始 12/29–1/3)', () => {
  it.each([
    ['2026-11-24', true, true], // Tuesday
    ['2026-11-23', false, false], // 勤労感謝の日 (Monday)
    ['2026-11-28', false, false], // Saturday
    ['2026-11-29', false, false], // Sunday
    ['2026-12-28', true, true], // Monday
    ['2026-12-29', false, true], // 年末年始 (Tuesday)
    ['2026-12-31', false, true],
    ['2027-01-01', false, false], // 元日
    ['2027-01-04', true, true], // Monday
  ])('%s → %s (closure on) / %s (closure off)', (date, withClosure, withoutClosure) => {
    expect(isBusinessDay(date)).toBe(withClosure);
    expect(isBusinessDay(date, { yearEndClosure: true })).toBe(withClosure);
    expect(isBusinessDay(date, { yearEndClosure: false })).toBe(withoutClosure);
  });

  it('extra closed days are configurable', () => {
    expect(isBusinessDay('2026-11-24', { isClosed: (d) => d === '2026-11-24' })).toBe(false);
  });

  it.each([
    ['2026-11-24', '2026-11-24'],
    ['2026-11-21', '2026-11-24'], // Sat → Sun → Mon 勤労感謝の日 → Tue
    ['2026-12-29', '2027-01-04'],
    ['2026-05-02', '2026-05-07'], // ゴールデンウィーク
  ])('nextBusinessDay(%s) = %s', (date, expected) => {
    expect(nextBusinessDay(date)).toBe(expected);
  });
});
