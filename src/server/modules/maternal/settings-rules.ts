/**
 * 母子保健の自治体設定 (pure): what a municipality varies and the notes leave unconfirmed — the 受診券 it issues
 * (maternal-child-vaccination-pmh.md §4.3 妊婦健診 ~14回, §4.4 産婦健診 2回 ≤5,000円/回, §4.5 聴覚検査の受診票 and the
 * city's own 子宮頸がん・妊婦歯科), the EPDS フォロー対象 cut-offs (§4.4 [P], the Kyoto example 9点 / 問10 1点) and the
 * 低出生体重 threshold (§4.2, < 2,500 g [U]). A key not set is the default in code (vouchers.ts, checkup-items.ts,
 * birth-rules.ts); the effective settings are what the services judge and issue with.
 */
import { defaultLowBirthWeightG } from '../infant/birth-rules.ts';
import { epdsFollowUpThreshold, epdsSelfHarmThreshold } from './checkup-items.ts';
import { type VoucherKind, type VoucherType, voucherTypes } from './vouchers.ts';

/** One kind of 受診券 as set (maternal_settings.voucher_plan): a key absent = the default. */
export type VoucherPlanEntry = { count?: number; limitYen?: number | null; enabled?: boolean };

export type MaternalSettings = {
  voucherPlan: Partial<Record<string, VoucherPlanEntry>>;
  epdsFollowUpThreshold: number | null;
  epdsSelfHarmThreshold: number | null;
  lowBirthWeightGrams: number | null;
};

export type EffectiveMaternalSettings = {
  /** the kinds issued (enabled), with the count and 助成上限 in force */
  voucherTypes: VoucherType[];
  epdsFollowUpThreshold: number;
  epdsSelfHarmThreshold: number;
  lowBirthWeightGrams: number;
};

/** The ranges a setting may take (the messages name them). */
export const settingLimits = {
  count: [0, 30],
  limitYen: [0, 100_000],
  epdsFollowUpThreshold: [0, 30],
  epdsSelfHarmThreshold: [0, 3],
  lowBirthWeightGrams: [1_000, 3_000],
} as const;

/** The defaults in code, as the screen shows them beside each field. */
export const maternalDefaults = {
  voucherTypes: voucherTypes.map(({ kind, label, count, perFetus, limitYen }) => ({
    kind,
    label,
    count,
    perFetus,
    limitYen,
  })),
  epdsFollowUpThreshold,
  epdsSelfHarmThreshold,
  lowBirthWeightGrams: defaultLowBirthWeightG,
};

export const noSettings: MaternalSettings = {
  voucherPlan: {},
  epdsFollowUpThreshold: null,
  epdsSelfHarmThreshold: null,
  lowBirthWeightGrams: null,
};

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const inRange = (n: number, [min, max]: readonly [number, number]) =>
  Number.isInteger(n) && n >= min && n <= max;

/** Checks a setting; the messages say what to fix. */
export function checkMaternalSettings(s: MaternalSettings): Array<{ path: string; message: string }> {
  const errors: Array<{ path: string; message: string }> = [];
  const push = (path: string, message: string) => errors.push({ path, message });
  for (const [kind, p] of Object.entries(s.voucherPlan)) {
    const t = voucherTypes.find((x) => x.kind === kind);
    if (!t) {
      push(`voucherPlan.${kind}`, `${kind} は受診券の種類ではありません。`);
      continue;
    }
    if (!p) continue;
    const [cMin, cMax] = settingLimits.count;
    if (p.count !== undefined && !inRange(p.count, settingLimits.count))
      push(
        `voucherPlan.${kind}.count`,
        `${t.label}の回数は${cMin}〜${cMax}の整数で入れてください${t.perFetus ? '（胎児1人あたり）' : ''}。`,
      );
    const [yMin, yMax] = settingLimits.limitYen;
    if (p.limitYen !== undefined && p.limitYen !== null && !inRange(p.limitYen, settingLimits.limitYen))
      push(
        `voucherPlan.${kind}.limitYen`,
        `${t.label}の助成上限は${yMin}〜${yen(yMax)}の整数で入れてください（上限なしは空欄）。`,
      );
  }
  const [eMin, eMax] = settingLimits.epdsFollowUpThreshold;
  if (s.epdsFollowUpThreshold !== null && !inRange(s.epdsFollowUpThreshold, [eMin, eMax]))
    push(
      'epdsFollowUpThreshold',
      `EPDS の合計点の基準は${eMin}〜${eMax}点の整数で入れてください（この点数以上をフォロー対象にします）。`,
    );
  const [qMin, qMax] = settingLimits.epdsSelfHarmThreshold;
  if (s.epdsSelfHarmThreshold !== null && !inRange(s.epdsSelfHarmThreshold, [qMin, qMax]))
    push(
      'epdsSelfHarmThreshold',
      `EPDS 問10 の基準は${qMin}〜${qMax}点の整数で入れてください（この点数以上をフォロー対象にします）。`,
    );
  const [gMin, gMax] = settingLimits.lowBirthWeightGrams;
  if (s.lowBirthWeightGrams !== null && !inRange(s.lowBirthWeightGrams, [gMin, gMax]))
    push(
      'lowBirthWeightGrams',
      `低出生体重の基準は${gMin.toLocaleString('ja-JP')}〜${gMax.toLocaleString('ja-JP')}gの整数で入れてください（この重さ未満を低出生体重にします）。`,
    );
  return errors;
}

/**
 * The week of each 回 when a kind has another count than the default: the default weeks spread over the new count
 * (回 i of n takes the latest week of its share, so the last 回 keeps the last week) — e.g. 妊婦健診 16回 takes
 * 11, 15, 19, … 39週 with some weeks twice; 7回 takes every second week from 15週. A kind without weeks stays so.
 */
export function spreadWeeks(weeks: (number | null)[], count: number): (number | null)[] {
  if (count === weeks.length || weeks.length === 0) return weeks.slice(0, count);
  return Array.from({ length: count }, (_, i) => weeks[Math.ceil(((i + 1) * weeks.length) / count) - 1]!);
}

/** The settings in force: each key set, else the default; a kind disabled (or 0回) is not issued. */
export function effectiveMaternalSettings(s: MaternalSettings): EffectiveMaternalSettings {
  const types: VoucherType[] = [];
  for (const t of voucherTypes) {
    const p = s.voucherPlan[t.kind as VoucherKind] ?? {};
    if (p.enabled === false) continue;
    const count = p.count ?? t.count;
    if (count === 0) continue;
    types.push({
      ...t,
      count,
      limitYen: p.limitYen === undefined ? t.limitYen : p.limitYen,
      weeks: spreadWeeks(t.weeks, count),
    });
  }
  return {
    voucherTypes: types,
    epdsFollowUpThreshold: s.epdsFollowUpThreshold ?? epdsFollowUpThreshold,
    epdsSelfHarmThreshold: s.epdsSelfHarmThreshold ?? epdsSelfHarmThreshold,
    lowBirthWeightGrams: s.lowBirthWeightGrams ?? defaultLowBirthWeightG,
  };
}
