/**
 * SQL of 出生連絡票 (F07-01): the births row, the people it names, and the two small writes on the 母子保健 tables it
 * completes — the pregnancy's outcome (出産, only when none is recorded) and the 母子健康手帳 of the child (child_index
 * = 出生順). The pregnancies table belongs to F06-01; this file only reads it and sets the outcome.
 */
import type { SqlRunner } from '../../platform/db/connect.ts';

export type BirthRow = {
  id: number;
  childResidentId: number;
  motherResidentId: number | null;
  pregnancyId: number | null;
  receivedOn: string;
  receivedVia: string;
  birthTime: string;
  birthWeightG: number | null;
  heightMm: number | null;
  headMm: number | null;
  chestMm: number | null;
  gestationalWeeks: number | null;
  gestationalDays: number | null;
  delivery: string;
  birthOrder: number | null;
  apgar1: number | null;
  apgar5: number | null;
  birthPlace: string;
  institutionName: string;
  lowBirthWeight: boolean;
  details: Record<string, unknown>;
  note: string;
  version: number;
};

export type BirthWrite = Omit<BirthRow, 'id' | 'version'>;

export type PersonRow = {
  id: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  status: string;
};

export type PregnancyRef = {
  id: number;
  notificationNo: string;
  fetusCount: number;
  dueDate: string;
  outcome: string | null;
};

const birthColumns = `b.id, b.child_resident_id AS "childResidentId", b.mother_resident_id AS "motherResidentId",
  b.pregnancy_id AS "pregnancyId", b.received_on AS "receivedOn", b.received_via AS "receivedVia",
  b.birth_time AS "birthTime", b.birth_weight_g AS "birthWeightG", b.height_mm AS "heightMm", b.head_mm AS "headMm",
  b.chest_mm AS "chestMm", b.gestational_weeks AS "gestationalWeeks", b.gestational_days AS "gestationalDays",
  b.delivery, b.birth_order AS "birthOrder", b.apgar_1 AS "apgar1", b.apgar_5 AS "apgar5", b.birth_place AS "birthPlace",
  b.institution_name AS "institutionName", b.low_birth_weight AS "lowBirthWeight", b.details, b.note, b.version`;

const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const toBirth = (r: BirthRow): BirthRow => ({
  ...r,
  id: Number(r.id),
  childResidentId: Number(r.childResidentId),
  motherResidentId: numOrNull(r.motherResidentId),
  pregnancyId: numOrNull(r.pregnancyId),
});

const personColumns = `id, atena_no AS "atenaNo", name, name_kana AS "nameKana", birth_date AS "birthDate", sex, status`;

const writeParams = (v: BirthWrite) => [
  v.childResidentId,
  v.motherResidentId,
  v.pregnancyId,
  v.receivedOn,
  v.receivedVia,
  v.birthTime,
  v.birthWeightG,
  v.heightMm,
  v.headMm,
  v.chestMm,
  v.gestationalWeeks,
  v.gestationalDays,
  v.delivery,
  v.birthOrder,
  v.apgar1,
  v.apgar5,
  v.birthPlace,
  v.institutionName,
  v.lowBirthWeight,
  JSON.stringify(v.details),
  v.note,
];

