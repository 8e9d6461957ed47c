/**
 * SQL of 乳幼児健診の結果 (infant_checkup_results) and 精密健診依頼 (infant_referrals): the child found by 宛名番号 or
 * 受診票番号, the results of a child or a session, the one write path of a result (optimistic lock by version; the
 * follow-up registered in the same transaction), and the referral with its 精密健診結果.
 */
import type { SqlRunner } from '../../platform/db/connect.ts';
import { registerFollowUp } from '../maternal/follow-ups.ts';
import type { InfantCheckupCode, Judgement } from './checkups.ts';
import type { DentalValues, ResultItems } from './result-items.ts';

export type ChildRow = {
  id: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  status: string;
};

export type CheckupResultRow = {
  id: number;
  childResidentId: number;
  checkup: InfantCheckupCode;
  mode: 'individual' | 'group';
  sessionId: number | null;
  examinedOn: string;
  ageMonths: number;
  ageDays: number;
  institutionName: string;
  ticketNo: string;
  items: ResultItems;
  dental: DentalValues | Record<string, never>;
  judgement: Judgement;
  source: 'manual' | 'import';
  note: string;
  version: number;
};

export type ReferralRow = {
  id: number;
  resultId: number;
  childResidentId: number;
  referralNo: string;
  issuedOn: string;
  areas: string[];
  reason: string;
  toInstitutionName: string;
  status: 'issued' | 'examined' | 'cancelled';
  examinedOn: string | null;
  resultInstitutionName: string;
  result: string | null;
  diagnosis: string;
  resultSource: string | null;
  note: string;
  version: number;
  checkup: InfantCheckupCode;
  atenaNo: string;
  name: string;
};

export type ResultWrite = Omit<CheckupResultRow, 'id' | 'version' | 'source'> & {
  id: number | null;
  version: number | null;
  followUpReasons: string[];
};

const CHILD = `SELECT id, atena_no AS "atenaNo", name, name_kana AS "nameKana", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", sex, status FROM residents`;
const RESULT = `SELECT id, child_resident_id AS "childResidentId", checkup, mode, session_id AS "sessionId",
    to_char(examined_on, 'YYYY-MM-DD') AS "examinedOn", age_months AS "ageMonths", age_days AS "ageDays",
    institution_name AS "institutionName", ticket_no AS "ticketNo", items, dental, judgement, source, note, version
  FROM infant_checkup_results`;
const REFERRAL = `SELECT f.id, f.result_id AS "resultId", f.child_resident_id AS "childResidentId", f.referral_no AS "referralNo",
    to_char(f.issued_on, 'YYYY-MM-DD') AS "issuedOn", f.areas, f.reason, f.to_institution_name AS "toInstitutionName",
    f.status, to_char(f.examined_on, 'YYYY-MM-DD') AS "examinedOn", f.result_institution_name AS "resultInstitutionName",
    f.result, f.diagnosis, f.result_source AS "resultSource", f.note, f.version, c.checkup, r.atena_no AS "atenaNo", r.name
  FROM infant_referrals f JOIN infant_checkup_results c ON c.id = f.result_id JOIN residents r ON r.id = f.child_resident_id`;

const ids = <T extends { id: number }>(rows: T[], keys: (keyof T)[] = []) =>
  rows.map((r) => {
    const o: Record<string, unknown> = { ...r, id: Number(r.id) };
    for (const k of keys) if (r[k] !== null && r[k] !== undefined) o[k as string] = Number(r[k]);
    return o as T;
  });

