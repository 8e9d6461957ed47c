import {
  bigserial,
  boolean,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ProgramSettings } from './types.ts';

/** 事業マスタ: one row per (年度, program); settings validated by zod (service.ts), defaults = 指針. */
export const programSettings = pgTable(
  'program_settings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 年度 */
    fiscalYear: integer('fiscal_year').notNull(),
    code: text('code').notNull(),
    settings: jsonb('settings').$type<ProgramSettings>().notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('program_settings_year_code_idx').on(t.fiscalYear, t.code)],
);

/** 会場 (venues of group screenings and classes). */
export const venues = pgTable(
  'venues',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('venues_code_idx').on(t.code)],
);

/** 医療機関 (clinics doing individual screenings), with the programs they accept. */
export const medicalInstitutions = pgTable(
  'medical_institutions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 医療機関コード (10 digits: 都道府県2 + 点数表1 + 医療機関7) */
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    /** program codes this institution accepts */
    programs: text('programs').array().notNull().default([]),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('medical_institutions_code_idx').on(t.code)],
);
