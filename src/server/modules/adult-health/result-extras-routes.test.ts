import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import type { ZApp } from '../../platform/http/app.ts';
import { freshServices } from '../../test/database.ts';
import { type Caller, routesApp, signedIn } from '../../test/http.ts';
import { registerResultExtraRoutes } from './result-extras-routes.ts';

describe('結果項目 routes', () => {
  let app: ZApp;
  let drop: () => Promise<void>;
  const callers: Record<string, Caller> = {};

  beforeAll(async () => {
    let services: Services;
    ({ services, drop } = await freshServices());
    app = await routesApp(services, (a) =>
      registerResultExtraRoutes(a, { resultExtras: services.adult.resultExtras }),
    );
    for (const role of ['admin', 'clerk', 'auditor'])
      callers[role] = await signedIn(app, services, `u_${role}`, role);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const call = (role: string, method: string, url: string, payload?: unknown) =>
    callers[role]!({ method, url, payload });
  const item = { program: 'colorectal', label: '便潜血 定量値', type: 'number', unit: 'ng/mL' };

  it('lets staff with programs.view read and only programs.edit change', async () => {
    const list = await call('clerk', 'GET', '/api/adult/result-items');
    expect(list.statusCode).toBe(200);
    expect(list.json().programs).toHaveLength(9);
    expect((await call('auditor', 'GET', '/api/adult/result-items')).statusCode).toBe(403);
    for (const [method, url, body] of [
      ['POST', '/api/adult/result-items', item],
      ['PUT', '/api/adult/result-items/1', { ...item, version: 1 }],
      ['POST', '/api/adult/result-items/1/deactivate', { version: 1 }],
      ['POST', '/api/adult/result-items/1/reactivate', { version: 1 }],
      ['POST', '/api/adult/result-items/reorder', { program: 'colorectal', ids: [1] }],
    ] as const) {
      const r = await call('clerk', method, url, body);
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().error.message).toContain('事業マスタの変更');
    }
  });

  it('creates, edits with the version and deactivates; errors come back per field in Japanese', async () => {
    const made = await call('admin', 'POST', '/api/adult/result-items', item);
    expect(made.statusCode, made.body).toBe(200);
    const { id, version, key } = made.json().item;
    expect(key).toBe('extra1');
    const bad = await call('admin', 'POST', '/api/adult/result-items', {
      ...item,
      key: 'fobtDay1',
      label: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual([
      {
        path: 'key',
        message: 'キー「fobtDay1」は国の項目「便潜血 1日目」で使われています。別のキーにしてください。',
      },
    ]);
    const edited = await call('admin', 'PUT', `/api/adult/result-items/${id}`, {
      label: '便潜血 定量値',
      unit: 'μg/g',
      required: true,
      version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().item).toMatchObject({ unit: 'μg/g', required: true, version: version + 1 });
    const stale = await call('admin', 'POST', `/api/adult/result-items/${id}/deactivate`, { version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const off = await call('admin', 'POST', `/api/adult/result-items/${id}/deactivate`, {
      version: version + 1,
    });
    expect(off.json().item).toMatchObject({ active: false });
  });
});
