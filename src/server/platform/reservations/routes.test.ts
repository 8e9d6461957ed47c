import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addResidents } from '../../modules/adult-health/test-residents.ts';
import { freshServices } from '../../test/database.ts';
import { type Caller, routesApp, signedIn } from '../../test/http.ts';
import { fiscalYearOf, today } from '../calendar/index.ts';
import type { ZApp } from '../http/app.ts';
import { registerReservationRoutes } from './routes.ts';

/** next 年度: the session is always ahead */
const fy = fiscalYearOf(today()) + 1;

/** The reservations API over HTTP: permissions per role, the 定員 message, reception and the roster CSV. */
describe('reservations routes', () => {
  let app: ZApp;
  let s: Services;
  let drop: () => Promise<void>;
  let people: number[];
  let sessionId: number;
  const callers: Record<string, Caller> = {};

  const call = (role: string, method: string, url: string, payload?: unknown) =>
    callers[role]!({ method, url, payload });

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    s.reservations.registerPurpose({ code: 'test.class', label: '健康教室' });
    app = await routesApp(s, (a) => registerReservationRoutes(a, { reservations: s.reservations }));
    for (const role of ['admin', 'clerk', 'viewer', 'auditor']) {
      callers[role] = await signedIn(app, s, `r_${role}`, role);
    }
    const ids = await addResidents(
      s,
      [0, 1, 2].map((i) => ({
        atenaNo: `000000030${i}`,
        name: `予約 ${i}`,
        birthDate: '1960-05-01',
        sex: '2' as const,
      })),
    );
    people = [...ids.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, id]) => id);
    const [v] = await s.database.query<{ id: number }>(
      `INSERT INTO venues (code, name) VALUES ('R9', '北部公民館') RETURNING id`,
    );
    const created = await call('admin', 'POST', '/api/reservations/sessions', {
      purpose: 'test.class',
      fiscalYear: fy,
      programs: ['class'],
      venueId: Number(v!.id),
      sessionDate: `${fy}-06-10`,
      startTime: '09:00',
      endTime: '11:00',
      capacity: 1,
      note: '',
    });
    expect(created.statusCode, created.body).toBe(200);
    sessionId = created.json().session.id;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('lets a viewer read and print the roster but not book; an auditor sees nothing', async () => {
    expect((await call('viewer', 'GET', `/api/reservations/sessions/${sessionId}`)).statusCode).toBe(200);
    const book = await call('viewer', 'POST', `/api/reservations/sessions/${sessionId}/bookings`, {
      residentId: people[0],
    });
    expect(book.statusCode).toBe(403);
    const plan = await call('clerk', 'POST', '/api/reservations/sessions', {});
    expect([400, 403]).toContain(plan.statusCode);
    expect((await call('auditor', 'GET', '/api/reservations/sessions')).statusCode).toBe(403);
  });

  it('books the last place once; the next one gets the 定員 message or the waiting list', async () => {
    const first = await call('clerk', 'POST', `/api/reservations/sessions/${sessionId}/bookings`, {
      residentId: people[0],
    });
    expect(first.statusCode, first.body).toBe(200);
    const full = await call('clerk', 'POST', `/api/reservations/sessions/${sessionId}/bookings`, {
      residentId: people[1],
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('定員（1人）に達しています');
    const waiting = await call('clerk', 'POST', `/api/reservations/sessions/${sessionId}/bookings`, {
      residentId: people[1],
      waitIfFull: true,
    });
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(waiting.json().booking.status).toBe('waiting');
  });

  it('records reception with the version, and the roster CSV lists the booked person', async () => {
    const detail = (await call('clerk', 'GET', `/api/reservations/sessions/${sessionId}`)).json();
    const booked = detail.bookings.find((b: { status: string }) => b.status === 'booked');
    const ok = await call('clerk', 'POST', `/api/reservations/bookings/${booked.id}/reception`, {
      reception: 'arrived',
      note: '',
      version: booked.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await call('clerk', 'POST', `/api/reservations/bookings/${booked.id}/reception`, {
      reception: 'no_show',
      note: '',
      version: booked.version,
    });
    expect(stale.statusCode).toBe(409);
    const csv = await call(
      'viewer',
      'GET',
      `/api/reservations/sessions/${sessionId}/roster.csv?encoding=utf8`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('予約 0');
  });
});
