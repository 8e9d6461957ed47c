/**
 * SQL of 接種結果の取込: the people of a chunk by 宛名番号, their stored records, and the chunk's writes (new records
 * in one INSERT, updates in one UPDATE at the version the commit's check read).
 */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { RecordValues, VaccinationRecordRow } from './records-repository.ts';

export type ImportPerson = { id: number; atenaNo: string; name: string; birthDate: string; sex: string };
/** A stored record as the import compares with it (the row without its deletion and update stamps). */
export type StoredRecord = Omit<VaccinationRecordRow, 'updatedAt' | 'deletedAt' | 'deleteReason'>;

const bare = (a: string) => a.replace(/^0+/, '') || '0';

export const recordsImportRepository = {
  /**
   * People by 宛名番号 through the unique index, keyed without leading zeros: as written, and zero-padded to the
   * usual 10 and 15 digits (a clinic that drops the leading zeros).
   */
  async people(q: SqlRunner, atenaNos: string[]): Promise<Map<string, ImportPerson>> {
    const wanted = [
      ...new Set(atenaNos.flatMap((a) => [a, bare(a).padStart(10, '0'), bare(a).padStart(15, '0')])),
    ];
    const rows = await q.query<ImportPerson>(
      `SELECT id, atena_no AS "atenaNo", name, birth_date AS "birthDate", sex FROM residents
       WHERE atena_no = ANY($1::text[])`,
      [wanted],
    );
    return new Map(rows.map((p) => [bare(p.atenaNo), { ...p, id: Number(p.id) }]));
  },

  /** The records (not deleted) of the people, oldest first. */
  async records(q: SqlRunner, residentIds: number[]): Promise<StoredRecord[]> {
    if (!residentIds.length) return [];
    const rows = await q.query<StoredRecord>(
      `SELECT id, resident_id AS "residentId", vaccine, dose, to_char(vaccinated_on, 'YYYY-MM-DD') AS "vaccinatedOn",
         product, lot, institution_id AS "institutionId", institution_name AS "institutionName", doctor,
         form_no AS "formNo", source, routine, issues, note, version
       FROM vaccination_records WHERE resident_id = ANY($1::bigint[]) AND deleted_at IS NULL
       ORDER BY vaccinated_on, id`,
      [residentIds],
    );
    return rows.map((r) => ({
      ...r,
      id: Number(r.id),
      residentId: Number(r.residentId),
      institutionId: r.institutionId === null ? null : Number(r.institutionId),
    }));
  },

  async insert(q: SqlRunner, rows: { residentId: number; values: RecordValues }[], userId: number | null) {
    if (!rows.length) return;
    const col = <K extends keyof RecordValues>(k: K) => rows.map((r) => r.values[k]);
    await q.query(
      `INSERT INTO vaccination_records (resident_id, vaccine, dose, vaccinated_on, product, lot, institution_id,
         institution_name, doctor, form_no, source, routine, issues, note, created_by, updated_by)
       SELECT t.resident_id, t.vaccine, t.dose, t.vaccinated_on, t.product, t.lot, t.institution_id,
         t.institution_name, t.doctor, t.form_no, t.source, t.routine, t.issues, '', $14, $14
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::bigint[],
         $8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[], $13::jsonb[])
         AS t(resident_id, vaccine, dose, vaccinated_on, product, lot, institution_id, institution_name, doctor,
              form_no, source, routine, issues)`,
      [
        rows.map((r) => r.residentId),
        col('vaccine'),
        col('dose'),
        col('vaccinatedOn'),
        col('product'),
        col('lot'),
        col('institutionId'),
        col('institutionName'),
        col('doctor'),
        col('formNo'),
        col('source'),
        col('routine'),
        rows.map((r) => JSON.stringify(r.values.issues)),
        userId,
      ],
    );
  },

  /** Updates at the versions read; false when one was changed or deleted meanwhile (the chunk is retried). */
  async update(
    q: SqlRunner,
    rows: { id: number; version: number; values: RecordValues }[],
    userId: number | null,
  ): Promise<boolean> {
    if (!rows.length) return true;
    const col = <K extends keyof RecordValues>(k: K) => rows.map((r) => r.values[k]);
    const done = await q.query(
      `UPDATE vaccination_records r SET dose = t.dose, product = t.product, lot = t.lot,
         institution_id = t.institution_id, institution_name = t.institution_name, doctor = t.doctor,
         form_no = t.form_no, source = t.source, routine = t.routine, issues = t.issues, updated_by = $12,
         version = r.version + 1, updated_at = now()
       FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::boolean[], $13::jsonb[])
         AS t(id, version, dose, product, lot, institution_id, institution_name, doctor, form_no, source, routine,
              issues)
       WHERE r.id = t.id AND r.version = t.version AND r.deleted_at IS NULL RETURNING r.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.version),
        col('dose'),
        col('product'),
        col('lot'),
        col('institutionId'),
        col('institutionName'),
        col('doctor'),
        col('formNo'),
        col('source'),
        col('routine'),
        userId,
        rows.map((r) => JSON.stringify(r.values.issues)),
      ],
    );
    return done.length === rows.length;
  },
};
