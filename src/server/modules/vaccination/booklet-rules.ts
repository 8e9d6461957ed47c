/**
 * 予診票冊子 (F10a-01 予診票一括発行（冊子渡し）) rules, pure:
 * - which children a criterion selects: born in a range (after the 出生届), or reaching 生後N月 in a period (the
 *   variant "timed to a set age"), with 生後N月に至った日 as maternal-child-vaccination-pmh.md §1.2 defines it;
 * - which 予診票 the booklet holds for a child: the 乳幼児期 routine (A類) vaccines of the engine's schedule.
 */
import {
  addMonthsToMonth,
  compareDates,
  daysBetween,
  firstDayOfMonth,
  formatWareki,
  type LocalDate,
  lastDayOfMonth,
  reachMonths,
} from '../../platform/calendar/index.ts';
import type { VaccineMaster } from './master-types.ts';
import type { DoseSchedule } from './types.ts';

/** 対象児の抽出の条件: 出生日の範囲, or 生後N月に至った日 in a period. */
export type BookletCriteria = {
  basis: 'birth' | 'age';
  /** 出生日 from–to (basis birth) or the period in which 生後N月 is reached (basis age); inclusive */
  from: LocalDate;
  to: LocalDate;
  /** 生後N月 (basis age) */
  months?: number;
  /** also 住登外者 (registered by hand) */
  includeNonRegistered: boolean;
  /** leave out children already sent a booklet (or in a booklet mailing not yet sent) */
  excludeSent: boolean;
};

/** The longest period staff may give (one year of births is one print run). */
export const maxPeriodDays = 366;
export const monthsRange = { min: 1, max: 72 } as const;

/** What is wrong with the criteria, in words staff can act on (null = fine). */
export function criteriaProblem(c: BookletCriteria): string | null {
  const what = c.basis === 'birth' ? '出生日' : '期間';
  if (compareDates(c.from, c.to) > 0) return `${what}の開始日が終了日より後です。日付を入れ替えてください。`;
  if (daysBetween(c.from, c.to) >= maxPeriodDays)
    return `${what}は1年以内で指定してください（一度に作る冊子は1年分までです）。`;
  if (c.basis === 'age') {
    const m = c.months;
    if (m === undefined || !Number.isInteger(m) || m < monthsRange.min || m > monthsRange.max)
      return `生後何か月で送るかを${monthsRange.min}〜${monthsRange.max}の数で入力してください。`;
  }
  return null;
}

/**
 * The 出生日 to read from the register for "生後N月に至った日 in [from, to]": a range that holds every such birth
 * date (a little wider; {@link selects} decides exactly). 生後N月に至った日 is the day before the N-month 応当日
 * or the month end (§1.2), so it lies in the N-th month after the birth month or the month before it.
 */
export function birthRangeForAge(
  n: number,
  from: LocalDate,
  to: LocalDate,
): { from: LocalDate; to: LocalDate } {
  return {
    from: firstDayOfMonth(addMonthsToMonth(from, -n - 1)),
    to: lastDayOfMonth(addMonthsToMonth(to, -n + 1)),
  };
}

/** The birth dates to read from the register for the criteria (superset for basis age). */
export function birthRangeOf(c: BookletCriteria): { from: LocalDate; to: LocalDate } {
  return c.basis === 'birth' ? { from: c.from, to: c.to } : birthRangeForAge(c.months ?? 0, c.from, c.to);
}

/** Does a child born on `birth` meet the date part of the criteria? (§1.2 生後N月に至った日) */
export function selects(c: BookletCriteria, birth: LocalDate): boolean {
  const day = c.basis === 'birth' ? birth : reachMonths(birth, c.months ?? 0);
  return compareDates(day, c.from) >= 0 && compareDates(day, c.to) <= 0;
}

/** 「令和8年10月1日〜令和8年10月31日生まれ」 / 「生後2月に至る日が 令和8年…〜… の方」 */
export function criteriaLabel(c: BookletCriteria): string {
  const range = `${formatWareki(c.from)}〜${formatWareki(c.to)}`;
  return c.basis === 'birth' ? `${range}生まれ` : `${range}に生後${c.months}月に至る方`;
}

