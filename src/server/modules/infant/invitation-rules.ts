/**
 * 乳幼児健診の案内 rules (F07-03, maternal-child-vaccination-pmh.md §1.2 生後N月, §4.6 乳幼児健康診査): who is due
 * for a checkup in a period, the allocation of the due children to the checkup's group sessions (集団健診), and
 * the 受診票番号 of an individual checkup (個別健診, 医療機関). Pure: the services and the tests use them alike.
 */
import { reachMonths } from '../../platform/calendar/index.ts';
import type { InfantCheckup } from './checkups.ts';

export type Period = { from: string; to: string };

/**
 * 生後N月に至った日 (§1.2): the day before the N-month 応当日, or the last day of that month when it has none.
 * 生後0月 is the birth date itself (the 1か月児 checkup is invited at birth).
 */
export const ageReachedOn = (birth: string, months: number): string =>
  months === 0 ? birth : reachMonths(birth, months);

/** The checkup's window (§4.6 with §1.2): [生後`fromMonths`月に至った日, 生後`toMonths`月に至るまで]. */
export function checkupWindow(c: Pick<InfantCheckup, 'fromMonths' | 'toMonths'>, birth: string): Period {
  return { from: ageReachedOn(birth, c.fromMonths), to: reachMonths(birth, c.toMonths) };
}

export type Due = { invitedAt: string; window: Period };

/**
 * Due for an invitation in `period`: reaches 生後`inviteAtMonths`月 within it, is still within the checkup's
 * window when the period starts, and has no result of the checkup yet. null: not on the list.
 */
export function dueFor(c: InfantCheckup, birth: string, period: Period, hasResult: boolean): Due | null {
  if (hasResult) return null;
  const invitedAt = ageReachedOn(birth, c.inviteAtMonths);
  if (invitedAt < period.from || invitedAt > period.to) return null;
  const window = checkupWindow(c, birth);
  if (window.to < period.from) return null;
  return { invitedAt, window };
}

export type SessionSlot = { id: number; date: string; capacity: number; booked: number };
export type ChildToPlace = {
  residentId: number;
  window: Period;
  invitedAt: string;
  householdNo: string | null;
};
export type Placement = { residentId: number; sessionId: number | null; reason: string | null };

/** The reason of a child left without a session. */
export const noSessionReason = 'no_session';
export const noSessionLabel = '受診できる日程に空きがありません';

/**
 * 集団健診の日程割当: children in the order they reach the age (the month they reach it first), each household's
 * children of the checkup together (twins, siblings), into the earliest session within every one's window
 * (§4.6: 1歳6か月 = 満1歳6か月を超え…) that still has room for all of them. Sessions are not overbooked.
 */
export function allocate(children: ChildToPlace[], sessions: SessionSlot[]): Placement[] {
  const room = new Map(sessions.map((s) => [s.id, Math.max(0, s.capacity - s.booked)]));
  const ordered = [...sessions].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
  const units = new Map<string, ChildToPlace[]>();
  const sorted = [...children].sort((a, b) =>
    a.invitedAt === b.invitedAt ? a.residentId - b.residentId : a.invitedAt < b.invitedAt ? -1 : 1,
  );
  for (const c of sorted) {
    const key = c.householdNo ? `h:${c.householdNo}` : `r:${c.residentId}`;
    units.set(key, [...(units.get(key) ?? []), c]);
  }
  const out: Placement[] = [];
  for (const unit of units.values()) {
    const from = unit.reduce((m, c) => (c.window.from > m ? c.window.from : m), '');
    const to = unit.reduce((m, c) => (c.window.to < m ? c.window.to : m), '9999-12-31');
    const s = ordered.find((x) => x.date >= from && x.date <= to && (room.get(x.id) ?? 0) >= unit.length);
    if (s) room.set(s.id, room.get(s.id)! - unit.length);
    for (const c of unit)
      out.push({ residentId: c.residentId, sessionId: s?.id ?? null, reason: s ? null : noSessionReason });
  }
  return out;
}

/** Modulus 10 weights 3·1 (as on JAN codes): the check digit of the digits of a 受診票番号. */
export function checkDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++)
    sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/**
 * 受診票番号 of an individual checkup: the checkup code, the 年度, the list and the child's place on it, and a
 * check digit — 「Y1H-2026-0012-0034-7」. Unique: one list gives each child one place.
 */
export function ticketNumber(code: string, fiscalYear: number, listId: number, seq: number): string {
  const list = String(listId).padStart(4, '0');
  const n = String(seq).padStart(4, '0');
  return `${code.toUpperCase()}-${fiscalYear}-${list}-${n}-${checkDigit(`${fiscalYear}${list}${n}`)}`;
}

/** Whether a typed 受診票番号 is well formed and its check digit right. */
export function validTicketNumber(no: string): boolean {
  const m = /^[A-Z0-9]+-(\d{4})-(\d{4,})-(\d{4,})-(\d)$/.exec(no);
  return !!m && checkDigit(`${m[1]}${m[2]}${m[3]}`) === Number(m[4]);
}
