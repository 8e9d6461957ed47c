// Schedule engine, children's vaccines: maternal-child-vaccination-pmh.md §1.3 (master table), §1.4 (branching),
// §1.5 (27-day rule). Expected dates are worked out by hand from the §1.2 wording.
import { describe, expect, it } from 'vitest';
import { vaccineCodes } from './master-types.ts';
import { scheduleFor } from './rules.ts';
import { dose, rowOf, rowsOf } from './test-helpers.ts';

const born = (birthDate: string, sex?: 'M' | 'F') => ({ birthDate, ...(sex ? { sex } : {}) });

describe('every vaccine of §1.3 is listed, eligible or not', () => {
  it('lists all 20 codes for a newborn boy, with not_eligible rows carrying a reason', () => {
    const rows = scheduleFor(born('2026-04-01', 'M'), [], '2026-04-01');
    expect(new Set(rows.map((r) => r.vaccine))).toEqual(new Set(vaccineCodes));
    for (const r of rows.filter((x) => x.status === 'not_eligible'))
      expect(r.reasons.length).toBeGreaterThan(0);
    expect(rowOf(born('2026-04-01', 'M'), [], '2026-04-01', 'HPV').reasons[0]).toBe('女性が対象です');
  });
});

describe('5種混合 DPT_IPV_HIB (§1.3 [S6])', () => {
  const p = born('2026-04-01');
  it('初回1回目: 生後2月から生後90月に至るまで; standard 生後2月〜7月', () => {
    const r = rowOf(p, [], '2026-05-31', 'DPT_IPV_HIB', '初回1回目');
    expect(r).toMatchObject({
      legalFrom: '2026-05-31',
      legalTo: '2033-09-30',
      standardFrom: '2026-05-31',
      standardTo: '2026-10-31',
      earliest: '2026-05-31',
      status: 'due',
    });
    expect(rowOf(p, [], '2026-05-30', 'DPT_IPV_HIB', '初回1回目').status).toBe('upcoming');
    expect(rowOf(p, [], '2026-11-01', 'DPT_IPV_HIB', '初回1回目').status).toBe('overdue');
    expect(rowOf(p, [], '2033-10-01', 'DPT_IPV_HIB', '初回1回目').status).toBe('expired');
  });
  it('初回2回目: 20日以上 (+21), standard 20〜56日 (+21 … +57)', () => {
    const r = rowOf(p, [dose('DPT_IPV_HIB', '2026-06-01')], '2026-06-10', 'DPT_IPV_HIB', '初回2回目');
    expect(r).toMatchObject({
      earliest: '2026-06-22',
      standardFrom: '2026-06-22',
      standardTo: '2026-07-28',
      status: 'upcoming',
    });
  });
  it('追加: 初回終了後6月以上 (standard 6〜18月)', () => {
    const h = ['2026-06-01', '2026-07-01', '2026-08-01'].map((d) => dose('DPT_IPV_HIB', d));
    const r = rowOf(p, h, '2027-03-01', 'DPT_IPV_HIB', '追加');
    expect(r).toMatchObject({
      earliest: '2027-02-01',
      standardFrom: '2027-02-01',
      standardTo: '2028-02-01',
      status: 'due',
    });
  });
  it('4種混合・ヒブ are continuation only; a child who started with 4種混合 completes with 4種混合 + ヒブ (§1.3)', () => {
    expect(rowOf(p, [], '2026-06-01', 'DPT_IPV').status).toBe('not_eligible');
    expect(rowOf(p, [], '2026-06-01', 'HIB').status).toBe('not_eligible');
    const h = [dose('DPT_IPV', '2026-06-01'), dose('HIB', '2026-06-01')];
    expect(rowOf(p, h, '2026-06-10', 'DPT_IPV_HIB').status).toBe('not_eligible');
    expect(rowOf(p, h, '2026-06-10', 'DPT_IPV', '初回2回目').earliest).toBe('2026-06-22');
    expect(rowOf(p, h, '2026-06-10', 'HIB', '初回2回目').earliest).toBe('2026-06-29');
  });
});

