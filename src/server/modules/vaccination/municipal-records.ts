/**
 * 市町村独自の予防接種 in a person's 予防接種の記録 (records.ts): the schedule rows of the active definitions and the
 * check of a record of a municipal code (always 任意接種, routine = false; the issues say why a dose is 助成対象外).
 * Pure (the entry form runs the same check as typed); the lookups on the database are in municipal-lookup.ts.
 */
import type { LocalDate } from '../../platform/calendar/index.ts';
import type { VaccineCode } from './master-types.ts';
import {
  checkMunicipalDose,
  countSubsidised,
  type MunicipalDoseSchedule,
  type MunicipalRecordCheck,
  type MunicipalVaccineDef,
  municipalSchedule,
} from './municipal-rules.ts';
import { isInjectableLive } from './rules.ts';
import type { VaccinationPerson } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

type Dose = { vaccine: string; vaccinatedOn: string; product?: string };

/** Name shown for a municipal vaccine in choices and tables: 「おたふくかぜ（任意接種助成）」. */
export const municipalLabel = (name: string) => `${name}（任意接種助成）`;

/** The dates of injectable live doses other than `code` (national by the master, municipal by their kind). §1.5 */
export function otherLiveDates(code: string, records: Dose[], defs: MunicipalVaccineDef[]): LocalDate[] {
  const out: LocalDate[] = [];
  for (const r of records) {
    if (r.vaccine === code) continue;
    const def = defs.find((d) => d.code === r.vaccine);
    const live = def
      ? def.kind === 'INJ_LIVE'
      : vaccineMaster.vaccines.some((v) => v.code === r.vaccine) &&
        isInjectableLive(
          {
            vaccine: r.vaccine as VaccineCode,
            date: r.vaccinatedOn,
            ...(r.product ? { product: r.product } : {}),
          },
          vaccineMaster,
        );
    if (live) out.push(r.vaccinatedOn);
  }
  return out;
}

const datesOf = (code: string, records: Dose[]) =>
  records.filter((r) => r.vaccine === code).map((r) => r.vaccinatedOn);

/**
 * The rows of the definitions `defs` (the active ones) for the person on `on`; `records`: all of the person's
 * records, not deleted; `all`: every definition (a retired 注射生 one still counts for the 27-day rule).
 */
export function municipalRows(
  defs: MunicipalVaccineDef[],
  person: VaccinationPerson,
  records: Dose[],
  on: LocalDate,
  all: MunicipalVaccineDef[] = defs,
): MunicipalDoseSchedule[] {
  return defs.flatMap((d) =>
    municipalSchedule(d, person, datesOf(d.code, records), on, otherLiveDates(d.code, records, all)),
  );
}

/**
 * The check of a record of `def` on `date` against the person's other records (the record itself left out):
 * the earlier subsidised doses of the code fill the doses first.
 */
export function checkMunicipalRecord(
  def: MunicipalVaccineDef,
  defs: MunicipalVaccineDef[],
  person: VaccinationPerson,
  others: Dose[],
  date: LocalDate,
): MunicipalRecordCheck {
  // same-day records count as given before (同時接種 of others; a second one of the same code is one too many)
  const before = others.filter((r) => r.vaccinatedOn <= date);
  const live = otherLiveDates(def.code, before, defs);
  const { counted } = countSubsidised(def, person, datesOf(def.code, before), live);
  return checkMunicipalDose(def, person, counted, date, live);
}
