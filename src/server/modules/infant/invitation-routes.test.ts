import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { type Caller, routesApp, signedIn } from '../../test/http.ts';
import { registerInfantInvitationRoutes } from './invitation-services.ts';

describe('乳幼児健診の案内・未受診者勧奨 routes (F07-03, F07-07)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let close: () => Promise<void>;
  let nurse: Caller;
  let viewer: Caller;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const app = await routesApp(s, (a) => registerInfantInvitationRoutes(a, s.infantInvitations));
    close = () => app.close();
    nurse = await signedIn(app, s, 'hoken7', 'nurse');
    viewer = await signedIn(app, s, 'etsuran7', 'viewer');
  });
  afterAll(async () => {
    await close();
    await drop();
  });

  it('a viewer reads (checkups, reminders) but may not extract or mail', async () => {
    const meta = await viewer({ method: 'GET', url: '/api/infant/invitations/meta' });
    expect(meta.statusCode).toBe(200);
    expect(meta.json().checkups.map((c: { code: string }) => c.code)).toContain('y1h');
    expect(
      (await viewer({ method: 'GET', url: '/api/infant/reminders/search?checkup=y1h&asOf=R8.11.1' }))
        .statusCode,
    ).toBe(200);
    const extract = { checkup: 'y1h', from: 'R8.11.1', to: 'R8.11.30' };
    expect(
      (await viewer({ method: 'POST', url: '/api/infant/invitations/lists', payload: extract })).statusCode,
    ).toBe(403);
    expect(
      (
        await viewer({
          method: 'POST',
          url: '/api/infant/reminders/mailing',
          payload: { checkup: 'y1h', sendDate: 'R8.11.1' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('says what to fix (period reversed, unknown checkup)', async () => {
    const reversed = await nurse({
      method: 'POST',
      url: '/api/infant/invitations/lists',
      payload: { checkup: 'y1h', from: 'R8.11.30', to: 'R8.11.1' },
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toContain('期間の終わりが始まりより前です');
    const unknown = await nurse({ method: 'GET', url: '/api/infant/reminders/search?checkup=zz' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('健診を選んでください');
  });
});
