/**
 * Where an application can go (F02-03〜05): the 集団検診の日程 still open for booking, and the checks that a chosen
 * 医療機関 (個別) or 日程 (集団) takes the programs applied for.
 */
import { formatWareki, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import { bookingRefusal, type ReservationsService } from '../../platform/reservations/index.ts';
import { groupScreeningPurpose } from '../programs/index.ts';
import { type ProgramCode, programLabels } from '../programs/types.ts';

/** A 集団検診 date (or one of its time slots) an application can book, with the places left. */
export type SessionChoice = {
  sessionId: number;
  slotId: number | null;
  sessionDate: string;
  dateLabel: string;
  time: string;
  venue: string;
  programs: string[];
  remaining: number;
};

/** 検診 codes as their names joined with ・ (胃がん・大腸がん). */
export const programNames = (codes: string[]) =>
  codes.map((c) => programLabels[c as ProgramCode] ?? c).join('・');
const names = programNames;

export function applicationPlaces(database: Database, reservations: ReservationsService) {
  /** 集団検診の日程 of the 年度 that can still be booked today, one choice per session or time slot. */
  async function sessionChoices(fy: number) {
    const day = today();
    const sessions = await reservations.sessions.list({ purpose: groupScreeningPurpose, fiscalYear: fy });
    return sessions
      .filter((s) => bookingRefusal(s, day) === null)
      .flatMap((s): SessionChoice[] => {
        const base = {
          sessionId: s.id,
          sessionDate: s.sessionDate,
          dateLabel: `${formatWareki(s.sessionDate)}（${s.weekday}）`,
          venue: s.venueName,
          programs: s.programs,
        };
        if (!s.slots.length)
          return [
            {
              ...base,
              slotId: null,
              time: `${s.startTime}〜${s.endTime}`,
              remaining: Math.max(0, s.capacity - s.booked),
            },
          ];
        return s.slots.map((t) => ({
          ...base,
          slotId: t.id,
          time: `${t.startTime}〜${t.endTime}`,
          remaining: Math.max(0, Math.min(t.capacity - t.booked, s.capacity - s.booked)),
        }));
      });
  }

  /** 個別: the institution must exist, be in use and accept the programs. */
  async function checkInstitution(id: number, programs: string[]) {
    const [i] = await database.query<{ name: string; active: boolean; programs: string[] }>(
      'SELECT name, active, programs FROM medical_institutions WHERE id = $1',
      [id],
    );
    if (!i) throw badRequest('医療機関が見つかりません。一覧から選び直してください。');
    if (!i.active)
      throw badRequest(`医療機関「${i.name}」は現在使われていません。別の医療機関を選んでください。`);
    const not = programs.filter((p) => !i.programs.includes(p));
    if (not.length)
      throw badRequest(
        `医療機関「${i.name}」では${names(not)}を実施していません。別の医療機関を選ぶか、医療機関を空欄にしてください。`,
      );
  }

  async function checkSession(sessionId: number, programs: string[]) {
    const s = await reservations.sessions.get(sessionId);
    if (s.purpose !== groupScreeningPurpose)
      throw badRequest('選んだ日程は集団検診の日程ではありません。日程を選び直してください。');
    const not = programs.filter((p) => !s.programs.includes(p));
    if (not.length)
      throw badRequest(
        `${formatWareki(s.sessionDate)}の${s.venueName}の日程では${names(not)}を実施しません。別の日程を選ぶか、検診を分けて申し込んでください。`,
      );
  }

  return { sessionChoices, checkInstitution, checkSession };
}
