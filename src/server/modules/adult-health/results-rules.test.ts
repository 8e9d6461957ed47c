import { describe, expect, it } from 'vitest';
import { nationalDefault } from '../programs/defaults.ts';
import type { ProgramCode } from '../programs/types.ts';
import { resultDefinitions, suggestJudgement } from './results-items.ts';
import { checkItem, checkResult, type ResultInput } from './results-rules.ts';

// Sources: adult-health-statistics-bank-barcode.md §2.1 (検査項目), §2.5 (要精検); 肺 判定区分 A–E, 乳 カテゴリー,
// 子宮頸 ベセスダ; §2.2 年度末年齢 (legal cohort) — see results-items.ts.
const today = '2026-11-24';
const person = { birthDate: '1966-04-01' };
const ctx = (program: ProgramCode) => ({
  def: resultDefinitions[program],
  settings: nationalDefault(program),
  person,
  today,
});
const input = (over: Partial<ResultInput>): ResultInput => ({
  screenedOn: '2026-06-01',
  mode: 'individual',
  institutionId: 1,
  method: null,
  result: 'negative',
  items: {},
  ...over,
});
const check = (program: ProgramCode, over: Partial<ResultInput>) => checkResult(ctx(program), input(over));
const firstError = (program: ProgramCode, over: Partial<ResultInput>) => {
  const r = check(program, over);
  return r.ok ? null : r.errors[0]!.message;
};

describe('判定と結果項目の整合 (table)', () => {
  it.each([
    // program, method, items, 判定, → error (null = accepted)
    ['colorectal', null, { fobtDay1: 'negative', fobtDay2: 'negative' }, 'negative', null],
    ['colorectal', null, { fobtDay1: 'positive', fobtDay2: 'negative' }, 'needs_followup', null],
    [
      'colorectal',
      null,
      { fobtDay1: '陽性（＋）', fobtDay2: 'negative' },
      'negative',
      '便潜血が1日でも陽性のときの判定は「要精検」です。',
    ],
    [
      'colorectal',
      null,
      { fobtDay1: 'negative', fobtDay2: 'negative' },
      '要精検',
      '便潜血が2日とも陰性のときの判定は「異常認めず」です。',
    ],
    ['lung', 'xray', { xrayCategory: 'E' }, 'needs_followup', null],
    [
      'lung',
      'xray',
      { xrayCategory: 'B' },
      'needs_followup',
      '判定区分 B・C のときの判定は「異常認めず」です（要精検は D・E）。',
    ],
    ['lung', 'xray', { xrayCategory: 'D' }, 'negative', '判定区分 D・E のときの判定は「要精検」です。'],
    ['breast', null, { mammographyCategory: '3' }, 'needs_followup', null],
    ['breast', null, { mammographyCategory: 'カテゴリー1' }, 'negative', null],
    [
      'breast',
      null,
      { mammographyCategory: '4' },
      'negative',
      'カテゴリー3以上のときの判定は「要精検」です。',
    ],
    ['cervical', 'cytology', { cytology: 'NILM' }, 'negative', null],
    ['cervical', 'cytology', { cytology: 'ASC-US' }, 'needs_followup', null],
    ['cervical', 'cytology', {}, 'negative', '細胞診の結果（ベセスダ分類）を入力してください。'],
    [
      'cervical',
      'cytology',
      { cytology: 'NILM' },
      'hpv_negative',
      '細胞診の判定は「異常認めず」か「要精検」です（HPV の判定は検査方法が HPV検査単独法のとき）。',
    ],
    ['cervical', 'hpv', { hpv: 'negative' }, 'hpv_negative', null],
    [
      'cervical',
      'hpv',
      { hpv: 'positive' },
      'hpv_positive_cytology_negative',
      'HPV検査が陽性のときはトリアージの細胞診の結果を入力してください。',
    ],
    ['cervical', 'hpv', { hpv: 'positive', cytology: 'NILM' }, 'hpv_positive_cytology_negative', null],
    ['cervical', 'hpv', { hpv: 'positive', cytology: 'HSIL' }, 'hpv_positive_cytology_positive', null],
    [
      'hepatitis',
      null,
      { hbsAntigen: 'negative', hcv: 'high' },
      'negative',
      'HBs抗原が陽性、またはC型肝炎ウイルスに感染している可能性が高いときの判定は「要精検」です。',
    ],
  ] as const)('%s %s %j 判定 %s → %s', (program, method, items, result, error) => {
    expect(firstError(program, { method, items, result })).toBe(error);
  });

  it('要精検 follows the 判定 (HPV陽性・細胞診陽性 is 要精検, 追跡検査 is not)', () => {
    const r1 = check('cervical', {
      method: 'hpv',
      items: { hpv: 'positive', cytology: 'HSIL' },
      result: 'hpv_positive_cytology_positive',
    });
    const r2 = check('cervical', {
      method: 'hpv',
      items: { hpv: 'positive', cytology: 'NILM' },
      result: 'hpv_positive_cytology_negative',
    });
    expect(r1.ok && r1.value.needsDetailed).toBe(true);
    expect(r2.ok && r2.value.needsDetailed).toBe(false);
  });
});

