/**
 * One vaccine's dose series for one person: series choice by start age and product (§1.4), same-vaccine intervals
 * (§1.3/§1.4), left-out doses (PCV/ヒブ), the 27-day rule after an injectable live vaccine (§1.5) and the status
 * of each dose.
 */
import { addDays, compareDates, type LocalDate } from '../../platform/calendar/index.ts';
import type { DoseRule, SeriesRule, VaccineDefinition, VaccineRuleVersion } from './master-types.ts';
import { afterSpan, earlier, later, type MonthEndRule, resolvePoint } from './rules-dates.ts';
import { type LegalWindow, windowContaining, windowFrom } from './rules-windows.ts';
import type { DoseSchedule, HistoryDose, VaccinationPerson } from './types.ts';

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
    if (compareDates(l, cand) < 0 && compareDates(cand, addDays(l, 27)) <= 0) cand = addDays(l, 28);
  }
  return cand;
}

/** The series that applies: product first, then the first dose's date (or the planned start). §1.4 */
function chooseSeries(input: SeriesInput): SeriesRule {
  const { version, person, given, windows, on } = input;
  const product = given[0]?.product ?? version.defaultProduct;
  const byProduct = version.series.filter((s) => !s.products || (product && s.products.includes(product)));
  const candidates = byProduct.length ? byProduct : version.series;
  const start = given[0]?.date ?? later(on, windowFrom(windows, on)?.from ?? null) ?? on;
  const fits = (s: SeriesRule): boolean => {
    const from = s.startFrom ? resolvePoint(s.startFrom, person) : null;
    const to = s.startTo ? resolvePoint(s.startTo, person) : null;
    return (!from || compareDates(start, from) >= 0) && (!to || compareDates(start, to) <= 0);
  };
  const first = candidates[0] as SeriesRule;
  const firstFrom = first.startFrom ? resolvePoint(first.startFrom, person) : null;
  if (firstFrom && compareDates(start, firstFrom) < 0) return first;
  return candidates.find(fits) ?? (candidates[candidates.length - 1] as SeriesRule);
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
  return windows
    .map((w) => ({
      ...w,
      from: later(w.from, b.notBefore) as LocalDate,
      to: earlier(w.to, b.deadline) as LocalDate,
    }))
    .filter((w) => compareDates(w.from, w.to) <= 0);
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
  const previous = [...dates].reverse().find((d) => d !== null) ?? null;
  for (const r of dose.intervals ?? []) {
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
    if (afterLive === inWindow && compareDates(inWindow, w.to) <= 0) return { date: inWindow, window: w };
    cand = afterLive === inWindow ? addDays(w.to, 1) : afterLive;
  }
  return null;
}

