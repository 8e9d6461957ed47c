import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { AppError, conflict, notFound } from '../errors/app-error.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { authRepository, type RoleRow, type UserRow } from './repository.ts';

export type AuthPolicy = { idleTimeoutMinutes: number; lockoutThreshold: number; lockoutMinutes: number };

/** The signed-in staff member, as every route and audit entry sees them. */
export type SessionUser = {
  id: number;
  loginId: string;
  displayName: string;
  roleCode: string;
  roleName: string;
  permissions: string[];
  mustChangePassword: boolean;
  csrfToken: string;
};

export type PublicUser = Omit<UserRow, 'passwordHash'>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const publicUser = ({ passwordHash: _, ...u }: UserRow): PublicUser => u;

export function authService(db: Db, policy: AuthPolicy) {
  const repo = authRepository(db);
  const invalid = () =>
    new AppError(401, 'LOGIN_FAILED', 'ログインIDまたはパスワードが違います。入力を確かめてください。');

  async function requireRole(code: string): Promise<RoleRow> {
    const role = await repo.roleByCode(code);
    if (!role) throw new AppError(400, 'UNKNOWN_ROLE', `役割「${code}」は登録されていません。`);
    return role;
  }

  return {
    async ensureRoles(list: { code: string; name: string; description: string; permissions: string[] }[]) {
      for (const r of list) await repo.insertRoleIfMissing({ ...r, builtin: true });
    },

    async createUser(v: {
      loginId: string;
      displayName: string;
      roleCode: string;
      password: string;
      mustChangePassword: boolean;
    }): Promise<PublicUser> {
      if (!/^[A-Za-z0-9._-]{3,32}$/.test(v.loginId)) {
        throw new AppError(400, 'BAD_LOGIN_ID', 'ログインIDは半角英数字と . _ - で3〜32文字にしてください。');
      }
      const problem = passwordProblem(v.password, v.loginId);
      if (problem) throw new AppError(400, 'WEAK_PASSWORD', problem);
      await requireRole(v.roleCode);
      if (await repo.userByLogin(v.loginId)) {
        throw new AppError(409, 'LOGIN_ID_TAKEN', `ログインID「${v.loginId}」は既に使われています。`);
      }
      const { password, ...rest } = v;
      return publicUser(await repo.insertUser({ ...rest, passwordHash: await hashPassword(password) }));
    },

    /** Checks the password, applies the lockout rule, and opens a session. */
    async login(loginId: string, password: string, meta: { ip?: string; userAgent?: string }) {
      const user = await repo.userByLogin(loginId);
      if (!user) {
        await verifyPassword(password, 'scrypt$32768$8$1$AAAA$AAAA'); // same timing as a real check
        throw invalid();
      }
      if (!user.active)
        throw new AppError(
          403,
          'USER_INACTIVE',
          'この利用者は無効になっています。管理者に連絡してください。',
        );
      if (user.lockedUntil && user.lockedUntil > new Date()) {
        throw new AppError(
          423,
          'USER_LOCKED',
          `ログインに続けて失敗したため、${user.lockedUntil.toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' })}までロックされています。管理者はロックを解除できます。`,
        );
      }
      if (!(await verifyPassword(password, user.passwordHash))) {
        const failed = user.failedAttempts + 1;
        const lock = failed >= policy.lockoutThreshold;
        await repo.setLoginState(user.id, {
          failedAttempts: lock ? 0 : failed,
          lockedUntil: lock ? new Date(Date.now() + policy.lockoutMinutes * 60_000) : user.lockedUntil,
        });
        throw invalid();
      }
      await repo.setLoginState(user.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date() });
      const token = randomBytes(32).toString('base64url');
      await repo.insertSession({
        idHash: hashToken(token),
        userId: user.id,
        csrfToken: randomBytes(24).toString('base64url'),
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 300),
      });
      return { token, user: publicUser(user) };
    },

    /** The user behind a session cookie, or a reason why there is none. Refreshes the idle timer. */
    async resolveSession(token: string): Promise<SessionUser | 'expired' | undefined> {
      const idHash = hashToken(token);
      const row = await repo.sessionWithUser(idHash);
      if (!row) return undefined;
      const idleMs = Date.now() - row.session.lastSeenAt.getTime();
      if (idleMs > policy.idleTimeoutMinutes * 60_000 || !row.user.active) {
        await repo.deleteSession(idHash);
        return 'expired';
      }
      if (idleMs > 30_000) await repo.touchSession(idHash);
      return {
        id: row.user.id,
        loginId: row.user.loginId,
        displayName: row.user.displayName,
        roleCode: row.role.code,
        roleName: row.role.name,
        permissions: row.role.permissions,
        mustChangePassword: row.user.mustChangePassword,
        csrfToken: row.session.csrfToken,
      };
    },

    logout: (token: string) => repo.deleteSession(hashToken(token)),

    async changePassword(userId: number, current: string, next: string) {
      const user = await repo.userById(userId);
      if (!user) throw notFound('利用者');
      if (!(await verifyPassword(current, user.passwordHash))) {
        throw new AppError(400, 'WRONG_PASSWORD', '現在のパスワードが違います。');
      }
      if (current === next)
        throw new AppError(400, 'SAME_PASSWORD', '新しいパスワードは現在のものと違うものにしてください。');
      const problem = passwordProblem(next, user.loginId);
      if (problem) throw new AppError(400, 'WEAK_PASSWORD', problem);
      await repo.setLoginState(userId, {
        passwordHash: await hashPassword(next),
        mustChangePassword: false,
        passwordChangedAt: new Date(),
      });
    },

    listUsers: async () => (await repo.listUsers()).map(publicUser),

    async updateUser(
      id: number,
      version: number,
      v: {
        displayName?: string;
        roleCode?: string;
        active?: boolean;
        unlock?: boolean;
        newPassword?: string;
      },
    ): Promise<PublicUser> {
      const user = await repo.userById(id);
      if (!user) throw notFound('利用者');
      if (v.roleCode) await requireRole(v.roleCode);
      const patch: Parameters<typeof repo.updateUser>[2] = {};
      if (v.displayName !== undefined) patch.displayName = v.displayName;
      if (v.roleCode !== undefined) patch.roleCode = v.roleCode;
      if (v.active !== undefined) patch.active = v.active;
      if (v.unlock) Object.assign(patch, { lockedUntil: null, failedAttempts: 0 });
      if (v.newPassword) {
        const problem = passwordProblem(v.newPassword, user.loginId);
        if (problem) throw new AppError(400, 'WEAK_PASSWORD', problem);
        Object.assign(patch, { passwordHash: await hashPassword(v.newPassword), mustChangePassword: true });
      }
      const updated = await repo.updateUser(id, version, patch);
      if (!updated) throw conflict('この利用者', publicUser(user));
      if (v.active === false || v.newPassword) await repo.deleteUserSessions(id);
      return publicUser(updated);
    },

    listRoles: () => repo.listRoles(),

    async saveRole(v: {
      code: string;
      name: string;
      description: string;
      permissions: string[];
      version?: number;
    }) {
      if (v.version === undefined) {
        if (await repo.roleByCode(v.code)) {
          throw new AppError(409, 'ROLE_EXISTS', `役割コード「${v.code}」は既にあります。`);
        }
        return repo.insertRole({ ...v, builtin: false });
      }
      const current = await requireRole(v.code);
      const updated = await repo.updateRole(v.code, v.version, {
        name: v.name,
        description: v.description,
        permissions: v.permissions,
      });
      if (!updated) throw conflict('この役割', current);
      return updated;
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
