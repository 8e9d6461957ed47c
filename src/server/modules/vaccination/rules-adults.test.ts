// Schedule engine: HPV, B類 (高齢者), RSウイルス母子免疫 and the special eligibility data —
// maternal-child-vaccination-pmh.md §1.3, §1.4 (HPV, 日本脳炎特例), §1.6 (extensions), §1.7 (eligibility data).
import { describe, expect, it } from 'vitest';
import { dose, rowOf, rowsOf } from './test-helpers.ts';
import type { PersonSpecials } from './types.ts';

const person = (birthDate: string, sex?: 'M' | 'F', specials?: PersonSpecials) => ({
  birthDate,
  ...(sex ? { sex } : {}),
  ...(specials ? { specials } : {}),
});

describe('HPV (§1.3, §1.4 [S16a][S16b])', () => {
  const girl = person('2014-04-02', 'F');
  it('女性のみ; 12歳となる年度の初日〜16歳となる年度の末日; standard 13歳となる年度', () => {
    expect(rowsOf(person('2014-04-02', 'M'), [], '2026-05-01', 'HPV')).toMatchObject([
      { status: 'not_eligible' },
    ]);
    expect(rowsOf(person('2014-04-02'), [], '2026-05-01', 'HPV')[0]?.status).toBe('not_eligible');
    expect(rowOf(girl, [], '2026-05-01', 'HPV', '1回目')).toMatchObject({
      legalFrom: '2026-04-01',
      legalTo: '2031-03-31',
      standardFrom: '2027-04-01',
      standardTo: '2028-03-31',
      status: 'upcoming',
    });
  });
  it('9価, 1回目 before 15歳 → 2回 (2回目 5月以上); 1回目 at 15歳 or later → 3回', () => {
    expect(rowsOf(girl, [dose('HPV', '2027-05-01', 'HPV9')], '2027-05-02', 'HPV').map((r) => r.dose)).toEqual(
      ['1回目', '2回目'],
    );
    expect(rowOf(girl, [dose('HPV', '2027-05-01', 'HPV9')], '2027-05-02', 'HPV', '2回目').earliest).toBe(
      '2027-10-01',
    );
    expect(rowsOf(girl, [dose('HPV', '2029-05-01', 'HPV9')], '2029-05-02', 'HPV')).toHaveLength(3);
  });
  it('2価 3回目: 1回目から5月以上 and 2回目から2月半以上', () => {
    const h = [dose('HPV', '2027-05-01', 'HPV2'), dose('HPV', '2027-06-01', 'HPV2')];
    // max(5/1 + 5月 = 10/1, 6/1 + 2月半 = 8/1 + 16 = 8/17)
    expect(rowOf(girl, h, '2027-06-02', 'HPV', '3回目').earliest).toBe('2027-10-01');
    const late = [dose('HPV', '2027-05-01', 'HPV2'), dose('HPV', '2027-08-20', 'HPV2')];
    // 8/20 + 2月 = 10/20, + 16 (October has 31 days) = 11/5
    expect(rowOf(girl, late, '2027-08-21', 'HPV', '3回目').earliest).toBe('2027-11-05');
  });
  it('4価 3回目: 2回目から3月以上', () => {
    const h = [dose('HPV', '2027-05-01', 'HPV4'), dose('HPV', '2027-07-01', 'HPV4')];
    expect(rowOf(girl, h, '2027-07-02', 'HPV', '3回目').earliest).toBe('2027-10-01');
  });
  it('経過措置: born 1997-04-02〜2009-04-01 with a dose in 2022-04〜2025-03 may finish until 2026-03-31 (§1.4 [S16c])', () => {
    const h = [dose('HPV', '2024-10-01', 'HPV9')];
    const woman = person('2008-06-01', 'F');
    expect(rowOf(woman, h, '2025-06-01', 'HPV', '2回目')).toMatchObject({
      legalFrom: '2025-04-01',
      legalTo: '2026-03-31',
      status: 'overdue', // the standard window (中1) is long past
    });
    expect(rowOf(woman, [], '2025-06-01', 'HPV', '1回目').status).toBe('expired');
  });
});

