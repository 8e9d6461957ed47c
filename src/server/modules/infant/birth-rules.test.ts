import { describe, expect, it } from 'vitest';
import {
  type BirthValues,
  birthFlags,
  birthFollowUpReasons,
  checkBirth,
  cmToMm,
  defaultLowBirthWeightG,
  mmToCm,
} from './birth-rules.ts';

// Source: maternal-child-vaccination-pmh.md §4.2 (出生連絡票・低出生体重の届出 items; < 2,500 g [U] → a parameter),
// §6 (養育医療: 出生時体重 ≤ 2,000 g), calendar kernel 早産 (before 37週0日).
const ok: BirthValues = {
  birthWeightG: 3050,
  heightMm: 495,
  headMm: 330,
  chestMm: 320,
  gestationalWeeks: 39,
  gestationalDays: 2,
  apgar1: 8,
  apgar5: 9,
  delivery: 'vaginal',
  receivedVia: 'counter',
  birthTime: '09:45',
  birthOrder: null,
};

describe('checkBirth (§4.2)', () => {
  const cases: Array<[string, Partial<BirthValues>, number | null, string | null]> = [
    ['a normal 出生連絡票', {}, 1, null],
    ['体重 in kg by mistake', { birthWeightG: 3 }, 1, 'birthWeightG'],
    ['体重 200 g is the lower bound', { birthWeightG: 200 }, 1, null],
    ['体重 over 6,000 g', { birthWeightG: 6001 }, 1, 'birthWeightG'],
    ['体重 missing', { birthWeightG: null }, 1, 'birthWeightG'],
    ['在胎 21週', { gestationalWeeks: 21 }, 1, 'gestationalWeeks'],
    ['在胎 44週 is the upper bound', { gestationalWeeks: 44 }, 1, null],
    ['在胎 日 7', { gestationalDays: 7 }, 1, 'gestationalDays'],
    ['Apgar 1分 11', { apgar1: 11 }, 1, 'apgar1'],
    ['Apgar 5分 -1', { apgar5: -1 }, 1, 'apgar5'],
    ['unknown 分娩方法', { delivery: 'water' }, 1, 'delivery'],
    ['出生時刻 25:00', { birthTime: '25:00' }, 1, 'birthTime'],
    ['身長 70 cm', { heightMm: 700 }, 1, 'heightCm'],
    ['双胎 without 出生順', { birthOrder: null }, 2, 'birthOrder'],
    ['双胎 第3子', { birthOrder: 3 }, 2, 'birthOrder'],
    ['双胎 第2子', { birthOrder: 2 }, 2, null],
    ['unknown 受理経路', { receivedVia: 'fax' }, 1, 'receivedVia'],
  ];
  it.each(cases)('%s', (_n, edit, fetus, path) => {
    const issues = checkBirth({ ...ok, ...edit }, fetus);
    if (path === null) expect(issues).toEqual([]);
    else expect(issues.map((i) => i.path)).toContain(path);
  });
});

describe('cmToMm (身長 in cm, one decimal, stored in mm)', () => {
  it.each([
    ['49.5', 495],
    ['４９．５', 495],
    ['50', 500],
    ['', null],
  ])('%s → %s', (text, mm) => expect(cmToMm(text)).toEqual({ ok: true, mm }));
  it.each(['49.55', 'abc', '4,9'])('%s is refused', (text) => expect(cmToMm(text).ok).toBe(false));
  it('shows mm back as cm', () => expect(mmToCm(495)).toBe('49.5'));
});

describe('birthFlags and follow-up reasons (§4.2, §6)', () => {
  const cases: Array<[string, Partial<BirthValues>, string[]]> = [
    ['2,500 g is not low', { birthWeightG: 2500 }, []],
    ['2,499 g is 低出生体重', { birthWeightG: 2499 }, ['低出生体重（2,499g）']],
    ['1,499 g is 極低出生体重', { birthWeightG: 1499 }, ['極低出生体重（1,499g）']],
    ['36週6日 is 早産', { gestationalWeeks: 36, gestationalDays: 6 }, ['早産（在胎36週6日）']],
    ['37週0日 is not', { gestationalWeeks: 37, gestationalDays: 0 }, []],
    ['Apgar 5分 6', { apgar5: 6 }, ['アプガースコア5分値 6点']],
    ['Apgar 5分 7', { apgar5: 7 }, []],
  ];
  it.each(cases)('%s', (_n, edit, reasons) => {
    const v = { ...ok, ...edit };
    expect(birthFollowUpReasons(v, birthFlags(v))).toEqual(reasons);
  });
  it('takes the city threshold (default 2,500 g)', () => {
    expect(defaultLowBirthWeightG).toBe(2500);
    expect(birthFlags({ ...ok, birthWeightG: 2600 }, 2700).lowBirthWeight).toBe(true);
  });
});
