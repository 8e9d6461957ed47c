import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { type Caller, routesApp, signedIn } from '../../test/http.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { registerVaccinationBookletRoutes } from './booklet-routes.ts';

describe('予診票冊子の一括発行 routes (F10a-01)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let close: () => Promise<void>;
  let clerk: Caller;
  let viewer: Caller;
  const criteria = { basis: 'birth', from: 'R8.10.1', to: '令和8年10月31日', includeNonRegistered: false };

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    await addResidents(s, [{ atenaNo: '0000009201', name: '経路 一郎', birthDate: '2026-10-05', sex: '1' }]);
    const app = await routesApp(s, (a) =>
      registerVaccinationBookletRoutes(a, { booklets: s.vaccination.booklets }),
    );
    close = () => app.close();
    clerk = await signedIn(app, s, 'jimu1', 'clerk');
    viewer = await signedIn(app, s, 'etsuran1', 'viewer');
  });
  afterAll(async () => {
    await close();
    await drop();
  });

  it('previews with 和暦 dates typed (vaccination.extract); a viewer may not', async () => {
    const res = await clerk({ method: 'POST', url: '/api/vaccination/booklets/preview', payload: criteria });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, leftOut: 0, rows: [{ atenaNo: '0000009201' }] });
    const denied = await viewer({
      method: 'POST',
      url: '/api/vaccination/booklets/preview',
      payload: criteria,
    });
    expect(denied.statusCode).toBe(403);
  });

  it('says what is wrong with a date or the months', async () => {
    const bad = await clerk({
      method: 'POST',
      url: '/api/vaccination/booklets/preview',
      payload: { ...criteria, basis: 'age', months: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('生後の月数は1以上です。');
    const date = await clerk({
      method: 'POST',
      url: '/api/vaccination/booklets/mailing',
      payload: { ...criteria, sendDate: 'R8.13.1' },
    });
    expect(date.statusCode).toBe(400);
    expect(date.body).toContain('発送日');
  });

  it('queues the job making the mailing (mailings.manage)', async () => {
    const res = await clerk({
      method: 'POST',
      url: '/api/vaccination/booklets/mailing',
      payload: { ...criteria, sendDate: 'R8.12.1' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().job).toMatchObject({ kind: 'vaccination.booklets', status: 'queued' });
    const denied = await viewer({
      method: 'POST',
      url: '/api/vaccination/booklets/mailing',
      payload: { ...criteria, sendDate: 'R8.12.1' },
    });
    expect(denied.statusCode).toBe(403);
  });
});