describe('日本脳炎 特例 (§1.4 [S2][S14a][S14c])', () => {
  it('born 1995-04-02〜2007-04-01: missing doses until 20歳に至るまで', () => {
    const r = rowOf(person('2000-05-01'), [], '2018-01-01', 'JE1', '初回1回目');
    expect(r.legalTo).toBe('2020-04-30');
    expect(r.status).toBe('overdue');
    expect(rowOf(person('2010-05-01'), [], '2028-01-01', 'JE1', '初回1回目').status).toBe('expired');
    // 2期 only from 9歳 (and until 20歳)
    expect(rowOf(person('2000-05-01'), [], '2005-01-01', 'JE2')).toMatchObject({
      legalFrom: '2009-04-30',
      status: 'upcoming',
    });
    expect(rowOf(person('2000-05-01'), [], '2018-01-01', 'JE2').legalTo).toBe('2020-04-30');
  });
  it('born 2007-04-02〜2009-10-01: missing 1期 doses also at 9歳以上13歳未満', () => {
    const r = rowOf(person('2008-01-01'), [], '2018-01-01', 'JE1', '初回1回目');
    expect(r).toMatchObject({ legalFrom: '2016-12-31', legalTo: '2020-12-31' });
    expect(r.status).toBe('overdue');
  });
});

describe('MR 供給不足による延長 and 風しん第5期 (§1.6 [S22a][S22b][S22c])', () => {
  it('MR1 born 2022-04-02〜2023-04-01, recognised by the mayor: until 2027-03-31', () => {
    const p = person('2022-06-01', undefined, { mrShortage: true });
    expect(rowOf(p, [], '2025-06-01', 'MR1')).toMatchObject({
      legalFrom: '2025-04-01',
      legalTo: '2027-03-31',
      status: 'overdue',
    });
    expect(rowOf(person('2022-06-01'), [], '2025-06-01', 'MR1').status).toBe('expired');
  });
  it('風しん第5期: men born 1962-04-02〜1979-04-01 with low antibody titre, until 2027-03-31', () => {
    expect(rowOf(person('1970-01-01', 'M', { rubella5: true }), [], '2026-01-01', 'MR1')).toMatchObject({
      legalTo: '2027-03-31',
      status: 'due',
    });
    expect(rowOf(person('1970-01-01', 'F', { rubella5: true }), [], '2026-01-01', 'MR1').status).toBe(
      'expired',
    );
  });
});

describe('長期療養特例 (§1.6 [S21a][S21b][S21c])', () => {
  const care = (vaccines: Array<'BCG' | 'ROTA1'>, endDate: string): PersonSpecials => ({
    longTermCare: [{ vaccines, reason: '白血病', endDate }],
  });
  it('2 years from the end of the reason, capped (BCG 4歳未満)', () => {
    const r = rowOf(person('2025-01-01', undefined, care(['BCG'], '2026-06-30')), [], '2026-08-01', 'BCG');
    expect(r).toMatchObject({ legalFrom: '2026-06-30', legalTo: '2028-06-29', status: 'overdue' });
    const capped = rowOf(
      person('2025-01-01', undefined, care(['BCG'], '2027-06-30')),
      [],
      '2027-08-01',
      'BCG',
    );
    expect(capped.legalTo).toBe('2028-12-31');
    expect(rowOf(person('2025-01-01'), [], '2026-08-01', 'BCG').status).toBe('expired');
  });
  it('ロタ is excluded from the special case', () => {
    const p = person('2026-01-01', undefined, care(['ROTA1'], '2026-09-01'));
    expect(rowOf(p, [], '2026-09-02', 'ROTA1', '1回目').status).toBe('expired');
  });
});

describe('高齢者インフルエンザ・新型コロナ: 毎年度1回 (§1.3 [S18a][S18b])', () => {
  const p = person('1960-05-01');
  it.each([
    ['2026-06-01', [], 'upcoming'],
    ['2026-11-01', [], 'due'],
    ['2026-11-01', [dose('FLU_ELD', '2026-10-15')], 'completed'],
    ['2027-02-15', [], 'expired'],
  ])('on %s → %s', (on, h, status) => {
    const r = rowOf(p, h, on, 'FLU_ELD');
    expect(r).toMatchObject({ dose: '2026年度', legalFrom: '2026-10-01', legalTo: '2027-01-31', status });
  });
  it('60〜64歳: only with the disability (心臓・腎臓・呼吸器 or HIV)', () => {
    expect(rowOf(person('1963-05-01'), [], '2026-11-01', 'FLU_ELD').status).toBe('not_eligible');
    expect(
      rowOf(person('1963-05-01', undefined, { disability60to64: 'organ' }), [], '2026-11-01', 'COVID').status,
    ).toBe('due');
  });
  it('新型コロナ is B類 from 2024-04-01 only', () => {
    expect(rowOf(p, [], '2023-11-01', 'COVID').status).toBe('not_eligible');
  });
});

