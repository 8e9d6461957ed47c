import type { LightMyRequestResponse } from 'fastify';
import type { Services } from '../app.ts';
import { createHttp } from '../app.ts';
import { permissions } from '../permissions.ts';
import { registerAuthRoutes } from '../platform/auth/routes.ts';
import { createHttpApp, type ZApp } from '../platform/http/app.ts';
import { freshServices, testPolicy } from './database.ts';

export const testPassword = 'test-pass-2026';

export type Session = { cookie: string; csrf: string };

/** One signed-in user's requests (GET unless `method` says otherwise), with their cookie and CSRF token. */
export type Caller = (opts: {
  method?: string;
  url: string;
  payload?: unknown;
}) => Promise<LightMyRequestResponse>;

/** Logs in over HTTP: the session cookie and the CSRF token. */
export async function logIn(app: ZApp, loginId: string, password = testPassword): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password } });
  if (res.statusCode !== 200) throw new Error(`login ${loginId} failed: ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { cookie, csrf: res.json().user.csrfToken };
}

/** The requests of a logged-in session. */
export function caller(app: ZApp, s: Session): Caller {
  return (opts) =>
    app.inject({
      method: (opts.method ?? 'GET') as 'GET',
      url: opts.url,
      payload: opts.payload as object,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
}

/** A user of role `roleCode` with the test password (display name: `<loginId> 氏名`). */
export function createTestUser(
  services: Services,
  loginId: string,
  roleCode: string,
  mustChangePassword = false,
) {
  return services.auth.createUser({
    loginId,
    displayName: `${loginId} 氏名`,
    roleCode,
    password: testPassword,
    mustChangePassword,
  });
}

/** A new user of role `roleCode`, logged in: their requests. */
export async function signedIn(
  app: ZApp,
  services: Services,
  loginId: string,
  roleCode: string,
): Promise<Caller> {
  await createTestUser(services, loginId, roleCode);
  return caller(app, await logIn(app, loginId));
}

/**
 * The HTTP app with the auth routes and only the routes `register` adds (independent of how app.ts wires
 * modules), ready for requests.
 */
export async function routesApp(services: Services, register: (app: ZApp) => void): Promise<ZApp> {
  const permissionLabels: Record<string, string> = permissions;
  const app = await createHttpApp({
    auth: services.auth,
    audit: services.audit,
    permissionLabel: (p) => permissionLabels[p],
    secureCookies: false,
    logLevel: 'silent',
  });
  registerAuthRoutes(app, {
    auth: services.auth,
    audit: services.audit,
    secureCookies: false,
    permissionLabels,
  });
  register(app);
  await app.ready();
  return app;
}

/** The real HTTP app over a fresh database, with helpers to create users and log in. */
export async function testApp(policy = testPolicy) {
  const { services, drop } = await freshServices(policy);
  const app: ZApp = await createHttp(services, { secureCookies: false, logLevel: 'silent' }, { web: false });
  return {
    app,
    services,
    login: (loginId: string, password = testPassword) => logIn(app, loginId, password),
    user: (loginId: string, roleCode: string, mustChangePassword = false) =>
      createTestUser(services, loginId, roleCode, mustChangePassword),
    as: (s: Session) => caller(app, s),
    async close() {
      await app.close();
      await drop();
    },
  };
}
