import { describe, expect, it } from 'vitest';
import {
  legalAgeAtEndOf,
  naiveAge,
  reachMonths,
  reachYears,
  untilMonths,
  untilYears,
  weeksDaysAfterBirth,
} from './age.ts';
import { addDays, daysBetween } from './date.ts';

describe('naiveAge (calendar age on the day) and legalAgeAtEndOf (年齢計算ニ関スル法律, bank-barcode §2.2)', () => {
  it.each([
    // birth, on, naive age on `on`, legal age at the end of `on`
    ['2000-04-01', '2020-03-31', 19, 20], // §2.2: born 4/1 turns N at the end of 3/31
    ['2000-04-01', '2020-04-01', 20, 20],
    ['2000-04-02', '2020-03-31', 19, 19],
    ['2000-04-02', '2020-04-01', 19, 20],
    ['2000-04-02', '2020-04-02', 20, 20],
    // §2.2: born 2/29 ages at the end of 2/28 in common years
    ['2000-02-29', '2021-02-27', 20, 20],
    ['2000-02-29', '2021-02-28', 20, 21],
    ['2000-02-29', '2021-03-01', 21, 21],
    // …and at the end of 2/28 in leap years as well (the day before 2/29)
    ['2000-02-29', '2024-02-28', 23, 24],
    ['2000-02-29', '2024-02-29', 24, 24],
    ['2026-04-01', '2026-04-01', 0, 0],
    ['2025-12-31', '2026-12-30', 0, 1],
  ])('born %s, on %s: naive %i, legal at end of day %i', (birth, on, naive, legal) => {
    expect(naiveAge(birth, on)).toBe(naive);
    expect(legalAgeAtEndOf(birth, on)).toBe(legal);
  });

  it('throws for days before the birth', () => {
    expect(() => naiveAge('2026-04-02', '2026-04-01')).toThrow(RangeError);
    expect(() => legalAgeAtEndOf('2026-04-02', '2026-04-01')).toThrow(RangeError);
  });

  it('property (§2.2): legalAgeAtEndOf(b, D) === naiveAge(b, D + 1) for every day D 1990–2030 and several births', () => {
    const births = ['1960-02-29', '1988-04-01', '1988-04-02', '1989-12-31', '1990-01-01', '1972-03-01'];
    for (const b of births) {
      let d = '1990-01-01';
      while (d <= '2030-12-31') {
        const next = addDays(d, 1);
        expect(legalAgeAtEndOf(b, d)).toBe(naiveAge(b, next));
        d = next;
      }
    }
  });
});

describe('reachMonths — 生後N月に至った日 (vaccination §1.2 [S3b][S4][S3c])', () => {
  it.each([
    // §1.2 worked examples, verbatim
    ['2018-04-01', 2, '2018-05-31'], // [S3c] born 2018-04-01 → 生後2月 2018-05-31
    ['2018-04-01', 60, '2023-03-31'], // [S3c] … 生後60月に至るまで 2023-03-31
    ['2018-12-31', 2, '2019-02-28'], // [S3c] born 2018-12-31 → 生後2月 reached 2019-02-28
    ['2018-07-31', 2, '2018-09-30'], // [S4] born 7/31 → 生後2月 reached 9/30
    // 応当日 missing → last day of that month
    ['2019-12-31', 2, '2020-02-29'],
    ['2018-12-29', 2, '2019-02-28'],
    ['2019-12-29', 2, '2020-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-01-01', 1, '2024-01-31'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('born %s, 生後%i月 → %s', (birth, n, expected) => {
    expect(reachMonths(birth, n)).toBe(expected);
    expect(untilMonths(birth, n)).toBe(expected);
  });

  it('生後A月から生後B月に至るまで = [reach(A), reach(B)] inclusive (§1.2 [S3b])', () => {
    expect([reachMonths('2018-04-01', 2), untilMonths('2018-04-01', 60)]).toEqual([
      '2018-05-31',
      '2023-03-31',
    ]);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => reachMonths('2024-01-01', -1)).toThrow(RangeError);
    expect(() => reachYears('2024-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('reachYears — N歳に達した日 = day before the Nth birthday ([S3a][S3b], §2.2)', () => {
  it.each([
    ['2018-04-01', 1, '2019-03-31'],
    ['2018-04-02', 6, '2024-04-01'],
    ['2020-02-29', 1, '2021-02-28'],
    ['2020-02-29', 4, '2024-02-28'],
    ['2019-03-01', 1, '2020-02-29'],
  ])('born %s, %i歳 → %s', (birth, n, expected) => {
    expect(reachYears(birth, n)).toBe(expected);
    expect(untilYears(birth, n)).toBe(expected);
  });

  it('property: the legal age becomes N exactly at the end of reachYears(b, N)', () => {
    for (let b = '1996-01-01'; b <= '2004-12-31'; b = addDays(b, 1)) {
      for (const n of [1, 6, 20]) {
        const r = reachYears(b, n);
        expect(legalAgeAtEndOf(b, r)).toBe(n);
        expect(legalAgeAtEndOf(b, addDays(r, -1))).toBe(n - 1);
      }
    }
  });
});

describe('weeksDaysAfterBirth — 出生W週D日後 (birth = 0週0日, [S4][S3b])', () => {
  it.each([
    ['2026-04-01', 0, 0, '2026-04-01'],
    ['2026-04-01', 0, 1, '2026-04-02'],
    ['2026-04-01', 6, 0, '2026-05-13'], // "6週0日後" = birth + 42
    ['2026-04-01', 14, 6, '2026-07-14'],
    ['2024-02-01', 4, 0, '2024-02-29'],
  ])('born %s + %i週%i日 = %s', (birth, w, d, expected) => {
    expect(weeksDaysAfterBirth(birth, w, d)).toBe(expected);
    expect(daysBetween(birth, expected)).toBe(7 * w + d);
  });
});
