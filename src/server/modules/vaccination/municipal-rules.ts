/**
 * 市町村独自の予防接種 (任意接種の費用助成) — pure rules: a definition's 助成対象期間 for a person, the schedule rows of
 * the subsidised doses (the national engine's DoseSchedule shape and status words) and the check of one record
 * (助成対象外 with the reason; the record is stored all the same). Age and interval wording as in
 * maternal-child-vaccination-pmh.md §1.2: 生後N月 / N歳 に至った日 (from) … に至るまで (to, inclusive),
 * N日以上の間隔 = previous + N + 1 days; 注射生 → 注射生 27日以上 (§1.5). Imported by the web app as well.
 */
import {
  addDays,
  compareDates,
  formatWareki,
  type LocalDate,
  maxDate,
  minDate,
  reachMonths,
  reachYears,
  untilMonths,
  untilYears,
} from '../../platform/calendar/index.ts';
import type { VaccineKind } from './master-types.ts';
import type { DoseSchedule, VaccinationPerson } from './types.ts';

export type AgeUnit = 'months' | 'years';

/** One definition as the rules need it (a row of municipal_vaccines). */
export interface MunicipalVaccineDef {
  code: string;
  name: string;
  kind: VaccineKind;
  ageFromUnit: AgeUnit;
  ageFromValue: number;
  ageToUnit: AgeUnit;
  ageToValue: number;
  sex: 'M' | 'F' | null;
  doses: number;
  minIntervalDays: number;
  subsidyYen: number;
  validFrom: LocalDate;
  validTo: LocalDate | null;
}

/** A schedule row of a municipal vaccine: the national row shape plus what marks it as 市町村独自. */
export interface MunicipalDoseSchedule extends Omit<DoseSchedule, 'vaccine'> {
  vaccine: string;
  name: string;
  municipal: true;
  subsidyYen: number;
}

export type MunicipalIssueCode =
  | 'outside_age_window'
  | 'not_eligible_sex'
  | 'outside_valid_period'
  | 'interval_too_short'
  | 'live_vaccine_interval'
  | 'doses_exceeded';

/** The check of one record: never 定期接種 (routine false); no issues = 助成対象. */
export interface MunicipalRecordCheck {
  dose: string | null;
  routine: false;
  subsidised: boolean;
  issues: Array<{ code: MunicipalIssueCode; message: string }>;
}

const sexLabel = { M: '男性', F: '女性' } as const;

const pointLabel = (unit: AgeUnit, n: number) => (unit === 'months' ? `生後${n}月` : `${n}歳`);

/** '1歳から3歳に至るまで', '生後6月から13歳に至るまで' (§1.2 wording). */
export function ageWindowLabel(
  d: Pick<MunicipalVaccineDef, 'ageFromUnit' | 'ageFromValue' | 'ageToUnit' | 'ageToValue'>,
) {
  return `${pointLabel(d.ageFromUnit, d.ageFromValue)}から${pointLabel(d.ageToUnit, d.ageToValue)}に至るまで`;
}

/** The age in months of an age point (for "from before to" checks). */
export const ageInMonths = (unit: AgeUnit, n: number) => (unit === 'years' ? 12 * n : n);

/** The age window as dates: [生後N月/N歳に至った日, …に至るまで] (§1.2). */
export function ageWindow(def: MunicipalVaccineDef, birth: LocalDate): { from: LocalDate; to: LocalDate } {
  const from =
    def.ageFromUnit === 'years' ? reachYears(birth, def.ageFromValue) : reachMonths(birth, def.ageFromValue);
  const to =
    def.ageToUnit === 'years' ? untilYears(birth, def.ageToValue) : untilMonths(birth, def.ageToValue);
  return { from, to };
}

/** 助成対象期間: the age window cut to the definition's valid period; null when they do not meet. */
export function subsidyWindow(
  def: MunicipalVaccineDef,
  birth: LocalDate,
): { from: LocalDate; to: LocalDate } | null {
  const age = ageWindow(def, birth);
  const from = maxDate(age.from, def.validFrom);
  const to = def.validTo ? minDate(age.to, def.validTo) : age.to;
  return compareDates(from, to) <= 0 ? { from, to } : null;
}

export const doseLabel = (i: number) => `${i}回目`;

const yen = (n: number) => (n > 0 ? `助成額 ${n.toLocaleString('ja-JP')}円` : '助成額 全額（定額なし）');

