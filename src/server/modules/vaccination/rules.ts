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
import { evaluateSeries, vaccineKind } from './rules-doses.ts';
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

/** Whether a recorded dose was an injectable live vaccine (注射生; 帯状疱疹 by product). §1.5 */
export function isInjectableLive(h: HistoryDose, master: VaccineMaster): boolean {
  const vaccine = master.vaccines.find((v) => v.code === h.vaccine);
  const version = vaccine && (versionAt(vaccine, h.date) ?? vaccine.versions[0]);
  return !!vaccine && !!version && vaccineKind({ vaccine, version, given: [h] }) === 'INJ_LIVE';
}

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
  const version = versionAt(vaccine, on);
  return version !== null && legalWindows(vaccine, version, person, history, master.specials).length > 0;
}

/**
 * 5種混合 vs 4種混合+ヒブ, ロタ1価 vs 5価: which member of a group is in use. 4種混合・ヒブ continue a series
 * started with them, and are the route for children whose 5種混合 window ended before 5種混合 began.
 */
function groupReason(
  vaccine: VaccineDefinition,
  person: VaccinationPerson,
  history: HistoryDose[],
  on: LocalDate,
  master: VaccineMaster,
): string | null {
  const group = vaccine.group;
  if (!group) return null;
  const members = master.vaccines.filter((v) => v.group?.id === group.id);
  const started = (v: VaccineDefinition) => history.some((h) => h.vaccine === v.code);
  if (group.role === 'choice') {
    const other = members.find((v) => v !== vaccine && started(v));
    return other && !started(vaccine)
      ? `${other.name}で接種を始めているため、原則として同じワクチンで完了します`
      : null;
  }
  const defaultStarted = members.some((v) => v.group?.role === 'default' && started(v));
  const continuationStarted = members.some((v) => v.group?.role === 'continuation' && started(v));
  if (group.role === 'default' && continuationStarted && !defaultStarted)
    return '4種混合・ヒブで接種を始めているため、同じワクチンで完了します';
  const defaults = members.filter((v) => v.group?.role === 'default');
  if (
    group.role === 'continuation' &&
    !continuationStarted &&
    (defaultStarted || defaults.some((v) => offered(v, person, history, on, master)))
  )
    return '5種混合で接種します（4種混合・ヒブは、これらで接種を始めた方の継続用です）';
  return null;
}

/** The rows of one vaccine (see scheduleFor). */
export function scheduleVaccine(
  vaccine: VaccineDefinition,
  person: VaccinationPerson,
  history: HistoryDose[],
  on: LocalDate,
  master: VaccineMaster,
  live: HistoryDose[] = history.filter((h) => isInjectableLive(h, master)),
): DoseSchedule[] {
  const own = history.filter((h) => h.vaccine === vaccine.code).sort((a, b) => compareDates(a.date, b.date));
  if (vaccine.sex && person.sex !== vaccine.sex)
    return [
      notEligible(
        vaccine,
        person.sex
          ? `${sexLabel[vaccine.sex]}が対象です`
          : `${sexLabel[vaccine.sex]}が対象です（性別が不明です）`,
      ),
    ];
  const version = versionAt(vaccine, own[0]?.date ?? on) ?? versionAt(vaccine, on);
  if (!version) {
    const future = vaccine.versions.find((v) => v.validFrom && compareDates(v.validFrom, on) > 0);
    return [
      notEligible(
        vaccine,
        future ? `定期接種は${future.validFrom}から始まります` : '定期接種の期間は終了しています',
      ),
    ];
  }
  if (
    (version.bornFrom && compareDates(person.birthDate, version.bornFrom) < 0) ||
    (version.bornTo && compareDates(person.birthDate, version.bornTo) > 0)
  )
    return [notEligible(vaccine, `${version.bornFrom ?? ''}〜${version.bornTo ?? ''}に生まれた方が対象です`)];
  const excluded = vaccine.diseases.every((d) =>
    person.specials?.exclusions?.some(
      (e) => e.disease === d && (e.reason !== 'infected' || vaccine.pastInfectionExcludes),
    ),
  );
  if (excluded) {
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
  const grouped = groupReason(vaccine, person, history, on, master);
  if (grouped) return [notEligible(vaccine, grouped)];
  const windows = legalWindows(vaccine, version, person, history, master.specials);
  if (vaccine.perPregnancy && !person.specials?.pregnancy)
    return [notEligible(vaccine, '妊娠中の方が対象です（出産予定日の登録が必要です）')];
  if (!windows.length) {
    const start = programStart(vaccine);
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
  if (vaccine.beforeWindow === 'not_eligible' && !windows.some((w) => compareDates(w.from, on) <= 0))
    return [notEligible(vaccine, `${first.label}が対象です（${first.from}から）`, first)];
  if (vaccine.yearly) return [yearlyDose(vaccine, own, windows, on)];
  const due = person.specials?.pregnancy?.dueDate;
  const counted =
    vaccine.perPregnancy && due
      ? own.filter((h) => compareDates(h.date, pregnancyWeekDate(due, 0)) >= 0)
      : own;
  const otherLive = live
    .filter((h) => h.vaccine !== vaccine.code)
    .map((h) => h.date)
    .sort(compareDates);
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
  const live = history.filter((h) => isInjectableLive(h, master));
  return master.vaccines.flatMap((v) => scheduleVaccine(v, person, history, on, master, live));
}
