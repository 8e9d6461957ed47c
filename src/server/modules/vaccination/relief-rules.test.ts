/** 予防接種健康被害救済の規則 — maternal-child-vaccination-pmh.md §7 and flows.md F11a-05. */
import { describe, expect, it } from 'vitest';
import {
  benefitCodes,
  benefitsByCategory,
  type ClaimPeriod,
  categoryAt,
  checkBenefits,
  checklistFor,
  claimDeadlineHints,
  type ReliefStatus,
  type ReliefStep,
  recognizedError,
  stepDateError,
  stepError,
} from './relief-rules.ts';

describe('給付の種類と A類/B類 (§7 表)', () => {
  it.each([
    // benefit, A, B  (§7: 障害児養育年金・死亡一時金 A only; 遺族年金/遺族一時金 B only; 介護加算 B [U])
    ['medical_cost', 'yes', 'yes'],
    ['medical_allowance', 'yes', 'yes'],
    ['child_disability_pension', 'yes', 'no'],
    ['disability_pension', 'yes', 'yes'],
    ['death_lump_sum', 'yes', 'no'],
    ['survivor_pension', 'no', 'yes'],
    ['survivor_lump_sum', 'no', 'yes'],
    ['funeral', 'yes', 'yes'],
    ['care_addition', 'yes', 'unconfirmed'],
  ] as const)('%s: A類 %s, B類 %s', (b, a, bb) => {
    expect(benefitsByCategory.A[b]).toBe(a);
    expect(benefitsByCategory.B[b]).toBe(bb);
  });

  it('covers the nine benefits of §7', () => expect(benefitCodes).toHaveLength(9));

  it.each([
    ['B', ['child_disability_pension'], /B類の予防接種では「障害児養育年金」は請求できません/],
    ['B', ['death_lump_sum'], /B類の予防接種では「死亡一時金」は請求できません/],
    ['A', ['survivor_pension'], /A類の予防接種では「遺族年金」は請求できません.*死亡一時金を選んでください/],
    ['A', ['survivor_lump_sum'], /A類の予防接種では「遺族一時金」は請求できません/],
    ['A', [], /請求する給付を1つ以上選んでください/],
    ['A', ['pension'], /給付の種類「pension」はありません/],
  ] as const)('%s類 %j → error', (cat, benefits, message) => {
    const r = checkBenefits(cat, benefits);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
  });

  it('B類 医療費 is limited to hospitalisation-level care; B類 介護加算 is unconfirmed (warnings)', () => {
    expect(checkBenefits('B', ['medical_cost', 'care_addition'])).toEqual({
      errors: [],
      warnings: [
        expect.stringMatching(/介護加算.*\[U\]/),
        expect.stringMatching(/入院相当の医療に限られます/),
      ],
    });
    expect(checkBenefits('A', ['medical_cost', 'death_lump_sum', 'funeral'])).toEqual({
      errors: [],
      warnings: [],
    });
  });
});

