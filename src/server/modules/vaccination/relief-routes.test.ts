import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { freshServices } from '../../test/database.ts';
import { type Caller, routesApp, signedIn } from '../../test/http.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { registerVaccinationReliefRoutes } from './relief-routes.ts';

describe('予防接種健康被害救済 routes (F11a-05)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let close: () => Promise<void>;
  let nurse: Caller;
  let viewer: Caller;
  let person = 0;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000009301', name: '経路 救済', birthDate: '1950-05-01', sex: '2' },
    ]);
    person = ids.get('0000009301')!;
    const app = await routesApp(s, (a) =>
      registerVaccinationReliefRoutes(a, {
        relief: s.vaccination.relief,
        prints: s.vaccination.reliefPrints,
      }),
    );
    close = () => app.close();
    nurse = await signedIn(app, s, 'hokenshi1', 'nurse');
    viewer = await signedIn(app, s, 'etsuran1', 'viewer');
  });
  afterAll(async () => {
    await close();
    await drop();
  });

  const claim = {
    residentId: 0,
    claimantName: '経路 救済',
    claimantRelation: '本人',
    claimantAddress: 'すこやか市中央一丁目1番3号',
    vaccine: 'FLU_ELD',
    vaccinatedOn: 'R7.11.1',
    benefits: ['medical_cost'],
    receivedOn: 'R8.1.10',
  };

  it('needs vaccination.relief for reading and changing', async () => {
    expect((await viewer({ url: '/api/vaccination/relief' })).statusCode).toBe(403);
    const denied = await viewer({
      method: 'POST',
      url: '/api/vaccination/relief',
      payload: { ...claim, residentId: person },
    });
    expect(denied.statusCode).toBe(403);
    expect((await nurse({ url: '/api/vaccination/relief' })).statusCode).toBe(200);
  });

  it('registers a B類 claim typed in 和暦 and refuses an A類-only benefit with the reason', async () => {
    const bad = await nurse({
      method: 'POST',
      url: '/api/vaccination/relief',
      payload: { ...claim, residentId: person, benefits: ['child_disability_pension'] },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.message).toContain('B類の予防接種では「障害児養育年金」は請求できません');
    const res = await nurse({
      method: 'POST',
      url: '/api/vaccination/relief',
      payload: { ...claim, residentId: person },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      caseNo: '2025-0001',
      category: 'B',
      receivedOn: '2026-01-10',
      status: 'received',
    });
    const file = await nurse({ url: `/api/vaccination/relief/${res.json().id}` });
    expect(file.json().warnings).toEqual([
      expect.stringContaining('入院相当の医療に限られます'),
      expect.stringContaining('令和3年1月10日より前に支払った医療費は請求期限を過ぎています'),
    ]);
  });

  it('forwards, then answers the 進達書 as a PDF; a stale version is a 409', async () => {
    const { rows } = (await nurse({ url: '/api/vaccination/relief?status=received' })).json();
    const c = rows[0];
    const ok = await nurse({
      method: 'POST',
      url: `/api/vaccination/relief/${c.id}/forward`,
      payload: { version: c.version, forwardedOn: 'R8.1.20', note: '' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await nurse({
      method: 'POST',
      url: `/api/vaccination/relief/${c.id}/withdraw`,
      payload: { version: c.version, withdrawnOn: 'R8.1.21', reason: '取下書' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const pdf = await nurse({
      method: 'POST',
      url: `/api/vaccination/relief/${c.id}/forward-letter`,
      payload: {},
    });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const [first] = await pdfText(pdf.rawPayload);
    expect(first?.replace(/\s/g, '')).toContain('都道府県知事様');
  });
});
