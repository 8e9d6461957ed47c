import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from './date.ts';
import {
  type FiscalYearAgeOptions,
  fiscalYearEndAge,
  fiscalYearEndAgeCohort,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearReferenceDate,
} from './fiscal-year.ts';

describe('fiscalYearOf / fiscalYearRange — 年度 (4/1–3/31, vaccination §1.2 [S16b][S17a])', () => {
  it.each([
    ['2026-04-01', 2026],
    ['2026-03-31', 2025],
    ['2027-03-31', 2026],
    ['2026-12-31', 2026],
    ['2027-01-01', 2026],
  ])('%s → 年度 %i', (d, fy) => {
    expect(fiscalYearOf(d)).toBe(fy);
  });

  it('fiscalYearRange(2026) = 2026-04-01 … 2027-03-31', () => {
    expect(fiscalYearRange(2026)).toEqual({ start: '2026-04-01', end: '2027-03-31' });
  });
});

describe('fiscalYearEndAge — 年度末年齢 (bank-barcode §2.2)', () => {
  it.each([
    // §2.2 example: 年度 2024, N = 20 → born 2004-04-02 … 2005-04-01 (legal, default)
    ['2004-04-01', 2024, 21],
    ['2004-04-02', 2024, 20],
    ['2005-04-01', 2024, 20],
    ['2005-04-02', 2024, 19],
    ['2005-02-28', 2024, 20],
    ['2004-02-29', 2024, 21],
  ])('legal (default): born %s, 年度 %i → %i', (birth, fy, age) => {
    expect(fiscalYearEndAge(birth, fy)).toBe(age);
    expect(fiscalYearEndAge(birth, fy, { cohort: 'legal' })).toBe(age);
  });

  it.each([
    // §2.2 naive convention (敦賀市, 町田市 …): cohort 4/1 … 3/31, a 4/1 birth belongs to the younger cohort
    ['2004-03-31', 2024, 21],
    ['2004-04-01', 2024, 20],
    ['2005-03-31', 2024, 20],
    ['2005-04-01', 2024, 19],
  ])('naive: born %s, 年度 %i → %i', (birth, fy, age) => {
    expect(fiscalYearEndAge(birth, fy, { cohort: 'naive' })).toBe(age);
  });

  it.each<[string, FiscalYearAgeOptions, string]>([
    ['default = 3/31 of fy+1', {}, '2025-03-31'],
    [
      '翌年度4月1日 (久留米市 がん検診)',
      { referenceDate: { month: 4, day: 1, yearOffset: 1 } },
      '2025-04-01',
    ],
    [
      '3/31 before the 年度 (各務原市, 尾花沢市)',
      { referenceDate: { month: 3, day: 31, yearOffset: 0 } },
      '2024-03-31',
    ],
    ['absolute date', { referenceDate: '2025-01-01' }, '2025-01-01'],
    ['2/29 in a common year → 2/28', { referenceDate: { month: 2, day: 29, yearOffset: 1 } }, '2025-02-28'],
  ])('fiscalYearReferenceDate(2024): %s', (_label, opts, expected) => {
    expect(fiscalYearReferenceDate(2024, opts)).toBe(expected);
  });

  it('the 3/31 before the 年度 labels the same legal cohort one year younger (§2.2 各務原市)', () => {
    const opts: FiscalYearAgeOptions = { referenceDate: { month: 3, day: 31, yearOffset: 0 } };
    expect(fiscalYearEndAgeCohort(2025, 40, opts)).toEqual({ bornFrom: '1984-04-02', bornTo: '1985-04-01' });
  });

  it('naive age on 翌年度4月1日 equals the default legal 年度末年齢 (§2.2 久留米市)', () => {
    const opts: FiscalYearAgeOptions = {
      referenceDate: { month: 4, day: 1, yearOffset: 1 },
      cohort: 'naive',
    };
    expect(fiscalYearEndAgeCohort(2024, 20, opts)).toEqual(fiscalYearEndAgeCohort(2024, 20));
  });

  it('throws for births after the reference date', () => {
    expect(() => fiscalYearEndAge('2025-04-01', 2024)).toThrow(RangeError);
  });
});

describe('fiscalYearEndAgeCohort — inverse for SQL range filters (§2.2)', () => {
  it.each<[number, number, FiscalYearAgeOptions, string, string]>([
    [2024, 20, {}, '2004-04-02', '2005-04-01'], // §2.2 worked example
    [2024, 20, { cohort: 'naive' }, '2004-04-01', '2005-03-31'],
    [2025, 40, { cohort: 'naive' }, '1985-04-01', '1986-03-31'],
    [2024, 0, {}, '2024-04-02', '2025-03-31'],
    [2024, 0, { cohort: 'naive' }, '2024-04-01', '2025-03-31'],
    [
      2024,
      3,
      { referenceDate: { month: 2, day: 29, yearOffset: 4 }, cohort: 'naive' },
      '2024-03-01',
      '2025-02-28',
    ],
    [2023, 4, { referenceDate: '2028-02-28' }, '2023-03-01', '2024-02-29'],
  ])('年度 %i, %i歳, %o → %s … %s', (fy, age, opts, bornFrom, bornTo) => {
    expect(fiscalYearEndAgeCohort(fy, age, opts)).toEqual({ bornFrom, bornTo });
  });

  const variants: [string, FiscalYearAgeOptions][] = [
    ['legal 3/31 (default)', {}],
    ['naive 3/31', { cohort: 'naive' }],
    ['naive 4/1 of fy+1', { referenceDate: { month: 4, day: 1, yearOffset: 1 }, cohort: 'naive' }],
    ['legal 4/1 of fy+1', { referenceDate: { month: 4, day: 1, yearOffset: 1 } }],
    ['legal 3/31 before the 年度', { referenceDate: { month: 3, day: 31, yearOffset: 0 } }],
    [
      'naive 2/29 (leap-day reference)',
      { referenceDate: { month: 2, day: 29, yearOffset: 1 }, cohort: 'naive' },
    ],
    ['legal 2/28 (ages a 2/29 birth)', { referenceDate: { month: 2, day: 28, yearOffset: 1 } }],
  ];

  it.each(variants)(
    'property: both directions agree for every birth 1940–2030, 年度 2023 & 2027 (%s)',
    (_l, opts) => {
      for (const fy of [2023, 2027]) {
        const ref = fiscalYearReferenceDate(fy, opts);
        const cohorts = new Map<number, { bornFrom: string; bornTo: string }>();
        for (let b = '1940-01-01'; compareDates(b, ref) <= 0 && b <= '2030-12-31'; b = addDays(b, 1)) {
          const age = fiscalYearEndAge(b, fy, opts);
          let c = cohorts.get(age);
          if (!c) {
            c = fiscalYearEndAgeCohort(fy, age, opts);
            cohorts.set(age, c);
          }
          expect(
            compareDates(c.bornFrom, b) <= 0 && compareDates(b, c.bornTo) <= 0,
            `${b} in ${age}歳 cohort`,
          ).toBe(true);
        }
        // Cohorts tile the timeline: each starts the day after the next-older one ends.
        for (const [age, c] of cohorts) {
          const older = cohorts.get(age + 1);
          if (older) expect(addDays(older.bornTo, 1)).toBe(c.bornFrom);
        }
      }
    },
  );
});
