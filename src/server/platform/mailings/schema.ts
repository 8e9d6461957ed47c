import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 郵送物 (a mailing): a target snapshot + a document template + a 発送日.
 * status: draft (items set) | checked (引き抜き確認済) | printing | printed | sent (送付情報登録済) | cancelled
 */
export const mailings = pgTable('mailings', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** MailingPurpose code, e.g. adult-health.ticket */
  purpose: text('purpose').notNull(),
  title: text('title').notNull(),
  fiscalYear: integer('fiscal_year'),
  /** the 対象者リスト it was made from (module-defined) */
  sourceListId: bigint('source_list_id', { mode: 'number' }),
  /** 発送日 */
  sendDate: date('send_date').notNull(),
  /** post | hand | counter */
  method: text('method').notNull(),
  status: text('status').notNull(),
  /** counts: items, included, pulledOut, pendingConfirmation, pages */
  counts: jsonb('counts').notNull().default({}),
  /** generated PDF parts: [{ fileId, from, to, pages }] */
  outputs: jsonb('outputs').notNull().default([]),
  printJobId: bigint('print_job_id', { mode: 'number' }),
  checkedAt: timestamp('checked_at', { withTimezone: true }),
  printedAt: timestamp('printed_at', { withTimezone: true }),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** One person in a mailing; pulled-out items stay with their reason (引き抜きリスト). */
export const mailingItems = pgTable(
  'mailing_items',
  {
    mailingId: bigint('mailing_id', { mode: 'number' }).notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** print order (1-based, fixed at creation) */
    seq: integer('seq').notNull(),
    /** what the template prints for this person (module-defined) */
    payload: jsonb('payload').notNull(),
    /** included | pulled_out | pending (支援措置: waits for confirmation) */
    status: text('status').notNull(),
    pullReason: text('pull_reason'),
    pullLabel: text('pull_label'),
    pullNote: text('pull_note').notNull().default(''),
    /** null = pulled out automatically by the re-check */
    pulledBy: integer('pulled_by'),
    /** 支援措置対象者: staff confirmed the send (who) */
    confirmedBy: integer('confirmed_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.mailingId, t.residentId] }),
    index('mailing_items_seq_idx').on(t.mailingId, t.seq),
  ],
);

/**
 * 送付情報: what was sent to whom, when, to which address and how; returns (返戻) recorded on it.
 * One row per (mailing, person); reissues (再発行) and single sends have mailing_id null.
 */
export const sendRecords = pgTable(
  'send_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    mailingId: bigint('mailing_id', { mode: 'number' }),
    purpose: text('purpose').notNull(),
    /** 帳票名 at the time of sending */
    documentTitle: text('document_title').notNull(),
    fiscalYear: integer('fiscal_year'),
    sentOn: date('sent_on').notNull(),
    /** post | hand | counter */
    method: text('method').notNull(),
    /** resident | proxy | facility | other */
    destinationKind: text('destination_kind').notNull(),
    recipientName: text('recipient_name').notNull(),
    postalCode: text('postal_code').notNull(),
    address: text('address').notNull(),
    addressExtra: text('address_extra').notNull().default(''),
    /** 再発行 of an earlier record */
    reissueOf: bigint('reissue_of', { mode: 'number' }),
    /** the payload printed (ticket number etc.) */
    payload: jsonb('payload').notNull().default({}),
    returnedOn: date('returned_on'),
    returnReason: text('return_reason'),
    returnNote: text('return_note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('send_records_resident_idx').on(t.residentId, t.sentOn),
    uniqueIndex('send_records_mailing_resident_idx').on(t.mailingId, t.residentId),
  ],
);

/** 送付先: a registered address other than the resident's own (代理人, 施設 …), over a period. */
export const mailingDestinations = pgTable(
  'mailing_destinations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** proxy | facility | other */
    kind: text('kind').notNull(),
    /** addressee, e.g. the proxy's name or the facility name */
    name: text('name').notNull(),
    postalCode: text('postal_code').notNull(),
    address: text('address').notNull(),
    addressExtra: text('address_extra').notNull().default(''),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    active: boolean('active').notNull().default(true),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mailing_destinations_resident_idx').on(t.residentId)],
);
