import { describe, expect, it } from 'vitest';
import {
  type BookingAction,
  type BookingStatus,
  bookingRefusal,
  fullness,
  lastBookingDay,
  planIssues,
  reductionIssues,
  transitionRefusal,
} from './rules.ts';

describe('締切日 and session states (bookingRefusal)', () => {
  const s = (o: object = {}) => ({ sessionDate: '2026-06-10', cutoffDate: null, status: 'open', ...o });
  it.each<[string, object, string, object, RegExp | null]>([
    ['open, before the default cut-off', {}, '2026-06-09', {}, null],
    [
      'open, on the session day (default cut-off = the day before)',
      {},
      '2026-06-10',
      {},
      /締切日（2026-06-09）/,
    ],
    ['open, on the session day with the counter override', {}, '2026-06-10', { cutoff: true }, null],
    ['own 締切日 passed', { cutoffDate: '2026-06-01' }, '2026-06-02', {}, /締切日（2026-06-01）/],
    ['own 締切日 reached', { cutoffDate: '2026-06-01' }, '2026-06-01', {}, null],
    ['締切', { status: 'closed' }, '2026-05-01', {}, /締め切っています/],
    ['締切 with the override', { status: 'closed' }, '2026-05-01', { cutoff: true }, null],
    ['中止 (never, even with the override)', { status: 'cancelled' }, '2026-05-01', { cutoff: true }, /中止/],
    ['a past session (never)', {}, '2026-06-11', { cutoff: true }, /既に終わっています/],
  ])('%s', (_l, session, day, override, expected) => {
    const r = bookingRefusal(s(session), day, override);
    if (expected) expect(r).toMatch(expected);
    else expect(r).toBeNull();
  });

  it('lastBookingDay: the 締切日 or the day before', () => {
    expect(lastBookingDay({ sessionDate: '2026-03-01', cutoffDate: null })).toBe('2026-02-28');
    expect(lastBookingDay({ sessionDate: '2026-03-01', cutoffDate: '2026-02-20' })).toBe('2026-02-20');
  });
});

describe('capacity of session and slot (fullness)', () => {
  it.each<
    [string, { capacity: number; booked: number }, { capacity: number; booked: number } | null, string | null]
  >([
    ['room in the session', { capacity: 20, booked: 19 }, null, null],
    ['the last place taken', { capacity: 20, booked: 20 }, null, 'session'],
    ['over (walk-ins)', { capacity: 2, booked: 3 }, null, 'session'],
    ['slot full, session not', { capacity: 20, booked: 5 }, { capacity: 5, booked: 5 }, 'slot'],
    ['both have room', { capacity: 20, booked: 5 }, { capacity: 6, booked: 5 }, null],
    ['session full first', { capacity: 5, booked: 5 }, { capacity: 6, booked: 1 }, 'session'],
  ])('%s', (_l, session, slot, expected) => expect(fullness(session, slot)).toBe(expected));
});

describe('session plan (planIssues, reductionIssues)', () => {
  const plan = (o: object = {}) => ({ startTime: '09:00', endTime: '12:00', capacity: 20, slots: [], ...o });
  it.each<[string, object, string[]]>([
    ['a plain session', {}, []],
    ['end before start', { endTime: '08:00' }, ['終了時刻は開始時刻より後にしてください。']],
    ['capacity 0', { capacity: 0 }, ['定員は1人以上にしてください。']],
    [
      'good slots',
      {
        slots: [
          { startTime: '09:00', endTime: '10:00', capacity: 10 },
          { startTime: '10:00', endTime: '11:00', capacity: 10 },
        ],
      },
      [],
    ],
    [
      'a slot outside the session',
      { slots: [{ startTime: '11:30', endTime: '12:30', capacity: 5 }] },
      ['時間枠 11:30〜12:30は日程の時間（09:00〜12:00）の中にしてください。'],
    ],
    [
      'a slot larger than the session',
      { slots: [{ startTime: '09:00', endTime: '10:00', capacity: 25 }] },
      ['時間枠 09:00〜10:00の定員（25人）が日程の定員（20人）を超えています。'],
    ],
    [
      'overlapping slots',
      {
        slots: [
          { startTime: '09:30', endTime: '10:30', capacity: 5 },
          { startTime: '09:00', endTime: '10:00', capacity: 5 },
        ],
      },
      ['時間枠 09:00〜10:00と時間枠 09:30〜10:30の時間が重なっています。'],
    ],
  ])('%s', (_l, p, messages) => expect(planIssues(plan(p)).map((i) => i.message)).toEqual(messages));

  it('never below the bookings: session, kept slot, removed slot', () => {
    const booked = {
      session: 8,
      slots: [
        { id: 1, label: '09:00〜10:00', booked: 5 },
        { id: 2, label: '10:00〜11:00', booked: 3 },
        { id: 3, label: '11:00〜12:00', booked: 0 },
      ],
    };
    expect(
      reductionIssues(
        { capacity: 7, slots: [{ id: 1, startTime: '09:00', endTime: '10:00', capacity: 4 }] },
        booked,
      ).map((i) => i.message),
    ).toEqual([
      'この日程には8人が予約しています。定員は8人以上にするか、先に予約を別の日程へ移してください。',
      '時間枠 09:00〜10:00 には5人が予約しています。定員は5人以上にしてください。',
      '時間枠 10:00〜11:00 には3人が予約しているため削除できません。先に予約を別の時間枠へ移してください。',
    ]);
    expect(
      reductionIssues(
        {
          capacity: 8,
          slots: [
            { id: 1, startTime: '09:00', endTime: '10:00', capacity: 5 },
            { id: 2, startTime: '10:00', endTime: '11:00', capacity: 3 },
          ],
        },
        booked,
      ),
    ).toEqual([]);
  });
});

describe('booking state transitions', () => {
  const table: [BookingStatus, BookingAction, boolean][] = [
    ['booked', 'cancel', true],
    ['booked', 'move', true],
    ['booked', 'reception', true],
    ['booked', 'promote', false],
    ['waiting', 'cancel', true],
    ['waiting', 'promote', true],
    ['waiting', 'move', true],
    ['waiting', 'reception', false],
    ['cancelled', 'cancel', false],
    ['cancelled', 'promote', false],
    ['cancelled', 'reception', false],
    ['cancelled', 'move', false],
  ];
  it.each(table)('%s → %s allowed: %s', (status, action, allowed) =>
    expect(transitionRefusal(status, action) === null).toBe(allowed),
  );
});
