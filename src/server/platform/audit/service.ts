import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { auditLog } from './schema.ts';

/** Who is acting: a signed-in user (from the session) or a command-line operator. */
export type Actor = {
  userId: number | null;
  loginId: string;
  roleCode: string | null;
  ip?: string;
};

export type AuditEntry = {
  action: string;
  screen?: string;
  residentIds?: number[];
  residentCount?: number;
  purpose?: string;
  sensitive?: boolean;
  summary?: string;
  detail?: Record<string, unknown>;
};

/** Residents listed one by one per entry; a larger read keeps the count and the first ids. */
const maxIdsPerEntry = 1000;

export type AuditFilter = {
  from?: Date;
  to?: Date;
  loginId?: string;
  action?: string;
  residentId?: number;
  sensitiveOnly?: boolean;
  limit?: number;
  beforeId?: number;
};

export function auditService(db: Db) {
  function where(f: AuditFilter): SQL | undefined {
    const c: SQL[] = [];
    if (f.from) c.push(gte(auditLog.at, f.from));
    if (f.to) c.push(lt(auditLog.at, f.to));
    if (f.loginId) c.push(eq(auditLog.loginId, f.loginId));
    if (f.action) c.push(eq(auditLog.action, f.action));
    if (f.residentId !== undefined) c.push(sql`${f.residentId} = ANY(${auditLog.residentIds})`);
    if (f.sensitiveOnly) c.push(eq(auditLog.sensitive, true));
    if (f.beforeId) c.push(lte(auditLog.id, f.beforeId - 1));
    return c.length ? and(...c) : undefined;
  }

  return {
    /** Appends one entry; never updates. */
    async record(actor: Actor, e: AuditEntry): Promise<void> {
      const ids = e.residentIds ?? [];
      await db.insert(auditLog).values({
        userId: actor.userId,
        loginId: actor.loginId,
        roleCode: actor.roleCode,
        ip: actor.ip,
        action: e.action,
        screen: e.screen,
        residentIds: ids.length ? ids.slice(0, maxIdsPerEntry) : null,
        residentCount: e.residentCount ?? ids.length,
        purpose: e.purpose,
        sensitive: e.sensitive ?? false,
        summary: e.summary ?? '',
        detail: e.detail,
      });
    },

    list(f: AuditFilter) {
      return db
        .select()
        .from(auditLog)
        .where(where(f))
        .orderBy(desc(auditLog.id))
        .limit(Math.min(f.limit ?? 200, 100_000));
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
