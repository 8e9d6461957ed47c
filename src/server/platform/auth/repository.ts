import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { roles, sessions, users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;

export function authRepository(db: Db) {
  return {
    async userByLogin(loginId: string) {
      return (await db.select().from(users).where(eq(users.loginId, loginId)))[0];
    },
    async userById(id: number) {
      return (await db.select().from(users).where(eq(users.id, id)))[0];
    },
    listUsers() {
      return db.select().from(users).orderBy(asc(users.loginId));
    },
    async insertUser(v: typeof users.$inferInsert) {
      return (await db.insert(users).values(v).returning())[0]!;
    },
    /** Optimistic update: returns undefined when `version` is stale. */
    async updateUser(id: number, version: number, v: Partial<typeof users.$inferInsert>) {
      const rows = await db
        .update(users)
        .set({ ...v, version: sql`${users.version} + 1`, updatedAt: new Date() })
        .where(and(eq(users.id, id), eq(users.version, version)))
        .returning();
      return rows[0];
    },
    async setLoginState(id: number, v: Partial<typeof users.$inferInsert>) {
      await db.update(users).set(v).where(eq(users.id, id));
    },
    async roleByCode(code: string) {
      return (await db.select().from(roles).where(eq(roles.code, code)))[0];
    },
    listRoles() {
      return db.select().from(roles).orderBy(asc(roles.code));
    },
    async insertRoleIfMissing(v: typeof roles.$inferInsert) {
      await db.insert(roles).values(v).onConflictDoNothing();
    },
    async insertRole(v: typeof roles.$inferInsert) {
      return (await db.insert(roles).values(v).returning())[0]!;
    },
    async updateRole(code: string, version: number, v: Partial<typeof roles.$inferInsert>) {
      const rows = await db
        .update(roles)
        .set({ ...v, version: sql`${roles.version} + 1`, updatedAt: new Date() })
        .where(and(eq(roles.code, code), eq(roles.version, version)))
        .returning();
      return rows[0];
    },
    async insertSession(v: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(v);
    },
    async sessionWithUser(idHash: string) {
      const rows = await db
        .select({ session: sessions, user: users, role: roles })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(roles, eq(roles.code, users.roleCode))
        .where(eq(sessions.idHash, idHash));
      return rows[0];
    },
    async touchSession(idHash: string) {
      await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.idHash, idHash));
    },
    async deleteSession(idHash: string) {
      await db.delete(sessions).where(eq(sessions.idHash, idHash));
    },
    async deleteUserSessions(userId: number) {
      await db.delete(sessions).where(eq(sessions.userId, userId));
    },
    async deleteIdleSessions(before: Date) {
      await db.delete(sessions).where(lt(sessions.lastSeenAt, before));
    },
  };
}
