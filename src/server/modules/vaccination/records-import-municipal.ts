/**
 * 市町村独自の予防接種 (任意接種助成) in 接種結果の取込 (F11a-01): a vaccine the national master does not know is kept
 * as written by the row parse and looked up here among the city's definitions (municipal_vaccines), by code or by
 * name as written (normalised as the national names, `vaccineKey`); its 回 is 1回目 … N回目 or a number. The check
 * (checkMunicipalRecord, as the entry screen) runs in records-import.ts: always 任意接種 (routine false), its issues
 * (助成対象外) shown as 注意 in the dry run. A retired definition takes no new records (as on the screen).
 */
import type { FieldError } from '../../platform/imports/types.ts';
import { municipalLabel } from './municipal-records.ts';
import type { MunicipalVaccineRow } from './municipal-repository.ts';
import { doseLabel } from './municipal-rules.ts';
import { type RecordImportRow, unknownVaccine, vaccineKey } from './records-import-row.ts';
import type { RecordValues } from './records-repository.ts';

export type ResolvedRow = { row: RecordImportRow; def: MunicipalVaccineRow | null; errors: FieldError[] };

/** The 回 of a municipal vaccine as written: 「2」「2回目」「第2回」 within its doses; '' = the check's dose. */
export function municipalDoseOf(def: MunicipalVaccineRow, text: string): string | null | undefined {
  const t = text.normalize('NFKC').replace(/[\s第]/g, '');
  if (!t) return null;
  const n = /^(\d{1,2})(回目?)?$/.exec(t);
  return n && Number(n[1]) >= 1 && Number(n[1]) <= def.doses ? doseLabel(Number(n[1])) : undefined;
}

/**
 * A row of the file with its vaccine resolved: national rows as they are; a kept text becomes the code of the
 * definition it names (code or name, active or retired), else the error of an unknown vaccine.
 */
export function resolveMunicipal(r: RecordImportRow, defs: MunicipalVaccineRow[]): ResolvedRow {
  if (!r.unresolved) return { row: r, def: null, errors: [] };
  const k = vaccineKey(r.vaccine);
  const def = defs.find((d) => [d.code, d.name, municipalLabel(d.name)].some((n) => vaccineKey(n) === k));
  if (!def) return { row: r, def: null, errors: [{ field: 'vaccine', message: unknownVaccine(r.vaccine) }] };
  const { unresolved: _, ...rest } = r;
  const dose = municipalDoseOf(def, r.doseText);
  const row: RecordImportRow = { ...rest, vaccine: def.code, dose: dose ?? null, doseChoices: [] };
  if (dose !== undefined) return { row, def, errors: [] };
  const labels = Array.from({ length: def.doses }, (_, i) => doseLabel(i + 1)).join('・');
  const message = `${municipalLabel(def.name)}に「${r.doseText}」という回はありません。${labels} のどれか（または空欄）にしてください。`;
  return { row, def, errors: [{ field: 'dose', message }] };
}

/** A retired definition: only a record already stored (same person, vaccine and date) may be corrected. */
export function retiredError(def: MunicipalVaccineRow | null, stored: boolean): FieldError | null {
  if (!def || def.active || stored) return null;
  return {
    field: 'vaccine',
    message: `${municipalLabel(def.name)}は廃止されています。新しい記録は取り込めません（管理者に確認するか、行を外してください）。`,
  };
}

/** The dry run's 注意 on a municipal record the check finds 助成対象外 (stored all the same, 任意接種). */
export const municipalNote = (v: RecordValues) =>
  v.issues.length
    ? `注意: 助成の対象外です（任意接種として記録します）: ${v.issues.map((i) => i.message).join(' / ')}`
    : null;
