import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 妊娠 (one per 妊娠届, F06-01/F06-02): the mother (a resident or 住登外者), the 届出 items of 母子保健法施行規則第3条
 * (maternal-child-vaccination-pmh.md §4.1), the 出産予定日 (the 妊娠週数 on any day is computed from it), the number
 * of fetuses, the 届出時アンケート as structured answers, and — later — the outcome and the children born.
 *
 * source: counter 窓口 | e_application 電子申請 | moved_in 転入（他市町村で届出済）
 * outcome: null (妊娠中) | birth 出産 | miscarriage 流産 | stillbirth 死産 | abortion 人工妊娠中絶 | moved_out 転出
 */
export const pregnancies = pgTable(
  'pregnancies',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 妊娠届の番号 (年度-連番, e.g. 2026-0012) */
    notificationNo: text('notification_no').notNull().unique(),
    motherResidentId: bigint('mother_resident_id', { mode: 'number' }).notNull(),
    /** 届出年月日 */
    notifiedOn: date('notified_on').notNull(),
    source: text('source').notNull(),
    /** 出産予定日 (the 妊娠週数 is computed from it: 予定日 = 妊娠40週0日) */
    dueDate: date('due_date').notNull(),
    /** 届出時の妊娠週数 (as written on the 届, kept as given) */
    weeksAtNotification: integer('weeks_at_notification'),
    /** 胎児数 (多胎: 2 以上; one 母子健康手帳 per fetus) */
    fetusCount: integer('fetus_count').notNull().default(1),
    /** 診断を受けた医師・助産師 and the institution */
    diagnosedBy: text('diagnosed_by').notNull().default(''),
    diagnosisInstitution: text('diagnosis_institution').notNull().default(''),
    /** 性病・結核に関する健康診断の有無 (yes | no | unknown) */
    stdTbCheckup: text('std_tb_checkup').notNull().default('unknown'),
    /** 届出時の職業 (施行規則の項目) */
    occupation: text('occupation').notNull().default(''),
    /** 届出時アンケート: { questionCode: answer } (questions in code, versioned by `questionnaire_version`) */
    questionnaire: jsonb('questionnaire').$type<Record<string, unknown>>().notNull().default({}),
    questionnaireVersion: text('questionnaire_version').notNull().default(''),
    /** risk flags from the questionnaire or staff (若年, 多胎, 精神疾患歴 …) and 特定妊婦 (児童福祉法第6条の3第5項) */
    riskFlags: text('risk_flags').array().notNull().default([]),
    specificPregnant: boolean('specific_pregnant').notNull().default(false),
    /** 面談 (妊娠届出時 / 電子申請後の来庁依頼): requested_on, done_on, by */
    interview: jsonb('interview').$type<Record<string, unknown>>().notNull().default({}),
    outcome: text('outcome'),
    outcomeOn: date('outcome_on'),
    /** other items a municipality records (jsonb, validated in code) */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pregnancies_mother_idx').on(t.motherResidentId)],
);

/**
 * 母子健康手帳 (法第16条, §4.2): one per fetus (`child_index` 1, 2 … for 多胎), 再交付 on loss or damage (a new row
 * with kind reissue pointing at the one replaced). kind: issue 交付 | additional 追加交付（多胎） | reissue 再交付 |
 * moved_in 転入（他市町村の手帳を持参: recorded, not issued here)
 */
