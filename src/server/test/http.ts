import type { Services } from '../app.ts';
import { createHttp } from '../app.ts';
import type { ZApp } from '../platform/http/app.ts';
import { freshServices, testPolicy } from './database.ts';

export const testPassword = 'test-pass-2026';

export type Session = { cookie: string; csrf: string };

/** The real HTTP app over a fresh database, with helpers to create users and log in. */
export async function testApp(policy = testPolicy) {
  const { services, drop } = await freshServices(policy);
  const app: ZApp = await createHttp(services, { secureCookies: false, logLevel: 'silent' }, { web: false });
  async function login(loginId: string, password = testPassword): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password } });
    if (res.statusCode !== 200) throw new Error(`login ${loginId} failed: ${res.body}`);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    return { cookie, csrf: res.json().user.csrfToken };
  }
  async function user(loginId: string, roleCode: string, mustChangePassword = false) {
    return services.auth.createUser({
      loginId,
      displayName: `${loginId} 氏名`,
      roleCode,
      password: testPassword,
      mustChangePassword,
    });
  }
  function as(s: Session) {
    return (opts: { method?: string; url: string; payload?: unknown }) =>
      app.inject({
        method: (opts.method ?? 'GET') as 'GET',
        url: opts.url,
        payload: opts.payload as object,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
  }
  return {
    app,
    services: services as Services,
    login,
    user,
    as,
    async close() {
      await app.close();
      await drop();
    },
  };
}
