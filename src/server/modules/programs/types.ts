/**
 * 事業マスタ (program master) for adult screenings (成人検診): what the city runs in each 年度 and by which
 * rules. Every field is configuration with the national guideline (指針) as default (defaults.ts);
 * staff edit it per 年度 in 成人保健 › 事業マスタ.
 *
 * Source of the rules: adult-health-statistics-bank-barcode.md §2.1–§2.8.
 */
import type { RelativeReferenceDate } from '../../platform/calendar/fiscal-year.ts';

export const programCodes = [
  'stomach',
  'colorectal',
  'lung',
  'breast',
  'cervical',
  'osteoporosis',
  'periodontal',
  'hepatitis',
  'health_checkup',
] as const;
export type ProgramCode = (typeof programCodes)[number];

/** The five cancer screenings (がん検診) of the 指針. */
export const cancerProgramCodes: ProgramCode[] = ['stomach', 'colorectal', 'lung', 'breast', 'cervical'];

export const programLabels: Record<ProgramCode, string> = {
  stomach: '胃がん検診',
  colorectal: '大腸がん検診',
  lung: '肺がん検診',
  breast: '乳がん検診',
  cervical: '子宮頸がん検診',
  osteoporosis: '骨粗鬆症検診',
  periodontal: '歯周疾患検診',
  hepatitis: '肝炎ウイルス検診',
  health_checkup: '健康診査',
};

/**
 * 受診間隔:
 * - `interval`: not screened (by this program / method) in this 年度 nor in the previous `years − 1`
 *   年度 — years 1 = 毎年, 2 = 2年に1回 judged by "前年度に受診していない" (§2.3), 5 = HPV検査単独法.
 * - `parity`: 2年に1回 by the parity of 年度末年齢 (偶数年齢 / 奇数年齢, §2.3 堺市・久留米市).
 * - `once`: once in a lifetime (肝炎ウイルス検診, §2.6).
 */
export type IntervalRule =
  | { kind: 'interval'; years: number }
  | { kind: 'parity'; parity: 'even' | 'odd' }
  | { kind: 'once' };

/** 検査方法 (胃: X線 / 内視鏡, 子宮頸: 細胞診 / HPV検査単独法): own age range and interval when set. */
export type ProgramMethod = {
  code: string;
  name: string;
  enabled: boolean;
  ageMin: number | null;
  ageMax: number | null;
  /** Overrides the program's interval for this method (history is matched by method). */
  interval: IntervalRule | null;
  /**
   * HPV検査単独法: after HPV陽性 with トリアージ細胞診 陰性 (追跡検査対象), HPV検査 again after this many
   * years instead of `interval` (§2.1: 1年後). null = no follow-up rule.
   */
  followUpYears: number | null;
};

/**
 * 自己負担金の免除 kinds a person can be registered with (on the resident's 成人検診 tab). Which kinds exempt
 * from which program is the city's choice (FeeRule.exemptKinds).
 */
export const feeExemptionKinds = {
  welfare: '生活保護受給者',
  tax_exempt: '市町村民税非課税世帯',
  other: 'その他（市が認めた方）',
} as const;
export type FeeExemptionKind = keyof typeof feeExemptionKinds;

/** 自己負担金 and who is exempt (printed on the ticket; verified at the clinic). */
export type FeeRule = {
  /** 自己負担金 in yen per method code, or '*' for the program. */
  amounts: Record<string, number>;
  /** e.g. 「生活保護受給者・市民税非課税世帯の方は無料（証明書が必要です）」 */
  exemptionNote: string;
  /** registered 免除 kinds that make this program free for the person (their ticket says 免除) */
  exemptKinds: FeeExemptionKind[];
};

/**
 * がん検診無料クーポン: the ages (年度末年齢) reached in the PREVIOUS 年度 (§2.4: 令和6年度 coupons → 子宮頸
 * 20歳, 乳 40歳 reached in 令和5年度). A coupon holder is invited even when the interval rule would skip
 * them this 年度 (the coupon is a national programme aimed at them).
 */
export type CouponRule = { ages: number[]; basis: 'previous_fiscal_year' | 'this_fiscal_year' };

export type ProgramSettings = {
  code: ProgramCode;
  name: string;
  /** 実施する: a program not run this 年度 is skipped in every extraction. */
  enabled: boolean;
  sex: 'any' | 'female' | 'male';
  /** 年度末年齢 range (inclusive); ageMax null = no upper limit. */
  ageMin: number;
  ageMax: number | null;
  /** 節目年齢: when set, only these ages (歯周疾患 20, 30, …; 骨粗鬆症 40, 45, …). */
  ageList: number[] | null;
  /** 年齢基準日 (default 年度末 = 3月31日 of the next year) and cohort rule (§2.2). */
  referenceDate: RelativeReferenceDate;
  cohort: 'legal' | 'naive';
  interval: IntervalRule;
  methods: ProgramMethod[];
  fees: FeeRule;
  coupon: CouponRule | null;
  /** 個別 (clinics) / 集団 (sessions at venues) / both. */
  delivery: 'individual' | 'group' | 'both';
  /** 受診期間 printed on the ticket (YYYY-MM-DD; null = the whole 年度). */
  periodStart: string | null;
  periodEnd: string | null;
  /** Free text printed on the ticket under the program (持ち物, 注意事項). */
  notice: string;
};
