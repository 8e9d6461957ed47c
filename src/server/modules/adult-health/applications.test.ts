import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import type { ApplicationInput } from './applications.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
/** next 年度: its sessions are always ahead, whatever day the tests run */
const fy = fiscalYearOf(today()) + 1;
const page = { offset: 0, limit: 10 };

describe('個別受付の申込 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;
  let clinic = 0;
  let session = 0;
  const who = (n: number) => ids.get(`000000020${n}`)!;
  const input = (n: number, v: Partial<ApplicationInput>): ApplicationInput => ({
    residentId: who(n),
    fiscalYear: fy,
    channel: 'phone',
    programs: ['colorectal'],
    mode: 'individual',
    institutionId: null,
    sessionId: null,
    slotId: null,
    appliedOn: today(),
    note: '',
    ...v,
  });
  const error = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: { status: number; code: string; message: string }) => ({
        status: e.status,
        code: e.code,
        message: e.message,
      }),
    );

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(
      s,
      [1, 2, 3, 4, 5].map((n) => ({
        atenaNo: `000000020${n}`,
        name: `申込 ${n}`,
        birthDate: '1960-05-01',
        sex: '1' as const,
      })),
    );
    // person 1 had a 胃がん検診 last 年度 (2年に1回 → 前年度受診済)
    await s.database.query(
      `INSERT INTO screening_records (resident_id, program, method, fiscal_year, screened_on, result, source)
       VALUES ($1, 'stomach', 'xray', $2, $3, 'negative', 'manual')`,
      [who(1), fy - 1, `${fy - 1}-06-10`],
    );
    const [c] = await s.database.query<{ id: number }>(
      `INSERT INTO medical_institutions (code, name, programs) VALUES ('1310000001', 'すこやか内科', '{colorectal,lung}')
       RETURNING id`,
    );
    clinic = Number(c!.id);
    const [v] = await s.database.query<{ id: number }>(
      `INSERT INTO venues (code, name) VALUES ('C', '保健センター') RETURNING id`,
    );
    const [row] = await s.database.query<{ id: number }>(
      `INSERT INTO reservation_sessions (fiscal_year, programs, venue_id, session_date, start_time, end_time, capacity)
       VALUES ($1, '{stomach,lung}', $2, $3, '09:00', '11:00', 1) RETURNING id`,
      [fy, v!.id, `${fy}-06-10`],
    );
    session = Number(row!.id);
  });
  afterAll(async () => drop());

  it('受診歴の確認: last 受診 and 今年度受診不可 with the reason; the session with its places left', async () => {
    const p = await s.adult.applications.prepare(actor, who(1), fy);
    expect(p.history.find((h) => h.program === 'stomach')).toMatchObject({
      lastScreenedOn: `${fy - 1}-06-10`,
      resultLabel: '異常なし',
      intervalText: '2年に1回',
      verdict: '今年度受診不可',
      reasons: ['前年度受診済'],
    });
    expect(p.history.find((h) => h.program === 'colorectal')).toMatchObject({ verdict: '今年度受診可' });
    expect(p.sessions).toMatchObject([{ sessionId: session, remaining: 1, venue: '保健センター' }]);
    expect(p.institutions.map((i) => i.name)).toEqual(['すこやか内科']);
  });

  it('refuses an ineligible program with its reason', async () => {
    const e = await error(
      s.adult.applications.register(actor, input(1, { programs: ['stomach', 'colorectal'] })),
    );
    expect(e).toMatchObject({ status: 400 });
    expect(e!.message).toContain('胃がん検診: 前年度受診済');
    expect((await s.adult.applications.list(actor, { fiscalYear: fy }, { offset: 0, limit: 10 })).total).toBe(
      0,
    );
  });

  it('registers 個別 at an institution; a second application of the same program is a 409 naming the first', async () => {
    const a = await s.adult.applications.register(actor, input(2, { institutionId: clinic }));
    expect(a).toMatchObject({ status: 'accepted', mode: 'individual', institutionName: 'すこやか内科' });
    const e = await error(
      s.adult.applications.register(actor, input(2, { programs: ['colorectal', 'lung'] })),
    );
    expect(e).toMatchObject({ status: 409, code: 'ALREADY_APPLIED' });
    expect(e!.message).toContain(`申込番号 ${a.id}`);
    const wrong = await error(
      s.adult.applications.register(actor, input(3, { programs: ['hepatitis'], institutionId: clinic })),
    );
    expect(wrong!.message).toContain('すこやか内科」では肝炎ウイルス検診を実施していません');
  });

  it('集団: books the session in the same transaction; a full session leaves no application behind', async () => {
    const a = await s.adult.applications.register(
      actor,
      input(3, { programs: ['lung'], mode: 'group', sessionId: session, channel: 'counter' }),
    );
    expect(a).toMatchObject({ mode: 'group', venueName: '保健センター', bookingStatus: 'booked' });
    const e = await error(
      s.adult.applications.register(
        actor,
        input(4, { programs: ['lung'], mode: 'group', sessionId: session }),
      ),
    );
    expect(e).toMatchObject({ status: 409, code: 'SESSION_FULL' });
    expect((await s.adult.applications.list(actor, { fiscalYear: fy, residentId: who(4) }, page)).total).toBe(
      0,
    );
    const wrong = await error(
      s.adult.applications.register(
        actor,
        input(5, { programs: ['colorectal'], mode: 'group', sessionId: session }),
      ),
    );
    expect(wrong!.message).toContain('では大腸がん検診を実施しません');
  });

  it('two clerks at once: one takes the last place, and one person cannot apply twice for a program', async () => {
    const [row] = await s.database.query<{ id: number }>(
      `INSERT INTO reservation_sessions (fiscal_year, programs, venue_id, session_date, start_time, end_time, capacity)
       SELECT $1, '{lung}', venue_id, session_date, '13:00', '15:00', 1 FROM reservation_sessions WHERE id = $2
       RETURNING id`,
      [fy, session],
    );
    const last = Number(row!.id);
    const both = await Promise.allSettled(
      [2, 5].map((n) =>
        s.adult.applications.register(
          actor,
          input(n, { programs: ['lung'], mode: 'group', sessionId: last }),
        ),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(both.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'SESSION_FULL' } });
    const twice = await Promise.allSettled(
      [0, 1].map(() => s.adult.applications.register(actor, input(1, { programs: ['colorectal'] }))),
    );
    expect(twice.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(twice.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'ALREADY_APPLIED' } });
  });

  it('issues the ticket of exactly the applied programs with the booking, and writes the send record', async () => {
    const [a] = (await s.adult.applications.list(actor, { fiscalYear: fy, residentId: who(3) }, page)).rows;
    const r = await s.adult.applications.issueTicket(actor, a!.id, { method: 'counter' });
    expect(r.pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(r.application).toMatchObject({ status: 'ticket_issued' });
    const [rec] = await s.database.query<{ method: string; payload: Record<string, unknown> }>(
      'SELECT method, payload FROM send_records WHERE id = $1',
      [r.application.ticketSendRecordId],
    );
    expect(rec!.method).toBe('counter');
    expect((rec!.payload.programs as { code: string }[]).map((p) => p.code)).toEqual(['lung']);
    expect(rec!.payload.booking).toMatch(/09:00〜 保健センター$/);
  });

  it('cancels with the booking; the place is free again and the person can apply again', async () => {
    const [a] = (await s.adult.applications.list(actor, { fiscalYear: fy, residentId: who(3) }, page)).rows;
    const stale = await error(s.adult.applications.cancel(actor, a!.id, '本人の申出', a!.version - 1));
    expect(stale).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    const done = await s.adult.applications.cancel(actor, a!.id, '本人の申出', a!.version);
    expect(done.status).toBe('cancelled');
    const again = await s.adult.applications.register(
      actor,
      input(4, { programs: ['lung'], mode: 'group', sessionId: session }),
    );
    expect(again.bookingStatus).toBe('booked');
  });

  it('a booking cancelled on the reservations screen cancels its application', async () => {
    const [a] = (await s.adult.applications.list(actor, { fiscalYear: fy, residentId: who(4) }, page)).rows;
    const [b] = await s.database.query<{ version: number }>('SELECT version FROM bookings WHERE id = $1', [
      a!.bookingId,
    ]);
    await s.reservations.cancel(actor, a!.bookingId!, '日程の中止', b!.version);
    const [after] = (await s.adult.applications.list(actor, { fiscalYear: fy, residentId: who(4) }, page))
      .rows;
    expect(after!.status).toBe('cancelled');
  });

  it('lists with filters and exports Shift_JIS CSV', async () => {
    const counter = await s.adult.applications.list(
      actor,
      { fiscalYear: fy, channel: 'counter' },
      { offset: 0, limit: 10 },
    );
    expect(counter.rows.map((r) => r.name)).toEqual(['申込 3']);
    const byName = await s.adult.applications.list(
      actor,
      { fiscalYear: fy, q: '申込 2' },
      { offset: 0, limit: 10 },
    );
    expect([...new Set(byName.rows.map((r) => r.atenaNo))]).toEqual(['0000000202']);
    const csv = await s.adult.applications.exportCsv(actor, { fiscalYear: fy, status: 'cancelled' }, 'sjis');
    const text = iconv.decode(csv.body, 'cp932');
    expect(text.split('\r\n')[0]).toContain('申込番号,年度,申込日,受付方法,宛名番号,氏名');
    expect(text).toContain('窓口');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
  });
});