describe('受診日・受診区分・検査方法・年齢', () => {
  it('stores 年度, 年度末年齢 (legal cohort: born 4/1 counts in the older year) and 受診日の年齢', () => {
    const r = check('stomach', { screenedOn: 'R8.6.1', method: 'xray' });
    expect(r).toMatchObject({
      ok: true,
      value: {
        screenedOn: '2026-06-01',
        fiscalYear: 2026,
        ageAtFiscalYearEnd: 61,
        ageOnDate: 60,
        method: 'xray',
      },
    });
  });
  it.each([
    [{ screenedOn: '2026-12-01' }, '受診日が今日より後です。受診日を確かめてください。'],
    [{ screenedOn: '1960-01-01' }, '受診日が生年月日より前です。'],
    [{ screenedOn: '2026/13/01' }, /^受診日: /],
    [{ mode: '巡回' }, '受診区分は「個別」か「集団」にしてください。'],
    [{ institutionId: null }, '個別検診の実施機関（医療機関）を選んでください。'],
    [
      { method: 'ct' },
      /^胃がん検診に検査方法「ct」はありません。胃部エックス線検査・胃内視鏡検査 から選んでください。$/,
    ],
    [{ method: null }, '検査方法を選んでください（胃部エックス線検査・胃内視鏡検査）。'],
    [{ result: '' }, '判定を選んでください。'],
    [{ result: '要医療' }, '判定「要医療」はありません。異常認めず・要精検 から選んでください。'],
    [{ items: { colour: 'red' } }, '項目「colour」は胃がん検診（この検査方法）の結果項目にありません。'],
  ] as const)('%j → %s', (over, message) => {
    const m = firstError('stomach', { method: 'xray', ...over });
    if (typeof message === 'string') expect(m).toBe(message);
    else expect(m).toMatch(message);
  });
  it('a program with one method takes it; 集団 needs no institution; a method is found by its name', () => {
    expect(
      check('colorectal', {
        mode: '集団',
        institutionId: null,
        items: { fobtDay1: 'negative', fobtDay2: 'negative' },
      }),
    ).toMatchObject({
      ok: true,
      value: { method: 'fobt', mode: 'group', institutionId: null },
    });
    expect(check('stomach', { method: '胃内視鏡検査' })).toMatchObject({
      ok: true,
      value: { method: 'endoscopy' },
    });
  });
  it('reports every error at once', () => {
    const r = check('colorectal', { screenedOn: 'x', result: '', items: {} });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual([
      'screenedOn',
      'result',
      'fobtDay1',
      'fobtDay2',
    ]);
  });
});

describe('checkItem (table)', () => {
  const num = {
    key: 'yam',
    label: '骨密度（YAM）',
    type: 'number',
    unit: '%',
    min: 10,
    max: 200,
    decimals: 1,
  } as const;
  it.each([
    [num, '８５．５', { value: 85.5 }],
    [num, '85.55', { error: '骨密度（YAM）は小数点以下1桁までで入力してください。' }],
    [num, '5', { error: '骨密度（YAM）は10%〜200%の範囲で入力してください。' }],
    [num, '八十', { error: '骨密度（YAM）の「八十」は数字として読めません。数字で入力してください。' }],
    [num, '', {}],
    [{ ...num, required: true }, ' ', { error: '骨密度（YAM）を入力してください。' }],
    [{ key: 'b', label: '服薬', type: 'boolean' }, '有', { value: true }],
    [
      { key: 'b', label: '服薬', type: 'boolean' },
      'たぶん',
      { error: '服薬は「有」か「無」で入力してください。' },
    ],
    [{ key: 'd', label: '前回受診日', type: 'date' }, '令和7年5月1日', { value: '2025-05-01' }],
  ] as const)('%j %s', (item, raw, out) => {
    expect(checkItem(item, raw)).toEqual(out);
  });
});

describe('suggestJudgement (table)', () => {
  it.each([
    ['colorectal', null, { fobtDay1: 'positive', fobtDay2: 'negative' }, 'needs_followup'],
    ['colorectal', null, { fobtDay1: 'negative', fobtDay2: 'negative' }, 'negative'],
    ['colorectal', null, { fobtDay1: 'negative' }, null],
    ['lung', 'xray', { xrayCategory: 'E' }, 'needs_followup'],
    ['breast', null, { mammographyCategory: '2' }, 'negative'],
    ['cervical', 'hpv', { hpv: 'positive', cytology: 'NILM' }, 'hpv_positive_cytology_negative'],
    ['cervical', 'cytology', { cytology: 'LSIL' }, 'needs_followup'],
    ['stomach', 'xray', {}, null],
  ] as const)('%s %s %j → %s', (program, method, items, out) => {
    expect(suggestJudgement(resultDefinitions[program], items, method)).toBe(out);
  });
});
