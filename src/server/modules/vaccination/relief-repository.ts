/** SQL of 予防接種健康被害救済の請求 (vaccination_relief_cases, F11a-05). Changes are at the version read. */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { ReliefDocument, ReliefStatus } from './relief-rules.ts';

export type ReliefCaseRow = {
  id: number;
  caseNo: string;
  residentId: number;
  claimantName: string;
  claimantRelation: string;
  claimantPostalCode: string;
  claimantAddress: string;
  claimantPhone: string;
  vaccine: string;
  vaccinatedOn: string | null;
  category: 'A' | 'B';
  recordIds: number[];
  benefits: string[];
  symptoms: string;
  receivedOn: string;
  documents: ReliefDocument[];
  status: ReliefStatus;
  forwardedOn: string | null;
  forwardNote: string;
  decidedOn: string | null;
  resultReceivedOn: string | null;
  recognizedBenefits: string[];
  decisionNote: string;
  withdrawnOn: string | null;
  withdrawReason: string;
  noticeSentOn: string | null;
  note: string;
  version: number;
  updatedAt: string;
};

/** A row of the case list: the case and the vaccinated person's name. */
export type ReliefListRow = ReliefCaseRow & { atenaNo: string; personName: string; personKana: string };

const COLUMNS = `c.id, c.case_no AS "caseNo", c.resident_id AS "residentId", c.claimant_name AS "claimantName",
  c.claimant_relation AS "claimantRelation", c.claimant_postal_code AS "claimantPostalCode",
  c.claimant_address AS "claimantAddress", c.claimant_phone AS "claimantPhone", c.vaccine,
  c.vaccinated_on AS "vaccinatedOn", c.category, c.record_ids AS "recordIds", c.benefits, c.symptoms,
  c.received_on AS "receivedOn", c.documents, c.status, c.forwarded_on AS "forwardedOn", c.forward_note AS "forwardNote",
  c.decided_on AS "decidedOn", c.result_received_on AS "resultReceivedOn", c.recognized_benefits AS "recognizedBenefits",
  c.decision_note AS "decisionNote", c.withdrawn_on AS "withdrawnOn",
  c.withdraw_reason AS "withdrawReason", c.notice_sent_on AS "noticeSentOn", c.note, c.version, c.updated_at AS "updatedAt"`;

const fix = <T extends ReliefCaseRow>(r: T): T => ({
  ...r,
  id: Number(r.id),
  residentId: Number(r.residentId),
  recordIds: (r.recordIds ?? []).map(Number),
});

/** Columns a change may set (camelCase → column; arrays and jsonb are cast). */
const settable = {
  claimantName: 'claimant_name',
  claimantRelation: 'claimant_relation',
  claimantPostalCode: 'claimant_postal_code',
  claimantAddress: 'claimant_address',
  claimantPhone: 'claimant_phone',
  recordIds: 'record_ids::bigint[]',
  benefits: 'benefits::text[]',
  symptoms: 'symptoms',
  documents: 'documents::jsonb',
  status: 'status',
  forwardedOn: 'forwarded_on::date',
  forwardNote: 'forward_note',
  decidedOn: 'decided_on::date',
  resultReceivedOn: 'result_received_on::date',
  recognizedBenefits: 'recognized_benefits::text[]',
  decisionNote: 'decision_note',
  withdrawnOn: 'withdrawn_on::date',
  withdrawReason: 'withdraw_reason',
  noticeSentOn: 'notice_sent_on::date',
  note: 'note',
} as const;
export type ReliefPatch = Partial<{
  [K in keyof typeof settable]: K extends keyof ReliefCaseRow ? ReliefCaseRow[K] : never;
}>;

export type NewReliefCase = Pick<
  ReliefCaseRow,
  | 'residentId'
  | 'claimantName'
  | 'claimantRelation'
  | 'claimantPostalCode'
  | 'claimantAddress'
  | 'claimantPhone'
  | 'vaccine'
  | 'vaccinatedOn'
  | 'category'
  | 'recordIds'
  | 'benefits'
  | 'symptoms'
  | 'receivedOn'
  | 'documents'
  | 'note'
>;

