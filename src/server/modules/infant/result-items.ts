/**
 * 乳幼児健診の結果項目 (F07-04/F07-05, maternal-child-vaccination-pmh.md §4.6) as data: the 計測 (身長・体重・頭囲・胸囲)
 * with the plausible range for the age of each checkup, the 法定 items of 施行規則第2条 (1歳6か月・3歳; 3歳 adds 眼・
 * 耳鼻咽頭; the other checkups use their usual items from checkups.ts) each 所見なし/所見あり + 所見 + an area 判定,
 * and the 歯科健診 (1歳6か月・3歳): 歯数, むし歯 (未処置・処置), 歯垢, 咬合, むし歯のリスク分類, フッ化物塗布.
 */
import {
  type InfantCheckupCode,
  infantCheckupItemLabels,
  infantCheckupOf,
  type Judgement,
} from './checkups.ts';

export type Measure = 'heightCm' | 'weightKg' | 'headCm' | 'chestCm';
export type MeasureDef = {
  code: Measure;
  label: string;
  unit: string;
  min: number;
  max: number;
  decimals: 1 | 2;
};

/**
 * Plausible ranges (入力誤りの検出, not growth judgement): wide bands around the 乳幼児身体発育調査 percentiles of each
 * checkup's age window; a value outside is refused as a typing error with the range named.
 */
const ranges: Record<InfantCheckupCode, Record<Measure, [number, number]>> = {
  m1: { heightCm: [44, 65], weightKg: [2, 7], headCm: [32, 42], chestCm: [30, 44] },
  m3: { heightCm: [52, 74], weightKg: [4, 10.5], headCm: [37, 47], chestCm: [36, 49] },
  m9: { heightCm: [62, 82], weightKg: [6, 13], headCm: [41, 50], chestCm: [40, 53] },
  y1h: { heightCm: [70, 95], weightKg: [7.5, 16], headCm: [43, 52], chestCm: [43, 56] },
  y3: { heightCm: [84, 110], weightKg: [10, 23], headCm: [45, 55], chestCm: [46, 60] },
  y5: { heightCm: [98, 128], weightKg: [13, 32], headCm: [47, 57], chestCm: [49, 66] },
};
const measureLabels: Record<Measure, [string, string]> = {
  heightCm: ['身長', 'cm'],
  weightKg: ['体重', 'kg'],
  headCm: ['頭囲', 'cm'],
  chestCm: ['胸囲', 'cm'],
};

export function measuresOf(code: InfantCheckupCode): MeasureDef[] {
  return (Object.keys(measureLabels) as Measure[]).map((m) => {
    const [min, max] = ranges[code][m];
    const [label, unit] = measureLabels[m];
    return { code: m, label, unit, min, max, decimals: m === 'weightKg' ? 2 : 1 };
  });
}

export const findingLabels = { none: '所見なし', present: '所見あり' } as const;
export type Finding = keyof typeof findingLabels;

/** An item's 判定 (the area's): 要精密 of any area makes the checkup 要精密 and proposes a 精密健診依頼. */
export const areaJudgements: Judgement[] = ['normal', 'observe', 'detailed', 'treatment', 'under_care'];

/** The 診察 items of a checkup (codes and labels of checkups.ts). */
export const findingItemsOf = (code: InfantCheckupCode) =>
  (infantCheckupOf(code)?.items ?? []).map((c) => ({ code: c, label: infantCheckupItemLabels[c] ?? c }));

export const plaqueLabels = { none: 'なし', little: '少量', much: '多量' } as const;
export const occlusionLabels = { normal: '正常', abnormal: '異常（反対咬合・開咬・過蓋咬合 等）' } as const;
export const fluorideLabels = { applied: '実施', not_applied: '未実施' } as const;

/**
 * むし歯のリスク分類 (1歳6か月児・3歳児歯科健康診査の判定区分, 厚生省 歯科健康診査実施要領 [P]): 1歳6か月 O1・O2
 * (むし歯なし; O2 = 口腔環境が悪くむし歯になりやすい), A・B・C (むし歯あり: A 上顎前歯のみ or 臼歯のみ, B 臼歯と上顎前歯,
 * C 臼歯・上下前歯); 3歳 O (むし歯なし), A・B・C1・C2 (C2 = 下顎前歯を含む).
 */
export const cariesRiskTypes: Partial<Record<InfantCheckupCode, readonly string[]>> = {
  y1h: ['O1', 'O2', 'A', 'B', 'C'],
  y3: ['O', 'A', 'B', 'C1', 'C2'],
};

export type DentalDef = {
  teethMax: number;
  riskTypes: readonly string[];
};
/** 歯数: 乳歯 20本まで (1歳6か月 usually 12–16, 3歳 20). */
export const dentalOf = (code: InfantCheckupCode): DentalDef | null => {
  const types = cariesRiskTypes[code];
  return infantCheckupOf(code)?.dental && types ? { teethMax: 20, riskTypes: types } : null;
};

/** What is stored in infant_checkup_results.items / dental. */
export type FindingValue = { finding: Finding; note: string; judgement: Judgement };
export type ResultItems = {
  measures: Partial<Record<Measure, number>>;
  findings: Record<string, FindingValue>;
};
export type DentalValues = {
  teeth: number;
  cariesUntreated: number;
  cariesTreated: number;
  plaque: keyof typeof plaqueLabels;
  occlusion: keyof typeof occlusionLabels;
  riskType: string;
  fluoride: keyof typeof fluorideLabels;
  judgement: Judgement;
  note: string;
};
