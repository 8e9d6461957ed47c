import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import type { ProgramCode } from '../programs/types.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
/** next 年度: its sessions are always ahead, whatever day the tests run */
const fy = fiscalYearOf(today()) + 1;

describe('集団検診の日程割当 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;
  const session: Record<'s1' | 's2' | 's3', number> = { s1: 0, s2: 0, s3: 0 };
  const venue: Record<'north' | 'south', number> = { north: 0, south: 0 };
  const who = (n: number) => ids.get(`00000001${String(n).padStart(2, '0')}`)!;

  async function answer(n: number, programs: ProgramCode[], o: { group: boolean; sessionId?: number }) {
    await s.adult.preferences.register(actor, fy, {
      residentId: who(n),
      programs,
      wantsGroup: o.group,
      sessionId: o.sessionId ?? null,
      channel: 'paper',
      answeredOn: today(),
      note: '',
    });
  }
  const sessionOf = async (n: number) => (await s.adult.preferences.get(actor, fy, who(n)))?.sessionId;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(
      s,
      Array.from({ length: 9 }, (_, i) => ({
        atenaNo: `00000001${String(i + 1).padStart(2, '0')}`,
        name: `割当 ${i + 1}`,
        birthDate: '1960-05-01',
        sex: '2' as const,
      })),
    );
    for (const [key, code, name] of [
      ['north', 'N', '北部公民館'],
      ['south', 'S', '南部公民館'],
    ] as const) {
      const [v] = await s.database.query<{ id: number }>(
        'INSERT INTO venues (code, name) VALUES ($1, $2) RETURNING id',
        [code, name],
      );
      venue[key] = Number(v!.id);
    }
    for (const [key, date, programs, at, capacity] of [
      ['s1', `${fy}-06-10`, '{stomach,lung}', venue.north, 2],
      ['s2', `${fy}-06-20`, '{stomach}', venue.south, 3],
      ['s3', `${fy}-07-01`, '{breast}', venue.north, 5],
    ] as const) {
      const [row] = await s.database.query<{ id: number }>(
        `INSERT INTO reservation_sessions (fiscal_year, programs, venue_id, session_date, start_time, end_time, capacity)
         VALUES ($1, $2, $3, $4, '09:00', '11:00', $5) RETURNING id`,
        [fy, programs, at, date, capacity],
      );
      session[key] = Number(row!.id);
    }
    await answer(1, ['stomach'], { group: true, sessionId: session.s1 }); // booked by hand
    for (const n of [2, 3, 4]) await answer(n, ['stomach'], { group: true });
    await answer(5, ['stomach', 'breast'], { group: true }); // no session screens both
    await answer(6, ['lung'], { group: false }); // 個別
    await answer(7, ['lung'], { group: true });
  });
  afterAll(async () => drop());

  it('previews without saving: counts per session and who cannot be given a date, with the reason', async () => {
    const p = await s.adult.allocation.previewAllocation(actor, fy, {});
    expect(p).toMatchObject({ waiting: 5, assigned: 3, venueId: null });
    expect(p.sessions.map((x) => [x.id, x.capacity, x.booked, x.assigned])).toEqual([
      [session.s1, 2, 1, 1],
      [session.s2, 3, 0, 2],
      [session.s3, 5, 0, 0],
    ]);
    expect(p.unassigned).toEqual([
      {
        residentId: who(5),
        atenaNo: '0000000105',
        name: '割当 5',
        programs: ['stomach', 'breast'],
        reason: 'no_session',
      },
      { residentId: who(7), atenaNo: '0000000107', name: '割当 7', programs: ['lung'], reason: 'full' },
    ]);
    expect(await sessionOf(2)).toBeNull();
  });

  it('filters by venue and from-date; refuses a from-date before tomorrow', async () => {
    const north = await s.adult.allocation.previewAllocation(actor, fy, { venueId: venue.north });
    expect(north.sessions.map((x) => x.id)).toEqual([session.s1, session.s3]);
    expect(north.assigned).toBe(1);
    const later = await s.adult.allocation.previewAllocation(actor, fy, { fromDate: `${fy}-06-11` });
    expect(later.sessions.map((x) => x.id)).toEqual([session.s2, session.s3]);
    expect(later.unassigned.map((u) => [u.residentId, u.reason])).toEqual([
      [who(5), 'no_session'],
      [who(7), 'no_session'],
    ]);
    await expect(s.adult.allocation.previewAllocation(actor, fy, { fromDate: today() })).rejects.toThrow(
      /明日以降/,
    );
  });

  it('applies in address order, bumps the version and audits every changed answer', async () => {
    const before = await s.adult.preferences.get(actor, fy, who(2));
    const r = await s.adult.allocation.applyAllocation(actor, fy, {});
    expect(r.assigned).toBe(3);
    expect(await sessionOf(2)).toBe(session.s1);
    expect(await sessionOf(3)).toBe(session.s2);
    expect(await sessionOf(4)).toBe(session.s2);
    expect(await sessionOf(5)).toBeNull();
    expect(await sessionOf(6)).toBeNull();
    expect((await s.adult.preferences.get(actor, fy, who(2)))?.version).toBe(Number(before!.version) + 1);
    const [entry] = await s.audit.list({ action: 'change', limit: 1 });
    expect(entry).toMatchObject({ screen: '成人保健 受診希望', residentCount: 3 });
    expect(entry!.residentIds).toEqual([who(2), who(3), who(4)]);
  });

  it('a second run gives nobody a new date', async () => {
    const again = await s.adult.allocation.applyAllocation(actor, fy, {});
    expect(again).toMatchObject({ waiting: 2, assigned: 0 });
    expect(again.sessions.map((x) => [x.booked, x.assigned])).toEqual([
      [2, 0],
      [2, 0],
      [0, 0],
    ]);
  });

  it('counts the bookings made since: only the room left is given', async () => {
    await answer(8, ['stomach'], { group: true });
    await answer(9, ['stomach'], { group: true });
    const r = await s.adult.allocation.applyAllocation(actor, fy, {});
    expect(r.assigned).toBe(1);
    expect(await sessionOf(8)).toBe(session.s2);
    expect(await sessionOf(9)).toBeNull();
    expect(r.unassigned.find((u) => u.residentId === who(9))?.reason).toBe('full');
    const [{ n }] = (await s.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM screening_preferences WHERE session_id = $1',
      [session.s2],
    )) as [{ n: number }];
    expect(n).toBe(3);
  });

  it('keeps a booked session 集団 (check constraint)', async () => {
    await expect(
      s.database.query('UPDATE screening_preferences SET wants_group = false WHERE resident_id = $1', [
        who(2),
      ]),
    ).rejects.toThrow(/screening_preferences_session_group_check/);
  });
});