export function evaluateSeries(input: SeriesInput): DoseSchedule[] {
  const { vaccine, person, given, on, monthEndRule } = input;
  const live = vaccineKind(input) === 'INJ_LIVE' ? input.otherLive : [];
  const series = chooseSeries(input);
  const rows: DoseSchedule[] = [];
  const dates: Array<LocalDate | null> = [];
  let g = 0;
  let anySkipped = false;
  let pending: string | null = null;
  const row = (dose: DoseRule, fields: Partial<DoseSchedule>): DoseSchedule => ({
    vaccine: vaccine.code,
    dose: dose.label,
    legalFrom: null,
    legalTo: null,
    standardFrom: null,
    standardTo: null,
    earliest: null,
    givenOn: null,
    status: 'upcoming',
    reasons: [],
    ...fields,
  });
  const skip = (dose: DoseRule, reason: string): void => {
    rows.push(row(dose, { status: 'not_eligible', reasons: [reason] }));
    dates.push(null);
    anySkipped = true;
  };
  for (const [i, dose] of series.doses.entries()) {
    const next = given[g];
    const previous = i > 0 ? (dates[i - 1] ?? null) : null;
    const skipAfter = dose.skipIfPreviousAfter ? resolvePoint(dose.skipIfPreviousAfter.at, person) : null;
    if (skipAfter && previous && compareDates(previous, skipAfter) > 0) {
      skip(dose, `${dose.skipIfPreviousAfter?.label}ため、この回は行いません`);
      continue;
    }
    const bounds = doseBounds(dose, person);
    if (bounds.deadline && next && compareDates(next.date, bounds.deadline) > 0) {
      skip(dose, `${dose.deadline?.label}に接種しなかったため、この回は行いません`);
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
    const conflict = standardFrom && standardTo && compareDates(standardFrom, standardTo) > 0;
    let std =
      conflict && iv.stdFrom
        ? { standardFrom: iv.stdFrom, standardTo: iv.stdTo }
        : { standardFrom, standardTo };
    const floor = iv.earliest ?? windows[0]?.from ?? person.birthDate;
    if (next) {
      g++;
      dates.push(next.date);
      const allowed = firstAllowed(floor, windows, live);
      const w = windowContaining(windows, next.date) ?? allowed?.window ?? null;
      const reasons: string[] = [`${next.date} 接種済${next.product ? `（${next.product}）` : ''}`];
      if (!windowContaining(windows, next.date))
        reasons.push('接種日が定期接種の対象期間外です（任意接種扱い）');
      else if (allowed && compareDates(next.date, allowed.date) < 0)
        reasons.push(`接種間隔が不足しています（${allowed.date}以降に接種すべきでした）`);
      rows.push(
        row(dose, {
          legalFrom: w?.from ?? null,
          legalTo: w?.to ?? null,
          ...std,
          earliest: allowed?.date ?? null,
          givenOn: next.date,
          status: 'completed',
          reasons,
        }),
      );
      continue;
    }
    if (
      bounds.deadline &&
      (compareDates(on, bounds.deadline) > 0 || compareDates(floor, bounds.deadline) > 0)
    ) {
      skip(dose, `${dose.deadline?.label}に接種できなかったため、この回は行いません`);
      continue;
    }
    let allowed = firstAllowed(floor, windows, live);
    // The next dose to give: if its earliest date has passed, it must still be possible from today on (the window
    // may have ended, or today may fall in a gap between windows or within 27 days of a live vaccine).
    if (allowed && pending === null && compareDates(allowed.date, on) < 0) {
      const fromToday = firstAllowed(on, windows, live);
      if (!fromToday || fromToday.date !== on || fromToday.window !== allowed.window) allowed = fromToday;
    }
    // Later doses are planned from the next dose given today at the earliest.
    dates.push(later(allowed?.date ?? floor, pending === null ? on : null) as LocalDate);
    const reasons: string[] = [];
    for (const r of dose.intervals ?? []) reasons.push(`間隔: ${r.label}`);
    if (!allowed) {
      const last = windows[windows.length - 1];
      const passed = !last || compareDates(on, last.to) > 0;
      reasons.unshift(
        passed && last
          ? `定期接種の期間（${last.label}: ${last.from}〜${last.to}）を過ぎています。接種する場合は任意接種です`
          : '間隔をとると定期接種の期間内に接種できません（任意接種になります）',
      );
      rows.push(
        row(dose, {
          legalFrom: last?.from ?? null,
          legalTo: last?.to ?? null,
          ...std,
          status: 'expired',
          reasons,
        }),
      );
      pending ??= dose.label;
      continue;
    }
    const w = allowed.window;
    if (w.noStandard) std = { standardFrom: null, standardTo: null };
    const base = { legalFrom: w.from, legalTo: w.to, ...std, earliest: allowed.date };
    reasons.unshift(`定期接種の期間: ${w.label}（${w.from}〜${w.to}）`);
    if (pending !== null) {
      reasons.unshift(`${pending}の接種後に接種します（最短 ${allowed.date}）`);
      rows.push(row(dose, { ...base, status: 'upcoming', reasons }));
    } else if (compareDates(on, allowed.date) < 0) {
      reasons.unshift(`${allowed.date}から接種できます`);
      rows.push(row(dose, { ...base, status: 'upcoming', reasons }));
    } else if (std.standardFrom && compareDates(on, std.standardFrom) < 0) {
      reasons.unshift(`接種できます（標準的な接種期間は${std.standardFrom}から）`);
      rows.push(row(dose, { ...base, status: 'upcoming', reasons }));
    } else if (std.standardTo && compareDates(on, std.standardTo) > 0) {
      reasons.unshift(`標準的な接種期間（〜${std.standardTo}）を過ぎています。${w.to}までは定期接種です`);
      rows.push(row(dose, { ...base, status: 'overdue', reasons }));
    } else {
      reasons.unshift(`接種の時期です（${w.to}まで）`);
      rows.push(row(dose, { ...base, status: 'due', reasons }));
    }
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
  const product = input.given[0]?.product ?? input.version.defaultProduct;
  return input.version.products?.find((p) => p.code === product)?.kind ?? input.vaccine.kind;
}
