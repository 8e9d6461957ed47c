/**
 * 受診券 (vouchers) of a pregnancy as data (maternal-child-vaccination-pmh.md §4.3 妊婦健診 14回, §4.4 産婦健診 2回,
 * §4.5 新生児聴覚検査, plus what the city adds: 子宮頸がん検診, 妊婦歯科健診) and the 受診券ID format: 西暦年 4桁 +
 * 7桁 + check digit (Luhn mod 10 over the 11 digits), e.g. 2026 0012345 7 → 「202600123457」. Uniqueness is kept by
 * the unique index (checkup_vouchers_no_idx) and a retry on collision (pregnancy-repository.ts).
 */
import { type LocalDate, parseIsoDate } from '../../platform/calendar/index.ts';

export type VoucherKind = 'prenatal' | 'postpartum' | 'prenatal_dental' | 'cervical' | 'hearing';

export type VoucherType = {
  kind: VoucherKind;
  label: string;
  /** how many per pregnancy (hearing: per fetus) */
  count: number;
  perFetus: boolean;
  /** 助成上限額 (円) per 回, null = 全額 / not set (the default; 母子保健の設定 may change it) */
  limitYen: number | null;
  /**
   * the 妊娠週数 from which each 回 is taken at the latest (a mover-in gets the 回 whose week is not yet past);
   * null = any time in the pregnancy or after the birth
   */
  weeks: (number | null)[];
};

/**
 * §4.3: 初期〜23週 概ね4週に1回 (4回), 24〜35週 概ね2週に1回 (6回), 36週〜出産 概ね1週に1回 (4回) = 14回; the week
 * of each 回 is its latest standard week.
 */
export const prenatalWeeks = [11, 15, 19, 23, 25, 27, 29, 31, 33, 35, 36, 37, 38, 39];

/** The defaults: what a new 妊娠届 issues is these with 母子保健の設定 over them (settings-rules.ts). */
export const voucherTypes: VoucherType[] = [
  { kind: 'prenatal', label: '妊婦健診', count: 14, perFetus: false, limitYen: null, weeks: prenatalWeeks },
  // §4.4: 産後2週間・1か月の2回, 国の補助基準 5,000円/回
  { kind: 'postpartum', label: '産婦健診', count: 2, perFetus: false, limitYen: 5000, weeks: [null, null] },
  // §4.3 table: 子宮頸がん検診（細胞診）は初期に1回
  { kind: 'cervical', label: '子宮頸がん検診', count: 1, perFetus: false, limitYen: null, weeks: [23] },
  { kind: 'prenatal_dental', label: '妊婦歯科健診', count: 1, perFetus: false, limitYen: null, weeks: [39] },
  // §4.5: 受診票 issued with the 母子手帳, one per child
  { kind: 'hearing', label: '新生児聴覚検査', count: 1, perFetus: true, limitYen: 3000, weeks: [null] },
];

export const voucherKindLabel = (kind: string): string =>
  voucherTypes.find((t) => t.kind === kind)?.label ?? kind;

export type VoucherPlan = { kind: VoucherKind; seq: number; limitYen: number | null };

/**
 * The vouchers to issue. At the counter: all of them. For a mover-in (転入, §4.3) at `weeks` 週: only the 回 whose
 * week has not passed (a 回 of week w is still needed while weeks ≤ w) — e.g. at 20週 the 妊婦健診 5〜14回 — and
 * those without a week (産婦健診, 聴覚). 胎児数 multiplies the per-fetus kinds.
 */
export function vouchersToIssue(
  fetusCount: number,
  movedInAtWeeks: number | null = null,
  types: VoucherType[] = voucherTypes,
): VoucherPlan[] {
  const out: VoucherPlan[] = [];
  for (const t of types) {
    const n = t.perFetus ? t.count * fetusCount : t.count;
    for (let seq = 1; seq <= n; seq++) {
      const week = t.weeks[(seq - 1) % t.count] ?? null;
      if (movedInAtWeeks !== null && week !== null && movedInAtWeeks > week) continue;
      out.push({ kind: t.kind, seq, limitYen: t.limitYen });
    }
  }
  return out;
}

/** Luhn (mod 10) check digit of a digit string. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The 受診券ID of a serial (0 … 9,999,999) in the year of `issuedOn`. */
export function voucherNumber(issuedOn: LocalDate, serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > 9_999_999) throw new RangeError(`serial ${serial}`);
  const body = `${parseIsoDate(issuedOn).y}${String(serial).padStart(7, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** Whether a 受診券ID is well formed (12 digits, check digit right) — a mistyped ID is caught before lookup. */
export function isValidVoucherNumber(no: string): boolean {
  return /^\d{12}$/.test(no) && luhnCheckDigit(no.slice(0, 11)) === no.charCodeAt(11) - 48;
}