export const infantResultRepository = {
  async childByAtena(q: SqlRunner, atenaNo: string): Promise<ChildRow | undefined> {
    return ids(await q.query<ChildRow>(`${CHILD} WHERE atena_no = $1 ORDER BY id LIMIT 1`, [atenaNo]))[0];
  },
  async childById(q: SqlRunner, id: number): Promise<ChildRow | undefined> {
    return ids(await q.query<ChildRow>(`${CHILD} WHERE id = $1`, [id]))[0];
  },
  async one(q: SqlRunner, id: number): Promise<CheckupResultRow | undefined> {
    return ids(await q.query<CheckupResultRow>(`${RESULT} WHERE id = $1`, [id]), [
      'childResidentId',
      'sessionId',
    ])[0];
  },
  async byTicket(q: SqlRunner, ticketNo: string): Promise<CheckupResultRow | undefined> {
    return ids(
      await q.query<CheckupResultRow>(`${RESULT} WHERE ticket_no = $1 AND ticket_no <> '' LIMIT 1`, [
        ticketNo,
      ]),
      ['childResidentId', 'sessionId'],
    )[0];
  },
  async ofChildren(q: SqlRunner, childIds: number[]): Promise<CheckupResultRow[]> {
    return ids(
      await q.query<CheckupResultRow>(
        `${RESULT} WHERE child_resident_id = ANY($1::bigint[]) ORDER BY examined_on, id`,
        [childIds],
      ),
      ['childResidentId', 'sessionId'],
    );
  },
  async ofSession(q: SqlRunner, sessionId: number): Promise<CheckupResultRow[]> {
    return ids(await q.query<CheckupResultRow>(`${RESULT} WHERE session_id = $1 ORDER BY id`, [sessionId]), [
      'childResidentId',
      'sessionId',
    ]);
  },

  /** Inserts or updates (at the version read) a result and registers its follow-up; null = lost the race. */
  async write(
    q: SqlRunner,
    w: ResultWrite,
    source: 'manual' | 'import',
    userId: number | null,
  ): Promise<number | null> {
    const values = [
      w.childResidentId,
      w.checkup,
      w.mode,
      w.sessionId,
      w.examinedOn,
      w.ageMonths,
      w.ageDays,
      w.institutionName,
      w.ticketNo,
      JSON.stringify(w.items),
      JSON.stringify(w.dental),
      w.judgement,
      source,
      w.note,
      userId,
    ];
    let id: number | null;
    if (w.id === null) {
      const [r] = await q.query<{ id: number }>(
        `INSERT INTO infant_checkup_results (child_resident_id, checkup, mode, session_id, examined_on, age_months, age_days,
           institution_name, ticket_no, items, dental, judgement, source, note, created_by, updated_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10::jsonb,$11::jsonb,$12,$13,$14,$15,$15)
         ON CONFLICT (child_resident_id, checkup) DO NOTHING RETURNING id`,
        values,
      );
      id = r ? Number(r.id) : null;
    } else {
      const [r] = await q.query<{ id: number }>(
        `UPDATE infant_checkup_results SET mode = $3, session_id = $4, examined_on = $5, age_months = $6, age_days = $7,
           institution_name = $8, ticket_no = $9, items = $10::jsonb, dental = $11::jsonb, judgement = $12, source = $13,
           note = $14, updated_by = $15, updated_at = now(), version = version + 1
         WHERE id = $16 AND version = $17 AND child_resident_id = $1 AND checkup = $2 RETURNING id`,
        [...values, w.id, w.version],
      );
      id = r ? Number(r.id) : null;
    }
    if (id !== null && w.followUpReasons.length)
      await registerFollowUp(q, {
        residentId: w.childResidentId,
        source: 'infant_checkup',
        sourceId: id,
        reasons: w.followUpReasons,
        registeredOn: w.examinedOn,
        userId,
      });
    return id;
  },

  async referralByNo(q: SqlRunner, no: string): Promise<ReferralRow | undefined> {
    return ids(await q.query<ReferralRow>(`${REFERRAL} WHERE f.referral_no = $1`, [no]), [
      'resultId',
      'childResidentId',
    ])[0];
  },
  async referralsByNo(q: SqlRunner, nos: string[]): Promise<Map<string, ReferralRow>> {
    const rows = ids(await q.query<ReferralRow>(`${REFERRAL} WHERE f.referral_no = ANY($1::text[])`, [nos]), [
      'resultId',
      'childResidentId',
    ]);
    return new Map(rows.map((r) => [r.referralNo, r]));
  },
  async referralsOfChildren(q: SqlRunner, childIds: number[]): Promise<ReferralRow[]> {
    return ids(
      await q.query<ReferralRow>(
        `${REFERRAL} WHERE f.child_resident_id = ANY($1::bigint[]) ORDER BY f.issued_on, f.id`,
        [childIds],
      ),
      ['resultId', 'childResidentId'],
    );
  },

  /** A new referral with the next 依頼書番号 of the 年度 (the unique index settles a race: the caller retries). */
  async insertReferral(
    q: SqlRunner,
    v: {
      resultId: number;
      childResidentId: number;
      prefix: string;
      issuedOn: string;
      areas: string[];
      reason: string;
      toInstitutionName: string;
      userId: number | null;
    },
  ): Promise<number> {
    const [r] = await q.query<{ id: number }>(
      `INSERT INTO infant_referrals (result_id, child_resident_id, referral_no, issued_on, areas, reason, to_institution_name, created_by, updated_by)
       VALUES ($1, $2, $3 || lpad((coalesce((SELECT max(substr(referral_no, length($3) + 1)::int) FROM infant_referrals
         WHERE referral_no LIKE $3 || '%'), 0) + 1)::text, 5, '0'), $4, $5, $6, $7, $8, $8) RETURNING id`,
      [v.resultId, v.childResidentId, v.prefix, v.issuedOn, v.areas, v.reason, v.toInstitutionName, v.userId],
    );
    return Number(r!.id);
  },
  /** The 送付記録 of the 精密健診依頼書 of a child (kept by the mailings engine's one-person path). */
  async referralSends(q: SqlRunner, childId: number, purpose: string) {
    const rows = await q.query<{ id: number; sentOn: string; method: string; referralNo: string | null }>(
      `SELECT id, to_char(sent_on, 'YYYY-MM-DD') AS "sentOn", method, payload->>'referralNo' AS "referralNo"
       FROM send_records WHERE resident_id = $1 AND purpose = $2 ORDER BY id`,
      [childId, purpose],
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },
  async referralById(q: SqlRunner, id: number): Promise<ReferralRow | undefined> {
    return ids(await q.query<ReferralRow>(`${REFERRAL} WHERE f.id = $1`, [id]), [
      'resultId',
      'childResidentId',
    ])[0];
  },

  /** The 精密健診結果 of a referral at the version read (status → examined); false = changed meanwhile. */
  async writeDetailed(
    q: SqlRunner,
    v: {
      id: number;
      version: number;
      examinedOn: string;
      institutionName: string;
      result: string;
      diagnosis: string;
      note: string;
      source: 'manual' | 'import';
      userId: number | null;
    },
  ): Promise<boolean> {
    const rows = await q.query(
      `UPDATE infant_referrals SET status = 'examined', examined_on = $3, result_institution_name = $4, result = $5,
         diagnosis = $6, note = $7, result_source = $8, updated_by = $9, updated_at = now(), version = version + 1
       WHERE id = $1 AND version = $2 RETURNING id`,
      [v.id, v.version, v.examinedOn, v.institutionName, v.result, v.diagnosis, v.note, v.source, v.userId],
    );
    return rows.length === 1;
  },
};
