/**
 * 定期接種の対象期間 (legal windows) of one vaccine for one person: the 施行令 windows of the rule version, the
 * 60〜64歳 disability window, 特例・経過措置 (SpecialRule data) and 長期療養特例 (per person). §1.3, §1.6, §1.7.
 */
import { compareDates, type LocalDate, reachMonths, reachYears } from '../../platform/calendar/index.ts';
import type { AgeWindow, SpecialRule, VaccineDefinition, VaccineRuleVersion } from './master-types.ts';
import { earlier, later, resolvePoint } from './rules-dates.ts';
import type { HistoryDose, VaccinationPerson } from './types.ts';

export interface LegalWindow {
  from: LocalDate;
  to: LocalDate;
  label: string;
  /** The standard window does not apply (SpecialRule.noStandard). */
  noStandard?: true;
}

const inRange = (d: LocalDate, from?: LocalDate | null, to?: LocalDate | null): boolean =>
  (!from || compareDates(d, from) >= 0) && (!to || compareDates(d, to) <= 0);

function resolveWindow(w: AgeWindow, person: VaccinationPerson, label = w.label): LegalWindow | null {
  const from = resolvePoint(w.from, person);
  const to = resolvePoint(w.to, person);
  if (!from || !to || compareDates(from, to) > 0) return null;
  return { from, to, label };
}

function clip(w: LegalWindow | null, from: LocalDate | null, to: LocalDate | null): LegalWindow | null {
  if (!w) return null;
  const f = later(w.from, from) as LocalDate;
  const t = earlier(w.to, to) as LocalDate;
  return compareDates(f, t) <= 0 ? { ...w, from: f, to: t } : null;
}

/**
 * The day the routine program began (the first version's validFrom; null if in force before any record we judge).
 * Nobody could receive it as 定期 before; later versions only change how it is given, not who was eligible.
 */
export function programStart(vaccine: VaccineDefinition): LocalDate | null {
  const starts = vaccine.versions.map((v) => v.validFrom);
  return starts.includes(null) ? null : ([...starts].sort()[0] ?? null);
}

/** Whether a special rule applies to this person (cohort, sex, flag, earlier doses). */
function specialApplies(
  s: SpecialRule,
  vaccine: VaccineDefinition,
  person: VaccinationPerson,
  history: HistoryDose[],
): boolean {
  if (!s.vaccines.includes(vaccine.code)) return false;
  if (!inRange(person.birthDate, s.bornFrom, s.bornTo)) return false;
  if (s.sex && person.sex !== s.sex) return false;
  if (s.flag && !person.specials?.[s.flag]) return false;
  const between = s.priorDoseBetween;
  if (
    between &&
    !history.some((h) => h.vaccine === vaccine.code && inRange(h.date, between.from, between.to))
  )
    return false;
  return true;
}

/** All legal windows, sorted by start; the program's start (validFrom) cuts every window. */
export function legalWindows(
  vaccine: VaccineDefinition,
  version: VaccineRuleVersion,
  person: VaccinationPerson,
  history: HistoryDose[],
  specials: SpecialRule[],
): LegalWindow[] {
  const out: Array<LegalWindow | null> = version.legal.map((w) => resolveWindow(w, person));
  const disability = person.specials?.disability60to64;
  if (disability && version.disabilityFrom60?.includes(disability)) {
    const kind = disability === 'hiv' ? 'HIVによる免疫の機能' : '心臓・腎臓・呼吸器の機能';
    out.push(
      resolveWindow(
        { from: { years: 60 }, to: { years: 65 }, label: `60歳以上65歳未満で${kind}に障害（1級相当）` },
        person,
      ),
    );
  }
  for (const s of specials) {
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
      if (compareDates(c.endDate, to) <= 0) out.push({ from: c.endDate, to, label });
    }
  }
  const start = programStart(vaccine);
  return out
    .map((w) => clip(w, start, null))
    .filter((w): w is LegalWindow => w !== null)
    .sort((a, b) => compareDates(a.from, b.from));
}

/** The first window that ends on or after `date` (the current or next one), or null if all have ended. */
export function windowFrom(windows: LegalWindow[], date: LocalDate): LegalWindow | null {
  return windows.find((w) => compareDates(w.to, date) >= 0) ?? null;
}

/** The window containing `date`, or null. */
export function windowContaining(windows: LegalWindow[], date: LocalDate): LegalWindow | null {
  return windows.find((w) => inRange(date, w.from, w.to)) ?? null;
}
