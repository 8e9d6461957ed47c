/**
 * 予防接種スケジュール判定 (the schedule engine) — pure: scheduleFor(person, history, on, master) lists every
 * vaccine of the master with each dose's legal window, standard window, earliest date and status, with reasons in
 * Japanese. Specification: maternal-child-vaccination-pmh.md §1 (see docs/vaccination-rules.md).
 */
import {
  compareDates,
  type LocalDate,
  parseIsoDate,
  pregnancyWeekDate,
} from '../../platform/calendar/index.ts';
import {
  OPEN_END,
  type VaccineDefinition,
  type VaccineMaster,
  type VaccineRuleVersion,
} from './master-types.ts';
import { type PreparedMaster, prepare } from './prepare.ts';
import { cmp } from './rules-dates.ts';
import { evaluateSeries, productKind } from './rules-doses.ts';
import { legalWindows, programStart } from './rules-windows.ts';
import { yearlyDose } from './rules-yearly.ts';
import type { DoseSchedule, HistoryDose, VaccinationPerson } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

const inForce = (v: VaccineRuleVersion, d: LocalDate): boolean =>
  (!v.validFrom || compareDates(d, v.validFrom) >= 0) && (!v.validTo || compareDates(d, v.validTo) <= 0);

/** The rule version in force on `date`. */
export function versionAt(vaccine: VaccineDefinition, date: LocalDate): VaccineRuleVersion | null {
  return vaccine.versions.find((v) => inForce(v, date)) ?? null;
}

/** versionAt for dates already checked (string comparison; see rules-dates.ts cmp). */
function versionOn(vaccine: VaccineDefinition, date: LocalDate): VaccineRuleVersion | null {
  for (const v of vaccine.versions)
    if ((!v.validFrom || date >= v.validFrom) && (!v.validTo || date <= v.validTo)) return v;
  return null;
}

/** Whether a recorded dose was an injectable live vaccine (注射生; 帯状疱疹 by product). §1.5 */
export function isInjectableLive(h: HistoryDose, master: VaccineMaster): boolean {
  parseIsoDate(h.date);
  return injectableLive(h, prepare(master));
}

function injectableLive(h: HistoryDose, p: PreparedMaster): boolean {
  const vaccine = p.byCode.get(h.vaccine);
  const version = vaccine && (versionOn(vaccine, h.date) ?? vaccine.versions[0]);
  return !!vaccine && !!version && productKind(vaccine, version, h.product) === 'INJ_LIVE';
}

/** Checks every date the engine reads from its inputs once, so that it can compare them as strings. */
function checkDates(person: VaccinationPerson, history: HistoryDose[], on: LocalDate): void {
  parseIsoDate(on);
  parseIsoDate(person.birthDate);
  for (const h of history) parseIsoDate(h.date);
  const specials = person.specials;
  if (specials?.pregnancy) parseIsoDate(specials.pregnancy.dueDate);
  for (const c of specials?.longTermCare ?? []) parseIsoDate(c.endDate);
}

/** The history by vaccine, each list sorted by date (stable: same-day doses keep their order). */
function byVaccine(history: HistoryDose[]): Map<string, HistoryDose[]> {
  const out = new Map<string, HistoryDose[]>();
  for (const h of history) {
    const list = out.get(h.vaccine);
    if (list) list.push(h);
    else out.set(h.vaccine, [h]);
  }
  for (const list of out.values()) if (list.length > 1) list.sort(byDate);
  return out;
}

const byDate = (a: HistoryDose, b: HistoryDose): number => cmp(a.date, b.date);
const NONE: HistoryDose[] = [];
const NO_DATES: LocalDate[] = [];

const sexLabel = { M: '男性', F: '女性' } as const;
const exclusionLabel = {
  infected: '既にかかったことがある',
  prior_vaccination: '既に接種を受けている',
  hbv_prophylaxis: 'B型肝炎の母子感染予防として接種を受けている',
  other: '対象から除かれている',
} as const;

function notEligible(
  vaccine: VaccineDefinition,
  reason: string,
  legal?: { from: LocalDate; to: LocalDate },
): DoseSchedule {
  return {
    vaccine: vaccine.code,
    dose: '—',
    legalFrom: legal?.from ?? null,
    legalTo: legal && legal.to !== OPEN_END ? legal.to : null,
    standardFrom: null,
    standardTo: null,
    earliest: null,
    givenOn: null,
    status: 'not_eligible',
    reasons: [reason],
  };
}

