import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testPassword } from '../../test/http.ts';

describe('login, session and CSRF', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp({ idleTimeoutMinutes: 30, lockoutThreshold: 3, lockoutMinutes: 15 });
    await t.user('clerk1', 'clerk');
    await t.user('locky', 'clerk');
    await t.user('newbie', 'clerk', true);
  });
  afterAll(() => t.close());

  it('stores passwords hashed with scrypt, never in clear', async () => {
    const rows = await t.services.database.query<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE login_id = 'clerk1'",
    );
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$/);
    expect(rows[0]!.password_hash).not.toContain(testPassword);
  });

  it('sets an HttpOnly, SameSite session cookie and answers /me', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'clerk1', password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.json().user.loginId).toBe('clerk1');
  });

  it('rejects a wrong password with a Japanese message and locks after repeated failures', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { loginId: 'locky', password: 'wrong' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toContain('ログインIDまたはパスワードが違います');
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'locky', password: testPassword },
    });
    expect(res.statusCode).toBe(423);
    expect(res.json().error.message).toContain('ロック');
  });

  it('requires the CSRF token on state changes', async () => {
    const s = await t.login('clerk1');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    const ok = await t.as(s)({ method: 'POST', url: '/api/auth/logout' });
    expect(ok.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('forces a password change before anything else', async () => {
    const s = await t.login('newbie');
    const call = t.as(s);
    const blocked = await call({ url: '/api/residents?q=1' });
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await call({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: testPassword, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('10文字以上');
    const ok = await call({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: testPassword, newPassword: 'brand-new-2026' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await call({ url: '/api/residents?q=1' })).statusCode).toBe(200);
  });

  it('ends idle sessions', async () => {
    const s = await t.login('clerk1');
    await t.services.database.query("UPDATE sessions SET last_seen_at = now() - interval '31 minutes'");
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('logs logins and failures in the audit log', async () => {
    const rows = await t.services.database.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE login_id = 'locky' ORDER BY id",
    );
    expect(rows.map((r) => r.action)).toContain('login_failed');
  });

  it('protects user edits with optimistic locking', async () => {
    const s = await t.login('clerk1');
    await t.user('boss', 'admin');
    const admin = t.as(await t.login('boss'));
    const list = (await admin({ url: '/api/admin/users' })).json().users as {
      id: number;
      loginId: string;
      version: number;
    }[];
    const u = list.find((x) => x.loginId === 'clerk1')!;
    const first = await admin({
      method: 'PATCH',
      url: `/api/admin/users/${u.id}`,
      payload: { version: u.version, displayName: '新しい名前' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await admin({
      method: 'PATCH',
      url: `/api/admin/users/${u.id}`,
      payload: { version: u.version, displayName: '別の名前' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('他の利用者が先に更新しました');
    expect(s.cookie).toBeTruthy();
  });
});
