import { z } from 'zod';
import type { AuditService } from '../audit/service.ts';
import { actorOf, sessionCookie, userOf, type ZApp } from '../http/app.ts';
import type { AuthService } from './service.ts';

const loginBody = z.object({
  loginId: z.string().min(1, 'ログインIDを入力してください。'),
  password: z.string().min(1, 'パスワードを入力してください。'),
});

export function registerAuthRoutes(
  app: ZApp,
  deps: {
    auth: AuthService;
    audit: AuditService;
    secureCookies: boolean;
    permissionLabels: Record<string, string>;
  },
) {
  const { auth, audit } = deps;

  app.post(
    '/api/auth/login',
    { config: { permission: 'public' }, schema: { body: loginBody } },
    async (req, reply) => {
      const meta = { ip: req.ip, userAgent: req.headers['user-agent'] };
      try {
        const { token, user } = await auth.login(req.body.loginId, req.body.password, meta);
        await audit.record(
          { userId: user.id, loginId: user.loginId, roleCode: user.roleCode, ip: req.ip },
          { action: 'login' },
        );
        reply.setCookie(sessionCookie, token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.secureCookies,
          path: '/',
        });
        const me = await auth.resolveSession(token);
        return { user: me };
      } catch (e) {
        await audit.record(
          { userId: null, loginId: req.body.loginId, roleCode: null, ip: req.ip },
          { action: 'login_failed' },
        );
        throw e;
      }
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { permission: 'authenticated', allowDuringPasswordChange: true } },
    async (req, reply) => {
      if (req.sessionToken) await auth.logout(req.sessionToken);
      await audit.record(actorOf(req), { action: 'logout' });
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { permission: 'authenticated', allowDuringPasswordChange: true } },
    async (req) => ({
      user: userOf(req),
      permissionLabels: deps.permissionLabels,
    }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { permission: 'authenticated', allowDuringPasswordChange: true },
      schema: { body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1) }) },
    },
    async (req) => {
      await auth.changePassword(userOf(req).id, req.body.currentPassword, req.body.newPassword);
      await audit.record(actorOf(req), { action: 'password_change' });
      return { ok: true };
    },
  );

  // 管理 > 利用者
  app.get('/api/admin/users', { config: { permission: 'users.manage' } }, async () => ({
    users: await auth.listUsers(),
  }));

  app.post(
    '/api/admin/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        body: z.object({
          loginId: z.string(),
          displayName: z.string().min(1, '氏名を入力してください。'),
          roleCode: z.string(),
          password: z.string(),
        }),
      },
    },
    async (req) => {
      const user = await auth.createUser({ ...req.body, mustChangePassword: true });
      await audit.record(actorOf(req), { action: 'admin', summary: `利用者登録 ${user.loginId}` });
      return { user };
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        params: z.object({ id: z.coerce.number().int() }),
        body: z.object({
          version: z.number().int(),
          displayName: z.string().min(1).optional(),
          roleCode: z.string().optional(),
          active: z.boolean().optional(),
          unlock: z.boolean().optional(),
          newPassword: z.string().optional(),
        }),
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      const user = await auth.updateUser(req.params.id, version, patch);
      await audit.record(actorOf(req), {
        action: 'admin',
        summary: `利用者更新 ${user.loginId}`,
        detail: { ...patch, newPassword: patch.newPassword ? '(再設定)' : undefined },
      });
      return { user };
    },
  );

  // 管理 > 役割
  app.get('/api/admin/roles', { config: { permission: 'users.manage' } }, async () => ({
    roles: await auth.listRoles(),
    permissionLabels: deps.permissionLabels,
  }));

  app.put(
    '/api/admin/roles/:code',
    {
      config: { permission: 'users.manage' },
      schema: {
        params: z.object({
          code: z.string().regex(/^[a-z0-9_]{2,32}$/, '役割コードは半角英小文字・数字・_ で2〜32文字です。'),
        }),
        body: z.object({
          name: z.string().min(1, '役割名を入力してください。'),
          description: z.string().default(''),
          permissions: z.array(z.string().refine((p) => p in deps.permissionLabels, '未定義の権限です。')),
          version: z.number().int().optional(),
        }),
      },
    },
    async (req) => {
      const role = await auth.saveRole({ code: req.params.code, ...req.body });
      await audit.record(actorOf(req), {
        action: 'admin',
        summary: `役割更新 ${role.code}`,
        detail: { permissions: role.permissions },
      });
      return { role };
    },
  );
}
