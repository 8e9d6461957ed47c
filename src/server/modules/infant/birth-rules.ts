/**
 * 出生連絡票の確認 (F07-01) as pure rules: what a 出生連絡票 may hold (maternal-child-vaccination-pmh.md §4.2 — the
 * low-birth-weight notice items: 出生日時・場所, 出生時体重, 妊娠週数, 立会者) and the flags it raises: 低出生体重
 * (法第18条, < 2,500 g — the threshold is [U] in the note, so it is a parameter with this default), 極低出生体重
 * (< 1,500 g), 早産 (< 37週0日) and a low Apgar at 5 minutes (< 7). 低出生体重 feeds 養育医療 (§6: 出生時体重 ≤ 2,000 g
 * is a criterion) and the newborn visits, through the follow-up list.
 */

/** 分娩方法 (births.delivery) */
export const deliveryMethods = {
  vaginal: '経腟分娩',
  cesarean: '帝王切開',
  vacuum: '吸引分娩',
  forceps: '鉗子分娩',
  other: 'その他',
} as const;
export type DeliveryMethod = keyof typeof deliveryMethods;

/** 受理の経路 (births.received_via, F07-01 step 1 and notes) */
export const receivedVias = {
  counter: '来所',
  mail: '送付',
  visit: '新生児訪問',
  checkup: '健診',
} as const;
export type ReceivedVia = keyof typeof receivedVias;

/** 低出生体重の基準 (法第18条の届出; §4.2, threshold [U] — the default; a city sets another in 母子保健の設定). */
export const defaultLowBirthWeightG = 2500;
/** 極低出生体重 */
export const veryLowBirthWeightG = 1500;
/** 早産: born before 37週0日 (as isPreterm in the calendar kernel) */
export const pretermWeeks = 37;
/** Apgar at 5 minutes below this is followed up (新生児仮死の目安) */
export const lowApgar5 = 7;

/** Plausible ranges of the measurements (an entry outside is a typing error, not a rare baby). */
export const birthLimits = {
  weightG: [200, 6000],
  heightMm: [200, 650],
  headMm: [150, 450],
  chestMm: [150, 450],
  weeks: [22, 44],
  days: [0, 6],
  apgar: [0, 10],
  birthOrder: [1, 5],
} as const;

export type FieldIssue = { path: string; message: string };

/**
 * 身長・頭囲・胸囲 as typed in cm with at most one decimal ('49.5', '４９．５') → mm (495); '' → null; an error
 * message when it is not such a number.
 */
export function cmToMm(text: string): { ok: true; mm: number | null } | { ok: false; message: string } {
  const t = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/cm$/i, '');
  if (!t) return { ok: true, mm: null };
  if (!/^\d{1,3}(\.\d)?$/.test(t))
    return { ok: false, message: 'cm で小数第1位まで入力してください（例: 49.5）。' };
  return { ok: true, mm: Math.round(Number(t) * 10) };
}

/** mm → the cm text shown again (495 → '49.5'). */
export const mmToCm = (mm: number | null): string => (mm === null ? '' : (mm / 10).toFixed(1));

export type BirthValues = {
  birthWeightG: number | null;
  heightMm: number | null;
  headMm: number | null;
  chestMm: number | null;
  gestationalWeeks: number | null;
  gestationalDays: number | null;
  apgar1: number | null;
  apgar5: number | null;
  delivery: string;
  receivedVia: string;
  birthTime: string;
  birthOrder: number | null;
};

const inRange = (v: number | null, [lo, hi]: readonly [number, number]) =>
  v === null || (Number.isInteger(v) && v >= lo && v <= hi);

/**
 * The checks of a 出生連絡票 (§4.2): every message says what to fix. `fetusCount` is the pregnancy's 胎児数
 * (多胎: the 出生順 is required and at most the 胎児数).
 */
