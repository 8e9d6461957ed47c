/** SQL of 市町村独自の予防接種 (municipal_vaccines). A retired definition stays (active = false). */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { MunicipalVaccineInput } from './municipal-input.ts';
import type { MunicipalVaccineDef } from './municipal-rules.ts';

export type MunicipalVaccineRow = MunicipalVaccineDef & {
  id: number;
  active: boolean;
  sortOrder: number;
  note: string;
  version: number;
  updatedAt: string;
};

const COLUMNS = `id, code, name, kind, age_from_unit AS "ageFromUnit", age_from_value AS "ageFromValue",
  age_to_unit AS "ageToUnit", age_to_value AS "ageToValue", sex, doses, min_interval_days AS "minIntervalDays",
  subsidy_yen AS "subsidyYen", valid_from::text AS "validFrom", valid_to::text AS "validTo", active,
  sort_order AS "sortOrder", note, version, updated_at AS "updatedAt"`;

const fix = (r: MunicipalVaccineRow): MunicipalVaccineRow => ({ ...r, id: Number(r.id) });

const values = (v: MunicipalVaccineInput) => [
  v.code,
  v.name,
  v.kind,
  v.ageFromUnit,
  v.ageFromValue,
  v.ageToUnit,
  v.ageToValue,
  v.sex,
  v.doses,
  v.minIntervalDays,
  v.subsidyYen,
  v.validFrom,
  v.validTo,
  v.sortOrder,
  v.note,
];

export const municipalRepository = {
  /** Every definition (active first), or only the active ones. */
  async list(q: SqlRunner, opts: { activeOnly?: boolean } = {}) {
    const rows = await q.query<MunicipalVaccineRow>(
      `SELECT ${COLUMNS} FROM municipal_vaccines ${opts.activeOnly ? 'WHERE active' : ''}
       ORDER BY active DESC, sort_order, code`,
    );
    return rows.map(fix);
  },

  async get(q: SqlRunner, id: number) {
    const [r] = await q.query<MunicipalVaccineRow>(
      `SELECT ${COLUMNS} FROM municipal_vaccines WHERE id = $1`,
      [id],
    );
    return r ? fix(r) : null;
  },

  async byCode(q: SqlRunner, code: string) {
    const [r] = await q.query<MunicipalVaccineRow>(
      `SELECT ${COLUMNS} FROM municipal_vaccines WHERE code = $1`,
      [code],
    );
    return r ? fix(r) : null;
  },

  /** Inserts; null when the code is taken (the unique constraint decides, also between two sessions). */
  async insert(q: SqlRunner, v: MunicipalVaccineInput, userId: number | null) {
    const [r] = await q.query<{ id: number }>(
      `INSERT INTO municipal_vaccines (code, name, kind, age_from_unit, age_from_value, age_to_unit, age_to_value,
         sex, doses, min_interval_days, subsidy_yen, valid_from, valid_to, sort_order, note, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [...values(v), userId],
    );
    return r ? Number(r.id) : null;
  },

  /** Update at `version` (optimistic lock); false when someone saved in between. */
  async update(q: SqlRunner, id: number, version: number, v: MunicipalVaccineInput, userId: number | null) {
    const rows = await q.query(
      `UPDATE municipal_vaccines SET code = $3, name = $4, kind = $5, age_from_unit = $6, age_from_value = $7,
         age_to_unit = $8, age_to_value = $9, sex = $10, doses = $11, min_interval_days = $12, subsidy_yen = $13,
         valid_from = $14, valid_to = $15, sort_order = $16, note = $17, updated_by = $18, version = version + 1,
         updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, ...values(v), userId],
    );
    return rows.length === 1;
  },

  /** 廃止 (active = false) at `version`; false when someone saved in between. */
  async retire(q: SqlRunner, id: number, version: number, userId: number | null) {
    const rows = await q.query(
      `UPDATE municipal_vaccines SET active = false, updated_by = $3, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, userId],
    );
    return rows.length === 1;
  },

  /** The number of records (not deleted) of a code: a used code cannot be renamed. */
  async recordCount(q: SqlRunner, code: string) {
    const [r] = await q.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM vaccination_records WHERE vaccine = $1 AND deleted_at IS NULL',
      [code],
    );
    return Number(r?.n ?? 0);
  },
};
