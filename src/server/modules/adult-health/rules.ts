/**
 * 成人検診の対象判定 (adult screening eligibility): pure functions, one program × one person × one 年度.
 *
 * Sources (adult-health-statistics-bank-barcode.md): §2.1 がん検診 targets and intervals (指針), §2.2 年度末年齢
 * (legal cohort by default, configurable), §2.3 "2年に1回" = no screening in the previous 年度, or by the
 * parity of 年度末年齢, §2.4 coupons (age reached in the previous 年度), §2.6 節目 ages and once-in-a-lifetime
 * 肝炎ウイルス検診, §2.1 HPV検査単独法 5 years with a 1-year 追跡検査 after HPV陽性・細胞診陰性.
 */
import { fiscalYearEndAge } from '../../platform/calendar/index.ts';
import type { IntervalRule, ProgramMethod, ProgramSettings } from '../programs/types.ts';

/** One past screening (受診歴). */
export type HistoryEntry = {
  program: string;
  method?: string | null;
  /** 年度 of the screening */
  fiscalYear: number;
  /** e.g. 'hpv_positive_cytology_negative' (HPV陽性・トリアージ細胞診陰性 = 追跡検査対象) */
  result?: string | null;
};

/** 送付不要登録 (all programs when program is null), valid over [validFrom, validUntil]. */
export type OptOut = { program: string | null; reason: string; validFrom: string; validUntil: string | null };

export type PersonFacts = {
  birthDate: string;
  /** 1 男 / 2 女 / 9 不明 */
  sex: string;
  /** residents.status: only 'resident' (住民) is invited */
  status: string;
};

/** 受診歴の結果 codes (results entry F03 adds its own). */
export const resultLabels = {
  negative: '異常なし',
  needs_followup: '要精検',
  hpv_negative: 'HPV陰性',
  hpv_positive_cytology_negative: 'HPV陽性・細胞診陰性（追跡検査）',
  hpv_positive_cytology_positive: 'HPV陽性・細胞診陽性（要精検）',
} as const;

/** HPV陽性でトリアージ細胞診が陰性: 追跡検査 (HPV検査) after followUpYears. */
export const hpvFollowUpResult = 'hpv_positive_cytology_negative';

/** Why a person is (not) a target. Blocking reasons make the person ineligible; info reasons do not. */
export const reasonLabels = {
  not_resident: '住民でない',
  program_disabled: '実施していない',
  sex: '性別対象外',
  age: '年齢対象外',
  not_milestone: '節目年齢でない',
  parity_odd: '隔年対象外(奇数年齢)',
  parity_even: '隔年対象外(偶数年齢)',
  screened_this_year: '今年度受診済',
  screened_previous_year: '前年度受診済',
  screened_recently: '受診間隔内',
  once_done: '生涯1回受診済',
  no_method: '対象の検査方法なし',
  opt_out: '送付不要登録あり',
  coupon: 'クーポン対象',
  hpv_follow_up: 'HPV追跡検査対象',
} as const;
export type ReasonCode = keyof typeof reasonLabels;

const infoReasons = new Set<ReasonCode>(['coupon', 'hpv_follow_up']);
export const isBlocking = (code: ReasonCode) => !infoReasons.has(code);

export const optOutReasons = {
  hospitalized: '入院中',
  facility: '施設入所',
  workplace: '職場等で受診',
  declined: '本人の申出',
  other: 'その他',
} as const;
export type OptOutReason = keyof typeof optOutReasons;

/** The judgement of one program (what bulk extraction needs). */
export type Judgement = {
  program: string;
  eligible: boolean;
  /** blocking and info reasons, in a stable order */
  reasons: ReasonCode[];
  /** methods the person can have this 年度 (ticket shows these) */
  methods: string[];
  coupon: boolean;
  /** 年度末年齢 by the program's 年齢基準日 and cohort rule; null when born after the reference date */
  ageAtFiscalYearEnd: number | null;
  /** the interval of 受診間隔内 (前回受診から5年未満) */
  intervalYears?: number;
  /** 送付不要 reason when opted out */
  optOut?: string;
};