export function checkBirth(v: BirthValues, fetusCount: number | null): FieldIssue[] {
  const out: FieldIssue[] = [];
  const push = (path: string, message: string) => out.push({ path, message });
  if (!(v.receivedVia in receivedVias))
    push('receivedVia', '受理の経路（来所・送付・新生児訪問・健診）を選んでください。');
  if (v.birthWeightG === null) push('birthWeightG', '出生時体重（g）を入力してください。');
  else if (!inRange(v.birthWeightG, birthLimits.weightG))
    push('birthWeightG', '出生時体重は 200〜6000 g の整数で入力してください（kg ではなく g です）。');
  if (!inRange(v.heightMm, birthLimits.heightMm))
    push('heightCm', '身長は 20.0〜65.0 cm で入力してください。');
  if (!inRange(v.headMm, birthLimits.headMm)) push('headCm', '頭囲は 15.0〜45.0 cm で入力してください。');
  if (!inRange(v.chestMm, birthLimits.chestMm)) push('chestCm', '胸囲は 15.0〜45.0 cm で入力してください。');
  if (v.gestationalWeeks === null) push('gestationalWeeks', '在胎週数（週）を入力してください。');
  else if (!inRange(v.gestationalWeeks, birthLimits.weeks))
    push('gestationalWeeks', '在胎週数は 22〜44 週で入力してください。');
  if (!inRange(v.gestationalDays, birthLimits.days))
    push('gestationalDays', '在胎週数の日は 0〜6 日で入力してください。');
  if (!inRange(v.apgar1, birthLimits.apgar))
    push('apgar1', 'アプガースコア（1分）は 0〜10 で入力してください。');
  if (!inRange(v.apgar5, birthLimits.apgar))
    push('apgar5', 'アプガースコア（5分）は 0〜10 で入力してください。');
  if (v.delivery && !(v.delivery in deliveryMethods))
    push('delivery', '分娩方法は 経腟・帝王切開・吸引・鉗子・その他 から選んでください。');
  if (v.birthTime && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.birthTime))
    push('birthTime', '出生時刻は 24時間制の HH:MM で入力してください（例: 09:45）。');
  if (!inRange(v.birthOrder, birthLimits.birthOrder))
    push('birthOrder', '出生順は 1〜5 で入力してください。');
  else if (fetusCount !== null && fetusCount > 1) {
    if (v.birthOrder === null)
      push('birthOrder', `多胎（${fetusCount}胎）です。出生順（第何子か）を入力してください。`);
    else if (v.birthOrder > fetusCount)
      push('birthOrder', `出生順が胎児数（${fetusCount}）を超えています。出生順を確かめてください。`);
  }
  return out;
}

export type BirthFlags = {
  lowBirthWeight: boolean;
  veryLowBirthWeight: boolean;
  preterm: boolean;
  lowApgar5: boolean;
};

/** The flags of a birth (§4.2, §6): the 低出生体重 threshold is the city's (default 2,500 g). */
export function birthFlags(
  v: Pick<BirthValues, 'birthWeightG' | 'gestationalWeeks' | 'apgar5'>,
  lowBirthWeightG = defaultLowBirthWeightG,
): BirthFlags {
  const w = v.birthWeightG;
  return {
    lowBirthWeight: w !== null && w < lowBirthWeightG,
    veryLowBirthWeight: w !== null && w < veryLowBirthWeightG,
    preterm: v.gestationalWeeks !== null && v.gestationalWeeks < pretermWeeks,
    lowApgar5: v.apgar5 !== null && v.apgar5 < lowApgar5,
  };
}

/** The reasons a birth is registered for follow-up, as the 地区担当保健師 reads them (empty: none). */
export function birthFollowUpReasons(
  v: Pick<BirthValues, 'birthWeightG' | 'gestationalWeeks' | 'gestationalDays' | 'apgar5'>,
  flags: BirthFlags,
): string[] {
  const out: string[] = [];
  const g = (n: number) => n.toLocaleString('ja-JP');
  if (flags.veryLowBirthWeight) out.push(`極低出生体重（${g(v.birthWeightG!)}g）`);
  else if (flags.lowBirthWeight) out.push(`低出生体重（${g(v.birthWeightG!)}g）`);
  if (flags.preterm) out.push(`早産（在胎${v.gestationalWeeks}週${v.gestationalDays ?? 0}日）`);
  if (flags.lowApgar5) out.push(`アプガースコア5分値 ${v.apgar5}点`);
  return out;
}
