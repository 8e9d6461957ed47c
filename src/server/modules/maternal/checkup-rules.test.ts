import { describe, expect, it } from 'vitest';
import { checkItems, checkJudgement, checkVisitDate, followUpReasons } from './checkup-rules.ts';

const prenatal = {
  bpSystolic: 118,
  bpDiastolic: 72,
  weight: '58.4',
  edema: '-',
  urineProtein: '±',
  urineGlucose: '−',
};
const epds = (answers: number[]) => ({
  bpSystolic: '120',
  bpDiastolic: '70',
  weight: '55',
  urineProtein: '-',
  urineGlucose: '-',
  daysAfterBirth: '14',
  epds: answers,
});

describe('checkItems — 妊婦健診の毎回の項目 (maternal-child-vaccination-pmh.md §4.3)', () => {
  it('reads numbers, −/±/+/++ and the 検査 done', () => {
    const r = checkItems('prenatal', {
      ...prenatal,
      fundalHeight: '２８.５',
      tests: '血算・超音波',
      fetalHeart: '確認',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        items: {
          bpSystolic: 118,
          bpDiastolic: 72,
          weight: 58.4,
          fundalHeight: 28.5,
          edema: '-',
          urineProtein: '±',
          urineGlucose: '-',
          fetalHeart: 'present',
          tests: ['blood_count', 'ultrasound'],
        },
        epdsScore: null,
      },
    });
  });

  it.each([
    [{ bpSystolic: '' }, 'bpSystolic', '血圧（収縮期）を入れてください。'],
    [{ bpSystolic: '300' }, 'bpSystolic', '血圧（収縮期）「300」は 60〜250mmHg の整数で入れてください。'],
    [{ weight: '58.45' }, 'weight', '体重「58.45」は 30〜150kg の小数第1位までで入れてください。'],
    [{ edema: '±' }, 'edema', '浮腫「±」は読めません。−・+・++ のどれかにしてください。'],
    [
      { urineGlucose: '+++' },
      'urineGlucose',
      '尿糖「+++」は読めません。−・±・+・++ のどれかにしてください。',
    ],
    [{ fundalHeight: '50' }, 'fundalHeight', '子宮底長「50」は 0〜45cm の小数第1位までで入れてください。'],
    [{ tests: '血算・MRI' }, 'tests', /^実施した検査「MRI」は読めません。血液型・血算/],
    [
      { bpSystolic: '70', bpDiastolic: '90' },
      'bpDiastolic',
      '血圧の拡張期（90）が収縮期（70）以上です。上下が逆でないか確かめてください。',
    ],
  ] as const)('%j → %s: %s', (change, field, message) => {
    const r = checkItems('prenatal', { ...prenatal, ...change });
    expect(r.ok).toBe(false);
    const e = r.ok ? null : r.errors.find((x) => x.field === field);
    if (message instanceof RegExp) expect(e?.message).toMatch(message);
    else expect(e?.message).toBe(message);
  });
});

describe('checkItems — 産婦健診 and EPDS (§4.4: 10問 0〜3点, 合計 0〜30)', () => {
  it('sums the EPDS', () => {
    const r = checkItems('postpartum', epds([1, 1, 2, 1, 1, 2, 1, 1, 1, 1]));
    expect(r).toMatchObject({ ok: true, value: { epdsScore: 12 } });
  });
  it.each([
    [[1, 1, 1], /^EPDS は問1〜問10の10問すべての点数（0〜3）を入れてください（3問入っています）。$/],
    [[0, 0, 4, 0, 0, 0, 0, 0, 0, 0], /^EPDS 問3の点数「4」は 0〜3 で入れてください。$/],
    [[], /^EPDS の問1〜問10の点数（0〜3）を入れてください。$/],
  ])('%j → %s', (answers, message) => {
    const r = checkItems('postpartum', epds(answers));
    expect(r.ok ? null : r.errors.find((e) => e.field === 'epds')?.message).toMatch(message);
  });
});

