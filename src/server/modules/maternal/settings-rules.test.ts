import { describe, expect, it } from 'vitest';
import { followUpReasons } from './checkup-rules.ts';
import {
  checkMaternalSettings,
  effectiveMaternalSettings,
  type MaternalSettings,
  noSettings,
  spreadWeeks,
} from './settings-rules.ts';
import { prenatalWeeks, vouchersToIssue } from './vouchers.ts';

// Source: maternal-child-vaccination-pmh.md §4.3 (妊婦健診 ~14回 [C], 市町村が回数を定める), §4.4 (産婦健診 2回,
// 国の補助基準 ≤5,000円/回 [C]; EPDS ≥9点・問10 ≥1 is the Kyoto example [P]), §4.5 (聴覚検査の受診票, 助成は全額 or
// 3,000–3,700円 など市町村ごと [C]), §4.2 (低出生体重 < 2,500 g [U]). What varies is a setting; unset = the default.
const set = (over: Partial<MaternalSettings>): MaternalSettings => ({ ...noSettings, ...over });
const count = (s: MaternalSettings, kind: string, fetuses = 1) =>
  vouchersToIssue(fetuses, null, effectiveMaternalSettings(s).voucherTypes).filter((v) => v.kind === kind)
    .length;

describe('effectiveMaternalSettings: the city’s plan over the defaults', () => {
  it('is the defaults when nothing is set (§4.3 14回, §4.4 2回 5,000円, §4.5 one per child)', () => {
    const e = effectiveMaternalSettings(noSettings);
    expect(e.voucherTypes.map((t) => [t.kind, t.count, t.limitYen])).toEqual([
      ['prenatal', 14, null],
      ['postpartum', 2, 5000],
      ['cervical', 1, null],
      ['prenatal_dental', 1, null],
      ['hearing', 1, 3000],
    ]);
    expect(e.voucherTypes[0]!.weeks).toEqual(prenatalWeeks);
    expect(e).toMatchObject({
      epdsFollowUpThreshold: 9,
      epdsSelfHarmThreshold: 1,
      lowBirthWeightGrams: 2500,
    });
  });

  it.each([
    ['§4.3 妊婦健診 16回', set({ voucherPlan: { prenatal: { count: 16 } } }), 'prenatal', 1, 16],
    [
      '§4.3 妊婦歯科 not issued (enabled: false)',
      set({ voucherPlan: { prenatal_dental: { enabled: false } } }),
      'prenatal_dental',
      1,
      0,
    ],
    ['§4.3 子宮頸がん 0回 = not issued', set({ voucherPlan: { cervical: { count: 0 } } }), 'cervical', 1, 0],
    ['§4.4 産婦健診 3回', set({ voucherPlan: { postpartum: { count: 3 } } }), 'postpartum', 1, 3],
    ['§4.5 聴覚 2枚 per child, twins → 4', set({ voucherPlan: { hearing: { count: 2 } } }), 'hearing', 2, 4],
    ['§4.5 聴覚 disabled, twins → 0', set({ voucherPlan: { hearing: { enabled: false } } }), 'hearing', 2, 0],
  ] as const)('%s', (_name, s, kind, fetuses, n) => {
    expect(count(s, kind, fetuses)).toBe(n);
  });

  it.each([
    ['§4.4 産婦健診 上限 6,000円', { postpartum: { limitYen: 6000 } }, 'postpartum', 6000],
    ['§4.4 産婦健診 上限なし (全額)', { postpartum: { limitYen: null } }, 'postpartum', null],
    ['§4.5 聴覚 3,700円', { hearing: { limitYen: 3700 } }, 'hearing', 3700],
    ['§4.3 妊婦健診 5,000円', { prenatal: { limitYen: 5000 } }, 'prenatal', 5000],
  ] as const)('%s', (_name, voucherPlan, kind, limitYen) => {
    const plans = vouchersToIssue(1, null, effectiveMaternalSettings(set({ voucherPlan })).voucherTypes);
    expect(plans.filter((p) => p.kind === kind).every((p) => p.limitYen === limitYen)).toBe(true);
  });

  it.each([
    // §4.4 [P]: the cut-offs a city uses instead of 9点 / 問10 1点
    [{}, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], ['EPDS 10点', 'EPDS 問10（自分を傷つける考え）1点']],
    [{ epdsFollowUpThreshold: 11 }, [1, 1, 1, 1, 1, 1, 1, 1, 2, 0], []],
    [{ epdsFollowUpThreshold: 11 }, [1, 1, 1, 1, 1, 1, 1, 2, 2, 0], ['EPDS 11点']],
    [{ epdsSelfHarmThreshold: 2 }, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], []],
    [{ epdsSelfHarmThreshold: 2 }, [0, 0, 0, 0, 0, 0, 0, 0, 0, 2], ['EPDS 問10（自分を傷つける考え）2点']],
  ] as const)('EPDS %j, answers %j → %j (§4.4)', (over, epds, reasons) => {
    const e = effectiveMaternalSettings(set(over));
    const thresholds = {
      followUpThreshold: e.epdsFollowUpThreshold,
      selfHarmThreshold: e.epdsSelfHarmThreshold,
    };
    expect(followUpReasons('postpartum', 'normal', { epds: [...epds] }, thresholds)).toEqual(reasons);
  });
});