/** The 乳幼児期 in which a booklet's vaccines start: up to 生後24月 (2歳). */
export const bookletUntilMonths = 24;

/** One 予診票 in the booklet. */
export type BookletForm = {
  vaccine: string;
  dose: string;
  /** 標準的な接種期間 in 和暦 ('' when the 実施要領 gives none for this dose) */
  standardPeriod: string;
  /** 定期接種として受けられる期間 (公費) in 和暦 */
  legalPeriod: string;
  note: string;
};

const period = (from: LocalDate | null, to: LocalDate | null) =>
  from || to ? `${from ? formatWareki(from) : ''}〜${to ? formatWareki(to) : ''}` : '';

const open = new Set(['due', 'upcoming', 'overdue']);

/**
 * The name of a set of products for the same diseases, short enough for the sheet: the common part and what tells
 * them apart (「ロタ 1価（ロタリックス）」「ロタ 5価（ロタテック）」 → 「ロタ（1価・5価）」, short names 1価 / 5価).
 */
export function setName(names: string[]): { name: string; short: Map<string, string> } {
  if (names.length < 2) return { name: names[0] ?? '', short: new Map(names.map((n) => [n, n])) };
  let prefix = names[0]!;
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const common = prefix.trim();
  const short = new Map(names.map((n) => [n, n.slice(prefix.length).split('（')[0]!.trim() || n]));
  if (!common) return { name: names.join('／'), short };
  return { name: `${common}（${[...short.values()].join('・')}）`, short };
}

/**
 * The 予診票 the booklet holds: every dose still to give (due, upcoming or overdue) of the A類 vaccines whose first
 * dose starts (標準的な接種期間, else 定期接種の期間) by 生後24月 — 5種混合, 小児肺炎球菌, B型肝炎, ロタ, BCG,
 * 麻しん風しん第1期, 水痘 for a newborn (§1.3); 日本脳炎 (標準 3歳) and the later ones come separately (F10a-02).
 * Vaccines for the same diseases (ロタ 1価 / 5価) are one set: the longer series, with a note on the doses only the
 * other product needs.
 */
export function bookletForms(
  schedule: DoseSchedule[],
  birth: LocalDate,
  master: VaccineMaster,
): BookletForm[] {
  const limit = reachMonths(birth, bookletUntilMonths);
  const byVaccine = new Map<string, DoseSchedule[]>();
  for (const r of schedule) byVaccine.set(r.vaccine, [...(byVaccine.get(r.vaccine) ?? []), r]);
  const chosen: { code: string; rows: DoseSchedule[] }[] = [];
  for (const [code, rows] of byVaccine) {
    const v = master.vaccines.find((x) => x.code === code);
    const first = rows[0];
    if (v?.category !== 'A' || !first || first.status === 'not_eligible') continue;
    const start = first.standardFrom ?? first.legalFrom;
    if (!start || compareDates(start, limit) > 0) continue;
    const todo = rows.filter((r) => open.has(r.status));
    if (todo.length) chosen.push({ code, rows: todo });
  }
  const diseasesOf = (code: string) =>
    [...(master.vaccines.find((x) => x.code === code)?.diseases ?? [])].sort().join(',');
  const nameOf = (code: string) => master.vaccines.find((x) => x.code === code)?.name ?? code;
  const forms: BookletForm[] = [];
  const done = new Set<string>();
  for (const c of chosen) {
    if (done.has(c.code)) continue;
    const group = chosen.filter((x) => diseasesOf(x.code) === diseasesOf(c.code));
    for (const g of group) done.add(g.code);
    const longest = group.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
    const set = setName(group.map((g) => nameOf(g.code)));
    for (const r of longest.rows) {
      const only = group.some((g) => g !== longest && !g.rows.some((x) => x.dose === r.dose));
      forms.push({
        vaccine: set.name,
        dose: r.dose,
        standardPeriod: period(r.standardFrom, r.standardTo),
        legalPeriod: period(r.legalFrom, r.legalTo),
        note: only ? `${set.short.get(nameOf(longest.code))}のみ` : '',
      });
    }
  }
  return forms;
}
