/**
 * 予防接種マスタの型 (the shape of the vaccine master). The master itself is plain data (vaccine-master*.ts); the
 * engine (rules*.ts) interprets it. Source of every value: maternal-child-vaccination-pmh.md §1.3–§1.7.
 */
import type { LocalDate } from '../../platform/calendar/index.ts';

export const vaccineCodes = [
  'DPT_IPV_HIB',
  'DPT_IPV',
  'HIB',
  'PCV',
  'HEPB',
  'ROTA1',
  'ROTA5',
  'BCG',
  'MR1',
  'MR2',
  'VAR',
  'JE1',
  'JE2',
  'DT2',
  'HPV',
  'FLU_ELD',
  'PNEU_ELD',
  'COVID',
  'HZ',
  'RSV_PREG',
] as const;
export type VaccineCode = (typeof vaccineCodes)[number];

/** A類 (集団予防, 努力義務・勧奨あり) / B類 (個人予防). §1.1 */
export type VaccineCategory = 'A' | 'B';
/** 注射生 / 経口生 / 不活化・組換え・mRNA. Only 注射生 → 注射生 has the 27-day rule (§1.5). */
export type VaccineKind = 'INJ_LIVE' | 'ORAL_LIVE' | 'INACT';

/** 対象疾病 — exclusion flags (既罹患 etc.) are given per disease. */
export type Disease =
  | 'diphtheria'
  | 'pertussis'
  | 'tetanus'
  | 'polio'
  | 'hib'
  | 'pneumococcus'
  | 'hepatitis_b'
  | 'rotavirus'
  | 'tuberculosis'
  | 'measles'
  | 'rubella'
  | 'varicella'
  | 'japanese_encephalitis'
  | 'hpv'
  | 'influenza'
  | 'covid19'
  | 'herpes_zoster'
  | 'rsv';

/**
 * A point in a person's life, in the wording of the 施行令 / 実施規則 (§1.2):
 * - {months: N}: 生後N月に至った日 (as a start: "生後N月から"; as an end: "生後N月に至るまで"); with dayAfter: "…の翌日"
 * - {years: N}: N歳に至った日 (start: "N歳以上"; end: "N歳に至るまで / 未満 / 達するまで"); with dayAfter: the birthday
 * - {weeks, days}: 出生W週D日後 (birth = 0週0日)
 * - {fiscalYearOfAge: X, edge}: X歳となる日の属する年度の初日 / 末日
 * - {schoolEntry: 'yearBefore' | 'dayBefore'}: 小学校就学の始期の1年前の日 / 始期の前日
 * - {pregnancyWeeks, days}: 妊娠W週D日 (needs the 出産予定日)
 * - {date}: a fixed calendar date (経過措置 periods)
 */
export type AgePoint =
  | { months: number; dayAfter?: true }
  | { years: number; dayAfter?: true }
  | { weeks: number; days: number }
  | { fiscalYearOfAge: number; edge: 'start' | 'end' }
  | { schoolEntry: 'yearBefore' | 'dayBefore' }
  | { pregnancyWeeks: number; days: number }
  | { date: LocalDate };

/** The end of a window without an upper age (65歳以上). */
export const OPEN_END: LocalDate = '9999-12-31';

/** An inclusive window [from, to] with its wording for staff (e.g. '生後2月から生後90月に至るまで'). */
export interface AgeWindow {
  from: AgePoint;
  to: AgePoint;
  label: string;
}

/** An interval length: N日 / N週 / N月 / N月半 (§1.2 interval wording). */
export type Span = { days: number } | { weeks: number } | { months: number; half?: true };

export interface IntervalRule {
  /** The dose counted from: an index in the series (0 = first dose) or the previous dose given (skips ignored). */
  after: number | 'previous';
  /** N以上の間隔 (hard, 実施規則). */
  min: Span;
  /** Replaces `min` when a dose of the series was left out (ヒブ: 初回 not finished by 1歳 → 追加 ≥27日). */
  minIfSkipped?: Span;
  /** 標準的な間隔 (soft, 実施要領): [min, max]. */
  standard?: { min: Span; max: Span };
  /** Wording for staff, e.g. '前回から27日以上（医師が必要と認めた場合は20日以上）'. */
  label: string;
}

export interface DoseRule {
  label: string;
  intervals?: IntervalRule[];
  /** 標準的な接種期間 for this dose by age. */
  standard?: AgeWindow;
  /** Not before this point (PCV 追加: 生後12月以降). */
  notBefore?: { at: AgePoint; label: string };
  /** Only until this point; if not given by then the dose is left out (PCV 初回2・3回目: 生後24月に至るまで). */
  deadline?: { at: AgePoint; label: string };
  /** Left out if the previous dose was given after this point (PCV: 初回2回目が生後12月を超えた場合 初回3回目は行わない). */
  skipIfPreviousAfter?: { at: AgePoint; label: string };
}