describe('接種の類型 (§7: category follows the vaccination)', () => {
  it.each([
    ['HIB', '2024-02-05', 'A'],
    ['FLU_ELD', '2025-11-01', 'B'],
    ['COVID', '2024-10-15', 'B'],
    ['COVID', '2022-06-01', 'A'], // 特例臨時接種 (臨時接種: A類と同じ給付)
    ['HZ', '2025-06-01', 'B'],
    ['RSV_PREG', '2026-05-01', 'A'],
  ] as const)('%s on %s → %s類', (vaccine, date, category) => {
    expect(categoryAt(vaccine, date)).toMatchObject({ ok: true, category });
  });

  it.each([
    ['HZ', '2024-06-01', /定期接種の期間外です.*医薬品副作用被害救済制度/],
    ['RSV_PREG', '2026-01-10', /定期接種の期間外です/],
    ['XYZ', '2025-01-01', /ワクチンを予防接種マスタから選んでください/],
  ] as const)('%s on %s is not a routine or temporary vaccination', (vaccine, date, message) => {
    const r = categoryAt(vaccine, date);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('状態の遷移 (flows.md F11a-05: 受理 → 進達 → 認定・否認; 取下げ)', () => {
  it.each([
    ['received', 'forward', null],
    ['received', 'withdraw', null],
    ['received', 'decide', /進達がまだです/],
    ['forwarded', 'decide', null],
    ['forwarded', 'withdraw', null],
    ['forwarded', 'forward', /すでに進達済み/],
    ['recognized', 'withdraw', /「認定」の請求には取下げを登録できません/],
    ['denied', 'decide', /「否認」の請求には認定・否認の登録を登録できません|「否認」の請求には/],
    ['withdrawn', 'forward', /「取下げ」の請求には進達を登録できません/],
  ] as const)('%s → %s', (status, step, error) => {
    const e = stepError(status as ReliefStatus, step as ReliefStep);
    if (error === null) expect(e).toBeNull();
    else expect(e).toMatch(error);
  });

  const c = { receivedOn: '2026-05-10', forwardedOn: '2026-06-01', decidedOn: null };
  it.each([
    ['forward', '2026-05-10', null],
    ['forward', '2026-05-09', /受理日（令和8年5月10日）と同じか、それより後/],
    ['decide', '2026-05-31', /進達日（令和8年6月1日）と同じか、それより後/],
    ['decide', '2026-07-01', null],
    ['withdraw', '2026-05-20', /進達日/],
    ['forward', '2026-12-01', /今日より後の日付は入力できません/],
  ] as const)('%s on %s', (step, date, error) => {
    const e = stepDateError(c, step, date, '2026-11-24', '日付');
    if (error === null) expect(e).toBeNull();
    else expect(e).toMatch(error);
  });

  it.each([
    ['recognized', ['medical_cost', 'medical_allowance'], ['medical_cost'], null],
    ['recognized', ['medical_cost'], [], /1つ以上選んでください/],
    ['recognized', ['medical_cost'], ['funeral'], /請求していない給付（葬祭料）は認定に選べません/],
    ['denied', ['medical_cost'], [], null],
    ['denied', ['medical_cost'], ['medical_cost'], /否認のときは/],
  ] as const)('%s: claimed %j, recognised %j', (result, claimed, recognized, error) => {
    const e = recognizedError(result, claimed, recognized);
    if (error === null) expect(e).toBeNull();
    else expect(e).toMatch(error);
  });
});

describe('請求期限の目安 (§7: B類 5年; A類 [U])', () => {
  const base = { receivedOn: '2026-06-01', vaccinatedOn: '2025-11-01' };
  it('B類 医療費: cut-off 5 years before the 受理日', () => {
    expect(claimDeadlineHints({ ...base, category: 'B', benefits: ['medical_cost'] })).toEqual([
      expect.stringMatching(
        /医療費を支払った日から5年.*令和3年6月1日より前に支払った医療費は請求期限を過ぎています/,
      ),
    ]);
  });
  it('B類 医療費 with a vaccination more than 5 years back: a second warning', () => {
    const hints = claimDeadlineHints({
      ...base,
      vaccinatedOn: '2020-10-01',
      category: 'B',
      benefits: ['medical_allowance'],
    });
    expect(hints[1]).toMatch(/接種日が受理日の5年より前です/);
  });
  it.each([
    ['2024-06-02', []],
    ['2024-01-10', [/死亡の日から2年を過ぎています/]],
    ['2021-05-01', [/死亡の日（令和3年5月1日）から5年を過ぎています/]],
    [null, [/死亡の日を確かめてください/]],
  ] as const)('B類 遺族年金, death on %s', (deathOn, expected) => {
    const hints = claimDeadlineHints({ ...base, category: 'B', benefits: ['survivor_pension'], deathOn });
    expect(hints).toEqual(expected.map((m) => expect.stringMatching(m)));
  });
  it('A類: the period is unconfirmed [U] and said so', () => {
    expect(claimDeadlineHints({ ...base, category: 'A', benefits: ['medical_cost'] })).toEqual([
      expect.stringMatching(/A類の請求期限は確認できていません \[U\]/),
    ]);
  });
  it('the periods are data: a municipality reading can replace them', () => {
    const periods: ClaimPeriod[] = [
      {
        category: 'A',
        benefits: ['medical_cost'],
        years: 5,
        from: 'payment',
        label: 'A類 医療費: 5年（仮）',
      },
    ];
    expect(claimDeadlineHints({ ...base, category: 'A', benefits: ['medical_cost'] }, periods)[0]).toMatch(
      /A類 医療費: 5年（仮）/,
    );
  });
});

describe('請求書類のチェックリスト (flows.md F11a-05: documents vary with the case)', () => {
  it('lists the usual documents for the benefits and keeps received dates and free entries', () => {
    const list = checklistFor(
      ['medical_cost'],
      [
        { code: 'claim_form', label: '請求書', receivedOn: '2026-05-10' },
        { code: 'other-1', label: '母子健康手帳の写し', receivedOn: null },
      ],
    );
    expect(list.map((d) => d.code)).toEqual([
      'claim_form',
      'vaccination_proof',
      'medical_record',
      'medical_cost_certificate',
      'receipts',
      'other-1',
    ]);
    expect(list[0]!.receivedOn).toBe('2026-05-10');
    expect(list.at(-1)).toEqual({ code: 'other-1', label: '母子健康手帳の写し', receivedOn: null });
  });
  it('death benefits ask for the death certificate and the family register', () => {
    const codes = checklistFor(['death_lump_sum', 'funeral'], []).map((d) => d.code);
    expect(codes).toContain('death_certificate');
    expect(codes).toContain('family_register');
    expect(codes).toContain('funeral_proof');
  });
});
