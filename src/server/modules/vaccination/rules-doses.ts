/**
 * One vaccine's dose series for one person: series choice by start age and product (§1.4), same-vaccine intervals
 * (§1.3/§1.4), left-out doses (PCV/ヒブ), the 27-day rule after an injectable live vaccine (§1.5) and the status
 * of each dose.
 */
import type { LocalDate } from '../../platform/calendar/index.ts';
import type { DoseRule, SeriesRule, VaccineDefinition, VaccineRuleVersion } from './master-types.ts';
import { afterSpan, earlier, later, type MonthEndRule, resolvePoint, shiftDays } from './rules-dates.ts';

// Dates here are checked where they enter the engine: compared as strings (see rules-dates.ts cmp).
import { type LegalWindow, windowContaining, windowFrom } from './rules-windows.ts';
import type { DoseSchedule, DoseStatus, HistoryDose, VaccinationPerson } from './types.ts';

export interface SeriesInput {
  vaccine: VaccineDefinition;
  version: VaccineRuleVersion;
  person: VaccinationPerson;
  /** This vaccine's counted doses, sorted by date. */
  given: HistoryDose[];
  windows: LegalWindow[];
  /** Dates of 注射生 vaccines of other vaccines (sorted), for the 27-day rule. */
  otherLive: LocalDate[];
  on: LocalDate;
  monthEndRule: MonthEndRule;
}

/** 注射生 → 注射生: no date in (L, L + 27日]; returns the first allowed date ≥ d. §1.5 */
function afterLiveRule(d: LocalDate, live: LocalDate[]): LocalDate {
  let cand = d;
  for (const l of live) {
    if (l < cand && cand <= shiftDays(l, 27)) cand = shiftDays(l, 28);
  }
  return cand;
}

/** Whether the series' start range admits a first dose on `start`. */
function seriesFits(s: SeriesRule, start: LocalDate, person: VaccinationPerson): boolean {
  const from = s.startFrom ? resolvePoint(s.startFrom, person) : null;
  const to = s.startTo ? resolvePoint(s.startTo, person) : null;
  return (!from || start >= from) && (!to || start <= to);
}

/** The series that applies: product first, then the first dose's date (or the planned start). §1.4 */
function chooseSeries(input: SeriesInput): SeriesRule {
  const { version, person, given, windows, on } = input;
  const all = version.series;
  if (all.length === 1) return all[0] as SeriesRule;
  const product = given[0]?.product ?? version.defaultProduct;
  let candidates: SeriesRule[] = [];
  for (const s of all) if (!s.products || (product && s.products.includes(product))) candidates.push(s);
  if (!candidates.length) candidates = all;
  const start = given[0]?.date ?? later(on, windowFrom(windows, on)?.from ?? null) ?? on;
  const first = candidates[0] as SeriesRule;
  const firstFrom = first.startFrom ? resolvePoint(first.startFrom, person) : null;
  if (firstFrom && start < firstFrom) return first;
  for (const s of candidates) if (seriesFits(s, start, person)) return s;
  return candidates[candidates.length - 1] as SeriesRule;
}

interface Bounds {
  notBefore: LocalDate | null;
  deadline: LocalDate | null;
}

function doseBounds(dose: DoseRule, person: VaccinationPerson): Bounds {
  return {
    notBefore: dose.notBefore ? resolvePoint(dose.notBefore.at, person) : null,
    deadline: dose.deadline ? resolvePoint(dose.deadline.at, person) : null,
  };
}

/** Usable windows for a dose: cut by its own bounds (追加: 生後12月以降; 初回2回目: 生後24月まで). */
function doseWindows(windows: LegalWindow[], b: Bounds): LegalWindow[] {
  if (!b.notBefore && !b.deadline) return windows;
  const out: LegalWindow[] = [];
  for (const w of windows) {
    const from = later(w.from, b.notBefore) as LocalDate;
    const to = earlier(w.to, b.deadline) as LocalDate;
    if (from <= to) out.push({ ...w, from, to });
  }
  return out;
}

