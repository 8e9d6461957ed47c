/**
 * 妊娠届・母子健康手帳・受診券 storage (F06-01/F06-02): raw SQL through SqlRunner so a registration runs in one
 * transaction. Numbers (妊娠届の番号, 受診券ID) are allocated with INSERT … ON CONFLICT DO NOTHING and a retry, so two
 * counters registering at the same moment never get the same number (the unique indexes guarantee it).
 */
import { randomInt } from 'node:crypto';
import type { SqlRunner } from '../../platform/db/connect.ts';
import { notificationNo } from './pregnancy-rules.ts';
import { type VoucherPlan, voucherNumber } from './vouchers.ts';

export type MotherRow = {
  id: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  status: string;
  address: string;
};

export type PregnancyRow = {
  id: number;
  notificationNo: string;
  motherResidentId: number;
  notifiedOn: string;
  source: string;
  dueDate: string;
  weeksAtNotification: number | null;
  fetusCount: number;
  diagnosedBy: string;
  diagnosisInstitution: string;
  stdTbCheckup: string;
  occupation: string;
  questionnaire: Record<string, unknown>;
  questionnaireVersion: string;
  riskFlags: string[];
  specificPregnant: boolean;
  interview: Record<string, unknown>;
  outcome: string | null;
  outcomeOn: string | null;
  details: Record<string, unknown>;
  note: string;
  version: number;
};

export type HandbookRow = {
  id: number;
  handbookNo: string;
  childIndex: number;
  kind: string;
  issuedOn: string;
  replacesId: number | null;
  reason: string;
};

export type VoucherRow = {
  id: number;
  voucherNo: string;
  kind: string;
  seq: number;
  issuedOn: string;
  limitYen: number | null;
  status: string;
  usedOn: string | null;
  voidReason: string;
};

const PREGNANCY = `SELECT id, notification_no AS "notificationNo", mother_resident_id AS "motherResidentId",
  notified_on AS "notifiedOn", source, due_date AS "dueDate", weeks_at_notification AS "weeksAtNotification",
  fetus_count AS "fetusCount", diagnosed_by AS "diagnosedBy", diagnosis_institution AS "diagnosisInstitution",
  std_tb_checkup AS "stdTbCheckup", occupation, questionnaire, questionnaire_version AS "questionnaireVersion",
  risk_flags AS "riskFlags", specific_pregnant AS "specificPregnant", interview, outcome, outcome_on AS "outcomeOn",
  details, note, version FROM pregnancies`;

const num = <T extends { id: number }>(r: T): T => ({ ...r, id: Number(r.id) });

export type NewPregnancy = Omit<PregnancyRow, 'id' | 'notificationNo' | 'version' | 'outcome' | 'outcomeOn'>;

