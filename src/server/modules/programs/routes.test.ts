import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import type { ZApp } from '../../platform/http/app.ts';
import { freshServices } from '../../test/database.ts';
import { type Caller, routesApp, signedIn } from '../../test/http.ts';
import { registerProgramRoutes } from './routes.ts';

/** The HTTP app with the auth and 事業マスタ routes only (independent of how app.ts wires modules). */
async function programsApp() {
  const { services, drop } = await freshServices();
  const app = await routesApp(services, (a) =>
    registerProgramRoutes(a, { programs: services.programs, audit: services.audit }),
  );
  return { app, services, drop };
}

describe('事業マスタ routes', () => {
  let app: ZApp;
  let drop: () => Promise<void>;
  const callers: Record<string, Caller> = {};

  beforeAll(async () => {
    let services: Services;
    ({ app, services, drop } = await programsApp());
    for (const role of ['admin', 'viewer', 'auditor']) {
      callers[role] = await signedIn(app, services, `u_${role}`, role);
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const call = (role: string, method: string, url: string, payload?: unknown) =>
    callers[role]!({ method, url, payload });

  it('lets a viewer read every list but change nothing', async () => {
    const res = await call('viewer', 'GET', '/api/programs/2026');
    expect(res.statusCode).toBe(200);
    expect(res.json().programs).toHaveLength(9);
    expect(res.json().previousYearExists).toBe(false);
    for (const url of ['/api/venues', '/api/institutions?active=all', '/api/sessions?fiscalYear=2026']) {
      expect((await call('viewer', 'GET', url)).statusCode, url).toBe(200);
    }
    const stomach = res.json().programs[0];
    for (const [method, url, body] of [
      ['PUT', '/api/programs/2026/stomach', { ...stomach.settings, version: stomach.version }],
      ['POST', '/api/programs/2026/copy-previous', {}],
      ['POST', '/api/programs/2026/stomach/reset', { version: 1 }],
      ['POST', '/api/venues', { code: 'V01', name: '保健センター' }],
      ['PUT', '/api/venues/1', { code: 'V01', name: '保健センター', version: 1 }],
      ['POST', '/api/institutions', { code: '9910100011', name: '医院' }],
      ['PUT', '/api/institutions/1', { code: '9910100011', name: '医院', version: 1 }],
      ['POST', '/api/sessions', {}],
      ['PUT', '/api/sessions/1', {}],
      ['POST', '/api/sessions/1/delete', { version: 1 }],
    ] as const) {
      const r = await call('viewer', method, url, body);
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().error.message).toContain('事業マスタの変更');
    }
  });

  it('documents the routes in the OpenAPI description', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining(['/api/programs/{fy}/{code}', '/api/venues/{id}', '/api/sessions/{id}/delete']),
    );
  });

  it('refuses a role without programs.view', async () => {
    expect((await call('auditor', 'GET', '/api/programs/2026')).statusCode).toBe(403);
    expect((await call('auditor', 'GET', '/api/venues')).statusCode).toBe(403);
  });

  it('saves settings with the version; validation and conflicts come back per field', async () => {
    const list = (await call('admin', 'GET', '/api/programs/2026')).json();
    const lung = list.programs.find((p: { code: string }) => p.code === 'lung');
    const body = {
      ...lung.settings,
      fees: { ...lung.settings.fees, amounts: { xray: 300 } },
      version: lung.version,
    };
    const ok = await call('admin', 'PUT', '/api/programs/2026/lung', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().program).toMatchObject({ version: 2, settings: { fees: { amounts: { xray: 300 } } } });

    const stale = await call('admin', 'PUT', '/api/programs/2026/lung', body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(2);

    const bad = await call('admin', 'PUT', '/api/programs/2026/lung', {
      ...body,
      version: 2,
      ageMax: 10,
      methods: [{ ...lung.settings.methods[0], ageMin: 'x' }],
    });
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries(
      bad.json().error.details.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    expect(fields['methods.0.ageMin']).toBe('検査方法の対象年齢（下限）は0〜120の整数で入力してください。');

    const outside = await call('admin', 'PUT', '/api/programs/2026/lung', {
      ...body,
      version: 2,
      periodStart: '2027-06-01',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.fields[0]).toEqual({
      path: 'periodStart',
      message: '受診期間は令和8年度（令和8年4月1日〜令和9年3月31日）の中で指定してください。',
    });

    expect((await call('admin', 'GET', '/api/programs/26')).statusCode).toBe(400);
    expect((await call('admin', 'PUT', '/api/programs/2026/mri', body)).statusCode).toBe(400);
  });

  it('copies the previous 年度 and resets to the 指針', async () => {
    const none = await call('admin', 'POST', '/api/programs/2026/copy-previous', {});
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('NO_PREVIOUS_YEAR');

    const next = (await call('admin', 'GET', '/api/programs/2027')).json();
    expect(next.previousYearExists).toBe(true);
    const copied = await call('admin', 'POST', '/api/programs/2027/copy-previous', {});
    expect(copied.statusCode).toBe(200);
    expect(copied.json().programs).toHaveLength(9);

    const lung = copied.json().programs.find((p: { code: string }) => p.code === 'lung');
    expect(lung.settings.fees.amounts).toEqual({ xray: 300 });
    const reset = await call('admin', 'POST', '/api/programs/2027/lung/reset', { version: lung.version });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().program.version).toBe(lung.version + 1);
  });

  it('manages venues, institutions and sessions', async () => {
    const venue = await call('admin', 'POST', '/api/venues', {
      code: 'v01',
      name: '保健センター',
      nameKana: 'ほけんせんたー',
      postalCode: '123-4500',
    });
    expect(venue.statusCode).toBe(200);
    const v = venue.json().venue;
    expect(v).toMatchObject({ code: 'V01', nameKana: 'ホケンセンター', postalCode: '1234500' });

    const badPostal = await call('admin', 'POST', '/api/venues', {
      code: 'V02',
      name: 'X',
      postalCode: '12',
    });
    expect(badPostal.statusCode).toBe(400);
    expect(badPostal.json().error.details.fields[0]).toEqual({
      path: 'postalCode',
      message: '郵便番号は7桁の数字です（例: 123-4567）。',
    });

    const inst = await call('admin', 'POST', '/api/institutions', {
      code: '991-0100011',
      name: 'すこやか医院',
      programs: ['stomach'],
    });
    expect(inst.statusCode).toBe(200);
    const search = await call('admin', 'GET', '/api/institutions?q=すこやか&program=stomach');
    expect(search.json().institutions.map((i: { code: string }) => i.code)).toEqual(['9910100011']);

    const list = (await call('admin', 'GET', '/api/programs/2026')).json();
    const stomach = list.programs.find((p: { code: string }) => p.code === 'stomach');
    const individual = await call('admin', 'POST', '/api/sessions', {
      fiscalYear: 2026,
      programs: ['stomach'],
      venueId: v.id,
      sessionDate: 'R8.6.10',
      startTime: '9:00',
      endTime: '11:30',
      capacity: 40,
    });
    expect(individual.statusCode).toBe(400);
    expect(individual.json().error.details.fields[0].path).toBe('programs');

    await call('admin', 'PUT', '/api/programs/2026/stomach', {
      ...stomach.settings,
      delivery: 'both',
      version: stomach.version,
    });
    const created = await call('admin', 'POST', '/api/sessions', {
      fiscalYear: 2026,
      programs: ['stomach'],
      venueId: v.id,
      sessionDate: 'R8.6.10',
      startTime: '9:00',
      endTime: '11:30',
      capacity: 40,
    });
    expect(created.statusCode).toBe(200);
    const s = created.json().session;
    expect(s).toMatchObject({ sessionDate: '2026-06-10', startTime: '09:00', venueName: '保健センター' });

    const viewerList = await call('viewer', 'GET', '/api/sessions?fiscalYear=2026&program=stomach');
    expect(viewerList.json().sessions).toHaveLength(1);

    const del = await call('admin', 'POST', `/api/sessions/${s.id}/delete`, { version: s.version });
    expect(del.statusCode).toBe(200);
    expect((await call('admin', 'GET', `/api/sessions/${s.id}`)).statusCode).toBe(404);
  });
});