/** Earliest date by intervals from earlier doses (null base doses are ignored). */
function intervalEarliest(
  dose: DoseRule,
  dates: Array<LocalDate | null>,
  anySkipped: boolean,
  monthEndRule: MonthEndRule,
): { earliest: LocalDate | null; stdFrom: LocalDate | null; stdTo: LocalDate | null } {
  let earliest: LocalDate | null = null;
  let stdFrom: LocalDate | null = null;
  let stdTo: LocalDate | null = null;
  const intervals = dose.intervals;
  if (!intervals) return { earliest, stdFrom, stdTo };
  let previous: LocalDate | null = null;
  for (let i = dates.length - 1; i >= 0 && previous === null; i--) previous = dates[i] ?? null;
  for (const r of intervals) {
    const base = r.after === 'previous' ? previous : (dates[r.after] ?? previous);
    if (!base) continue;
    const span = anySkipped && r.minIfSkipped ? r.minIfSkipped : r.min;
    earliest = later(earliest, afterSpan(base, span, monthEndRule));
    if (r.standard && !(anySkipped && r.minIfSkipped)) {
      stdFrom = later(stdFrom, afterSpan(base, r.standard.min, monthEndRule));
      stdTo = earlier(stdTo, afterSpan(base, r.standard.max, monthEndRule));
    }
  }
  return { earliest, stdFrom, stdTo };
}

/** First allowed date ≥ d in the windows, honouring the live rule; with the window it falls in. */
function firstAllowed(
  d: LocalDate,
  windows: LegalWindow[],
  live: LocalDate[],
): { date: LocalDate; window: LegalWindow } | null {
  let cand = d;
  for (let i = 0; i < 10; i++) {
    const w = windowFrom(windows, cand);
    if (!w) return null;
    const inWindow = later(cand, w.from) as LocalDate;
    const afterLive = afterLiveRule(inWindow, live);
    if (afterLive === inWindow && inWindow <= w.to) return { date: inWindow, window: w };
    cand = afterLive === inWindow ? shiftDays(w.to, 1) : afterLive;
  }
  return null;
}

/** A row of the schedule (module level and positional: no closure or spread per row for 120,000 children). */
function row(
  vaccine: VaccineDefinition,
  dose: DoseRule,
  legal: { from: LocalDate; to: LocalDate } | null | undefined,
  standardFrom: LocalDate | null,
  standardTo: LocalDate | null,
  earliest: LocalDate | null,
  givenOn: LocalDate | null,
  status: DoseStatus,
  reasons: string[],
): DoseSchedule {
  return {
    vaccine: vaccine.code,
    dose: dose.label,
    legalFrom: legal?.from ?? null,
    legalTo: legal?.to ?? null,
    standardFrom,
    standardTo,
    earliest,
    givenOn,
    status,
    reasons,
  };
}

/** A dose left out (not_eligible row, no date for later intervals). */
function skipped(vaccine: VaccineDefinition, dose: DoseRule, reason: string): DoseSchedule {
  return row(vaccine, dose, null, null, null, null, null, 'not_eligible', [reason]);
}

const NO_LIVE: LocalDate[] = [];

