import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from '../../platform/calendar/index.ts';
import {
  type BookletCriteria,
  birthRangeForAge,
  bookletForms,
  criteriaLabel,
  criteriaProblem,
  selects,
  setName,
} from './booklet-rules.ts';
import { scheduleFor } from './rules.ts';
import { dose } from './test-helpers.ts';
import { vaccineMaster } from './vaccine-master.ts';

const birth = (from: string, to: string): BookletCriteria => ({
  basis: 'birth',
  from,
  to,
  includeNonRegistered: false,
  excludeSent: true,
});
const age = (months: number, from: string, to: string): BookletCriteria => ({
  ...birth(from, to),
  basis: 'age',
  months,
});

describe('予防接種対象児抽出: 出生日の範囲 (both ends included)', () => {
  it.each([
    ['2026-10-01', true],
    ['2026-10-31', true],
    ['2026-09-30', false],
    ['2026-11-01', false],
  ])('born %s → %s', (b, expected) => {
    expect(selects(birth('2026-10-01', '2026-10-31'), b)).toBe(expected);
  });
});

describe('予防接種対象児抽出: 生後N月に至った日 in a period (§1.2)', () => {
  it.each([
    // §1.2 worked example: born 7/31 → 生後2月 reached 9/30 (no 9/31: the month end)
    [2, '2026-07-31', '2026-09-30', '2026-09-30', true, '§1.2 born 7/31 → 9/30'],
    // 応当日 10/1 → the day before
    [2, '2026-08-01', '2026-09-30', '2026-09-30', true, '§1.2 応当日の前日'],
    [2, '2026-08-02', '2026-09-30', '2026-09-30', false, '§1.2 reached 10/1, after the period'],
    // §1.2 worked example: born 2018-12-31 → 生後2月 reached 2019-02-28
    [2, '2018-12-31', '2019-02-28', '2019-02-28', true, '§1.2 born 12/31 → 2/28'],
    [2, '2018-12-30', '2019-02-28', '2019-02-28', true, '§1.2 no 2/30: the month end'],
    [2, '2019-01-01', '2019-02-28', '2019-02-28', true, '§1.2 応当日 3/1 → the day before'],
    [2, '2018-12-28', '2019-02-28', '2019-02-28', false, '§1.2 応当日 2/28 → 2/27'],
    // §1.2 worked example: born 2018-04-01 → 生後2月 = 2018-05-31
    [2, '2018-04-01', '2018-05-01', '2018-05-31', true, '§1.2 born 4/1 → 5/31 (last day of the period)'],
    [2, '2018-04-01', '2018-06-01', '2018-06-30', false, '§1.2 born 4/1 → 5/31 (before the period)'],
    [12, '2025-11-24', '2026-11-23', '2026-11-23', true, '§1.2 1歳 = 生後12月: the day before the birthday'],
  ])('生後%i月 born %s, period %s〜%s → %s (%s)', (n, b, from, to, expected) => {
    expect(selects(age(n, from, to), b)).toBe(expected);
  });

  it.each([1, 2, 3, 6, 12, 24])(
    'the register is read over a range that holds every child who reaches 生後%i月 in the period',
    (n) => {
      for (const [from, to] of [
        ['2026-03-01', '2026-03-31'],
        ['2026-02-28', '2026-03-01'],
        ['2024-02-29', '2024-02-29'],
        ['2026-12-31', '2027-01-31'],
      ] as const) {
        const range = birthRangeForAge(n, from, to);
        for (let b = addDays(from, -31 * (n + 3)); compareDates(b, to) <= 0; b = addDays(b, 1)) {
          if (selects(age(n, from, to), b)) {
            expect(compareDates(b, range.from), `${b} ≥ ${range.from}`).toBeGreaterThanOrEqual(0);
            expect(compareDates(b, range.to), `${b} ≤ ${range.to}`).toBeLessThanOrEqual(0);
          }
        }
      }
    },
  );
});

