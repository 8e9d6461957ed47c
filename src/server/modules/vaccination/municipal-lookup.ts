/**
 * 市町村独自の予防接種: the lookups records.ts needs (the definitions, on one connection) — kept apart from
 * records.ts so that the national path there stays as it was.
 */
import type { SqlRunner } from '../../platform/db/connect.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import { municipalLabel } from './municipal-records.ts';
import { type MunicipalVaccineRow, municipalRepository } from './municipal-repository.ts';
import { doseLabel, type MunicipalVaccineDef } from './municipal-rules.ts';

/**
 * The definition a record to save is of (null: a national or unknown code). A retired definition is refused for a
 * new record (no longer offered) and accepted for the correction of an existing one.
 */
export async function municipalFor(
  lookup: ReturnType<typeof municipalLookup>,
  v: { vaccine: string; id: number | null },
): Promise<MunicipalVaccineRow | null> {
  const def = await lookup.find(v.vaccine);
  if (def && !def.active && v.id === null) {
    const message = `${municipalLabel(def.name)}は廃止されています。新しい記録は入力できません（管理者に確認してください）。`;
    throw badRequest(message, { fields: [{ path: 'vaccine', message }] });
  }
  return def;
}

/** The lookups records.ts needs, on one connection. */
export function municipalLookup(q: SqlRunner) {
  let cache: MunicipalVaccineRow[] | null = null;
  const all = async () => {
    cache ??= await municipalRepository.list(q);
    return cache;
  };
  return {
    all,
    active: async () => (await all()).filter((d) => d.active),
    /** The definition of a code (active or retired), or null for a national or unknown code. */
    find: async (code: string) => (await all()).find((d) => d.code === code) ?? null,
    /** Dose labels of a definition (1回目 … N回目). */
    doseLabels: (def: MunicipalVaccineDef) => Array.from({ length: def.doses }, (_, i) => doseLabel(i + 1)),
  };
}
