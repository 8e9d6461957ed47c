import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { type Caller, routesApp, signedIn } from '../../test/http.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { registerVaccinationListRoutes } from './list-routes.ts';

describe('予防接種 対象者抽出 routes (F10a-02, F11a-02)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let close: () => Promise<void>;
  let clerk: Caller;
  let viewer: Caller;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    await addResidents(s, [{ atenaNo: '0000009301', name: '経路 年長', birthDate: '2020-06-15', sex: '1' }]);
    const app = await routesApp(s, (a) =>
      registerVaccinationListRoutes(a, { lists: s.vaccination.lists, mailings: s.vaccination.listMailings }),
    );
    close = () => app.close();
    clerk = await signedIn(app, s, 'jimu1', 'clerk');
    viewer = await signedIn(app, s, 'etsuran1', 'viewer');
  });
  afterAll(async () => {
    await close();
    await drop();
  });

  it('starts an extraction with 和暦 dates (vaccination.extract); a viewer may not', async () => {
    const body = {
      kind: 'vaccination.dose',
      on: 'R8.11.24',
      vaccine: 'MR2',
      dose: '1回',
      startsBy: '',
      bornFrom: '',
    };
    const denied = await viewer({ method: 'POST', url: '/api/vaccination/lists', payload: body });
    expect(denied.statusCode).toBe(403);
    const res = await clerk({ method: 'POST', url: '/api/vaccination/lists', payload: body });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json().list as { id: number; settings: unknown; title: string };
    expect(list.settings).toMatchObject({ on: '2026-11-24', vaccine: 'MR2', dose: '1回', startsBy: null });
    expect(list.title).toBe('予診票 麻しん風しん 第2期 1回（基準日 令和8年11月24日）');
    await s.jobs.runPending();
    const entries = await clerk({
      method: 'GET',
      url: `/api/vaccination/lists/${list.id}/entries?included=true`,
    });
    expect(entries.json()).toMatchObject({ total: 1, rows: [{ atenaNo: '0000009301', included: true }] });
    const csv = await clerk({
      method: 'GET',
      url: `/api/vaccination/lists/${list.id}/csv?format=calls&encoding=sjis`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
  });

  it('says what to fix', async () => {
    const bad = await clerk({
      method: 'POST',
      url: '/api/vaccination/lists',
      payload: { kind: 'vaccination.reminder', on: 'R8.13.1', vaccines: ['XYZ'] },
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await clerk({
      method: 'POST',
      url: '/api/vaccination/lists',
      payload: { kind: 'vaccination.reminder', on: 'R8.11.24', vaccines: ['XYZ'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('未知のワクチンです: XYZ');
  });
});