describe('spreadWeeks: a count other than the default spreads the 回 over the same weeks (転入 §4.3)', () => {
  it.each([
    [14, prenatalWeeks],
    [16, [11, 15, 19, 23, 25, 27, 29, 29, 31, 33, 35, 36, 37, 38, 39, 39]],
    [7, [15, 23, 27, 31, 35, 37, 39]],
    [1, [39]],
    [0, []],
  ])('妊婦健診 %i回 → %j', (n, weeks) => {
    expect(spreadWeeks(prenatalWeeks, n)).toEqual(weeks);
  });

  it('keeps a kind without weeks so (産婦健診 3回: any time)', () => {
    expect(spreadWeeks([null, null], 3)).toEqual([null, null, null]);
  });

  it('a mover-in at 36週 with 16回 gets the 回 not yet past (36, 37, 38, 39, 39週)', () => {
    const types = effectiveMaternalSettings(set({ voucherPlan: { prenatal: { count: 16 } } })).voucherTypes;
    expect(
      vouchersToIssue(1, 36, types)
        .filter((p) => p.kind === 'prenatal')
        .map((p) => p.seq),
    ).toEqual([12, 13, 14, 15, 16]);
  });
});

describe('checkMaternalSettings: the messages say what to fix', () => {
  it.each([
    [
      { voucherPlan: { prenatal: { count: 31 } } },
      'voucherPlan.prenatal.count',
      '妊婦健診の回数は0〜30の整数',
    ],
    [{ voucherPlan: { hearing: { count: -1 } } }, 'voucherPlan.hearing.count', '（胎児1人あたり）'],
    [{ voucherPlan: { prenatal: { count: 1.5 } } }, 'voucherPlan.prenatal.count', '整数で入れてください'],
    [
      { voucherPlan: { postpartum: { limitYen: 100_001 } } },
      'voucherPlan.postpartum.limitYen',
      '0〜100,000円',
    ],
    [{ voucherPlan: { postpartum: { limitYen: -1 } } }, 'voucherPlan.postpartum.limitYen', '上限なしは空欄'],
    [{ voucherPlan: { vaccine: { count: 1 } } }, 'voucherPlan.vaccine', '受診券の種類ではありません'],
    [{ epdsFollowUpThreshold: 31 }, 'epdsFollowUpThreshold', '0〜30点'],
    [{ epdsSelfHarmThreshold: 4 }, 'epdsSelfHarmThreshold', '0〜3点'],
    [{ lowBirthWeightGrams: 999 }, 'lowBirthWeightGrams', '1,000〜3,000g'],
    [{ lowBirthWeightGrams: 3001 }, 'lowBirthWeightGrams', 'この重さ未満を低出生体重'],
  ] as const)('%j → %s', (over, path, message) => {
    const errors = checkMaternalSettings(set(over as Partial<MaternalSettings>));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path });
    expect(errors[0]!.message).toContain(message);
  });

  it.each([
    ['the defaults', noSettings],
    [
      'the edges of every range',
      set({
        voucherPlan: {
          prenatal: { count: 30, limitYen: 100_000 },
          postpartum: { count: 0, limitYen: 0 },
          hearing: { limitYen: null, enabled: false },
        },
        epdsFollowUpThreshold: 0,
        epdsSelfHarmThreshold: 3,
        lowBirthWeightGrams: 1000,
      }),
    ],
    ['3,000 g', set({ lowBirthWeightGrams: 3000, epdsFollowUpThreshold: 30, epdsSelfHarmThreshold: 0 })],
  ])('accepts %s', (_name, s) => {
    expect(checkMaternalSettings(s)).toEqual([]);
  });
});