describe('5種混合 began 2024-04-01 (§1.3 [S6]): earlier children are offered 4種混合 + ヒブ', () => {
  it('born 2022-06-01, on 2023-01-01: 4種混合 and ヒブ are offered, 5種混合 not yet a routine vaccine', () => {
    const p = born('2022-06-01');
    expect(rowOf(p, [], '2023-01-01', 'DPT_IPV_HIB').reasons).toEqual(['定期接種は2024-04-01から始まります']);
    expect(rowOf(p, [], '2023-01-01', 'DPT_IPV', '初回1回目').status).toBe('due');
    // starting now (after 生後7月) means the 初回2回・追加1回 series
    expect(rowsOf(p, [], '2023-01-01', 'HIB').map((r) => [r.dose, r.status])).toEqual([
      ['初回1回目', 'due'],
      ['初回2回目', 'upcoming'],
      ['追加', 'upcoming'],
    ]);
  });
  it('born 2014: 5種混合 never applied; 4種混合 is listed as expired', () => {
    const p = born('2014-05-20');
    expect(rowOf(p, [], '2026-01-01', 'DPT_IPV_HIB').reasons[0]).toBe(
      '定期接種が始まった2024-04-01より前に対象期間が終わっています',
    );
    expect(rowOf(p, [], '2026-01-01', 'DPT_IPV', '初回1回目').status).toBe('expired');
  });
});

describe('4種混合 DPT_IPV: rules judged by the version in force when the series started (§1.3 [S6b])', () => {
  it('before 2023-04-01 the window started at 生後3月: a dose at 生後2月 was outside it', () => {
    const p = born('2022-03-15');
    const r = rowOf(p, [dose('DPT_IPV', '2022-06-01')], '2022-06-10', 'DPT_IPV', '初回1回目');
    expect(r.legalFrom).toBe('2022-06-14');
    expect(r.reasons).toContain('接種日が定期接種の対象期間外です（任意接種扱い）');
  });
  it('from 2023-04-01 it starts at 生後2月', () => {
    const r = rowOf(
      born('2023-03-15'),
      [dose('DPT_IPV', '2023-05-20')],
      '2023-05-20',
      'DPT_IPV',
      '初回1回目',
    );
    expect(r.legalFrom).toBe('2023-05-14');
    expect(r.status).toBe('completed');
  });
});

describe('ヒブ HIB: dose count by start age (§1.4 [S9a][S9b])', () => {
  const p = born('2025-01-15');
  it.each([
    ['2025-04-01', ['初回1回目', '初回2回目', '初回3回目', '追加']], // 生後2月〜7月
    ['2025-09-20', ['初回1回目', '初回2回目', '追加']], // 生後7月の翌日〜1歳
    ['2026-03-01', ['1回']], // 1歳の翌日〜5歳
  ])('first dose %s → %j', (first, labels) => {
    expect(rowsOf(p, [dose('HIB', first)], first, 'HIB').map((r) => r.dose)).toEqual(labels);
  });
  it('初回 not finished by 1歳: 初回2回目 left out, 追加 27日以上 after the last 初回', () => {
    const rows = rowsOf(p, [dose('HIB', '2025-12-20')], '2026-03-01', 'HIB');
    expect(rows[1]).toMatchObject({ dose: '初回2回目', status: 'not_eligible' });
    expect(rows[2]).toMatchObject({ dose: '追加', earliest: '2026-01-17', status: 'due' });
  });
  it('追加: 7月以上 after 初回 (standard 7〜13月)', () => {
    const h = ['2025-03-20', '2025-04-20', '2025-05-20'].map((d) => dose('HIB', d));
    expect(rowOf(p, h, '2025-12-01', 'HIB', '追加')).toMatchObject({
      earliest: '2025-12-20',
      standardFrom: '2025-12-20',
      standardTo: '2026-06-20',
      status: 'upcoming',
    });
  });
});