/** A judgement with the Japanese labels of its reasons (screens, CSV, CLI). */
export type Eligibility = Judgement & { labels: string[] };

export const withLabels = (j: Judgement): Eligibility => ({
  ...j,
  labels: j.reasons.map((r) => reasonLabel(r, j.intervalYears)),
});

/** Label of a reason, with the interval for 受診間隔内 (前回受診から5年未満). */
export function reasonLabel(code: ReasonCode, interval?: number): string {
  if (code === 'screened_recently' && interval) return `前回受診から${interval}年未満`;
  return reasonLabels[code];
}

/** 年度末年齢 by a program's settings (null when born after the reference date). */
export function programAge(p: Pick<ProgramSettings, 'referenceDate' | 'cohort'>, birth: string, fy: number) {
  try {
    return fiscalYearEndAge(birth, fy, { referenceDate: p.referenceDate, cohort: p.cohort });
  } catch {
    return null;
  }
}

function inRange(age: number, min: number | null, max: number | null): boolean {
  return (min === null || age >= min) && (max === null || age <= max);
}

/** Interval check over the relevant history: null = passes, else the blocking reason. */
export function intervalReason(
  rule: IntervalRule,
  age: number,
  fy: number,
  history: HistoryEntry[],
): ReasonCode | null {
  if (rule.kind === 'parity') {
    if (rule.parity === 'even' && age % 2 !== 0) return 'parity_odd';
    if (rule.parity === 'odd' && age % 2 === 0) return 'parity_even';
    return history.some((h) => h.fiscalYear === fy) ? 'screened_this_year' : null;
  }
  if (rule.kind === 'once') return history.some((h) => h.fiscalYear <= fy) ? 'once_done' : null;
  const last = lastFiscalYear(history, fy);
  if (last === null) return null;
  if (last === fy) return 'screened_this_year';
  if (fy - last < rule.years) return rule.years === 2 ? 'screened_previous_year' : 'screened_recently';
  return null;
}

function lastFiscalYear(history: HistoryEntry[], fy: number): number | null {
  let last: number | null = null;
  for (const h of history)
    if (h.fiscalYear <= fy && (last === null || h.fiscalYear > last)) last = h.fiscalYear;
  return last;
}

/** Latest entry of a method (by 年度) up to fy. */
function latest(history: HistoryEntry[], fy: number): HistoryEntry | undefined {
  let best: HistoryEntry | undefined;
  for (const h of history) if (h.fiscalYear <= fy && (!best || h.fiscalYear > best.fiscalYear)) best = h;
  return best;
}

type MethodCheck = { ok: boolean; reason: ReasonCode | null; followUp: boolean; years?: number };

function checkMethod(
  p: ProgramSettings,
  m: ProgramMethod,
  age: number,
  fy: number,
  programHistory: HistoryEntry[],
): MethodCheck | null {
  if (!m.enabled || !inRange(age, m.ageMin, m.ageMax)) return null;
  // A method with its own interval is judged on its own history; otherwise on the whole program's.
  const history = m.interval ? ofMethod(programHistory, m.code) : programHistory;
  if (m.followUpYears !== null) {
    const last = latest(ofMethod(programHistory, m.code), fy);
    if (last?.result === hpvFollowUpResult && last.fiscalYear < fy && fy - last.fiscalYear >= m.followUpYears)
      return { ok: true, reason: null, followUp: true };
  }
  const rule = m.interval ?? p.interval;
  const reason = intervalReason(rule, age, fy, history);
  return {
    ok: reason === null,
    reason,
    followUp: false,
    years: rule.kind === 'interval' ? rule.years : undefined,
  };
}

