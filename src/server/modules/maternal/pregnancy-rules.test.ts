import { describe, expect, it } from 'vitest';
import { checkNotification, handbookNo, notificationNo } from './pregnancy-rules.ts';
import { checkAnswers, riskFlagsOf } from './questionnaire.ts';
import { isValidVoucherNumber, luhnCheckDigit, voucherNumber, vouchersToIssue } from './vouchers.ts';

const today = '2026-11-24';
const base = { notifiedOn: '2026-11-20', dueDate: null, weeks: null, days: null, fetusCount: 1 };

describe('checkNotification (§4.1 妊娠届: 届出日, 出産予定日 / 妊娠週数, 胎児数)', () => {
  it.each([
    // [case, input, ok, due date or error field]
    ['週数 11週3日 → 予定日 (40週0日)', { weeks: 11, days: 3 }, true, '2027-06-08'],
    ['予定日 given', { dueDate: '2027-06-08' }, true, '2027-06-08'],
    ['0週0日 is allowed', { weeks: 0, days: 0 }, true, '2027-08-27'],
    ['42週 is the limit', { weeks: 42, days: 6 }, true, '2026-10-31'],
    ['43週 refused', { weeks: 43, days: 0 }, false, 'weeks'],
    ['日数 7 refused', { weeks: 10, days: 7 }, false, 'days'],
    ['予定日 too far (before 0週)', { dueDate: '2027-12-01' }, false, 'dueDate'],
    ['予定日 long past (> 42週)', { dueDate: '2026-09-01' }, false, 'dueDate'],
    ['neither 予定日 nor 週数', {}, false, 'dueDate'],
    ['届出日 in the future', { notifiedOn: '2026-11-25', weeks: 10 }, false, 'notifiedOn'],
    ['胎児数 0', { weeks: 10, fetusCount: 0 }, false, 'fetusCount'],
    ['胎児数 6', { weeks: 10, fetusCount: 6 }, false, 'fetusCount'],
    ['胎児数 5 (多胎)', { weeks: 10, fetusCount: 5 }, true, '2027-06-18'],
  ] as const)('%s', (_c, input, ok, expected) => {
    const r = checkNotification({ ...base, ...input }, today);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.value.dueDate).toBe(expected);
    else expect(r.errors.map((e) => e.field)).toContain(expected);
  });

  it('gives the 妊娠週数 and 妊娠月数 on the 届出日', () => {
    const r = checkNotification({ ...base, weeks: 11, days: 3 }, today);
    expect(r.ok && r.value).toMatchObject({ age: { weeks: 11, days: 3 }, month: 3, label: '妊娠11週3日' });
  });
});

describe('届出時アンケート risk flags (§4.10 特定妊婦: 若年, 予期せぬ妊娠, 経済的困窮, DV …)', () => {
  const flags = (
    birth: string,
    answers: Record<string, unknown> = {},
    fetusCount = 1,
    weeks: number | null = 10,
  ) =>
    riskFlagsOf({
      motherBirthDate: birth,
      notifiedOn: '2026-11-20',
      fetusCount,
      weeksAtNotification: weeks,
      answers,
    });
  it.each([
    ['19歳 → 若年', '2007-11-21', {}, 1, 10, ['young']],
    ['20歳 → none', '2006-11-20', {}, 1, 10, []],
    ['35歳 → 高年', '1991-11-20', {}, 1, 10, ['advanced']],
    ['34歳 → none', '1991-11-21', {}, 1, 10, []],
    ['twins → 多胎', '1995-01-01', {}, 2, 10, ['multiple']],
    ['late 届出 20週', '1995-01-01', {}, 1, 20, ['late']],
    [
      'answers',
      '1995-01-01',
      {
        feeling: 'troubled',
        consultant: 'no',
        mentalHistory: 'yes',
        financialWorry: 'yes',
        dv: 'yes',
        smoking: 'yes',
      },
      1,
      10,
      ['unwanted', 'noConsultant', 'smoking', 'mental', 'financial', 'dv'],
    ],
    ['reassuring answers', '1995-01-01', { feeling: 'happy', consultant: 'yes', dv: 'no' }, 1, 10, []],
  ] as const)('%s', (_c, birth, answers, fetus, weeks, expected) => {
    expect(flags(birth, answers, fetus, weeks)).toEqual(expected);
  });

  it('checks the answers against the questions', () => {
    expect(checkAnswers({ consultant: 'yes', memo: '里帰り出産予定' })).toEqual([]);
    expect(checkAnswers({ consultant: 'maybe', nope: 'x' }).map((e) => e.field)).toEqual([
      'questionnaire.consultant',
      'questionnaire.nope',
    ]);
  });
});

describe('受診券 (§4.3 妊婦健診14回, §4.4 産婦健診2回, §4.5 聴覚 per child)', () => {
  const count = (plans: { kind: string }[], kind: string) => plans.filter((p) => p.kind === kind).length;
  it('at the counter: 14 + 2 + 子宮頸がん + 歯科 + 聴覚 per fetus', () => {
    const one = vouchersToIssue(1);
    expect([
      count(one, 'prenatal'),
      count(one, 'postpartum'),
      count(one, 'cervical'),
      count(one, 'prenatal_dental'),
      count(one, 'hearing'),
    ]).toEqual([14, 2, 1, 1, 1]);
    const twins = vouchersToIssue(2);
    expect(count(twins, 'hearing')).toBe(2);
    expect(twins.filter((p) => p.kind === 'hearing').map((p) => p.seq)).toEqual([1, 2]);
  });
  it.each([
    // 転入 at N週: the 妊婦健診 回 whose week is not yet past
    [8, 14, 1],
    [20, 11, 1],
    [24, 10, 0],
    [30, 7, 0],
    [38, 2, 0],
    [41, 0, 0],
  ])('mover-in at %i週: %i 妊婦健診, %i 子宮頸がん', (weeks, prenatal, cervical) => {
    const plans = vouchersToIssue(1, weeks);
    expect(count(plans, 'prenatal')).toBe(prenatal);
    expect(count(plans, 'cervical')).toBe(cervical);
    expect(count(plans, 'postpartum')).toBe(2);
  });
  it('受診券ID: year + 7 digits + Luhn check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    const no = voucherNumber('2026-11-24', 12345);
    expect(no).toMatch(/^20260012345\d$/);
    expect(isValidVoucherNumber(no)).toBe(true);
    expect(isValidVoucherNumber(`${no.slice(0, 11)}${(Number(no[11]) + 1) % 10}`)).toBe(false);
    expect(() => voucherNumber('2026-11-24', 10_000_000)).toThrow(RangeError);
  });
  it('番号', () => {
    expect(notificationNo(2026, 12)).toBe('2026-0012');
    expect(handbookNo('2026-0012', 2)).toBe('2026-0012-2');
    expect(handbookNo('2026-0012', 1, 1)).toBe('2026-0012-1-R1');
  });
});
