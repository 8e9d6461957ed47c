import { describe, expect, it } from 'vitest';
import { infantCheckupOf } from './checkups.ts';
import {
  ageOnDay,
  ageText,
  checkDetailed,
  checkJudgement,
  checkResultItems,
  followUpReasons,
  proposedJudgement,
  referralAreas,
  referralNoOf,
  windowWarning,
} from './result-rules.ts';

const y1h = infantCheckupOf('y1h')!;
const dental = {
  teeth: 16,
  cariesUntreated: 0,
  cariesTreated: 0,
  plaque: 'なし',
  occlusion: '正常',
  riskType: 'O1',
  fluoride: '実施',
};

describe('月齢 on the 受診日 (§1.2 生後N月に至った日)', () => {
  it.each([
    // born 2024-04-15: 生後18月に至った日 = 2025-10-14 → on 10-14 still 17か月; on 10-15 18か月0日
    ['2024-04-15', '2025-10-14', 17, 29],
    ['2024-04-15', '2025-10-15', 18, 0],
    ['2024-04-15', '2025-10-25', 18, 10],
    // born 12-31: 生後2月 = 2/28 (no 応当日, §1.2 worked example) → 3/1 is 2か月0日
    ['2018-12-31', '2019-03-01', 2, 0],
    ['2023-01-10', '2023-01-10', 0, 0],
  ])('born %s, on %s → %i か月 %i 日', (birth, on, months, days) => {
    expect(ageOnDay(birth, on)).toEqual({ months, days });
  });
  it('reads as staff write it', () => {
    expect(ageText({ months: 18, days: 10 })).toBe('1歳6か月10日');
    expect(ageText({ months: 36, days: 0 })).toBe('3歳0日');
    expect(ageText({ months: 3, days: 2 })).toBe('3か月2日');
  });
});

describe('checkup window (§4.6: 1歳6か月 = 生後18月〜24月)', () => {
  it.each([
    ['2025-10-13', /より前/],
    ['2025-10-14', null],
    ['2026-04-14', null],
    ['2026-04-15', /過ぎています/],
  ])('born 2024-04-15, on %s', (on, expected) => {
    const w = windowWarning(y1h, '2024-04-15', on);
    if (expected === null) expect(w).toBeNull();
    else expect(w).toMatch(expected);
  });
});

describe('items (施行規則第2条, 歯科)', () => {
  it('3歳 has 眼 and 耳鼻咽頭 besides the 1歳6か月 items (§4.6)', () => {
    const r = checkResultItems('y3', {
      measures: { heightCm: 95, weightKg: 14 },
      dental: { ...dental, teeth: 20, riskType: 'O' },
    });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(Object.keys(r.items.findings)).toEqual(
        expect.arrayContaining(['eyes', 'ears_nose_throat', 'language']),
      );
  });
  it.each([
    [{ measures: { heightCm: 50, weightKg: 10 } }, /身長「50」は 70〜95cm/],
    [{ measures: { weightKg: 10 } }, /身長を入れてください/],
    [{ findings: { language: { finding: '所見あり' } } }, /言語障害の有無は所見ありです/],
    [{ findings: { skin: { finding: 'none', judgement: '要観察' } } }, /所見なしなのに判定/],
    [{ dental: { ...dental, cariesUntreated: 2 } }, /むし歯があるのにリスク分類がO1型/],
    [{ dental: { ...dental, riskType: 'A' } }, /むし歯がないのにリスク分類がA型/],
    [{ dental: { ...dental, riskType: 'C1' } }, /O1・O2・A・B・C から/],
    [{ dental: { ...dental, teeth: 2, cariesUntreated: 3, riskType: 'A' } }, /歯数2本を超えています/],
  ])('refuses %#', (raw, message) => {
    const r = checkResultItems('y1h', { measures: { heightCm: 82, weightKg: 11 }, dental, ...raw });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.message).join('\n')).toMatch(message);
  });
});

describe('判定 (any 要精密 area → 要精密 → referral)', () => {
  const base = { measures: { heightCm: 82, weightKg: 11 }, dental };
  const ok = (raw: object) => {
    const r = checkResultItems('y1h', { ...base, ...raw });
    if (!r.ok) throw new Error(r.errors[0]!.message);
    return r;
  };
  it('all normal → 異常なし, no referral, no follow-up', () => {
    const r = ok({});
    expect(proposedJudgement(r.items, r.dental)).toBe('normal');
    expect(checkJudgement('y1h', r.items, r.dental, '')).toBe('normal');
    expect(followUpReasons('y1h', 'normal', r.items, r.dental)).toEqual([]);
  });
  it('言語 要精密 → 要精密 proposed, referral for 言語, follow-up reason', () => {
    const r = ok({
      findings: { language: { finding: 'present', note: '有意語なし', judgement: 'detailed' } },
    });
    expect(proposedJudgement(r.items, r.dental)).toBe('detailed');
    expect(referralAreas('y1h', r.items, r.dental)).toEqual(['言語障害の有無']);
    expect(checkJudgement('y1h', r.items, r.dental, '要観察')).toMatchObject({
      message: /総合判定を要精密に/,
    });
    expect(followUpReasons('y1h', 'detailed', r.items, r.dental)).toEqual([
      '1歳6か月児健康診査 要精密（言語障害の有無）',
    ]);
  });
  it('歯科 要観察 → 総合 異常なし is refused', () => {
    const r = ok({ dental: { ...dental, judgement: '要観察' } });
    expect(checkJudgement('y1h', r.items, r.dental, '異常なし')).toMatchObject({
      message: /要観察の項目（歯科）/,
    });
    expect(checkJudgement('y1h', r.items, r.dental, '要観察')).toBe('observe');
  });
});

describe('精密健診の結果 (F07-06)', () => {
  it('checks the answer and the date against the referral', () => {
    const ref = { issuedOn: '2026-06-01', referralNo: 'IR-2026-00001' };
    expect(
      checkDetailed({ result: '要治療', examinedOn: '2026-06-10', diagnosis: '' }, ref, '2026-07-01'),
    ).toEqual([]);
    expect(
      checkDetailed({ result: '要精密', examinedOn: '2026-05-10', diagnosis: '' }, ref, '2026-07-01').map(
        (e) => e.field,
      ),
    ).toEqual(['result', 'examinedOn']);
  });
  it('numbers the referral by 年度', () => expect(referralNoOf(2026, 12)).toBe('IR-2026-00012'));
});