export function evaluateSeries(input: SeriesInput): DoseSchedule[] {
  const { vaccine, person, given, on, monthEndRule } = input;
  const live = vaccineKind(input) === 'INJ_LIVE' ? input.otherLive : NO_LIVE;
  const series = chooseSeries(input);
  const rows: DoseSchedule[] = [];
  const dates: Array<LocalDate | null> = [];
  let g = 0;
  let anySkipped = false;
  let pending: string | null = null;
  const doses = series.doses;
  for (let i = 0; i < doses.length; i++) {
    const dose = doses[i] as DoseRule;
    const next = given[g];
    const previous = i > 0 ? (dates[i - 1] ?? null) : null;
    const skipAfter = dose.skipIfPreviousAfter ? resolvePoint(dose.skipIfPreviousAfter.at, person) : null;
    if (skipAfter && previous && previous > skipAfter) {
      rows.push(skipped(vaccine, dose, `${dose.skipIfPreviousAfter?.label}ため、この回は行いません`));
      dates.push(null);
      anySkipped = true;
      continue;
    }
    const bounds = doseBounds(dose, person);
    if (bounds.deadline && next && next.date > bounds.deadline) {
      rows.push(skipped(vaccine, dose, `${dose.deadline?.label}に接種しなかったため、この回は行いません`));
      dates.push(null);
      anySkipped = true;
      continue;
    }
    const windows = doseWindows(input.windows, bounds);
    const iv = intervalEarliest(dose, dates, anySkipped, monthEndRule);
    const age = dose.standard
      ? { from: resolvePoint(dose.standard.from, person), to: resolvePoint(dose.standard.to, person) }
      : null;
    const standardFrom = later(age?.from ?? null, iv.stdFrom);
    const standardTo = earlier(age?.to ?? null, iv.stdTo);
    // When the age window and the interval window do not overlap, the interval's standard wins.
    const conflict = standardFrom && standardTo && standardFrom > standardTo;
    let stdFrom = conflict && iv.stdFrom ? iv.stdFrom : standardFrom;
    let stdTo = conflict && iv.stdFrom ? iv.stdTo : standardTo;
    const floor = iv.earliest ?? windows[0]?.from ?? person.birthDate;
    if (next) {
      g++;
      dates.push(next.date);
      const allowed = firstAllowed(floor, windows, live);
      const w = windowContaining(windows, next.date) ?? allowed?.window ?? null;
      const reasons: string[] = [`${next.date} 接種済${next.product ? `（${next.product}）` : ''}`];
      if (!windowContaining(windows, next.date))
        reasons.push('接種日が定期接種の対象期間外です（任意接種扱い）');
      else if (allowed && next.date < allowed.date)
        reasons.push(`接種間隔が不足しています（${allowed.date}以降に接種すべきでした）`);
      rows.push(
        row(vaccine, dose, w, stdFrom, stdTo, allowed?.date ?? null, next.date, 'completed', reasons),
      );
      continue;
    }
    if (bounds.deadline && (on > bounds.deadline || floor > bounds.deadline)) {
      rows.push(skipped(vaccine, dose, `${dose.deadline?.label}に接種できなかったため、この回は行いません`));
      dates.push(null);
      anySkipped = true;
      continue;
    }
    let allowed = firstAllowed(floor, windows, live);
    // The next dose to give: if its earliest date has passed, it must still be possible from today on (the window
    // may have ended, or today may fall in a gap between windows or within 27 days of a live vaccine).
    if (allowed && pending === null && allowed.date < on) {
      const fromToday = firstAllowed(on, windows, live);
      if (!fromToday || fromToday.date !== on || fromToday.window !== allowed.window) allowed = fromToday;
    }
    // Later doses are planned from the next dose given today at the earliest.
    dates.push(later(allowed?.date ?? floor, pending === null ? on : null) as LocalDate);
    const reasons: string[] = [];
    for (const r of dose.intervals ?? []) reasons.push(`間隔: ${r.label}`);
    if (!allowed) {
      const last = windows[windows.length - 1];
      const passed = !last || on > last.to;
      reasons.unshift(
        passed && last
          ? `定期接種の期間（${last.label}: ${last.from}〜${last.to}）を過ぎています。接種する場合は任意接種です`
          : '間隔をとると定期接種の期間内に接種できません（任意接種になります）',
      );
      rows.push(row(vaccine, dose, last, stdFrom, stdTo, null, null, 'expired', reasons));
      pending ??= dose.label;
      continue;
    }
    const w = allowed.window;
    if (w.noStandard) {
      stdFrom = null;
      stdTo = null;
    }
    reasons.unshift(`定期接種の期間: ${w.label}（${w.from}〜${w.to}）`);
    let status: DoseStatus = 'upcoming';
    if (pending !== null) reasons.unshift(`${pending}の接種後に接種します（最短 ${allowed.date}）`);
    else if (on < allowed.date) reasons.unshift(`${allowed.date}から接種できます`);
    else if (stdFrom && on < stdFrom) reasons.unshift(`接種できます（標準的な接種期間は${stdFrom}から）`);
    else if (stdTo && on > stdTo) {
      reasons.unshift(`標準的な接種期間（〜${stdTo}）を過ぎています。${w.to}までは定期接種です`);
      status = 'overdue';
    } else {
      reasons.unshift(`接種の時期です（${w.to}まで）`);
      status = 'due';
    }
    rows.push(row(vaccine, dose, w, stdFrom, stdTo, allowed.date, null, status, reasons));
    pending = dose.label;
  }
  for (const extra of given.slice(g)) {
    rows[rows.length - 1]?.reasons.push(
      `接種回数（${series.doses.length}回）を超える記録があります: ${extra.date}`,
    );
  }
  return rows;
}

/** The kind of the product in use (帯状疱疹 生 = 注射生). */
export function vaccineKind(
  input: Pick<SeriesInput, 'vaccine' | 'version' | 'given'>,
): VaccineDefinition['kind'] {
  return productKind(input.vaccine, input.version, input.given[0]?.product);
}

/** The kind of a product of the vaccine (the version's default product when none is given). */
export function productKind(
  vaccine: VaccineDefinition,
  version: VaccineRuleVersion,
  product: string | undefined,
): VaccineDefinition['kind'] {
  const code = product ?? version.defaultProduct;
  for (const p of version.products ?? NO_PRODUCTS) if (p.code === code) return p.kind ?? vaccine.kind;
  return vaccine.kind;
}

const NO_PRODUCTS: NonNullable<VaccineRuleVersion['products']> = [];
