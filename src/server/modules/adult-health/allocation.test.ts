import { describe, expect, it } from 'vitest';
import {
  type Allocation,
  type AllocationOptions,
  type AllocationPerson,
  type AllocationSession,
  allocateSessions,
} from './allocation.ts';

const session = (
  id: number,
  date: string,
  programs: string[],
  over: Partial<AllocationSession> = {},
): AllocationSession => ({
  id,
  date,
  startTime: '09:00',
  venueId: 1,
  programs,
  capacity: 2,
  booked: 0,
  ...over,
});

const person = (residentId: number, programs: string[], sortKey = `1234567\u0000${residentId}`) => ({
  residentId,
  programs,
  sortKey,
});

const from = { fromDate: '2026-07-01' };

type Case = {
  name: string;
  people: AllocationPerson[];
  sessions: AllocationSession[];
  options?: AllocationOptions;
  expected: Partial<Allocation>;
};

const cases: Case[] = [
  {
    name: 'fills the earliest session up to its capacity exactly, then the next',
    people: [person(1, ['stomach']), person(2, ['stomach']), person(3, ['stomach'])],
    sessions: [session(20, '2026-07-20', ['stomach']), session(10, '2026-07-10', ['stomach', 'lung'])],
    expected: {
      assignments: [
        { residentId: 1, sessionId: 10 },
        { residentId: 2, sessionId: 10 },
        { residentId: 3, sessionId: 20 },
      ],
      unassigned: [],
      bySession: [
        { sessionId: 10, capacity: 2, booked: 0, assigned: 2 },
        { sessionId: 20, capacity: 2, booked: 0, assigned: 1 },
      ],
    },
  },
  {
    name: 'counts bookings already made against the capacity',
    people: [person(1, ['stomach']), person(2, ['stomach'])],
    sessions: [session(10, '2026-07-10', ['stomach'], { booked: 1 }), session(20, '2026-07-20', ['stomach'])],
    expected: {
      assignments: [
        { residentId: 1, sessionId: 10 },
        { residentId: 2, sessionId: 20 },
      ],
    },
  },
  {
    name: 'a session must screen all the programs the person asked for',
    people: [person(1, ['stomach', 'breast']), person(2, ['stomach', 'lung'])],
    sessions: [session(10, '2026-07-10', ['stomach', 'lung']), session(20, '2026-07-20', ['breast'])],
    expected: {
      assignments: [{ residentId: 2, sessionId: 10 }],
      unassigned: [{ residentId: 1, reason: 'no_session' }],
    },
  },
  {
    name: 'all fitting sessions full',
    people: [person(1, ['lung']), person(2, ['lung'])],
    sessions: [
      session(10, '2026-07-10', ['lung'], { capacity: 3, booked: 3 }),
      session(20, '2026-07-20', ['lung'], { capacity: 1 }),
      session(30, '2026-07-30', ['breast']),
    ],
    expected: {
      assignments: [{ residentId: 1, sessionId: 20 }],
      unassigned: [{ residentId: 2, reason: 'full' }],
    },
  },
  {
    name: 'sessions before the from-date are ignored (a session on that day counts)',
    people: [person(1, ['lung']), person(2, ['lung']), person(3, ['lung'])],
    sessions: [
      session(5, '2026-06-30', ['lung'], { capacity: 10 }),
      session(10, '2026-07-01', ['lung'], { capacity: 1 }),
    ],
    expected: {
      assignments: [{ residentId: 1, sessionId: 10 }],
      unassigned: [
        { residentId: 2, reason: 'full' },
        { residentId: 3, reason: 'full' },
      ],
      bySession: [{ sessionId: 10, capacity: 1, booked: 0, assigned: 1 }],
    },
  },
  {
    name: 'no session at all: every person without a session',
    people: [person(1, ['lung'])],
    sessions: [session(5, '2026-06-30', ['lung'])],
    expected: { assignments: [], unassigned: [{ residentId: 1, reason: 'no_session' }], bySession: [] },
  },
  {
    name: 'neighbours first: in 郵便番号・住所 order, then by id, whatever the input order',
    people: [
      person(1, ['lung'], '1230002\u0000中央2丁目'),
      person(2, ['lung'], '1230001\u0000北1丁目'),
      person(4, ['lung'], '1230001\u0000北1丁目'),
      person(3, ['lung'], '1230001\u0000北1丁目'),
    ],
    sessions: [
      session(20, '2026-07-10', ['lung'], { startTime: '13:00' }),
      session(10, '2026-07-10', ['lung']),
    ],
    expected: {
      assignments: [
        { residentId: 2, sessionId: 10 },
        { residentId: 3, sessionId: 10 },
        { residentId: 4, sessionId: 20 },
        { residentId: 1, sessionId: 20 },
      ],
    },
  },
  {
    name: 'venue filter: only the sessions at the chosen venue',
    people: [person(1, ['lung']), person(2, ['lung'])],
    sessions: [
      session(10, '2026-07-10', ['lung'], { venueId: 7 }),
      session(20, '2026-07-20', ['lung'], { venueId: 8, capacity: 1 }),
    ],
    options: { fromDate: '2026-07-01', venueId: 8 },
    expected: {
      assignments: [{ residentId: 1, sessionId: 20 }],
      unassigned: [{ residentId: 2, reason: 'full' }],
      bySession: [{ sessionId: 20, capacity: 1, booked: 0, assigned: 1 }],
    },
  },
];

describe('allocateSessions (集団検診の日程割当)', () => {
  it.each(cases)('$name', ({ people, sessions, options, expected }) => {
    expect(allocateSessions(people, sessions, options ?? from)).toMatchObject(expected);
  });

  it('is deterministic: shuffled input gives the same allocation', () => {
    const people = Array.from({ length: 30 }, (_, i) =>
      person(i + 1, i % 3 ? ['lung'] : ['lung', 'stomach'], `12300${i % 4}\u0000${i}`),
    );
    const sessions = [
      session(1, '2026-07-10', ['lung', 'stomach'], { capacity: 7 }),
      session(2, '2026-07-11', ['lung'], { capacity: 9, booked: 2 }),
      session(3, '2026-07-12', ['lung', 'stomach'], { capacity: 8 }),
    ];
    const first = allocateSessions(people, sessions, from);
    for (let n = 0; n < 5; n++) {
      const shuffled = [...people].sort(() => Math.random() - 0.5);
      expect(allocateSessions(shuffled, [...sessions].reverse(), from)).toEqual(first);
    }
    expect(first.assignments).toHaveLength(22);
    expect(first.unassigned.map((u) => u.reason)).toEqual(Array(8).fill('full'));
  });
});
