/**
 * 集団検診の日程割当 (F02-01: "for group checkups, dates may be allocated"): people who asked for a 集団検診
 * without choosing a date get the earliest session that screens all their programs and still has room.
 * People go in address order (郵便番号, 住所), so neighbours share a date. Pure: the service loads and saves.
 */

export type AllocationPerson = {
  residentId: number;
  /** the programs the person asked for: a session must screen all of them */
  programs: readonly string[];
  /** 郵便番号 + 住所 key: the order people are given dates in */
  sortKey: string;
};

export type AllocationSession = {
  id: number;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  startTime: string;
  venueId: number;
  programs: readonly string[];
  capacity: number;
  /** bookings already made (by hand, import or an earlier allocation) */
  booked: number;
};

export type AllocationOptions = {
  /** sessions on or after this day (YYYY-MM-DD) */
  fromDate: string;
  /** only the sessions at this venue */
  venueId?: number | null;
};

/** no_session: no session screens all the programs; full: those that do have no room left */
export type UnassignedReason = 'no_session' | 'full';

export type SessionTally = { sessionId: number; capacity: number; booked: number; assigned: number };

export type Allocation = {
  assignments: { residentId: number; sessionId: number }[];
  unassigned: { residentId: number; reason: UnassignedReason }[];
  /** every session taken into account, earliest first */
  bySession: SessionTally[];
};

/** Code-unit order (like COLLATE "C"): the same on every machine, whatever the locale. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const sessionOrder = (a: AllocationSession, b: AllocationSession) =>
  compareText(a.date, b.date) || compareText(a.startTime, b.startTime) || a.id - b.id;

/**
 * Gives each person the earliest session (date, start time, id) on or after `fromDate` — at the venue, when
 * one is given — that screens all their programs and has room (定員 − 既予約 − given so far). The result
 * depends only on the input, not on its order.
 */
export function allocateSessions(
  people: readonly AllocationPerson[],
  sessions: readonly AllocationSession[],
  options: AllocationOptions,
): Allocation {
  const open = sessions
    .filter((s) => s.date >= options.fromDate && (options.venueId == null || s.venueId === options.venueId))
    .sort(sessionOrder);
  const bySession = open.map((s) => ({
    sessionId: s.id,
    capacity: s.capacity,
    booked: s.booked,
    assigned: 0,
  }));
  const assignments: Allocation['assignments'] = [];
  const unassigned: Allocation['unassigned'] = [];
  const queue = [...people].sort((a, b) => compareText(a.sortKey, b.sortKey) || a.residentId - b.residentId);
  for (const person of queue) {
    let fits = false;
    const i = open.findIndex((s, j) => {
      if (!person.programs.every((p) => s.programs.includes(p))) return false;
      fits = true;
      const t = bySession[j]!;
      return t.booked + t.assigned < t.capacity;
    });
    if (i < 0) {
      unassigned.push({ residentId: person.residentId, reason: fits ? 'full' : 'no_session' });
      continue;
    }
    bySession[i]!.assigned++;
    assignments.push({ residentId: person.residentId, sessionId: open[i]!.id });
  }
  return { assignments, unassigned, bySession };
}