describe('小児肺炎球菌 PCV: dose count by start age (§1.4 [S8a][S8b])', () => {
  const p = born('2025-04-10');
  it.each([
    ['2025-06-10', ['初回1回目', '初回2回目', '初回3回目', '追加']],
    ['2025-12-01', ['初回1回目', '初回2回目', '追加']],
    ['2026-06-01', ['1回目', '2回目']],
    ['2027-06-01', ['1回']],
  ])('first dose %s → %j', (first, labels) => {
    expect(rowsOf(p, [dose('PCV', first)], first, 'PCV').map((r) => r.dose)).toEqual(labels);
  });
  it('追加: 60日以上 after 初回 and from 生後12月 (standard 生後12〜15月)', () => {
    const h = ['2025-06-10', '2025-07-10', '2025-08-10'].map((d) => dose('PCV', d));
    expect(rowOf(p, h, '2026-04-09', 'PCV', '追加')).toMatchObject({
      legalFrom: '2026-04-09',
      earliest: '2026-04-09',
      standardFrom: '2026-04-09',
      standardTo: '2026-07-09',
      status: 'due',
    });
  });
  it('初回2回目 after 生後12月 → 初回3回目 is left out', () => {
    const h = [dose('PCV', '2025-06-10'), dose('PCV', '2026-05-01')];
    expect(rowOf(p, h, '2026-05-02', 'PCV', '初回3回目').status).toBe('not_eligible');
    expect(rowOf(p, h, '2026-05-02', 'PCV', '追加').earliest).toBe('2026-07-01');
  });
  it('初回2・3回目 only until 生後24月: after that they are left out and 追加 is still given', () => {
    const rows = rowsOf(p, [dose('PCV', '2025-06-10')], '2027-05-01', 'PCV');
    expect(rows.map((r) => r.status)).toEqual(['completed', 'not_eligible', 'not_eligible', 'overdue']);
  });
  it('2回 series (start 12月翌日〜24月): 60日以上 apart', () => {
    expect(rowOf(p, [dose('PCV', '2026-06-01')], '2026-06-02', 'PCV', '2回目').earliest).toBe('2026-08-01');
  });
});

describe('B型肝炎 HEPB (§1.3 [S10a][S10b])', () => {
  const p = born('2026-04-01');
  it('1歳に至るまで; 2回目 27日以上; 3回目 139日以上 after 1回目 (+140)', () => {
    const h = [dose('HEPB', '2026-06-01'), dose('HEPB', '2026-07-01')];
    expect(rowOf(p, h.slice(0, 1), '2026-06-02', 'HEPB', '2回目').earliest).toBe('2026-06-29');
    expect(rowOf(p, h, '2026-07-02', 'HEPB', '3回目')).toMatchObject({
      earliest: '2026-10-19',
      legalTo: '2027-03-31',
      standardTo: '2026-12-31',
    });
  });
  it('excluded after 母子感染予防 (§1.7)', () => {
    const q = {
      ...p,
      specials: { exclusions: [{ disease: 'hepatitis_b' as const, reason: 'hbv_prophylaxis' as const }] },
    };
    expect(rowsOf(q, [], '2026-06-01', 'HEPB')).toMatchObject([{ status: 'not_eligible' }]);
  });
});

describe('ロタ ROTA1 / ROTA5 (§1.3 [S4][S11])', () => {
  const p = born('2026-04-01');
  it('出生6週0日後〜24週0日後 (1価) / 32週0日後 (5価); standard first dose 生後2月〜出生14週6日後', () => {
    expect(rowOf(p, [], '2026-05-13', 'ROTA1', '1回目')).toMatchObject({
      legalFrom: '2026-05-13',
      legalTo: '2026-09-16',
      standardFrom: '2026-05-31',
      standardTo: '2026-07-14',
      status: 'upcoming',
    });
    expect(rowOf(p, [], '2026-06-01', 'ROTA5', '1回目')).toMatchObject({
      legalTo: '2026-11-11',
      status: 'due',
    });
    expect(rowsOf(p, [], '2026-06-01', 'ROTA5')).toHaveLength(3);
  });
  it('a child who started with 1価 completes with 1価', () => {
    expect(rowOf(p, [dose('ROTA1', '2026-06-01')], '2026-06-02', 'ROTA5').status).toBe('not_eligible');
  });
  it('routine only for children born on or after 2020-08-01', () => {
    expect(rowOf(born('2020-07-31'), [], '2020-10-01', 'ROTA1').status).toBe('not_eligible');
    expect(rowOf(born('2020-08-01'), [], '2020-10-01', 'ROTA1', '1回目').status).toBe('due');
  });
});

