/**
 * SQL of 妊婦健診・産婦健診・精密健診の結果 (maternal_checkup_results) and the 受診券 they use (checkup_vouchers):
 * the visit found by 受診券ID with the mother and the pregnancy, the results of vouchers and referrals, and the one
 * write path of the entry screen and the import (the result, the voucher marked 使用済, the follow-up).
 */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { CheckupKind, Judgement } from './checkup-items.ts';
import type { ItemValue } from './checkup-rules.ts';
import { registerFollowUp } from './follow-ups.ts';

export type VoucherRow = {
  id: number;
  voucherNo: string;
  kind: string;
  seq: number;
  status: 'issued' | 'used' | 'void';
  usedOn: string | null;
  voidReason: string;
  pregnancyId: number;
  residentId: number;
  notificationNo: string;
  dueDate: string;
  outcome: string | null;
  outcomeOn: string | null;
  atenaNo: string;
  name: string;
  birthDate: string;
};

export type ResultRow = {
  id: number;
  pregnancyId: number;
  residentId: number;
  kind: CheckupKind;
  voucherId: number | null;
  referralFromId: number | null;
  examinedOn: string;
  gestationalWeeks: number | null;
  gestationalDays: number | null;
  institutionId: number | null;
  institutionName: string;
  items: Record<string, ItemValue>;
  judgement: Judgement;
  epdsScore: number | null;
  source: 'manual' | 'import';
  note: string;
  version: number;
  /** the 受診券ID of the voucher (or, for a 精密健診, of the referring visit) */
  voucherNo: string | null;
};

/** What is written for a visit (new: id null; update: id and the version read). */
export type ResultWrite = Omit<ResultRow, 'id' | 'version' | 'voucherNo' | 'source'> & {
  id: number | null;
  version: number | null;
  itemsVersion: string;
  followUpReasons: string[];
};

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const VOUCHER = `SELECT v.id, v.voucher_no AS "voucherNo", v.kind, v.seq, v.status, to_char(v.used_on, 'YYYY-MM-DD') AS "usedOn",
    v.void_reason AS "voidReason", v.pregnancy_id AS "pregnancyId", v.resident_id AS "residentId",
    p.notification_no AS "notificationNo", to_char(p.due_date, 'YYYY-MM-DD') AS "dueDate", p.outcome,
    to_char(p.outcome_on, 'YYYY-MM-DD') AS "outcomeOn", r.atena_no AS "atenaNo", r.name,
    to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate"
  FROM checkup_vouchers v
  JOIN pregnancies p ON p.id = v.pregnancy_id
  JOIN residents r ON r.id = v.resident_id`;

const RESULT = `SELECT m.id, m.pregnancy_id AS "pregnancyId", m.resident_id AS "residentId", m.kind, m.voucher_id AS "voucherId",
    m.referral_from_id AS "referralFromId", to_char(m.examined_on, 'YYYY-MM-DD') AS "examinedOn",
    m.gestational_weeks AS "gestationalWeeks", m.gestational_days AS "gestationalDays",
    m.institution_id AS "institutionId", coalesce(mi.name, m.institution_name) AS "institutionName", m.items, m.judgement,
    m.epds_score AS "epdsScore", m.source, m.note, m.version, coalesce(v.voucher_no, rv.voucher_no) AS "voucherNo"
  FROM maternal_checkup_results m
  LEFT JOIN medical_institutions mi ON mi.id = m.institution_id
  LEFT JOIN checkup_vouchers v ON v.id = m.voucher_id
  LEFT JOIN maternal_checkup_results ref ON ref.id = m.referral_from_id
  LEFT JOIN checkup_vouchers rv ON rv.id = ref.voucher_id`;

const fixVoucher = (v: VoucherRow): VoucherRow => ({
  ...v,
  id: Number(v.id),
  pregnancyId: Number(v.pregnancyId),
  residentId: Number(v.residentId),
});
const fixResult = (r: ResultRow): ResultRow => {
  const { items, ...rest } = r;
  const { itemsVersion: _, ...values } = (items ?? {}) as Record<string, ItemValue>;
  return {
    ...rest,
    items: values,
    id: Number(r.id),
    pregnancyId: Number(r.pregnancyId),
    residentId: Number(r.residentId),
    voucherId: num(r.voucherId),
    referralFromId: num(r.referralFromId),
    institutionId: num(r.institutionId),
  };
};

export { voucherKey } from './checkup-rules.ts';

