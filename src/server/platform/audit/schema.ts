import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * アクセスログ / 操作ログ: append-only. A trigger (migration 0001) rejects UPDATE and DELETE, and the
 * app has no route that changes it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    loginId: text('login_id'),
    roleCode: text('role_code'),
    /** search | view | export | change | import | login | logout | login_failed | admin | … */
    action: text('action').notNull(),
    /** Screen or command the access came from (e.g. 宛名検索, 宛名画面, CLI). */
    screen: text('screen'),
    /** Residents touched (ids); for large exports only the count is kept, see residentCount. */
    residentIds: bigint('resident_ids', { mode: 'number' }).array(),
    residentCount: integer('resident_count').notNull().default(0),
    /** 利用目的: required for protected data (個人番号, 支援措置対象者). */
    purpose: text('purpose'),
    /** True when protected data (個人番号 or a 支援措置対象者's address/contact) was shown. */
    sensitive: boolean('sensitive').notNull().default(false),
    summary: text('summary').notNull().default(''),
    detail: jsonb('detail'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_user_idx').on(t.userId, t.at)],
);
