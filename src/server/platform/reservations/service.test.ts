import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addResidents } from '../../modules/adult-health/test-residents.ts';
import { freshServices } from '../../test/database.ts';
import { addDays, fiscalYearOf, holidayName, today } from '../calendar/index.ts';
import type { AppError } from '../errors/app-error.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
/** next 年度: its sessions are always ahead, whatever day the tests run */
const fy = fiscalYearOf(today()) + 1;
const purpose = 'test.class';

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a failure');
}

describe(`reservations engine (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let s: Services;
  let drop: () => Promise<void>;
  let venueId: number;
  let people: number[];

  const session = (o: object = {}) =>
    s.reservations.sessions.create(actor, {
      purpose,
      fiscalYear: fy,
      programs: ['class'],
      venueId,
      sessionDate: `${fy}-06-10`,
      startTime: '09:00',
      endTime: '12:00',
      capacity: 2,
      ...o,
    });
  const book = (sessionId: number, n: number, o: object = {}) =>
    s.reservations.book(actor, { sessionId, residentId: people[n]!, source: 'counter', ...o });

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    s.reservations.registerPurpose({ code: purpose, label: '健康教室' });
    const ids = await addResidents(
      s,
      Array.from({ length: 12 }, (_, i) => ({
        atenaNo: `00000002${String(i).padStart(2, '0')}`,
        name: `予約 ${i}`,
        birthDate: '1960-05-01',
        sex: '2' as const,
      })),
    );
    people = [...ids.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, id]) => id);
    const [v] = await s.database.query<{ id: number }>(
      `INSERT INTO venues (code, name) VALUES ('R1', '中央保健センター') RETURNING id`,
    );
    venueId = Number(v!.id);
  });
  afterAll(async () => drop());

  it('plans sessions: weekday and 祝日 flagged, slots and cut-off checked', async () => {
    const day = `${fy}-05-03`;
    const planned = await session({ sessionDate: day, capacity: 10 });
    expect(planned).toMatchObject({ holidayName: holidayName(day), statusLabel: '受付中', booked: 0 });
    expect(planned.holidayName).toBe('憲法記念日');
    expect(planned.lastBookingDay).toBe(`${fy}-05-02`);
    const e = await failure(
      session({
        cutoffDate: `${fy}-07-01`,
        venueId: 999_999,
        slots: [{ startTime: '08:00', endTime: '09:30', capacity: 2 }],
      }),
    );
    expect((e.details as { fields: { path: string; message: string }[] }).fields).toEqual([
      { path: 'cutoffDate', message: '締切日は実施日以前の日付にしてください。' },
      { path: 'venueId', message: '会場が見つかりません。一覧から選んでください。' },
      { path: 'slots.0', message: '時間枠 08:00〜09:30は日程の時間（09:00〜12:00）の中にしてください。' },
    ]);
  });

  it('books up to the 定員, then the waiting list; a double booking is refused', async () => {
    const x = await session();
    await book(x.id, 0);
    await book(x.id, 1);
    const full = await failure(book(x.id, 2));
    expect(full).toMatchObject({
      status: 409,
      code: 'SESSION_FULL',
      message: 'この日程は定員（2人）に達しています。キャンセル待ちにするか、別の日程を選んでください。',
    });
    const waiting = await book(x.id, 2, { waitIfFull: true });
    expect(waiting.status).toBe('waiting');
    expect((await failure(book(x.id, 0))).message).toBe(
      'この方は既にこの日程を予約しています。予約一覧で確かめてください。',
    );
    expect((await failure(book(x.id, 2, { waitIfFull: true }))).code).toBe('ALREADY_BOOKED');
    expect(await s.reservations.sessions.get(x.id)).toMatchObject({ booked: 2, waiting: 1 });
    const [entry] = await s.audit.list({ action: 'change', limit: 1 });
    expect(entry).toMatchObject({ screen: '日程・予約', residentIds: [people[2]] });
  });

  it('cancels without promoting anybody; promotion checks the 定員 again', async () => {
    const x = await session();
    const a = await book(x.id, 0);
    await book(x.id, 1);
    const w1 = await book(x.id, 2, { waitIfFull: true });
    const w2 = await book(x.id, 3, { waitIfFull: true });
    expect((await failure(s.reservations.promote(actor, w1.id, w1.version))).code).toBe('SESSION_FULL');
    await s.reservations.cancel(actor, a.id, '本人から電話', a.version);
    expect(await s.reservations.sessions.get(x.id)).toMatchObject({ booked: 1, waiting: 2 });
    const stale = await failure(s.reservations.cancel(actor, a.id, '', a.version));
    expect(stale.code).toBe('VERSION_CONFLICT');
    const promoted = await s.reservations.promote(actor, w1.id, w1.version);
    expect(promoted).toMatchObject({ status: 'booked', waitingSince: null });
    expect((await failure(s.reservations.promote(actor, w2.id, w2.version))).code).toBe('SESSION_FULL');
    // a cancelled person may book again
    expect((await book(x.id, 0, { waitIfFull: true })).status).toBe('waiting');
  });

  it('moves a booking in one transaction; a full target leaves it where it was', async () => {
    const from = await session();
    const to = await session({ sessionDate: `${fy}-06-11`, capacity: 1 });
    const b = await book(from.id, 4);
    const moved = await s.reservations.move(actor, b.id, b.version, { sessionId: to.id });
    expect(moved).toMatchObject({ sessionId: to.id, residentId: people[4], status: 'booked' });
    expect((await s.reservations.sessions.get(from.id)).booked).toBe(0);
    const c = await book(from.id, 5);
    const e = await failure(s.reservations.move(actor, c.id, c.version, { sessionId: to.id }));
    expect(e.code).toBe('SESSION_FULL');
    const rows = (await s.reservations.sessions.detail(actor, from.id)).bookings;
    expect(rows.find((r) => r.id === c.id)).toMatchObject({ status: 'booked', version: c.version });
  });

  it('time slots have their own 定員 inside the session', async () => {
    const x = await session({
      capacity: 3,
      slots: [
        { startTime: '09:00', endTime: '10:00', capacity: 1 },
        { startTime: '10:00', endTime: '11:00', capacity: 2 },
      ],
    });
    const [early, late] = x.slots;
    expect((await failure(book(x.id, 0))).message).toContain('時間枠を選んでください');
    await book(x.id, 0, { slotId: early!.id });
    expect((await failure(book(x.id, 1, { slotId: early!.id }))).message).toBe(
      '時間枠 09:00〜10:00 は定員（1人）に達しています。キャンセル待ちにするか、別の時間枠を選んでください。',
    );
    await book(x.id, 1, { slotId: late!.id });
    const current = await s.reservations.sessions.get(x.id);
    const input = {
      purpose,
      fiscalYear: fy,
      programs: ['class'],
      venueId,
      sessionDate: `${fy}-06-10`,
      startTime: '09:00',
      endTime: '12:00',
      capacity: 1,
      slots: [{ startTime: '09:00', endTime: '10:00', capacity: 1, id: early!.id }],
    };
    const e = await failure(s.reservations.sessions.update(actor, x.id, current.version, input));
    expect((e.details as { fields: { message: string }[] }).fields.map((f) => f.message)).toEqual([
      'この日程には2人が予約しています。定員は2人以上にするか、先に予約を別の日程へ移してください。',
      '時間枠 10:00〜11:00 には1人が予約しているため削除できません。先に予約を別の時間枠へ移してください。',
    ]);
    const e2 = await failure(s.reservations.sessions.remove(actor, x.id, current.version));
    expect(e2).toMatchObject({ code: 'IN_USE' });
  });

  it('refuses 中止, 締切 and a passed 締切日 (the last two overridable at the counter)', async () => {
    const x = await session({ cutoffDate: addDays(today(), -1) });
    expect((await failure(book(x.id, 0))).message).toContain('締切日');
    expect((await book(x.id, 0, { override: { cutoff: true } })).status).toBe('booked');
    const closed = await s.reservations.sessions.setStatus(actor, x.id, x.version, 'closed');
    expect(closed.statusLabel).toBe('締切');
    expect((await failure(book(x.id, 1))).message).toContain('受付を締め切っています');
    expect((await book(x.id, 1, { override: { cutoff: true } })).status).toBe('booked');
    const y = await session();
    const cancelled = await s.reservations.sessions.setStatus(actor, y.id, y.version, 'cancelled');
    const e = await failure(book(y.id, 1, { override: { cutoff: true } }));
    expect(e).toMatchObject({
      code: 'SESSION_NOT_OPEN',
      message: 'この日程は中止になりました。別の日程を選んでください。',
    });
    expect(cancelled.status).toBe('cancelled');
  });

  it('receives on the day: 受付 / 欠席, a walk-in beyond the 定員 flagged 定員超過', async () => {
    const x = await session({ capacity: 1 });
    const b = await book(x.id, 6);
    const w = await book(x.id, 7, { waitIfFull: true });
    const arrived = await s.reservations.setReception(
      actor,
      b.id,
      { reception: 'arrived', note: '問診票あり' },
      b.version,
    );
    expect(arrived).toMatchObject({ reception: 'arrived', receptionNote: '問診票あり' });
    expect(arrived.receivedAt).not.toBeNull();
    const noShow = await s.reservations.setReception(
      actor,
      b.id,
      { reception: 'no_show', note: '' },
      arrived.version,
    );
    expect(noShow.reception).toBe('no_show');
    expect(
      (await failure(s.reservations.setReception(actor, w.id, { reception: 'arrived', note: '' }, w.version)))
        .message,
    ).toContain('キャンセル待ちの方は受付できません');
    const walk = await s.reservations.walkIn(actor, x.id, people[8]!, { note: '予約なしで来所' });
    expect(walk).toMatchObject({ walkIn: true, reception: 'arrived', status: 'booked', source: 'walk_in' });
    expect((await failure(s.reservations.walkIn(actor, x.id, people[6]!, { note: '' }))).code).toBe(
      'ALREADY_BOOKED',
    );
    const detail = await s.reservations.sessions.detail(actor, x.id);
    expect(detail.session).toMatchObject({
      booked: 2,
      waiting: 1,
      arrived: 1,
      noShow: 1,
      overCapacity: true,
    });
    const [read] = await s.audit.list({ action: 'view', limit: 1 });
    expect(new Set(read!.residentIds)).toEqual(new Set([people[6], people[7], people[8]]));
  });

  it('makes a 受付名簿 as PDF and CSV (audited)', async () => {
    const x = await session({ capacity: 5 });
    await book(x.id, 9);
    const pdf = await s.reservations.roster(actor, x.id, { format: 'pdf' });
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const { pdfText } = await import('../documents/pdf-text.ts');
    const text = (await pdfText(pdf.body)).join('\n');
    expect(text).toContain('予約 9');
    expect(text).toContain('令和');
    const csv = await s.reservations.roster(actor, x.id, { format: 'csv', encoding: 'utf8' });
    const lines = csv.body
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(lines[0]).toBe('番号,時間枠,宛名番号,氏名,カナ,生年月日,受付,備考');
    expect(lines[1]).toBe('1,,0000000209,予約 9,ケンコウ タロウ,昭和35年5月1日,,');
    const [entry] = await s.audit.list({ action: 'export', limit: 1 });
    expect(entry).toMatchObject({ residentIds: [people[9]] });
  });

  it.each([2, 10])('gives the last place to exactly one of %i parallel bookings', async (n) => {
    const x = await session({ capacity: 2 });
    await book(x.id, 0);
    const results = await Promise.allSettled(Array.from({ length: n }, (_, i) => book(x.id, i + 1)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as AppError] : []));
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(n - 1);
    for (const e of failed)
      expect(e.message).toBe(
        'この日程は定員（2人）に達しています。キャンセル待ちにするか、別の日程を選んでください。',
      );
    expect((await s.reservations.sessions.get(x.id)).booked).toBe(2);
  });
});
