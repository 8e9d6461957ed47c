import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * 対象者リスト (snapshot of an extraction, shared by every module that extracts targets): who was selected, for which programs, with which settings.
 * purpose: module-defined, e.g. adult-health.survey (希望調査対象) | adult-health.invitation (一括抽出) |
 * adult-health.preference (希望者からの受診票対象).
 */
export const targetLists = pgTable('target_lists', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  purpose: text('purpose').notNull(),
  title: text('title').notNull(),
  fiscalYear: integer('fiscal_year').notNull(),
  programs: text('programs').array().notNull(),
  /** The program settings used (a copy: later edits of the master do not change this list). */
  settings: jsonb('settings').notNull(),
  /** Extra criteria (e.g. group session for preference lists, 基準日 of the register). */
  criteria: jsonb('criteria').notNull().default({}),
  /** extracting | ready | failed | cancelled */
  status: text('status').notNull(),
  jobId: bigint('job_id', { mode: 'number' }),
  /** counts by status/program, filled when the extraction ends */
  counts: jsonb('counts').notNull().default({}),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * One person on a 対象者リスト. Everyone eligible for at least one selected program is here (included),
 * and so is anyone left out by a 送付不要 registration or by hand (included = false, with the reason).
 */
export const targetListEntries = pgTable(
  'target_list_entries',
  {
    listId: bigint('list_id', { mode: 'number' }).notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** eligible programs (the ticket lists these) */
    programs: text('programs').array().notNull(),
    /** programs with a がん検診無料クーポン */
    coupons: text('coupons').array().notNull().default(sql`'{}'::text[]`),
    /**
     * per program { eligible, reasons, methods, age } (reasons also for ineligible programs), as a number into
     * the list's target_list_details: a million-person list has a few dozen distinct details.
     */
    detailsId: integer('details_id').notNull(),
    /** 年度末年齢 by the first selected program's settings (for lists and CSV) */
    age: integer('age').notNull(),
    included: boolean('included').notNull().default(true),
    /** 除外理由 code (opt_out reason or manual) and note */
    exclusionReason: text('exclusion_reason'),
    exclusionNote: text('exclusion_note').notNull().default(''),
    addedByHand: boolean('added_by_hand').notNull().default(false),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The primary key serves every read (a list's entries); no second index to maintain on bulk writes.
  (t) => [primaryKey({ columns: [t.listId, t.residentId] })],
);

/**
 * The distinct per-program details of one list (interned): entries point here by details_id, so a bulk
 * extraction writes a small number per person instead of the same JSON hundreds of thousands of times.
 */
export const targetListDetails = pgTable(
  'target_list_details',
  {
    listId: bigint('list_id', { mode: 'number' }).notNull(),
    id: integer('id').notNull(),
    details: jsonb('details').notNull(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.id] })],
);