export const pregnancyRepository = {
  async mother(q: SqlRunner, id: number): Promise<MotherRow | undefined> {
    const [r] = await q.query<MotherRow>(
      `SELECT id, atena_no AS "atenaNo", name, name_kana AS "nameKana", birth_date AS "birthDate", status,
         trim(address || ' ' || address_extra) AS address FROM residents WHERE id = $1`,
      [id],
    );
    return r ? num(r) : undefined;
  },

  /** Pregnancies of mothers found by 宛名番号 (exact), 氏名 or カナ (part). */
  async search(q: SqlRunner, text: string, limit = 50) {
    const rows = await q.query<PregnancyRow & { motherName: string; motherAtenaNo: string }>(
      `SELECT p.*, r.name AS "motherName", r.atena_no AS "motherAtenaNo" FROM (${PREGNANCY}) p
       JOIN residents r ON r.id = p."motherResidentId"
       WHERE r.atena_no = $1 OR replace(r.name, ' ', '') LIKE '%' || replace($1, ' ', '') || '%'
         OR replace(r.name_kana, ' ', '') LIKE '%' || replace($1, ' ', '') || '%'
       ORDER BY p."notifiedOn" DESC, p.id DESC LIMIT $2`,
      [text, limit],
    );
    return rows.map(fixPregnancy);
  },

  async ofMother(q: SqlRunner, motherId: number): Promise<PregnancyRow[]> {
    const rows = await q.query<PregnancyRow>(
      `${PREGNANCY} WHERE mother_resident_id = $1 ORDER BY notified_on DESC, id DESC`,
      [motherId],
    );
    return rows.map(fixPregnancy);
  },

  async get(q: SqlRunner, id: number): Promise<PregnancyRow | undefined> {
    const [r] = await q.query<PregnancyRow>(`${PREGNANCY} WHERE id = $1`, [id]);
    return r ? fixPregnancy(r) : undefined;
  },

  /** Inserts the 妊娠届 with the next free 番号 of the fiscal year (retrying when another counter took it). */
  async insert(q: SqlRunner, fiscalYear: number, v: NewPregnancy, userId: number | null) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const [last] = await q.query<{ n: number | null }>(
        `SELECT max(split_part(notification_no, '-', 2)::int) AS n FROM pregnancies
         WHERE notification_no LIKE $1 || '-%'`,
        [String(fiscalYear)],
      );
      const no = notificationNo(fiscalYear, Number(last?.n ?? 0) + 1 + attempt);
      const [r] = await q.query<{ id: number }>(
        `INSERT INTO pregnancies (notification_no, mother_resident_id, notified_on, source, due_date,
           weeks_at_notification, fetus_count, diagnosed_by, diagnosis_institution, std_tb_checkup, occupation,
           questionnaire, questionnaire_version, risk_flags, specific_pregnant, interview, details, note,
           created_by, updated_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$19)
         ON CONFLICT (notification_no) DO NOTHING RETURNING id`,
        [
          no,
          v.motherResidentId,
          v.notifiedOn,
          v.source,
          v.dueDate,
          v.weeksAtNotification,
          v.fetusCount,
          v.diagnosedBy,
          v.diagnosisInstitution,
          v.stdTbCheckup,
          v.occupation,
          JSON.stringify(v.questionnaire),
          v.questionnaireVersion,
          v.riskFlags,
          v.specificPregnant,
          JSON.stringify(v.interview),
          JSON.stringify(v.details),
          v.note,
          userId,
        ],
      );
      if (r) return { id: Number(r.id), notificationNo: no };
    }
    throw new Error('妊娠届の番号を割り当てられませんでした');
  },

  /** Updates some columns at the version read; false when someone else changed it first. */
  async update(
    q: SqlRunner,
    id: number,
    version: number,
    set: Record<string, unknown>,
    userId: number | null,
  ) {
    const cols = Object.keys(set);
    const assigns = cols.map((c, i) => `${c} = $${i + 4}`).join(', ');
    const rows = await q.query(
      `UPDATE pregnancies SET ${assigns}${cols.length ? ',' : ''} version = version + 1, updated_by = $3,
         updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, userId, ...cols.map((c) => jsonIfObject(set[c]))],
    );
    return rows.length === 1;
  },

  async handbooks(q: SqlRunner, pregnancyId: number): Promise<HandbookRow[]> {
    const rows = await q.query<HandbookRow>(
      `SELECT id, handbook_no AS "handbookNo", child_index AS "childIndex", kind, issued_on AS "issuedOn",
         replaces_id AS "replacesId", reason FROM maternal_handbooks WHERE pregnancy_id = $1 ORDER BY id`,
      [pregnancyId],
    );
    return rows.map((r) => ({ ...num(r), replacesId: r.replacesId === null ? null : Number(r.replacesId) }));
  },

  async insertHandbook(
    q: SqlRunner,
    pregnancyId: number,
    h: Omit<HandbookRow, 'id'>,
    userId: number | null,
  ): Promise<number> {
    const [r] = await q.query<{ id: number }>(
      `INSERT INTO maternal_handbooks (pregnancy_id, handbook_no, child_index, kind, issued_on, replaces_id, reason,
         created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [pregnancyId, h.handbookNo, h.childIndex, h.kind, h.issuedOn, h.replacesId, h.reason, userId],
    );
    return Number(r!.id);
  },

  async vouchers(q: SqlRunner, pregnancyId: number): Promise<VoucherRow[]> {
    const rows = await q.query<VoucherRow>(
      `SELECT id, voucher_no AS "voucherNo", kind, seq, issued_on AS "issuedOn", limit_yen AS "limitYen", status,
         used_on AS "usedOn", void_reason AS "voidReason" FROM checkup_vouchers WHERE pregnancy_id = $1
       ORDER BY CASE kind WHEN 'prenatal' THEN 1 WHEN 'cervical' THEN 2 WHEN 'prenatal_dental' THEN 3
         WHEN 'postpartum' THEN 4 ELSE 5 END, seq, id`,
      [pregnancyId],
    );
    return rows.map(num);
  },

  /**
   * Issues vouchers with fresh 受診券IDs: a random serial, inserted with ON CONFLICT DO NOTHING; on a collision a new
   * serial is drawn (the unique index is the guarantee, also across concurrent counters).
   */
  async issueVouchers(
    q: SqlRunner,
    v: { pregnancyId: number; residentId: number; issuedOn: string; plans: VoucherPlan[] },
    serial: () => number = () => randomInt(0, 10_000_000),
  ): Promise<string[]> {
    const nos: string[] = [];
    for (const p of v.plans) {
      for (let attempt = 0; ; attempt++) {
        if (attempt >= 50) throw new Error('受診券IDを割り当てられませんでした');
        const no = voucherNumber(v.issuedOn, serial());
        const [r] = await q.query(
          `INSERT INTO checkup_vouchers (voucher_no, pregnancy_id, resident_id, kind, seq, issued_on, limit_yen)
           VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (voucher_no) DO NOTHING RETURNING id`,
          [no, v.pregnancyId, v.residentId, p.kind, p.seq, v.issuedOn, p.limitYen],
        );
        if (r) {
          nos.push(no);
          break;
        }
      }
    }
    return nos;
  },

  /** Voids issued (unused) vouchers; returns how many. */
  async voidVouchers(
    q: SqlRunner,
    pregnancyId: number,
    ids: number[] | 'kinds',
    kinds: string[],
    reason: string,
  ) {
    const rows = await q.query(
      ids === 'kinds'
        ? `UPDATE checkup_vouchers SET status = 'void', void_reason = $3, version = version + 1
           WHERE pregnancy_id = $1 AND status = 'issued' AND kind = ANY($2::text[]) RETURNING id`
        : `UPDATE checkup_vouchers SET status = 'void', void_reason = $3, version = version + 1
           WHERE pregnancy_id = $1 AND status = 'issued' AND id = ANY($2::bigint[]) RETURNING id`,
      [pregnancyId, ids === 'kinds' ? kinds : ids, reason],
    );
    return rows.length;
  },
};

const jsonIfObject = (v: unknown) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v;

function fixPregnancy<T extends PregnancyRow>(r: T): T {
  return { ...r, id: Number(r.id), motherResidentId: Number(r.motherResidentId) };
}