/** The date of an injectable live vaccine within 27 days before `date` (同日は同時接種で可), if any. §1.5 */
function liveTooClose(otherLive: LocalDate[], date: LocalDate): LocalDate | null {
  let found: LocalDate | null = null;
  for (const d of otherLive)
    if (compareDates(d, date) < 0 && compareDates(date, addDays(d, 27)) <= 0 && (!found || d > found))
      found = d;
  return found;
}

/** The earliest date on or after `from` that is not within 27 days after another 注射生 dose. */
function afterLive(otherLive: LocalDate[], from: LocalDate): LocalDate {
  let d = from;
  for (let close = liveTooClose(otherLive, d); close; close = liveTooClose(otherLive, d))
    d = addDays(close, 28);
  return d;
}

/**
 * Checks one record of `def` given on `date` against the person's earlier subsidised doses of the same code
 * (`counted`, sorted) and the other injectable live doses (`otherLive`, only for an INJ_LIVE definition).
 */
export function checkMunicipalDose(
  def: MunicipalVaccineDef,
  person: VaccinationPerson,
  counted: LocalDate[],
  date: LocalDate,
  otherLive: LocalDate[] = [],
): MunicipalRecordCheck {
  const issues: MunicipalRecordCheck['issues'] = [];
  const n = counted.length;
  const dose = n < def.doses ? doseLabel(n + 1) : null;
  const age = ageWindow(def, person.birthDate);
  const period = `${formatWareki(def.validFrom)}〜${def.validTo ? formatWareki(def.validTo) : ''}`;
  if (def.sex && person.sex !== def.sex)
    issues.push({
      code: 'not_eligible_sex',
      message: `${def.name}: ${sexLabel[def.sex]}が助成の対象です（助成対象外）`,
    });
  if (compareDates(date, def.validFrom) < 0 || (def.validTo && compareDates(date, def.validTo) > 0))
    issues.push({
      code: 'outside_valid_period',
      message: `${def.name}: 接種日が助成の実施期間（${period}）外です（助成対象外）`,
    });
  if (compareDates(date, age.from) < 0 || compareDates(date, age.to) > 0)
    issues.push({
      code: 'outside_age_window',
      message: `${def.name}: 接種日が助成の対象年齢（${ageWindowLabel(def)}: ${formatWareki(age.from)}〜${formatWareki(age.to)}）外です（助成対象外）`,
    });
  if (n >= def.doses)
    issues.push({
      code: 'doses_exceeded',
      message: `${def.name}: 助成回数（${def.doses}回）を超えています（助成対象外）`,
    });
  const prev = counted[n - 1];
  if (prev && def.minIntervalDays > 0 && compareDates(date, addDays(prev, def.minIntervalDays + 1)) < 0)
    issues.push({
      code: 'interval_too_short',
      message: `${def.name}: 前回（${formatWareki(prev)}）から${def.minIntervalDays}日以上の間隔が必要です（${formatWareki(addDays(prev, def.minIntervalDays + 1))}以降、助成対象外）`,
    });
  const live = def.kind === 'INJ_LIVE' ? liveTooClose(otherLive, date) : null;
  if (live)
    issues.push({
      code: 'live_vaccine_interval',
      message: `${def.name}: 注射生ワクチン（${formatWareki(live)}）から27日以上の間隔が必要です（${formatWareki(addDays(live, 28))}以降）`,
    });
  return { dose, routine: false, subsidised: issues.length === 0, issues };
}

/** Walks the records of the code in date order: the subsidised ones fill the doses, the others are noted. */
export function countSubsidised(
  def: MunicipalVaccineDef,
  person: VaccinationPerson,
  own: LocalDate[],
  otherLive: LocalDate[] = [],
): { counted: LocalDate[]; notCounted: Array<{ date: LocalDate; reason: string }> } {
  const counted: LocalDate[] = [];
  const notCounted: Array<{ date: LocalDate; reason: string }> = [];
  for (const date of [...own].sort()) {
    const c = checkMunicipalDose(def, person, counted, date, otherLive);
    if (c.subsidised) counted.push(date);
    else notCounted.push({ date, reason: c.issues.map((i) => i.message).join(' / ') });
  }
  return { counted, notCounted };
}

