/**
 * 定期接種の対象期間 (legal windows) of one vaccine for one person: the 施行令 windows of the rule version, the
 * 60〜64歳 disability window, 特例・経過措置 (SpecialRule data) and 長期療養特例 (per person). §1.3, §1.6, §1.7.
 */
import { type LocalDate, reachMonths, reachYears } from '../../platform/calendar/index.ts';
import type {
  AgeWindow,
  SpecialRule,
  VaccineDefinition,
  VaccineMaster,
  VaccineRuleVersion,
} from './master-types.ts';
import { prepare } from './prepare.ts';
import { earlier, later, resolvePoint } from './rules-dates.ts';
import type { HistoryDose, VaccinationPerson } from './types.ts';

export interface LegalWindow {
  from: LocalDate;
  to: LocalDate;
  label: string;
  /** The standard window does not apply (SpecialRule.noStandard). */
  noStandard?: true;
}

// Dates here are checked where they enter the engine: compared as strings (see rules-dates.ts cmp).
const inRange = (d: LocalDate, from?: LocalDate | null, to?: LocalDate | null): boolean =>
  (!from || d >= from) && (!to || d <= to);

function resolveWindow(w: AgeWindow, person: VaccinationPerson, label = w.label): LegalWindow | null {
  const from = resolvePoint(w.from, person);
  const to = resolvePoint(w.to, person);
  if (!from || !to || from > to) return null;
  return { from, to, label };
}

/** w cut to [from, to] (program start, a special rule's period), or null if nothing is left. */
function clip(w: LegalWindow | null, from: LocalDate | null, to: LocalDate | null): LegalWindow | null {
  if (!w) return null;
  const f = later(w.from, from) as LocalDate;
  const t = earlier(w.to, to) as LocalDate;
  if (f > t) return null;
  if (f === w.from && t === w.to) return w;
  return w.noStandard
    ? { from: f, to: t, label: w.label, noStandard: true }
    : { from: f, to: t, label: w.label };
}

/**
 * The day the routine program began (the first version's validFrom; null if in force before any record we judge).
 * Nobody could receive it as 定期 before; later versions only change how it is given, not who was eligible.
 */
export function programStart(vaccine: VaccineDefinition, master: VaccineMaster): LocalDate | null {
  return prepare(master).starts.get(vaccine) ?? null;
}

const disabilityWindows = {
  organ: {
    from: { years: 60 },
    to: { years: 65 },
    label: '60歳以上65歳未満で心臓・腎臓・呼吸器の機能に障害（1級相当）',
  },
  hiv: {
    from: { years: 60 },
    to: { years: 65 },
    label: '60歳以上65歳未満でHIVによる免疫の機能に障害（1級相当）',
  },
} satisfies Record<'organ' | 'hiv', AgeWindow>;

const byFrom = (a: LegalWindow, b: LegalWindow): number => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);

/** Whether a special rule applies to this person (cohort, sex, flag, earlier doses). */
function specialApplies(
  s: SpecialRule,
  vaccine: VaccineDefinition,
  person: VaccinationPerson,
  history: HistoryDose[],
): boolean {
  if (!inRange(person.birthDate, s.bornFrom, s.bornTo)) return false;
  if (s.sex && person.sex !== s.sex) return false;
  if (s.flag && !person.specials?.[s.flag]) return false;
  const between = s.priorDoseBetween;
  if (!between) return true;
  for (const h of history)
    if (h.vaccine === vaccine.code && inRange(h.date, between.from, between.to)) return true;
  return false;
}

/** All legal windows, sorted by start; the program's start (validFrom) cuts every window. */
export function legalWindows(
  vaccine: VaccineDefinition,
  version: VaccineRuleVersion,
  person: VaccinationPerson,
  history: HistoryDose[],
  master: VaccineMaster,
): LegalWindow[] {
  const p = prepare(master);
  const out: Array<LegalWindow | null> = [];
  for (const w of version.legal) out.push(resolveWindow(w, person));
  const disability = person.specials?.disability60to64;
  if (disability && version.disabilityFrom60?.includes(disability))
    out.push(resolveWindow(disabilityWindows[disability], person));
  for (const s of p.specials.get(vaccine.code) ?? []) {
    if (!specialApplies(s, vaccine, person, history)) continue;
    for (const w of s.windows) {
      const resolved = clip(resolveWindow(w, person, `${w.label}［${s.label}］`), s.validFrom, s.validTo);
      out.push(resolved && s.noStandard ? { ...resolved, noStandard: true } : resolved);
    }
  }
  const care = vaccine.longTermCare;
  if (care) {
    for (const c of person.specials?.longTermCare ?? []) {
      if (!c.vaccines.includes(vaccine.code)) continue;
      const cap = care.capYears ? reachYears(person.birthDate, care.capYears) : null;
      const to = earlier(reachMonths(c.endDate, 12 * care.years), cap) as LocalDate;
      const capText = care.capYears ? `、${care.capYears}歳に至るまで` : '';
      const label = `長期療養特例（${c.reason}。事由の消滅から${care.years}年${capText}）`;
      if (c.endDate <= to) out.push({ from: c.endDate, to, label });
    }
  }
  const start = p.starts.get(vaccine) ?? null;
  const windows: LegalWindow[] = [];
  for (const w of out) {
    const clipped = clip(w, start, null);
    if (clipped) windows.push(clipped);
  }
  if (windows.length > 1) windows.sort(byFrom);
  return windows;
}

/** The first window that ends on or after `date` (the current or next one), or null if all have ended. */
export function windowFrom(windows: LegalWindow[], date: LocalDate): LegalWindow | null {
  for (const w of windows) if (w.to >= date) return w;
  return null;
}

/** The window containing `date`, or null. */
export function windowContaining(windows: LegalWindow[], date: LocalDate): LegalWindow | null {
  for (const w of windows) if (date >= w.from && date <= w.to) return w;
  return null;
}
