import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { type Caller, routesApp, signedIn } from '../../test/http.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { registerInfantBirthRoutes } from './birth-services.ts';

describe('出生連絡票・聴覚検査 routes (F07-01, F07-02)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let close: () => Promise<void>;
  let nurse: Caller;
  let viewer: Caller;
  let child = 0;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000007301', name: '経路 花子', birthDate: '2026-04-02', sex: '2' },
    ]);
    child = ids.get('0000007301')!;
    const app = await routesApp(s, (a) => registerInfantBirthRoutes(a, s.infantBirths));
    close = () => app.close();
    nurse = await signedIn(app, s, 'hoken1', 'nurse');
    viewer = await signedIn(app, s, 'etsuran1', 'viewer');
  });
  afterAll(async () => {
    await close();
    await drop();
  });

  const body = (edit: Record<string, unknown> = {}) => ({
    childResidentId: child,
    receivedOn: 'R8.4.10',
    receivedVia: 'mail',
    birthWeightG: 2480,
    heightCm: '47.0',
    gestationalWeeks: 38,
    gestationalDays: 1,
    ...edit,
  });

  it('registers with infant.edit (a viewer may not) and answers field messages', async () => {
    expect((await viewer({ method: 'POST', url: '/api/infant/births', payload: body() })).statusCode).toBe(
      403,
    );
    const bad = await nurse({
      method: 'POST',
      url: '/api/infant/births',
      payload: body({ birthWeightG: 3, heightCm: '47.05' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'heightCm',
      'birthWeightG',
    ]);
    const ok = await nurse({ method: 'POST', url: '/api/infant/births', payload: body() });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ lowBirthWeight: true, followUpReasons: ['低出生体重（2,480g）'] });
  });

  it('the 母子カード is readable with infant.view; every read is in the access log', async () => {
    const res = await viewer({ url: `/api/infant/children/${child}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      birth: { lowBirthWeight: true, heightCm: '47.0', receivedViaLabel: '送付' },
    });
    const logged = await s.database.query<{ screen: string }>(
      `SELECT screen FROM audit_log WHERE $1 = ANY(resident_ids) ORDER BY id`,
      [child],
    );
    expect(logged.map((r) => r.screen)).toEqual(
      expect.arrayContaining(['母子カード 出生連絡票', '母子カード']),
    );
  });

  it('records a hearing result (infant.edit) and exports the aggregate as CSV', async () => {
    const payload = {
      kind: 'initial',
      method: 'oae',
      testedOn: 'R8.4.4',
      rightResult: 'pass',
      leftResult: 'pass',
    };
    expect(
      (await viewer({ method: 'POST', url: `/api/infant/children/${child}/hearing`, payload })).statusCode,
    ).toBe(403);
    const res = await nurse({ method: 'POST', url: `/api/infant/children/${child}/hearing`, payload });
    expect(res.json()).toMatchObject({ statusLabel: '初回パス', referred: false });
    const csv = await viewer({
      url: '/api/infant/hearing/aggregate/csv?from=R8.4.1&to=R8.4.30&encoding=sjis',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('Shift_JIS');
  });
});
