/**
 * What the 母子カード reads from the 乳幼児健診 tables (F07-04…06, written by the checkup flows): the child's results and
 * 精密健診依頼, as they exist — read only.
 */
import type { SqlRunner } from '../../platform/db/connect.ts';

export type CardCheckupRow = {
  id: number;
  checkup: string;
  mode: string;
  examinedOn: string;
  ageMonths: number;
  ageDays: number;
  institutionName: string;
  judgement: string;
  note: string;
};

export type CardReferralRow = {
  id: number;
  referralNo: string;
  issuedOn: string;
  areas: string[];
  toInstitutionName: string;
  status: string;
  examinedOn: string | null;
  result: string | null;
  diagnosis: string;
};

export const childCardRepository = {
  async checkups(q: SqlRunner, childResidentId: number): Promise<CardCheckupRow[]> {
    const rows = await q.query<CardCheckupRow>(
      `SELECT id, checkup, mode, examined_on AS "examinedOn", age_months AS "ageMonths", age_days AS "ageDays",
         institution_name AS "institutionName", judgement, note
       FROM infant_checkup_results WHERE child_resident_id = $1 ORDER BY examined_on, id`,
      [childResidentId],
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },

  async referrals(q: SqlRunner, childResidentId: number): Promise<CardReferralRow[]> {
    const rows = await q.query<CardReferralRow>(
      `SELECT id, referral_no AS "referralNo", issued_on AS "issuedOn", areas,
         to_institution_name AS "toInstitutionName", status, examined_on AS "examinedOn", result, diagnosis
       FROM infant_referrals WHERE child_resident_id = $1 ORDER BY issued_on, id`,
      [childResidentId],
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },
};