/**
 * The rows of one definition for `person` on `on`: one per subsidised dose (completed / due / upcoming / expired),
 * or one 'not_eligible' row ('—') when the person is outside the definition altogether.
 */
export function municipalSchedule(
  def: MunicipalVaccineDef,
  person: VaccinationPerson,
  own: LocalDate[],
  on: LocalDate,
  otherLive: LocalDate[] = [],
): MunicipalDoseSchedule[] {
  const base = { vaccine: def.code, name: def.name, municipal: true as const, subsidyYen: def.subsidyYen };
  const row = (
    dose: string,
    w: { from: LocalDate; to: LocalDate } | null,
    earliest: LocalDate | null,
    givenOn: LocalDate | null,
    status: DoseSchedule['status'],
    reasons: string[],
  ): MunicipalDoseSchedule => ({
    ...base,
    dose,
    legalFrom: w?.from ?? null,
    legalTo: w?.to ?? null,
    standardFrom: null,
    standardTo: null,
    earliest,
    givenOn,
    status,
    reasons,
  });
  if (def.sex && person.sex !== def.sex)
    return [row('—', null, null, null, 'not_eligible', [`${sexLabel[def.sex]}が助成の対象です`])];
  const w = subsidyWindow(def, person.birthDate);
  if (!w) {
    const age = ageWindow(def, person.birthDate);
    const reason =
      compareDates(age.to, def.validFrom) < 0
        ? `助成が始まった${formatWareki(def.validFrom)}より前に対象年齢（${ageWindowLabel(def)}）を過ぎています`
        : `助成の実施期間（${formatWareki(def.validFrom)}〜${def.validTo ? formatWareki(def.validTo) : ''}）に対象年齢（${ageWindowLabel(def)}）になりません`;
    return [row('—', null, null, null, 'not_eligible', [reason])];
  }
  const { counted, notCounted } = countSubsidised(def, person, own, otherLive);
  const rows: MunicipalDoseSchedule[] = [];
  const head = `助成対象期間: ${ageWindowLabel(def)}（${formatWareki(w.from)}〜${formatWareki(w.to)}）`;
  let pending: string | null = null;
  for (let i = 1; i <= def.doses; i++) {
    const label = doseLabel(i);
    const given = counted[i - 1];
    if (given) {
      rows.push(
        row(label, w, null, given, 'completed', [`${formatWareki(given)} 接種済（${yen(def.subsidyYen)}）`]),
      );
      continue;
    }
    const interval = def.minIntervalDays > 0 ? `間隔: 前回から${def.minIntervalDays}日以上` : null;
    const reasons = [head, yen(def.subsidyYen), ...(interval ? [interval] : [])];
    if (compareDates(on, w.to) > 0) {
      reasons.unshift(
        `助成対象期間（〜${formatWareki(w.to)}）を過ぎています。接種する場合は助成の対象外です`,
      );
      rows.push(row(label, w, null, null, 'expired', reasons));
      pending ??= label;
      continue;
    }
    if (pending !== null) {
      reasons.unshift(`${pending}の接種後に接種します`);
      rows.push(row(label, w, null, null, 'upcoming', reasons));
      continue;
    }
    const prev = counted[i - 2];
    let earliest = maxDate(
      w.from,
      prev && def.minIntervalDays > 0 ? addDays(prev, def.minIntervalDays + 1) : w.from,
    );
    if (def.kind === 'INJ_LIVE') {
      const fromNow = maxDate(earliest, on);
      const allowed = afterLive(otherLive, fromNow);
      if (allowed !== fromNow) earliest = allowed;
    }
    pending = label;
    if (compareDates(earliest, w.to) > 0) {
      reasons.unshift('間隔をとると助成対象期間内に接種できません（助成の対象外になります）');
      rows.push(row(label, w, null, null, 'expired', reasons));
      continue;
    }
    if (compareDates(on, earliest) < 0) {
      reasons.unshift(`${formatWareki(earliest)}から接種できます`);
      rows.push(row(label, w, earliest, null, 'upcoming', reasons));
    } else {
      reasons.unshift(`接種できます（${formatWareki(w.to)}まで助成）`);
      rows.push(row(label, w, earliest, null, 'due', reasons));
    }
  }
  for (const x of notCounted)
    rows[rows.length - 1]?.reasons.push(`${formatWareki(x.date)}の接種は助成対象外: ${x.reason}`);
  return rows;
}