export const birthRepository = {
  async person(q: SqlRunner, id: number): Promise<PersonRow | undefined> {
    const [r] = await q.query<PersonRow>(`SELECT ${personColumns} FROM residents WHERE id = $1`, [id]);
    return r ? { ...r, id: Number(r.id) } : undefined;
  },

  async byChild(q: SqlRunner, childResidentId: number): Promise<BirthRow | undefined> {
    const [r] = await q.query<BirthRow>(
      `SELECT ${birthColumns} FROM births b WHERE b.child_resident_id = $1`,
      [childResidentId],
    );
    return r ? toBirth(r) : undefined;
  },

  async insert(q: SqlRunner, v: BirthWrite, userId: number | null): Promise<{ id: number; version: number }> {
    const [r] = await q.query<{ id: number; version: number }>(
      `INSERT INTO births (child_resident_id, mother_resident_id, pregnancy_id, received_on, received_via, birth_time,
         birth_weight_g, height_mm, head_mm, chest_mm, gestational_weeks, gestational_days, delivery, birth_order,
         apgar_1, apgar_5, birth_place, institution_name, low_birth_weight, details, note, created_by, updated_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20::jsonb,$21,$22,$22)
       ON CONFLICT (child_resident_id) DO NOTHING RETURNING id, version`,
      [...writeParams(v), userId],
    );
    return r ? { id: Number(r.id), version: r.version } : { id: 0, version: 0 };
  },

  /** Update at the version read; undefined when someone else changed it first. */
  async update(q: SqlRunner, id: number, version: number, v: BirthWrite, userId: number | null) {
    const [r] = await q.query<{ version: number }>(
      `UPDATE births SET child_resident_id = $1, mother_resident_id = $2, pregnancy_id = $3, received_on = $4,
         received_via = $5, birth_time = $6, birth_weight_g = $7, height_mm = $8, head_mm = $9, chest_mm = $10,
         gestational_weeks = $11, gestational_days = $12, delivery = $13, birth_order = $14, apgar_1 = $15,
         apgar_5 = $16, birth_place = $17, institution_name = $18, low_birth_weight = $19, details = $20::jsonb,
         note = $21, version = version + 1, updated_by = $22, updated_at = now()
       WHERE id = $23 AND version = $24 RETURNING version`,
      [...writeParams(v), userId, id, version],
    );
    return r?.version;
  },

  /** The latest 出生連絡票 registered (母子カード search page), with the child's name. */
  async recent(q: SqlRunner, limit: number) {
    const rows = await q.query<PersonRow & { birthId: number; lowBirthWeight: boolean; receivedOn: string }>(
      `SELECT r.id, r.atena_no AS "atenaNo", r.name, r.name_kana AS "nameKana", r.birth_date AS "birthDate", r.sex,
         r.status, b.id AS "birthId", b.low_birth_weight AS "lowBirthWeight", b.received_on AS "receivedOn"
       FROM births b JOIN residents r ON r.id = b.child_resident_id
       ORDER BY b.received_on DESC, b.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ ...r, id: Number(r.id), birthId: Number(r.birthId) }));
  },

  /**
   * A pregnancy by id, or — when id is null — the mother's open one (no outcome yet) or the one that ended in 出産
   * on the child's birth date (the second child of 多胎), the latest 届出 first.
   */
  async pregnancy(
    q: SqlRunner,
    motherResidentId: number,
    id: number | null,
    bornOn: string,
  ): Promise<PregnancyRef | undefined> {
    const [r] = await q.query<PregnancyRef>(
      `SELECT id, notification_no AS "notificationNo", fetus_count AS "fetusCount", due_date AS "dueDate", outcome
       FROM pregnancies
       WHERE mother_resident_id = $1
         AND ($2::bigint IS NULL AND (outcome IS NULL OR outcome = 'birth' AND outcome_on = $3::date) OR id = $2::bigint)
       ORDER BY notified_on DESC, id DESC LIMIT 1`,
      [motherResidentId, id, bornOn],
    );
    return r ? { ...r, id: Number(r.id) } : undefined;
  },

  /** 妊娠の転帰を「出産」に: only when the pregnancy has no outcome yet (never overwrites F06's record). */
  async setPregnancyBornIfOpen(q: SqlRunner, pregnancyId: number, bornOn: string, userId: number | null) {
    const rows = await q.query<{ id: number }>(
      `UPDATE pregnancies SET outcome = 'birth', outcome_on = $2, version = version + 1, updated_by = $3,
         updated_at = now()
       WHERE id = $1 AND outcome IS NULL RETURNING id`,
      [pregnancyId, bornOn, userId],
    );
    return rows.length > 0;
  },

  /** The child's 母子健康手帳 (the pregnancy's handbooks of that child_index, 再交付 included); returns the numbers. */
  async linkHandbooks(q: SqlRunner, pregnancyId: number, childIndex: number, childResidentId: number) {
    const rows = await q.query<{ handbookNo: string }>(
      `UPDATE maternal_handbooks SET child_resident_id = $3, version = version + 1
       WHERE pregnancy_id = $1 AND child_index = $2
         AND (child_resident_id IS NULL OR child_resident_id = $3) RETURNING handbook_no AS "handbookNo"`,
      [pregnancyId, childIndex, childResidentId],
    );
    return rows.map((r) => r.handbookNo);
  },

  /** The handbooks linked to a child (母子カード). */
  async handbooksOf(q: SqlRunner, childResidentId: number) {
    return q.query<{ handbookNo: string; kind: string; issuedOn: string; childIndex: number }>(
      `SELECT handbook_no AS "handbookNo", kind, issued_on AS "issuedOn", child_index AS "childIndex"
       FROM maternal_handbooks WHERE child_resident_id = $1 ORDER BY issued_on, id`,
      [childResidentId],
    );
  },
};
