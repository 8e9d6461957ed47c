import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRoles } from '../../permissions.ts';
import { testApp } from '../../test/http.ts';

/**
 * Every API route × every built-in role: a route without a declared permission cannot even be
 * registered (see app.ts); here we check that each declared permission is enforced, and that no
 * route but the public ones answers without a session.
 */
describe('routes × roles', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
    for (const r of builtinRoles) await t.user(`u_${r.code}`, r.code);
  });
  afterAll(() => t.close());

  const concrete = (url: string) => url.replace(/:id\b/g, '1').replace(/:code\b/g, 'zz_test');

  it('lists a permission for every API route', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(15);
    for (const r of t.app.routeTable) expect(r.permission, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('refuses every non-public route without a session (401)', async () => {
    for (const r of t.app.routeTable.filter((x) => x.permission !== 'public')) {
      const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it.each(builtinRoles.map((r) => [r.code, r] as const))(
    'enforces permissions for role %s',
    async (_c, role) => {
      const s = await t.login(`u_${role.code}`);
      const call = t.as(s);
      for (const r of t.app.routeTable) {
        if (r.permission === 'public' || r.url === '/api/auth/logout') continue;
        const res = await call({
          method: r.method,
          url: concrete(r.url),
          payload: r.method === 'GET' ? undefined : {},
        });
        const allowed =
          r.permission === 'authenticated' || (role.permissions as string[]).includes(r.permission);
        const label = `${role.code} ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (allowed) expect(res.statusCode, label).not.toBe(403);
        else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().error.code, label).toBe('FORBIDDEN');
        }
      }
    },
  );
});