/** One dose structure; the engine picks the first series whose start range and products match (§1.4). */
export interface SeriesRule {
  label: string;
  /** The first dose falls in [startFrom, startTo] (both optional). */
  startFrom?: AgePoint;
  startTo?: AgePoint;
  /** Products this series applies to (none = any). */
  products?: string[];
  doses: DoseRule[];
}

export interface ProductDef {
  code: string;
  name: string;
  /** Overrides the vaccine's kind (帯状疱疹 生 = INJ_LIVE, 組換え = INACT). */
  kind?: VaccineKind;
}

/** One version of a vaccine's rules, in force from validFrom to validTo (inclusive; null = open). */
export interface VaccineRuleVersion {
  validFrom: LocalDate | null;
  validTo: LocalDate | null;
  /** Only for people born in this range (ロタ: born 2020-08-01 or later). */
  bornFrom?: LocalDate;
  bornTo?: LocalDate;
  /** 定期接種の対象者 (施行令): one or more windows. */
  legal: AgeWindow[];
  /** 60〜64歳の障害 (身体障害者手帳1級相当) that opens the window from 60歳. */
  disabilityFrom60?: Array<'organ' | 'hiv'>;
  products?: ProductDef[];
  defaultProduct?: string;
  series: SeriesRule[];
  /** Having received one of these products (as 定期 or 任意) before this version excludes the person (PPSV23). */
  excludedAfterProducts?: { products: string[]; label: string };
  note?: string;
}

export interface VaccineDefinition {
  code: VaccineCode;
  name: string;
  category: VaccineCategory;
  kind: VaccineKind;
  diseases: Disease[];
  /** 施行令第3条: 既罹患 excludes, except インフルエンザ and 新型コロナ. Excluded only if ALL diseases are flagged. */
  pastInfectionExcludes: boolean;
  /** Only for this sex (HPV, RSV 妊婦). */
  sex?: 'M' | 'F';
  /** Before the legal window: 'upcoming' (children's programs) or 'not_eligible' (adult target groups). */
  beforeWindow: 'upcoming' | 'not_eligible';
  /** One dose per 年度 within a season (インフルエンザ, 新型コロナ). */
  yearly?: { seasonFrom: string; seasonTo: string; label: string };
  /** Once per pregnancy (RSV 母子免疫): doses before 妊娠0週0日 of the current pregnancy do not count. */
  perPregnancy?: true;
  /** 同じグループで、どれで接種を続けるか (5種混合 / 4種混合+ヒブ, ロタ1価 / 5価). */
  group?: { id: string; role: 'default' | 'continuation' | 'choice' };
  /** 長期療養特例: years after the reason ended (2, 高齢者肺炎球菌 1), age cap (BCG 4歳未満 …), or excluded. */
  longTermCare: { years: number; capYears?: number } | null;
  versions: VaccineRuleVersion[];
}

/** 特例・経過措置 as data (§1.4, §1.6): extra legal windows for a cohort, a per-person flag or earlier doses. */
export interface SpecialRule {
  id: string;
  label: string;
  vaccines: VaccineCode[];
  bornFrom?: LocalDate;
  bornTo?: LocalDate;
  sex?: 'M' | 'F';
  /** Needs this per-person flag (市町村長が認めた / 抗体価が不十分). */
  flag?: 'mrShortage' | 'rubella5';
  /** Needs at least one dose of the vaccine between these dates (HPV 経過措置). */
  priorDoseBetween?: { from: LocalDate; to: LocalDate };
  /** The extra windows, cut to [validFrom, validTo] (validFrom null: in force before any record we judge). */
  windows: AgeWindow[];
  validFrom: LocalDate | null;
  validTo: LocalDate | null;
  /** The vaccine's 標準的な接種期間 does not apply within these windows (風しん第5期: adults). */
  noStandard?: true;
  /** Confidence mark of the source (§ legend): C confirmed, P partial, U unconfirmed. */
  confidence: 'C' | 'P' | 'U';
}

export interface VaccineMaster {
  version: string;
  /** N月以上の間隔 when there is no 応当日: MHLW (翌月1日) or month-end (some municipalities, §1.2 caution). */
  monthEndRule: 'mhlw' | 'month-end';
  vaccines: VaccineDefinition[];
  specials: SpecialRule[];
}
