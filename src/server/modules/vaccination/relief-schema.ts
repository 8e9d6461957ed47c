import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * 予防接種健康被害救済 (F11a-05): one claim (請求) a resident or family made for a vaccination injury, from the
 * 請求書 received at the counter through the 進達 to the prefecture (都道府県経由で厚生労働省へ) to the 認定・否認
 * the ministry returns and the notice sent to the claimant. A case can take years; every step is kept with its
 * date. The vaccinations the claim is about are the person's records (`record_ids`, 予防接種歴照会).
 *
 * status: received 受理 | forwarded 進達済 | recognized 認定 | denied 否認 | withdrawn 取下げ
 */
export const vaccinationReliefCases = pgTable(
  'vaccination_relief_cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 受付番号, e.g. 2026-0003 (年度-連番) */
    caseNo: text('case_no').notNull().unique(),
    /** 被接種者 */
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** 請求者 (本人 or the family member): name, relation to the vaccinated person, where notices go */
    claimantName: text('claimant_name').notNull(),
    claimantRelation: text('claimant_relation').notNull().default(''),
    claimantPostalCode: text('claimant_postal_code').notNull().default(''),
    claimantAddress: text('claimant_address').notNull().default(''),
    claimantPhone: text('claimant_phone').notNull().default(''),
    /** the vaccination the claim is about (vaccine code; A類/B類 follows it) */
    vaccine: text('vaccine').notNull(),
    vaccinatedOn: date('vaccinated_on'),
    /** A | B (定期接種の類型 at the vaccination: the benefits differ) */
    category: text('category').notNull(),
    /** vaccination_records ids attached to the claim (予防接種歴) */
    recordIds: bigint('record_ids', { mode: 'number' }).array().notNull().default([]),
    /** 請求する給付: medical_cost, medical_allowance, child_disability_pension, … */
    benefits: text('benefits').array().notNull().default([]),
    /** 症状・経過の概要 */
    symptoms: text('symptoms').notNull().default(''),
    /** 請求書等受理日 */
    receivedOn: date('received_on').notNull(),
    /** the application documents: [{ code, label, receivedOn }] (they vary with the case) */
    documents: jsonb('documents')
      .$type<Array<{ code: string; label: string; receivedOn: string | null }>>()
      .notNull()
      .default([]),
    status: text('status').notNull().default('received'),
    /** 進達日 (to the prefecture) and what went with it */
    forwardedOn: date('forwarded_on'),
    forwardNote: text('forward_note').notNull().default(''),
    /** 認定・否認: the ministry's decision date, the day the result reached the city, the benefits recognised */
    decidedOn: date('decided_on'),
    resultReceivedOn: date('result_received_on'),
    recognizedBenefits: text('recognized_benefits').array().notNull().default([]),
    decisionNote: text('decision_note').notNull().default(''),
    /** 取下げ: the day the claimant withdrew and why */
    withdrawnOn: date('withdrawn_on'),
    withdrawReason: text('withdraw_reason').notNull().default(''),
    /** 請求者への通知 (the notice printed and sent) */
    noticeSentOn: date('notice_sent_on'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('vaccination_relief_cases_resident_idx').on(t.residentId)],
);