describe('BCG, MR, 水痘, 日本脳炎, 二種混合 (§1.3)', () => {
  it('BCG: 1歳に至るまで, standard 生後5月〜8月に達するまで', () => {
    expect(rowOf(born('2026-04-01'), [], '2026-09-01', 'BCG')).toMatchObject({
      legalFrom: '2026-04-01',
      legalTo: '2027-03-31',
      standardFrom: '2026-08-31',
      standardTo: '2026-11-30',
      status: 'due',
    });
  });
  it('MR1: 生後12月〜24月に至るまで', () => {
    expect(rowOf(born('2026-04-01'), [], '2027-03-31', 'MR1')).toMatchObject({
      legalFrom: '2027-03-31',
      legalTo: '2028-03-31',
      status: 'due',
    });
  });
  it.each([
    ['2020-04-01', '2025-04-01', '2026-03-31'],
    ['2020-04-02', '2026-04-01', '2027-03-31'],
  ])('MR2: born %s → 年長相当 %s … %s', (b, from, to) => {
    expect(rowOf(born(b), [], '2025-06-01', 'MR2')).toMatchObject({ legalFrom: from, legalTo: to });
  });
  it('水痘: 2回目 3月以上 (standard 6〜12月); 既罹患 → not eligible; 麻しん既罹患 alone does not remove MR', () => {
    const p = born('2026-04-01');
    expect(rowOf(p, [dose('VAR', '2027-04-10')], '2027-05-01', 'VAR', '2回目')).toMatchObject({
      earliest: '2027-07-10',
      standardFrom: '2027-10-10',
      standardTo: '2028-04-10',
    });
    const ill = (disease: 'varicella' | 'measles') => ({
      ...p,
      specials: { exclusions: [{ disease, reason: 'infected' as const }] },
    });
    expect(rowsOf(ill('varicella'), [], '2027-05-01', 'VAR')).toMatchObject([{ status: 'not_eligible' }]);
    expect(rowOf(ill('measles'), [], '2027-05-01', 'MR1').status).toBe('due');
  });
  it('日本脳炎1期: 初回 6日以上 (+7), 追加 6月以上 after 初回2回目; standard 初回 3歳〜4歳', () => {
    const p = born('2022-04-01');
    const h = [dose('JE1', '2025-05-01'), dose('JE1', '2025-05-20')];
    expect(rowOf(p, h.slice(0, 1), '2025-05-02', 'JE1', '初回2回目').earliest).toBe('2025-05-08');
    expect(rowOf(p, h, '2025-06-01', 'JE1', '追加')).toMatchObject({
      earliest: '2025-11-20',
      standardFrom: '2026-03-31',
    });
  });
  it('日本脳炎2期 9歳以上13歳未満, 二種混合 11歳以上13歳未満', () => {
    expect(rowOf(born('2015-04-01'), [], '2025-01-01', 'JE2')).toMatchObject({
      legalFrom: '2024-03-31',
      legalTo: '2028-03-31',
      status: 'due',
    });
    expect(rowOf(born('2015-04-01'), [], '2026-04-01', 'DT2')).toMatchObject({
      legalFrom: '2026-03-31',
      legalTo: '2028-03-31',
      status: 'due',
    });
  });
});

describe('注射生ワクチンの後は27日以上 (§1.5 [S5a])', () => {
  const p = born('2026-04-01');
  it('VAR after MR1: not before MR1 + 28 days; a same-day dose is allowed', () => {
    expect(rowOf(p, [dose('MR1', '2027-04-10')], '2027-04-20', 'VAR', '1回目')).toMatchObject({
      earliest: '2027-05-08',
      status: 'upcoming',
    });
    expect(rowOf(p, [dose('MR1', '2027-04-10')], '2027-04-10', 'VAR', '1回目').status).toBe('due');
  });
  it('no limit after 経口生 or 不活化, nor from 注射生 to 不活化', () => {
    expect(rowOf(p, [dose('ROTA1', '2026-06-01')], '2026-06-02', 'BCG').earliest).toBe('2026-04-01');
    expect(rowOf(p, [dose('BCG', '2026-06-01')], '2026-06-02', 'HEPB', '1回目').earliest).toBe('2026-04-01');
  });
});