export const checkupRepository = {
  async vouchers(q: SqlRunner, nos: string[]): Promise<Map<string, VoucherRow>> {
    const rows = await q.query<VoucherRow>(`${VOUCHER} WHERE v.voucher_no = ANY($1::text[])`, [nos]);
    return new Map(rows.map((r) => [r.voucherNo, fixVoucher(r)]));
  },

  /** The visit results (not 精密) of some vouchers, by voucher id. */
  async byVoucher(q: SqlRunner, voucherIds: number[]): Promise<Map<number, ResultRow>> {
    const rows = await q.query<ResultRow>(`${RESULT} WHERE m.voucher_id = ANY($1::bigint[])`, [voucherIds]);
    return new Map(rows.map((r) => [Number(r.voucherId), fixResult(r)]));
  },

  /** The 精密健診 results of some referring visits, by the referring result's id. */
  async byReferral(q: SqlRunner, resultIds: number[]): Promise<Map<number, ResultRow>> {
    const rows = await q.query<ResultRow>(`${RESULT} WHERE m.referral_from_id = ANY($1::bigint[])`, [
      resultIds,
    ]);
    return new Map(rows.map((r) => [Number(r.referralFromId), fixResult(r)]));
  },

  institutions: (q: SqlRunner) =>
    q.query<{ id: number; code: string; name: string }>('SELECT id, code, name FROM medical_institutions'),

  async one(q: SqlRunner, id: number): Promise<ResultRow | null> {
    const [r] = await q.query<ResultRow>(`${RESULT} WHERE m.id = $1`, [id]);
    return r ? fixResult(r) : null;
  },

  /** Every result of a pregnancy, in the order of the visits. */
  async ofPregnancy(q: SqlRunner, pregnancyId: number): Promise<ResultRow[]> {
    const rows = await q.query<ResultRow>(
      `${RESULT} WHERE m.pregnancy_id = $1 ORDER BY m.examined_on, m.id`,
      [pregnancyId],
    );
    return rows.map(fixResult);
  },

  /**
   * Writes a visit: a new row (the voucher's unique index refuses a second result of one voucher) or an update at
   * the version read (null when it changed meanwhile); the voucher becomes 使用済 on the 受診日; the follow-up is
   * registered (or its reasons added) when the rules found reasons. Returns the id, or null on a version conflict.
   */
  async write(q: SqlRunner, w: ResultWrite, source: 'manual' | 'import', userId: number | null) {
    const items = JSON.stringify({ ...w.items, itemsVersion: w.itemsVersion });
    const values = [
      w.examinedOn,
      w.gestationalWeeks,
      w.gestationalDays,
      w.institutionId,
      w.institutionName,
      items,
      w.judgement,
      w.epdsScore,
      source,
      w.note,
      userId,
    ];
    let id: number | null;
    if (w.id === null) {
      const [r] = await q.query<{ id: number }>(
        `INSERT INTO maternal_checkup_results (examined_on, gestational_weeks, gestational_days, institution_id,
           institution_name, items, judgement, epds_score, source, note, created_by, updated_by, pregnancy_id,
           resident_id, kind, voucher_id, referral_from_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (voucher_id) DO NOTHING RETURNING id`,
        [...values, w.pregnancyId, w.residentId, w.kind, w.voucherId, w.referralFromId],
      );
      id = r ? Number(r.id) : null;
    } else {
      const [r] = await q.query<{ id: number }>(
        `UPDATE maternal_checkup_results SET examined_on = $1, gestational_weeks = $2, gestational_days = $3,
           institution_id = $4, institution_name = $5, items = $6, judgement = $7, epds_score = $8, source = $9,
           note = $10, updated_by = $11, version = version + 1, updated_at = now()
         WHERE id = $12 AND version = $13 RETURNING id`,
        [...values, w.id, w.version],
      );
      id = r ? Number(r.id) : null;
    }
    if (id === null) return null;
    if (w.voucherId !== null)
      await q.query(
        `UPDATE checkup_vouchers SET status = 'used', used_on = $2, version = version + 1
         WHERE id = $1 AND (status <> 'used' OR used_on IS DISTINCT FROM $2::date)`,
        [w.voucherId, w.examinedOn],
      );
    if (w.followUpReasons.length)
      await registerFollowUp(q, {
        residentId: w.residentId,
        source: 'maternal_checkup',
        sourceId: id,
        reasons: w.followUpReasons,
        registeredOn: w.examinedOn,
        userId,
      });
    return id;
  },
};