describe('条件の誤り', () => {
  it.each([
    [birth('2026-10-31', '2026-10-01'), '出生日の開始日が終了日より後です。日付を入れ替えてください。'],
    [
      birth('2025-10-01', '2026-10-02'),
      '出生日は1年以内で指定してください（一度に作る冊子は1年分までです）。',
    ],
    [age(0, '2026-10-01', '2026-10-31'), '生後何か月で送るかを1〜72の数で入力してください。'],
    [
      { ...birth('2026-10-01', '2026-10-31'), basis: 'age' as const },
      '生後何か月で送るかを1〜72の数で入力してください。',
    ],
    [birth('2026-10-01', '2026-10-31'), null],
    [age(2, '2026-10-01', '2026-10-31'), null],
  ])('%o → %s', (c, expected) => {
    expect(criteriaProblem(c)).toBe(expected);
  });

  it('labels the criteria in 和暦', () => {
    expect(criteriaLabel(birth('2026-10-01', '2026-10-31'))).toBe('令和8年10月1日〜令和8年10月31日生まれ');
    expect(criteriaLabel(age(2, '2026-12-01', '2026-12-31'))).toBe(
      '令和8年12月1日〜令和8年12月31日に生後2月に至る方',
    );
  });
});

describe('予診票冊子の予診票 (the 乳幼児期 A類 vaccines of the schedule, §1.3)', () => {
  const born = '2026-10-15';
  const forms = (history = [] as ReturnType<typeof dose>[]) =>
    bookletForms(scheduleFor({ birthDate: born, sex: 'M' }, history, '2026-11-24'), born, vaccineMaster);

  it('a newborn gets every dose of 5種混合, 小児肺炎球菌, B型肝炎, ロタ, BCG, 麻しん風しん第1期, 水痘', () => {
    const list = forms();
    const count = (prefix: string) => list.filter((f) => f.vaccine.startsWith(prefix)).length;
    expect(count('5種混合')).toBe(4);
    expect(count('小児肺炎球菌')).toBe(4);
    expect(count('B型肝炎')).toBe(3);
    expect(count('ロタ')).toBe(3);
    expect(count('BCG')).toBe(1);
    expect(count('麻しん風しん 第1期')).toBe(1);
    expect(count('水痘')).toBe(2);
    expect(list).toHaveLength(18);
    // 日本脳炎 (標準 3歳), 第2期 and the adult vaccines are not in the birth booklet
    for (const later of ['日本脳炎', '麻しん風しん 第2期', '二種混合', 'HPV', '高齢者'])
      expect(list.some((f) => f.vaccine.includes(later))).toBe(false);
  });

  it('ロタ 1価 and 5価 are one set: three forms, the third only for 5価', () => {
    const rota = forms().filter((f) => f.vaccine.startsWith('ロタ'));
    expect(rota.map((f) => [f.vaccine, f.dose, f.note])).toEqual([
      ['ロタ（1価・5価）', '1回目', ''],
      ['ロタ（1価・5価）', '2回目', ''],
      ['ロタ（1価・5価）', '3回目', '5価のみ'],
    ]);
  });

  it.each([
    [['ロタ 1価（ロタリックス）', 'ロタ 5価（ロタテック）'], 'ロタ（1価・5価）'],
    [['BCG'], 'BCG'],
    [['ヒブ（単独）', '5種混合（DPT-IPV-Hib）'], 'ヒブ（単独）／5種混合（DPT-IPV-Hib）'],
  ])('names a set of products %o as %s', (names, expected) => {
    expect(setName(names).name).toBe(expected);
  });

  it('gives the 標準的な接種期間 and the 定期接種の期間 in 和暦', () => {
    const bcg = forms().find((f) => f.vaccine === 'BCG')!;
    // 標準: 生後5月〜生後8月に達するまで; 定期: 1歳に至るまで (§1.3)
    expect(bcg.standardPeriod).toBe('令和9年3月14日〜令和9年6月14日');
    expect(bcg.legalPeriod).toBe('令和8年10月15日〜令和9年10月14日');
  });

  it('leaves out doses already given', () => {
    const list = forms([dose('HEPB', '2026-11-20')]);
    expect(list.filter((f) => f.vaccine === 'B型肝炎').map((f) => f.dose)).toEqual(['2回目', '3回目']);
  });
});
