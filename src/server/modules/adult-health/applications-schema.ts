import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 個別受付の申込 (F02-03 電話・はがき, F02-04 電子申請, F02-05 窓口): the programs a person applied for in a 年度,
 * 個別 (at an institution, optional) or 集団 (a booking of the reservations engine, source
 * 'adult-health.application', source_ref = this id), and the 受診票（券） issued for it (a send record).
 */
export const screeningApplications = pgTable(
  'screening_applications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fiscalYear: integer('fiscal_year').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** phone 電話 | postcard はがき | counter 窓口 | e_application 電子申請 */
    channel: text('channel').notNull(),
    programs: text('programs').array().notNull(),
    /** individual 個別 | group 集団 */
    mode: text('mode').notNull(),
    /** 個別: 希望医療機関 (optional) */
    institutionId: integer('institution_id'),
    /** 集団: the reservations booking */
    bookingId: bigint('booking_id', { mode: 'number' }),
    /** accepted 受付済 | ticket_issued 受診票発行済 | cancelled 取消 */
    status: text('status').notNull().default('accepted'),
    appliedOn: date('applied_on').notNull(),
    /** 電子申請の申込番号 */
    externalNo: text('external_no'),
    note: text('note').notNull().default(''),
    ticketSendRecordId: bigint('ticket_send_record_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('screening_applications_year_resident_idx').on(t.fiscalYear, t.residentId),
    index('screening_applications_year_status_idx').on(t.fiscalYear, t.status),
    uniqueIndex('screening_applications_external_no_idx')
      .on(t.externalNo)
      .where(sql`${t.externalNo} IS NOT NULL`),
  ],
);