export const reliefRepository = {
  async get(q: SqlRunner, id: number) {
    const [r] = await q.query<ReliefCaseRow>(
      `SELECT ${COLUMNS} FROM vaccination_relief_cases c WHERE c.id = $1`,
      [id],
    );
    return r ? fix(r) : null;
  },

  /**
   * Inserts a case with the next 受付番号 of its 年度 (`prefix` = '2026-') in one statement; a concurrent insert
   * that took the same number fails on the unique case_no (23505) and the caller tries again.
   */
  async insert(q: SqlRunner, prefix: string, v: NewReliefCase, userId: number | null) {
    const [r] = await q.query<{ id: number }>(
      `INSERT INTO vaccination_relief_cases (case_no, resident_id, claimant_name, claimant_relation,
         claimant_postal_code, claimant_address, claimant_phone, vaccine, vaccinated_on, category, record_ids,
         benefits, symptoms, received_on, documents, note, created_by, updated_by)
       SELECT $1 || lpad((COALESCE(MAX(substring(case_no FROM length($1) + 1)::int), 0) + 1)::text, 4, '0'),
         $2, $3, $4, $5, $6, $7, $8, $9::date, $10, $11::bigint[], $12::text[], $13, $14::date, $15::jsonb, $16, $17, $17
       FROM vaccination_relief_cases WHERE case_no LIKE $1 || '%'
       RETURNING id`,
      [
        prefix,
        v.residentId,
        v.claimantName,
        v.claimantRelation,
        v.claimantPostalCode,
        v.claimantAddress,
        v.claimantPhone,
        v.vaccine,
        v.vaccinatedOn,
        v.category,
        v.recordIds,
        v.benefits,
        v.symptoms,
        v.receivedOn,
        JSON.stringify(v.documents),
        v.note,
        userId,
      ],
    );
    return Number(r!.id);
  },

  /** Sets the fields of `patch` at `version` (optimistic lock); false when someone changed the case in between. */
  async update(q: SqlRunner, id: number, version: number, patch: ReliefPatch, userId: number | null) {
    const sets: string[] = [];
    const params: unknown[] = [id, version, userId];
    for (const [k, v] of Object.entries(patch)) {
      const col = settable[k as keyof typeof settable];
      if (!col) continue;
      const [name, cast] = col.split('::');
      params.push(k === 'documents' ? JSON.stringify(v) : v);
      sets.push(`${name} = $${params.length}${cast ? `::${cast}` : ''}`);
    }
    const rows = await q.query(
      `UPDATE vaccination_relief_cases SET ${sets.join(', ')}, version = version + 1, updated_by = $3,
         updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length === 1;
  },

  /** Cases, newest first, by status and a search text (受付番号, 請求者, 被接種者の氏名・カナ, 宛名番号). */
  async list(q: SqlRunner, f: { status?: string; text?: string; limit: number; offset: number }) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.status) {
      params.push(f.status);
      where.push(`c.status = $${params.length}`);
    }
    const text = f.text?.replace(/[\s\u3000]/g, '');
    if (text) {
      params.push(`%${text}%`, text);
      const like = `$${params.length - 1}`;
      const squeeze = (col: string) => `replace(replace(${col}, ' ', ''), '　', '')`;
      where.push(
        `(c.case_no LIKE ${like} OR ${squeeze('c.claimant_name')} LIKE ${like} OR ${squeeze('r.name')} LIKE ${like}
          OR ${squeeze('r.name_kana')} LIKE ${like} OR r.atena_no = $${params.length})`,
      );
    }
    const sql = `FROM vaccination_relief_cases c JOIN residents r ON r.id = c.resident_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${sql}`, params);
    const rows = await q.query<ReliefListRow>(
      `SELECT ${COLUMNS}, r.atena_no AS "atenaNo", r.name AS "personName", r.name_kana AS "personKana" ${sql}
       ORDER BY c.received_on DESC, c.id DESC LIMIT ${Math.trunc(f.limit)} OFFSET ${Math.trunc(f.offset)}`,
      params,
    );
    return { total: Number(count?.n ?? 0), rows: rows.map(fix) };
  },

  /** The vaccinated person (any status: the person may have died or moved away since). */
  async person(q: SqlRunner, residentId: number) {
    const [p] = await q.query<{
      id: number;
      atenaNo: string;
      name: string;
      nameKana: string;
      birthDate: string;
      sex: string;
      status: string;
      postalCode: string;
      address: string;
      residentUntil: string | null;
      supportMeasure: boolean;
    }>(
      `SELECT id, atena_no AS "atenaNo", name, name_kana AS "nameKana", birth_date AS "birthDate", sex, status,
         postal_code AS "postalCode", trim(address || ' ' || address_extra) AS address,
         resident_until AS "residentUntil", support_measure AS "supportMeasure"
       FROM residents WHERE id = $1`,
      [residentId],
    );
    return p ? { ...p, id: Number(p.id) } : null;
  },

  /** Send records of a case's notices (purpose + payload.caseId), newest first. */
  async notices(q: SqlRunner, purpose: string, caseId: number) {
    return q.query<{ id: number; sentOn: string; method: string; recipientName: string; address: string }>(
      `SELECT id, sent_on AS "sentOn", method, recipient_name AS "recipientName", address FROM send_records
       WHERE purpose = $1 AND payload->>'caseId' = $2 ORDER BY id DESC`,
      [purpose, String(caseId)],
    );
  },
};
