/**
 * 健診対象児の抽出 (F07-03 step 1) over the platform extraction engine: the children born so that they reach
 * 生後`inviteAtMonths`月 in the period (invitation-rules.ts dueFor), each with the group session allocated
 * (集団健診, invitation-rules.ts allocate over the checkup's sessions of the reservations engine) or a 受診票番号
 * (個別健診). The allocation needs every child at once, so the source reads them all first (a month's births of
 * a city) and the engine then walks them in 宛名 id order.
 */
import { addMonthsClamped, naiveAge } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { EntryDraft, ExtractionSource } from '../../platform/extraction/engine.ts';
import type { ReservationPurpose } from '../../platform/reservations/index.ts';
import { type InfantCheckup, infantCheckupOf } from './checkups.ts';
import {
  allocate,
  type Due,
  dueFor,
  type Period,
  type SessionSlot,
  ticketNumber,
} from './invitation-rules.ts';

/** The purpose of the reservations engine's sessions of 乳幼児健診 (programs = the checkup code). */
export const infantSessionPurpose = 'infant.checkup';

/**
 * The reservations purpose of 乳幼児健診 sessions, with its check (the programs are checkup codes). Registered by the
 * invitations (F07-03) and by the results (F07-05, which stand on their own); registering twice is harmless.
 */
export const infantSessionPurposeDef: ReservationPurpose = {
  code: infantSessionPurpose,
  label: '乳幼児健診',
  check: async (v) =>
    v.programs
      .filter((p) => !infantCheckupOf(p))
      .map((p) => ({
        path: 'programs',
        message: `乳幼児健診「${p}」はありません。健診を選び直してください。`,
      })),
};

/** A list's settings: the checkup, 集団 or 個別, and the period in which the children reach the age. */
export type InvitationSettings = {
  kind: 'infant.invitation';
  checkup: string;
  mode: 'group' | 'individual';
  from: string;
  to: string;
};

/** What an entry carries (shown on the list, printed on the letter). */
export type InvitationDetail = {
  invitedAt: string;
  windowFrom: string;
  windowTo: string;
  mode: 'group' | 'individual';
  sessionId: number | null;
  sessionDate: string;
  startTime: string;
  endTime: string;
  venue: string;
  ticketNo: string;
};

type Candidate = { residentId: number; birthDate: string; householdNo: string | null; hasResult: boolean };

export type InfantSession = SessionSlot & { startTime: string; endTime: string; venue: string };

/** The open sessions of a checkup from a day on, with their bookings (the engine's, whatever their source). */
export async function checkupSessions(
  database: Database,
  code: string,
  from: string,
): Promise<InfantSession[]> {
  const rows = await database.query<{
    id: number;
    session_date: string;
    start_time: string;
    end_time: string;
    capacity: number;
    venue: string;
    booked: number;
  }>(
    `SELECT s.id, s.session_date, s.start_time, s.end_time, s.capacity, v.name AS venue,
       (SELECT count(*)::int FROM bookings b WHERE b.session_id = s.id AND b.status = 'booked') AS booked
     FROM reservation_sessions s JOIN venues v ON v.id = s.venue_id
     WHERE s.purpose = $1 AND $2 = ANY(s.programs) AND s.status = 'open' AND s.session_date >= $3
     ORDER BY s.session_date, s.start_time, s.id`,
    [infantSessionPurpose, code, from],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    date: r.session_date,
    startTime: r.start_time,
    endTime: r.end_time,
    capacity: r.capacity,
    venue: r.venue,
    booked: Number(r.booked),
  }));
}

async function candidates(database: Database, c: InfantCheckup, s: InvitationSettings): Promise<Candidate[]> {
  // a superset of the births reaching 生後N月 in the period; dueFor decides
  const bornFrom = addMonthsClamped(s.from, -c.inviteAtMonths - 1);
  const bornTo = addMonthsClamped(s.to, -c.inviteAtMonths + 1);
  const rows = await database.query<{
    id: number;
    birth_date: string;
    household_no: string | null;
    has_result: boolean;
  }>(
    `SELECT r.id, r.birth_date, r.household_no,
       EXISTS (SELECT 1 FROM infant_checkup_results x WHERE x.child_resident_id = r.id AND x.checkup = $3) AS has_result
     FROM residents r
     WHERE r.birth_date BETWEEN $1 AND $2 AND r.status IN ('resident', 'non_registered')
     ORDER BY r.id`,
    [bornFrom, bornTo, c.code],
  );
  return rows.map((r) => ({
    residentId: Number(r.id),
    birthDate: r.birth_date,
    householdNo: r.household_no,
    hasResult: r.has_result,
  }));
}

/** The extraction source of a list (its id numbers the 受診票). */
export async function invitationSource(
  database: Database,
  listId: number,
  fiscalYear: number,
  c: InfantCheckup,
  s: InvitationSettings,
): Promise<ExtractionSource<Candidate>> {
  const period: Period = { from: s.from, to: s.to };
  const all = await candidates(database, c, s);
  const due = new Map<number, Due & Candidate>();
  for (const x of all) {
    const d = dueFor(c, x.birthDate, period, x.hasResult);
    if (d) due.set(x.residentId, { ...d, ...x });
  }
  const sessions = s.mode === 'group' ? await checkupSessions(database, c.code, s.from) : [];
  const byId = new Map(sessions.map((x) => [x.id, x]));
  const placed = new Map(
    s.mode === 'group'
      ? allocate(
          [...due.values()].map((d) => ({
            residentId: d.residentId,
            invitedAt: d.invitedAt,
            window: d.window,
            householdNo: d.householdNo,
          })),
          sessions,
        ).map((p) => [p.residentId, p.sessionId])
      : [],
  );
  const seq = new Map([...due.keys()].map((id, i) => [id, i + 1]));
  const ids = all.map((x) => x.residentId);

  return {
    count: async () => ids.length,
    lastId: async () => (ids.length ? ids[ids.length - 1]! : 0),
    batch: async (afterId, upTo) => all.filter((x) => x.residentId > afterId && x.residentId <= upTo),
    evaluate(x): EntryDraft | null {
      const d = due.get(x.residentId);
      if (!d) return null;
      const session = byId.get(placed.get(x.residentId) ?? -1);
      const details: InvitationDetail = {
        invitedAt: d.invitedAt,
        windowFrom: d.window.from,
        windowTo: d.window.to,
        mode: s.mode,
        sessionId: session?.id ?? null,
        sessionDate: session?.date ?? '',
        startTime: session?.startTime ?? '',
        endTime: session?.endTime ?? '',
        venue: session?.venue ?? '',
        ticketNo:
          s.mode === 'individual' ? ticketNumber(c.code, fiscalYear, listId, seq.get(x.residentId)!) : '',
      };
      const unplaced = s.mode === 'group' && !session;
      return {
        residentId: x.residentId,
        programs: [c.code],
        coupons: [],
        details,
        age: naiveAge(x.birthDate, s.from),
        included: !unplaced,
        exclusionReason: unplaced ? 'auto:no_session' : null,
      };
    },
  };
}
