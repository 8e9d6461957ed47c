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
 * 出生時の状況 (出生連絡票, F07-01): one per child — the child (a resident or 住登外者) linked to the mother and the
 * pregnancy, the measurements at birth and the delivery; `low_birth_weight` (< 2,500 g, 法第18条 [U]) feeds 養育医療
 * and visits. Opening the 母子カード (母子カルテ) is registering this row.
 * received_via: counter 来所 | mail 送付 | visit 新生児訪問 | checkup 健診
 */
export const births = pgTable(
  'births',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    childResidentId: bigint('child_resident_id', { mode: 'number' }).notNull(),
    motherResidentId: bigint('mother_resident_id', { mode: 'number' }),
    pregnancyId: bigint('pregnancy_id', { mode: 'number' }),
    receivedOn: date('received_on').notNull(),
    receivedVia: text('received_via').notNull(),
    /** 出生時刻 'HH:MM' */
    birthTime: text('birth_time').notNull().default(''),
    birthWeightG: integer('birth_weight_g'),
    /** 身長・頭囲・胸囲 in mm (49.5 cm = 495) */
    heightMm: integer('height_mm'),
    headMm: integer('head_mm'),
    chestMm: integer('chest_mm'),
    gestationalWeeks: integer('gestational_weeks'),
    gestationalDays: integer('gestational_days'),
    /** 分娩: vaginal 経腟 | cesarean 帝王切開 | vacuum 吸引 | forceps 鉗子 | other */
    delivery: text('delivery').notNull().default(''),
    /** 多胎の出生順 (1 = 第1子) */
    birthOrder: integer('birth_order'),
    apgar1: integer('apgar_1'),
    apgar5: integer('apgar_5'),
    birthPlace: text('birth_place').notNull().default(''),
    institutionName: text('institution_name').notNull().default(''),
    lowBirthWeight: boolean('low_birth_weight').notNull().default(false),
    /** other items of the 出生連絡票 (validated in code) */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('births_child_idx').on(t.childResidentId),
    index('births_mother_idx').on(t.motherResidentId),
  ],
);

/**
 * 新生児聴覚スクリーニング検査 (F07-02, §4.5): 初回 and 確認 tests, method 自動ABR (AABR) or OAE, pass/refer per ear;
 * a refer on the 確認検査 is referred to 精密検査. result: pass | refer | not_done
 */
export const hearingScreenings = pgTable(
  'hearing_screenings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    childResidentId: bigint('child_resident_id', { mode: 'number' }).notNull(),
    /** initial 初回 | confirm 確認 */
    kind: text('kind').notNull(),
    method: text('method').notNull(),
    testedOn: date('tested_on').notNull(),
    institutionId: bigint('institution_id', { mode: 'number' }),
    institutionName: text('institution_name').notNull().default(''),
    rightResult: text('right_result').notNull(),
    leftResult: text('left_result').notNull(),
    /** 精密検査へ紹介 */
    referred: boolean('referred').notNull().default(false),
    voucherId: bigint('voucher_id', { mode: 'number' }),
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hearing_screenings_child_idx').on(t.childResidentId, t.testedOn)],
);

/**
 * 乳幼児健診の結果 (F07-04 個別, F07-05 集団, §4.6): the checkup (1か月, 3〜4か月, 9〜10か月, 1歳6か月 (法定),
 * 3歳 (法定), 5歳, and the city's own — codes in code), where (個別: the 医療機関; 集団: the session of the
 * reservations engine), the 法定 items of 施行規則第2条 and 歯科 as validated `items`/`dental`, and the 判定.
 * judgement: normal 異常なし | observe 要観察 | detailed 要精密 | treatment 要治療 | under_care 既医療
 */
export const infantCheckupResults = pgTable(
  'infant_checkup_results',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    childResidentId: bigint('child_resident_id', { mode: 'number' }).notNull(),
    checkup: text('checkup').notNull(),
    /** individual 個別（医療機関） | group 集団 */
    mode: text('mode').notNull(),
    sessionId: bigint('session_id', { mode: 'number' }),
    examinedOn: date('examined_on').notNull(),
    /** 月齢 on the day (生後N月, §1.2) and the 日 beyond it */
    ageMonths: integer('age_months').notNull(),
    ageDays: integer('age_days').notNull().default(0),
    institutionId: bigint('institution_id', { mode: 'number' }),
    institutionName: text('institution_name').notNull().default(''),
    /** 受診票番号 (個別健診) */
    ticketNo: text('ticket_no').notNull().default(''),
    items: jsonb('items').$type<Record<string, unknown>>().notNull().default({}),
    dental: jsonb('dental').$type<Record<string, unknown>>().notNull().default({}),
    judgement: text('judgement').notNull(),
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('infant_checkup_results_child_checkup_idx').on(t.childResidentId, t.checkup)],
);

/**
 * 精密健診依頼 (精健票, F07-05 step 5) and its result (F07-06): a referral from a checkup result to an institution
 * for the areas found (視覚, 聴覚, 発達, 心臓 …); the 精密健診結果 arrives later and is linked here.
 * status: issued 依頼済 | examined 結果あり | cancelled 取消
 */
export const infantReferrals = pgTable(
  'infant_referrals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    resultId: bigint('result_id', { mode: 'number' }).notNull(),
    childResidentId: bigint('child_resident_id', { mode: 'number' }).notNull(),
    /** 依頼書番号 (printed; the detailed result quotes it) */
    referralNo: text('referral_no').notNull().unique(),
    issuedOn: date('issued_on').notNull(),
    areas: text('areas').array().notNull().default([]),
    reason: text('reason').notNull().default(''),
    toInstitutionId: bigint('to_institution_id', { mode: 'number' }),
    toInstitutionName: text('to_institution_name').notNull().default(''),
    status: text('status').notNull().default('issued'),
    /** 精密健診結果 */
    examinedOn: date('examined_on'),
    resultInstitutionName: text('result_institution_name').notNull().default(''),
    /** normal 異常なし | observe 要観察 | treatment 要治療 | under_care 既医療 | other */
    result: text('result'),
    diagnosis: text('diagnosis').notNull().default(''),
    resultItems: jsonb('result_items').$type<Record<string, unknown>>().notNull().default({}),
    resultSource: text('result_source'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('infant_referrals_child_idx').on(t.childResidentId)],
);
