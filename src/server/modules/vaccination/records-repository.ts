/** SQL of 予防接種の記録 (vaccination_records). Deleted records stay in the table (deleted_at, delete_reason). */
import type { SqlRunner } from '../../platform/db/connect.ts';

const COLUMNS = `r.id, r.resident_id AS "residentId", r.vaccine, r.dose, r.vaccinated_on AS "vaccinatedOn", r.product,
  r.lot, r.institution_id AS "institutionId", COALESCE(i.name, r.institution_name) AS "institutionName", r.doctor,
  r.form_no AS "formNo", r.source, r.routine, r.issues, r.note, r.version, r.updated_at AS "updatedAt",
  r.deleted_at AS "deletedAt", r.delete_reason AS "deleteReason"`;
const FROM = 'vaccination_records r LEFT JOIN medical_institutions i ON i.id = r.institution_id';

export type RecordSource = 'manual' | 'handbook' | 'import' | 'demo';

export type VaccinationRecordRow = {
  id: number;
  residentId: number;
  vaccine: string;
  dose: string;
  vaccinatedOn: string;
  product: string;
  lot: string;
  institutionId: number | null;
  institutionName: string;
  doctor: string;
  formNo: string;
  source: RecordSource;
  routine: boolean;
  issues: Array<{ code: string; message: string }>;
  note: string;
  version: number;
  updatedAt: string;
  deletedAt: string | null;
  deleteReason: string | null;
};

/** What is written for one record (the engine's check included). */
export type RecordValues = {
  vaccine: string;
  dose: string;
  vaccinatedOn: string;
  product: string;
  lot: string;
  institutionId: number | null;
  institutionName: string;
  doctor: string;
  formNo: string;
  source: RecordSource;
  routine: boolean;
  issues: Array<{ code: string; message: string }>;
  note: string;
};

const fix = (r: VaccinationRecordRow): VaccinationRecordRow => ({
  ...r,
  id: Number(r.id),
  residentId: Number(r.residentId),
  institutionId: r.institutionId === null ? null : Number(r.institutionId),
});

const values = (v: RecordValues) => [
  v.vaccine,
  v.dose,
  v.vaccinatedOn,
  v.product,
  v.lot,
  v.institutionId,
  v.institutionName,
  v.doctor,
  v.formNo,
  v.source,
  v.routine,
  JSON.stringify(v.issues),
  v.note,
];

export const recordsRepository = {
  /** A person's records, oldest first; deleted ones only when asked. */
  async ofPerson(q: SqlRunner, residentId: number, opts: { deleted?: boolean } = {}) {
    const rows = await q.query<VaccinationRecordRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE r.resident_id = $1 AND (r.deleted_at IS NULL) = $2
       ORDER BY r.vaccinated_on, r.id`,
      [residentId, !opts.deleted],
    );
    return rows.map(fix);
  },

  async get(q: SqlRunner, id: number) {
    const [r] = await q.query<VaccinationRecordRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1`, [id]);
    return r ? fix(r) : null;
  },

  async insert(q: SqlRunner, residentId: number, v: RecordValues, userId: number | null) {
    const [r] = await q.query<{ id: number }>(
      `INSERT INTO vaccination_records (resident_id, vaccine, dose, vaccinated_on, product, lot, institution_id,
         institution_name, doctor, form_no, source, routine, issues, note, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id`,
      [residentId, ...values(v), userId],
    );
    return Number(r!.id);
  },

  /** Update at `version` (optimistic lock); false when someone saved or deleted it in between. */
  async update(q: SqlRunner, id: number, version: number, v: RecordValues, userId: number | null) {
    const rows = await q.query(
      `UPDATE vaccination_records SET vaccine = $3, dose = $4, vaccinated_on = $5, product = $6, lot = $7,
         institution_id = $8, institution_name = $9, doctor = $10, form_no = $11, source = $12, routine = $13,
         issues = $14, note = $15, updated_by = $16, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING id`,
      [id, version, ...values(v), userId],
    );
    return rows.length === 1;
  },

  /** Soft delete at `version` with the reason; false when someone saved or deleted it in between. */
  async remove(q: SqlRunner, id: number, version: number, reason: string, userId: number | null) {
    const rows = await q.query(
      `UPDATE vaccination_records SET deleted_at = now(), deleted_by = $3, delete_reason = $4,
         version = version + 1, updated_by = $3, updated_at = now()
       WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING id`,
      [id, version, userId, reason],
    );
    return rows.length === 1;
  },

  /** 医療機関 in use (for typing a code or name in the entry form). */
  async institutions(q: SqlRunner) {
    const rows = await q.query<{ id: number; code: string; name: string }>(
      'SELECT id, code, name FROM medical_institutions WHERE active ORDER BY code',
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },

  async institution(q: SqlRunner, id: number) {
    const [r] = await q.query<{ id: number; name: string }>(
      'SELECT id, name FROM medical_institutions WHERE id = $1',
      [id],
    );
    return r ? { id: Number(r.id), name: r.name } : null;
  },

  async person(q: SqlRunner, residentId: number) {
    const [p] = await q.query<{
      id: number;
      atenaNo: string;
      name: string;
      nameKana: string;
      birthDate: string;
      sex: string;
      status: string;
      address: string;
    }>(
      `SELECT id, atena_no AS "atenaNo", name, name_kana AS "nameKana", birth_date AS "birthDate", sex, status,
         trim(address || ' ' || address_extra) AS address
       FROM residents WHERE id = $1`,
      [residentId],
    );
    return p ? { ...p, id: Number(p.id) } : null;
  },
};
