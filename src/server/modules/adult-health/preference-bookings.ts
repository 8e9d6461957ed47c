/**
 * A 受診希望 with a 集団検診 date is a booking of the reservations engine (source 'adult-health.preference',
 * source_ref = screening_preferences.id). The answer's session_id always equals its active booking: saving an
 * answer re-books in the same transaction, and staff cancelling or moving the booking on the reception screen
 * update the answer.
 */
import type { Actor } from '../../platform/audit/service.ts';
import type { SqlTransaction } from '../../platform/db/connect.ts';
import type { ReservationsService } from '../../platform/reservations/index.ts';
import { groupScreeningPurpose } from '../programs/index.ts';

export const preferenceSource = 'adult-health.preference';

export type GroupSession = {
  id: number;
  session_date: string;
  start_time: string;
  end_time: string;
  capacity: number;
  programs: string[];
  venue_id: number;
  venue: string;
  cutoff_date: string | null;
  status: string;
};

/** 集団検診の日程 of the 年度 ($1) that are not 中止: what an answer can book. */
export const groupSessionSql = `SELECT s.id, s.session_date, s.start_time, s.end_time, s.capacity, s.programs,
    s.venue_id, v.name AS venue, s.cutoff_date, s.status
  FROM reservation_sessions s JOIN venues v ON v.id = s.venue_id
  WHERE s.fiscal_year = $1 AND s.purpose = '${groupScreeningPurpose}' AND s.status <> 'cancelled'`;

/** The session as the engine's rules read it (締切日, 状態). */
export const sessionOf = (s: GroupSession) => ({
  sessionDate: s.session_date,
  cutoffDate: s.cutoff_date,
  status: s.status,
});

export function preferenceBookings(reservations: ReservationsService) {
  reservations.registerSource(preferenceSource, {
    async cancelled(tx, b) {
      await tx.query(
        `UPDATE screening_preferences SET session_id = NULL, version = version + 1, updated_at = now()
         WHERE id = $1 AND session_id = $2`,
        [b.sourceRef, b.sessionId],
      );
    },
    async moved(tx, from, to) {
      await tx.query(
        `UPDATE screening_preferences SET session_id = $3, version = version + 1, updated_at = now()
         WHERE id = $1 AND session_id = $2`,
        [from.sourceRef, from.sessionId, to.sessionId],
      );
    },
  });

  return {
    /** The answer's booking follows its session: the old one cancelled, the new one booked (on `tx`'s lock). */
    async rebook(
      tx: SqlTransaction,
      actor: Actor,
      v: { residentId: number; sessionId: number | null; answeredOn: string },
      preferenceId: number,
      previous: number | null,
    ): Promise<void> {
      if (previous === v.sessionId) return;
      if (previous !== null) await reservations.cancelActive(tx, previous, v.residentId, '受診希望の変更');
      if (v.sessionId !== null)
        await reservations.book(
          actor,
          {
            sessionId: v.sessionId,
            residentId: v.residentId,
            source: preferenceSource,
            sourceRef: preferenceId,
            asOf: v.answeredOn,
          },
          tx,
        );
    },
  };
}