/** Whether the vaccine can be given to this person at all (a version in force on `on` and a legal window). */
function offered(
  vaccine: VaccineDefinition,
  person: VaccinationPerson,
  history: HistoryDose[],
  on: LocalDate,
  master: VaccineMaster,
): boolean {
  const version = versionOn(vaccine, on);
  return version !== null && legalWindows(vaccine, version, person, history, master).length > 0;
}

/** Whether some member of the group with this role (or, role null, other than `except`) has been started. */
function anyStarted(
  members: VaccineDefinition[],
  role: string | null,
  except: VaccineDefinition | null,
  given: Map<string, HistoryDose[]>,
): VaccineDefinition | null {
  for (const v of members)
    if (v !== except && (role === null || v.group?.role === role) && given.has(v.code)) return v;
  return null;
}

/**
 * 5種混合 vs 4種混合+ヒブ, ロタ1価 vs 5価: which member of a group is in use. 4種混合・ヒブ continue a series
 * started with them, and are the route for children whose 5種混合 window ended before 5種混合 began.
 */
function groupReason(
  vaccine: VaccineDefinition,
  person: VaccinationPerson,
  history: HistoryDose[],
  given: Map<string, HistoryDose[]>,
  on: LocalDate,
  master: VaccineMaster,
): string | null {
  const group = vaccine.group;
  if (!group) return null;
  const members = prepare(master).groups.get(group.id) ?? NO_MEMBERS;
  if (group.role === 'choice') {
    const other = anyStarted(members, null, vaccine, given);
    return other && !given.has(vaccine.code)
      ? `${other.name}で接種を始めているため、原則として同じワクチンで完了します`
      : null;
  }
  const defaultStarted = anyStarted(members, 'default', null, given) !== null;
  const continuationStarted = anyStarted(members, 'continuation', null, given) !== null;
  if (group.role === 'default' && continuationStarted && !defaultStarted)
    return '4種混合・ヒブで接種を始めているため、同じワクチンで完了します';
  if (group.role !== 'continuation' || continuationStarted) return null;
  let useDefault = defaultStarted;
  for (const v of members)
    if (!useDefault && v.group?.role === 'default') useDefault = offered(v, person, history, on, master);
  return useDefault ? '5種混合で接種します（4種混合・ヒブは、これらで接種を始めた方の継続用です）' : null;
}

const NO_MEMBERS: VaccineDefinition[] = [];

/** Whether every disease of the vaccine is excluded for the person (既罹患 only where it excludes). §1.7 */
function excludedFor(vaccine: VaccineDefinition, person: VaccinationPerson): boolean {
  const exclusions = person.specials?.exclusions;
  for (const d of vaccine.diseases) {
    let found = false;
    for (const e of exclusions ?? NO_EXCLUSIONS)
      if (e.disease === d && (e.reason !== 'infected' || vaccine.pastInfectionExcludes)) found = true;
    if (!found) return false;
  }
  return true;
}

const NO_EXCLUSIONS: NonNullable<NonNullable<VaccinationPerson['specials']>['exclusions']> = [];

/** The rows of one vaccine (see scheduleFor). */
export function scheduleVaccine(
  vaccine: VaccineDefinition,
  person: VaccinationPerson,
  history: HistoryDose[],
  on: LocalDate,
  master: VaccineMaster,
  live?: HistoryDose[],
): DoseSchedule[] {
  checkDates(person, history, on);
  for (const h of live ?? NONE) parseIsoDate(h.date);
  const p = prepare(master);
  return scheduleOne(vaccine, person, history, byVaccine(history), on, master, liveDoses(history, live, p));
}

/** The 注射生 doses: the ones given, or those of the history (scheduleOne sorts their dates where it needs them). */
function liveDoses(
  history: HistoryDose[],
  live: HistoryDose[] | undefined,
  p: PreparedMaster,
): HistoryDose[] {
  if (live) return live;
  const out: HistoryDose[] = [];
  for (const h of history) if (injectableLive(h, p)) out.push(h);
  return out;
}