export const maternalHandbooks = pgTable(
  'maternal_handbooks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pregnancyId: bigint('pregnancy_id', { mode: 'number' }).notNull(),
    /** 手帳番号 (printed in the handbook; 年度-連番-子) */
    handbookNo: text('handbook_no').notNull().unique(),
    childIndex: integer('child_index').notNull().default(1),
    kind: text('kind').notNull(),
    issuedOn: date('issued_on').notNull(),
    replacesId: bigint('replaces_id', { mode: 'number' }),
    reason: text('reason').notNull().default(''),
    /** the child, once born and linked (F07-01) */
    childResidentId: bigint('child_resident_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('maternal_handbooks_pregnancy_idx').on(t.pregnancyId)],
);

/**
 * 受診券 (vouchers) issued for a pregnancy: 妊婦健診 (14 by default, §4.3), 産婦健診 (2, §4.4), and what the city adds
 * (子宮頸がん, 歯科, 新生児聴覚 …) — each with a unique 受診券ID printed as text and barcode. A result (F06-03…06,
 * F07-02) uses the voucher; a voucher already used is an error the entry and the import explain.
 *
 * kind: prenatal | postpartum | prenatal_dental | cervical | hearing | other (the city's voucher types, in code)
 * status: issued | used | void (再交付・転出・流産で無効)
 */
export const checkupVouchers = pgTable(
  'checkup_vouchers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 受診券ID: printed and in the barcode; unique across all vouchers */
    voucherNo: text('voucher_no').notNull(),
    pregnancyId: bigint('pregnancy_id', { mode: 'number' }).notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    /** 回 (1 … 14 for 妊婦健診) */
    seq: integer('seq').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** 助成上限額 (円), when the city sets one */
    limitYen: integer('limit_yen'),
    status: text('status').notNull().default('issued'),
    usedOn: date('used_on'),
    voidReason: text('void_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('checkup_vouchers_no_idx').on(t.voucherNo),
    index('checkup_vouchers_pregnancy_idx').on(t.pregnancyId),
  ],
);

/**
 * 妊婦健診・産婦健診 and their 精密健診 results (F06-03…F06-06): one visit per row, by the voucher used; the key items
 * as columns and the rest (§4.3/§4.4: 子宮底長, 腹囲, 血圧, 浮腫, 尿, 体重, 検査, EPDS …) as validated `items`.
 * kind: prenatal | prenatal_detailed | postpartum | postpartum_detailed; a 精密 result links the referring visit.
 * source: manual | import
 */
export const maternalCheckupResults = pgTable(
  'maternal_checkup_results',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pregnancyId: bigint('pregnancy_id', { mode: 'number' }).notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    voucherId: bigint('voucher_id', { mode: 'number' }),
    referralFromId: bigint('referral_from_id', { mode: 'number' }),
    examinedOn: date('examined_on').notNull(),
    /** 妊娠週数・日数 on the day (prenatal) / 産後日数 (postpartum), computed from the 出産予定日 / 出産日 */
    gestationalWeeks: integer('gestational_weeks'),
    gestationalDays: integer('gestational_days'),
    institutionId: bigint('institution_id', { mode: 'number' }),
    institutionName: text('institution_name').notNull().default(''),
    items: jsonb('items').$type<Record<string, unknown>>().notNull().default({}),
    /** 判定: normal 異常なし | observe 要観察 | detailed 要精密 | treatment 要治療 | under_care 既医療 */
    judgement: text('judgement').notNull(),
    /** EPDS 合計点 (産婦健診), a column for follow-up extraction */
    epdsScore: integer('epds_score'),
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('maternal_checkup_results_pregnancy_idx').on(t.pregnancyId),
    uniqueIndex('maternal_checkup_results_voucher_idx').on(t.voucherId),
  ],
);

/**
 * フォロー対象者 (registered by F06-01/02 from the 届出時アンケート, by checkups F06/F07, by births): who needs
 * follow-up, why, from which record — the list the follow-up flow (F08-06) works from.
 * source: pregnancy | maternal_checkup | birth | hearing | infant_checkup | infant_detailed | staff
 * status: open | closed
 */
export const followUpTargets = pgTable(
  'follow_up_targets',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
    /** the record that raised it (pregnancy id, result id …) */
    sourceId: bigint('source_id', { mode: 'number' }),
    reasons: text('reasons').array().notNull().default([]),
    registeredOn: date('registered_on').notNull(),
    status: text('status').notNull().default('open'),
    closedOn: date('closed_on'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('follow_up_targets_resident_idx').on(t.residentId)],
);