// Plain loops below: this runs for every person × program of a city-wide extraction.
function ofMethod(history: HistoryEntry[], method: string): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const h of history) if (h.method === method) out.push(h);
  return out;
}

function ofProgram(history: HistoryEntry[], program: string): HistoryEntry[] {
  if (history.length === 0) return history;
  const out: HistoryEntry[] = [];
  for (const h of history) if (h.program === program) out.push(h);
  return out;
}

function optOutFor(optOuts: OptOut[], program: string, fy: number): OptOut | undefined {
  if (optOuts.length === 0) return undefined;
  const start = `${fy}-04-01`;
  const end = `${fy + 1}-03-31`;
  for (const o of optOuts)
    if (
      (o.program === null || o.program === program) &&
      o.validFrom <= end &&
      (o.validUntil === null || o.validUntil >= start)
    )
      return o;
  return undefined;
}

function blocked(reasons: ReasonCode[]): boolean {
  for (const r of reasons) if (isBlocking(r)) return true;
  return false;
}

function judgement(
  p: ProgramSettings,
  reasons: ReasonCode[],
  methods: string[],
  coupon: boolean,
  age: number | null,
  intervalYears: number | undefined,
  optOut: string | undefined,
): Judgement {
  const eligible = !blocked(reasons);
  const j: Judgement = {
    program: p.code,
    eligible,
    reasons,
    methods: eligible ? methods : [],
    coupon: eligible && coupon,
    ageAtFiscalYearEnd: age,
  };
  if (intervalYears !== undefined) j.intervalYears = intervalYears;
  if (optOut !== undefined) j.optOut = optOut;
  return j;
}

/**
 * 対象判定 for one program: every blocking reason found is listed (年齢対象外 and 性別対象外 together),
 * plus info reasons (クーポン対象, HPV追跡検査対象). A coupon holder is invited even when the interval rule
 * would skip them (§2.4: the coupon targets exactly that age group).
 */
export function evaluateProgram(
  p: ProgramSettings,
  person: PersonFacts,
  fy: number,
  history: HistoryEntry[],
  optOuts: OptOut[] = [],
  age: number | null = programAge(p, person.birthDate, fy),
): Judgement {
  const reasons: ReasonCode[] = [];
  if (!p.enabled) reasons.push('program_disabled');
  if (person.status !== 'resident') reasons.push('not_resident');
  if ((p.sex === 'female' && person.sex !== '2') || (p.sex === 'male' && person.sex !== '1'))
    reasons.push('sex');
  if (age === null || !inRange(age, p.ageMin, p.ageMax)) reasons.push('age');
  else if (p.ageList && !p.ageList.includes(age)) reasons.push('not_milestone');
  if (reasons.length || age === null) return judgement(p, reasons, [], false, age, undefined, undefined);

  const couponAge = p.coupon?.basis === 'previous_fiscal_year' ? age - 1 : age;
  const coupon = p.coupon?.ages.includes(couponAge) === true;
  const programHistory = ofProgram(history, p.code);
  const methods: string[] = [];
  let followUp = false;
  let firstReason: MethodCheck | null = null;
  let applicable = 0;
  let years: number | undefined;
  for (const m of p.methods) {
    const c = checkMethod(p, m, age, fy, programHistory);
    if (!c) continue;
    applicable++;
    if (c.ok || coupon) methods.push(m.code);
    if (c.followUp) followUp = true;
    if (!c.ok && firstReason === null) firstReason = c;
  }
  if (applicable === 0) reasons.push('no_method');
  else if (methods.length === 0 && firstReason?.reason) {
    reasons.push(firstReason.reason);
    if (firstReason.reason === 'screened_recently') years = firstReason.years;
  }
  const opt = optOutFor(optOuts, p.code, fy);
  if (opt) reasons.push('opt_out');
  if (coupon) reasons.push('coupon');
  if (followUp) reasons.push('hpv_follow_up');
  return judgement(p, reasons, methods, coupon, age, years, opt?.reason);
}