function scheduleOne(
  vaccine: VaccineDefinition,
  person: VaccinationPerson,
  history: HistoryDose[],
  given: Map<string, HistoryDose[]>,
  on: LocalDate,
  master: VaccineMaster,
  live: HistoryDose[],
): DoseSchedule[] {
  const own = given.get(vaccine.code) ?? NONE;
  if (vaccine.sex && person.sex !== vaccine.sex)
    return [
      notEligible(
        vaccine,
        person.sex
          ? `${sexLabel[vaccine.sex]}が対象です`
          : `${sexLabel[vaccine.sex]}が対象です（性別が不明です）`,
      ),
    ];
  const version = versionOn(vaccine, own[0]?.date ?? on) ?? versionOn(vaccine, on);
  if (!version) {
    const future = vaccine.versions.find((v) => v.validFrom && v.validFrom > on);
    return [
      notEligible(
        vaccine,
        future ? `定期接種は${future.validFrom}から始まります` : '定期接種の期間は終了しています',
      ),
    ];
  }
  if (
    (version.bornFrom && person.birthDate < version.bornFrom) ||
    (version.bornTo && person.birthDate > version.bornTo)
  )
    return [notEligible(vaccine, `${version.bornFrom ?? ''}〜${version.bornTo ?? ''}に生まれた方が対象です`)];
  if (excludedFor(vaccine, person)) {
    const e = person.specials?.exclusions?.find((x) => vaccine.diseases.includes(x.disease));
    return [
      notEligible(
        vaccine,
        `${e ? exclusionLabel[e.reason] : '対象から除かれている'}ため対象外です${e?.note ? `（${e.note}）` : ''}`,
      ),
    ];
  }
  const prior = version.excludedAfterProducts;
  if (prior && own.some((h) => h.product && prior.products.includes(h.product)))
    return [notEligible(vaccine, prior.label)];
  const grouped = groupReason(vaccine, person, history, given, on, master);
  if (grouped) return [notEligible(vaccine, grouped)];
  if (vaccine.perPregnancy && !person.specials?.pregnancy)
    return [notEligible(vaccine, '妊娠中の方が対象です（出産予定日の登録が必要です）')];
  const windows = legalWindows(vaccine, version, person, history, master);
  if (!windows.length) {
    const start = programStart(vaccine, master);
    return [
      notEligible(
        vaccine,
        start
          ? `定期接種が始まった${start}より前に対象期間が終わっています`
          : '定期接種の対象期間がありません',
      ),
    ];
  }
  const first = windows[0] as { from: LocalDate; to: LocalDate; label: string };
  if (vaccine.beforeWindow === 'not_eligible' && !windows.some((w) => w.from <= on))
    return [notEligible(vaccine, `${first.label}が対象です（${first.from}から）`, first)];
  if (vaccine.yearly) return [yearlyDose(vaccine, own, windows, on)];
  const due = person.specials?.pregnancy?.dueDate;
  const counted = vaccine.perPregnancy && due ? own.filter((h) => h.date >= pregnancyWeekDate(due, 0)) : own;
  // the 27-day rule reads other live vaccines only for a live vaccine (evaluateSeries: vaccineKind)
  let otherLive = NO_DATES;
  if (productKind(vaccine, version, counted[0]?.product) === 'INJ_LIVE') {
    for (const h of live) {
      if (h.vaccine === vaccine.code) continue;
      if (otherLive === NO_DATES) otherLive = [];
      otherLive.push(h.date);
    }
    if (otherLive.length > 1) otherLive.sort(cmp);
  }
  return evaluateSeries({
    vaccine,
    version,
    person,
    given: counted,
    windows,
    otherLive,
    on,
    monthEndRule: master.monthEndRule,
  });
}

/**
 * The schedule of every vaccine in the master for `person` on day `on`, judging `history` (all recorded doses,
 * 定期 or not). Vaccines the person is not eligible for are listed once with status 'not_eligible'.
 */
export function scheduleFor(
  person: VaccinationPerson,
  history: HistoryDose[],
  on: LocalDate,
  master: VaccineMaster = vaccineMaster,
): DoseSchedule[] {
  parseIsoDate(on);
  if (compareDates(on, person.birthDate) < 0)
    throw new RangeError(`判定日 ${on} が生年月日 ${person.birthDate} より前です`);
  checkDates(person, history, on);
  const p = prepare(master);
  const given = byVaccine(history);
  const live = liveDoses(history, undefined, p);
  const rows: DoseSchedule[] = [];
  for (const v of master.vaccines) {
    const own = scheduleOne(v, person, history, given, on, master, live);
    for (const r of own) rows.push(r);
  }
  return rows;
}