describe('高齢者肺炎球菌 PNEU_ELD (§1.3 [S19a]–[S19d])', () => {
  const p = person('1961-03-01');
  it('65歳の者: 65歳の誕生日の前日〜66歳の誕生日の前日; PCV20 from 2026-04-01', () => {
    expect(rowOf(p, [], '2026-06-01', 'PNEU_ELD')).toMatchObject({
      legalFrom: '2026-02-28',
      legalTo: '2027-02-28',
      status: 'due',
    });
    expect(rowOf(person('1970-03-01'), [], '2026-06-01', 'PNEU_ELD').status).toBe('not_eligible');
  });
  it('PPSV23 as 定期 before 2026-04-01 completes it; any PPSV23 excludes the PCV20 routine dose', () => {
    expect(rowOf(p, [dose('PNEU_ELD', '2026-03-01', 'PPSV23')], '2026-06-01', 'PNEU_ELD').status).toBe(
      'completed',
    );
    const r = rowOf(p, [dose('PNEU_ELD', '2026-04-10', 'PPSV23')], '2026-06-01', 'PNEU_ELD');
    expect(r.status).toBe('not_eligible');
  });
});

describe('帯状疱疹 HZ (§1.3 [S17a]–[S17d], §1.6)', () => {
  it('その年度に65歳となる者; 組換え 2回 (2月以上), 生 1回', () => {
    const p = person('1961-06-01');
    expect(rowOf(p, [], '2026-06-01', 'HZ', '1回目')).toMatchObject({
      legalFrom: '2026-04-01',
      legalTo: '2027-03-31',
      status: 'due',
    });
    expect(rowOf(p, [dose('HZ', '2026-06-01', 'HZ_RZV')], '2026-06-02', 'HZ', '2回目').earliest).toBe(
      '2026-08-01',
    );
    expect(rowsOf(p, [dose('HZ', '2026-06-01', 'HZ_LIVE')], '2026-06-02', 'HZ')).toMatchObject([
      { status: 'completed' },
    ]);
  });
  it('経過措置 FY2025–FY2029: 年度末年齢 70・75・…・100; FY2025 only: 100歳以上', () => {
    expect(rowOf(person('1956-06-01'), [], '2026-06-01', 'HZ', '1回目').status).toBe('due');
    expect(rowOf(person('1957-06-01'), [], '2026-06-01', 'HZ').status).toBe('not_eligible');
    expect(rowOf(person('1920-01-01'), [], '2025-06-01', 'HZ', '1回目').status).toBe('due');
    expect(rowOf(person('1920-01-01'), [], '2026-06-01', 'HZ', '1回目').status).toBe('expired');
  });
  it('60〜64歳 HIV only; a live zoster vaccine counts as 注射生 (§1.5)', () => {
    expect(
      rowOf(person('1963-06-01', undefined, { disability60to64: 'organ' }), [], '2026-06-01', 'HZ').status,
    ).toBe('not_eligible');
    expect(
      rowOf(person('1963-06-01', undefined, { disability60to64: 'hiv' }), [], '2026-06-01', 'HZ', '1回目')
        .status,
    ).toBe('due');
    const man = person('1970-01-01', 'M', { rubella5: true });
    expect(rowOf(man, [dose('HZ', '2026-01-01', 'HZ_LIVE')], '2026-01-10', 'MR1').earliest).toBe(
      '2026-01-29',
    );
  });
});

describe('RSウイルス 母子免疫 RSV_PREG (§1.3 [S20a][S20b])', () => {
  const pregnant = person('1995-01-01', 'F', { pregnancy: { dueDate: '2026-10-10' } });
  it('妊娠28週0日〜36週6日, from 2026-04-01', () => {
    expect(rowOf(pregnant, [], '2026-08-01', 'RSV_PREG')).toMatchObject({
      legalFrom: '2026-07-18',
      legalTo: '2026-09-18',
      status: 'due',
    });
    expect(rowOf(pregnant, [], '2026-03-01', 'RSV_PREG').status).toBe('not_eligible');
  });
  it('needs the due date; a dose in an earlier pregnancy does not count', () => {
    expect(rowOf(person('1995-01-01', 'F'), [], '2026-08-01', 'RSV_PREG').status).toBe('not_eligible');
    expect(rowOf(pregnant, [dose('RSV_PREG', '2025-05-01')], '2026-08-01', 'RSV_PREG').status).toBe('due');
    expect(rowOf(pregnant, [dose('RSV_PREG', '2026-08-01')], '2026-08-05', 'RSV_PREG').status).toBe(
      'completed',
    );
  });
});
