/** Test helpers for the schedule engine (imported by *.test.ts only). */
import type { VaccineCode } from './master-types.ts';
import { scheduleFor } from './rules.ts';
import type { DoseSchedule, HistoryDose, VaccinationPerson } from './types.ts';

export const dose = (vaccine: VaccineCode, date: string, product?: string): HistoryDose =>
  product ? { vaccine, date, product } : { vaccine, date };

/** The rows of one vaccine. */
export function rowsOf(
  person: VaccinationPerson,
  history: HistoryDose[],
  on: string,
  vaccine: VaccineCode,
): DoseSchedule[] {
  return scheduleFor(person, history, on).filter((r) => r.vaccine === vaccine);
}

/** One row by vaccine and dose label (throws if missing, so a test fails with a clear message). */
export function rowOf(
  person: VaccinationPerson,
  history: HistoryDose[],
  on: string,
  vaccine: VaccineCode,
  label?: string,
): DoseSchedule {
  const rows = rowsOf(person, history, on, vaccine);
  const r = label ? rows.find((x) => x.dose === label) : rows[0];
  if (!r) throw new Error(`no row ${vaccine} ${label ?? ''}: ${rows.map((x) => x.dose).join(', ')}`);
  return r;
}