describe('followUpReasons — フォロー対象 (§4.4 [P]: EPDS ≥9, Q10 ≥1; 要精密・要治療)', () => {
  const items = (answers: number[]) => ({ epds: answers });
  it.each([
    [[1, 1, 1, 1, 1, 1, 1, 1, 0, 0], 'normal', []],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 0], 'normal', ['EPDS 9点']],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 'normal', ['EPDS 問10（自分を傷つける考え）1点']],
    [
      [1, 1, 2, 1, 1, 2, 1, 1, 1, 1],
      'detailed',
      ['EPDS 12点', 'EPDS 問10（自分を傷つける考え）1点', '産婦健診 要精密'],
    ],
  ] as const)('%j %s → %j', (answers, judgement, reasons) => {
    expect(followUpReasons('postpartum', judgement, items([...answers]))).toEqual(reasons);
  });
  it('要治療 of a 妊婦健診', () => {
    expect(followUpReasons('prenatal', 'treatment', {})).toEqual(['妊婦健診 要治療']);
  });
});

describe('checkJudgement', () => {
  it.each([
    ['prenatal', '要精密', 'detailed'],
    ['prenatal', 'normal', 'normal'],
    ['prenatal_detailed', '要治療', 'treatment'],
  ] as const)('%s %s → %s', (kind, text, code) => {
    expect(checkJudgement(kind, text)).toEqual({ ok: true, value: code });
  });
  it('a 精密健診 is not judged 要精密', () => {
    expect(checkJudgement('prenatal_detailed', '要精密')).toMatchObject({ field: 'judgement' });
  });
});

describe('checkVisitDate — 妊娠週数 from the 出産予定日 (§4.3), 産後日数 from the 出産日 (§4.4)', () => {
  const p = { dueDate: '2026-12-01', outcome: null, outcomeOn: null };
  const day = '2027-06-01';
  it('妊婦健診 on 2026-06-16: 妊娠16週0日', () => {
    expect(checkVisitDate('prenatal', '2026-06-16', p, day, null)).toEqual({
      ok: true,
      value: { gestationalWeeks: 16, gestationalDays: 0 },
    });
  });
  it.each([
    ['2026-02-01', /^受診日 令和8年2月1日 はこの妊娠の妊娠0週より前です（出産予定日 令和8年12月1日）/],
    ['2027-01-01', /妊娠44週にあたり、出産予定日 令和8年12月1日を大きく過ぎています/],
    ['2027-07-01', /今日より後です/],
  ])('妊婦健診 on %s → %s', (on, message) => {
    const r = checkVisitDate('prenatal', on, p, day, null);
    expect(r.ok ? null : r.error.message).toMatch(message);
  });
  it('妊婦健診 after the birth is refused', () => {
    const r = checkVisitDate(
      'prenatal',
      '2026-11-20',
      { ...p, outcome: 'birth', outcomeOn: '2026-11-18' },
      day,
      null,
    );
    expect(r.ok ? null : r.error.message).toMatch(/出産・妊娠の終了日（令和8年11月18日）より後です/);
  });
  it('産婦健診: 産後日数 from the 出産日, or as written when none is registered', () => {
    const born = { ...p, outcome: 'birth', outcomeOn: '2026-11-18' };
    expect(checkVisitDate('postpartum', '2026-12-02', born, day, null)).toEqual({
      ok: true,
      value: { gestationalWeeks: null, gestationalDays: 14 },
    });
    const r = checkVisitDate('postpartum', '2026-12-02', born, day, 10);
    expect(r.ok ? null : r.error).toMatchObject({ field: 'daysAfterBirth' });
    expect(checkVisitDate('postpartum', '2026-12-15', p, day, 14)).toEqual({
      ok: true,
      value: { gestationalWeeks: null, gestationalDays: 14 },
    });
    const none = checkVisitDate('postpartum', '2026-12-15', p, day, null);
    expect(none.ok ? null : none.error.message).toBe(
      '出産日が登録されていないため、産後日数を入れてください（受診票に書かれた日数）。',
    );
  });
});
