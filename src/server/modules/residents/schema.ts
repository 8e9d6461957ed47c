import { sql } from 'drizzle-orm';
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
 * 宛名 (the people the health centre serves): residents from the 住民記録システム and 住登外者
 * registered by hand. This row is the CURRENT state; every change is kept in resident_events.
 */
export const residents = pgTable(
  'residents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 宛名番号 */
    atenaNo: text('atena_no').notNull(),
    /** 世帯番号 */
    householdNo: text('household_no'),
    /** 氏名 (kept with the characters it came with, incl. IVS) */
    name: text('name').notNull(),
    /** 氏名カナ */
    nameKana: text('name_kana').notNull().default(''),
    birthDate: date('birth_date').notNull(),
    /** 性別: 1 男 / 2 女 / 9 不明 */
    sex: text('sex').notNull(),
    /** 続柄 */
    relationship: text('relationship').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    address: text('address').notNull().default(''),
    /** 方書 (building / room) */
    addressExtra: text('address_extra').notNull().default(''),
    phone: text('phone').notNull().default(''),
    /** resident | moved_out | deceased | erased | non_registered(住登外) */
    status: text('status').notNull(),
    /** 住民となった日 / 住民でなくなった日 */
    residentSince: date('resident_since'),
    residentUntil: date('resident_until'),
    /** 支援措置対象者 (DV etc.): address and contact hidden by default. */
    supportMeasure: boolean('support_measure').notNull().default(false),
    /** juki (住民記録) | manual (住登外者, registered by hand) */
    source: text('source').notNull(),
    /** Normalised keys for search (platform/text). */
    nameKey: text('name_key').notNull(),
    kanaKey: text('kana_key').notNull(),
    addressKey: text('address_key').notNull(),
    lastEventDate: date('last_event_date'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('residents_atena_no_idx').on(t.atenaNo),
    index('residents_household_idx').on(t.householdNo),
    index('residents_birth_idx').on(t.birthDate),
    // Prefix search and result order (gojūon order = code point order in the "C" collation): the
    // whole ORDER BY is in the index, so the first page is read without sorting the matches.
    index('residents_kana_order_idx').on(sql`${t.kanaKey} COLLATE "C"`, t.birthDate, t.id),
    index('residents_name_order_idx').on(sql`${t.nameKey} COLLATE "C"`, t.birthDate, t.id),
    index('residents_kana_key_trgm_idx').using('gin', sql`${t.kanaKey} gin_trgm_ops`),
    index('residents_name_key_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    index('residents_address_key_trgm_idx').using('gin', sql`${t.addressKey} gin_trgm_ops`),
  ],
);

/** 個人番号 (My Number), encrypted at rest (AES-256-GCM); kept apart so ordinary reads never load it. */
export const residentSecrets = pgTable('resident_secrets', {
  residentId: bigint('resident_id', { mode: 'number' })
    .primaryKey()
    .references(() => residents.id, { onDelete: 'cascade' }),
  myNumberEnc: text('my_number_enc').notNull(),
  /** HMAC of the number: detects changes on re-import without decrypting. */
  myNumberMac: text('my_number_mac').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 異動履歴: one row per 異動 (転入, 出生, 転出, 死亡, 氏名変更, 住所変更, 職権消除, 回復, 全件, 登録, 修正)
 * with the state AFTER it, so the state on any past date is the latest event on or before it.
 */
export const residentEvents = pgTable(
  'resident_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' })
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    /** 異動事由 code, see rules.ts */
    eventCode: text('event_code').notNull(),
    /** 異動日 */
    eventDate: date('event_date').notNull(),
    /** State after the event (the attribute set of residents, without search keys). */
    state: jsonb('state').notNull(),
    /** Hash of (event, date, state): re-importing the same row adds nothing. */
    changeKey: text('change_key').notNull(),
    jobId: bigint('job_id', { mode: 'number' }),
    recordedBy: integer('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resident_events_resident_idx').on(t.residentId, t.eventDate, t.id),
    uniqueIndex('resident_events_change_key_idx').on(t.residentId, t.changeKey),
  ],
);
