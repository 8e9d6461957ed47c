/**
 * The reservations engine (予約管理): 実施日程 with time slots and 定員, bookings with the waiting list, moves
 * and 当日受付, and the 受付名簿. Businesses (成人保健の集団検診, later 相談・教室・訪問・乳幼児健診) register a
 * purpose for their sessions and hooks for the bookings they own.
 */
import type { Actor, AuditService } from '../audit/service.ts';
import { today } from '../calendar/index.ts';
import type { CsvEncoding } from '../csv/export.ts';
import type { Database } from '../db/connect.ts';
import type { Sender } from '../documents/types.ts';
import { type BookingSourceHooks, reservationBookings } from './bookings.ts';
import { reservationsRepository } from './repository.ts';
import { rosterCsv, rosterFileName, rosterPayload, rosterTemplate } from './roster.ts';
import { type ReservationPurpose, reservationSessions } from './sessions.ts';

export function reservationsService(deps: {
  database: Database;
  audit: AuditService;
  /** 自治体設定 (the documents engine's context) */
  sender: () => Promise<Sender>;
}) {
  const { database, audit } = deps;
  const repo = reservationsRepository(database);
  const purposes = new Map<string, ReservationPurpose>();
  const sources = new Map<string, BookingSourceHooks>();
  const sessions = reservationSessions({ database, audit, repo, purposes });
  const bookings = reservationBookings({ database, audit, repo, sessions, sources });

  return {
    /** A business that owns sessions (its label and own checks of a session). */
    registerPurpose(p: ReservationPurpose): void {
      purposes.set(p.code, p);
    },
    /** What the owner of bookings made with `source` does when staff cancel or move one. */
    registerSource(source: string, hooks: BookingSourceHooks): void {
      sources.set(source, hooks);
    },
    purposes: () => [...purposes.values()].map((p) => ({ code: p.code, label: p.label })),
    sessions,
    ...bookings,

    /** 受付名簿 as PDF or CSV; the output is audited with the ids of the people on it. */
    async roster(
      actor: Actor,
      id: number,
      o: { format: 'pdf' } | { format: 'csv'; encoding: CsvEncoding },
    ): Promise<{ body: Buffer; fileName: string; unmappable: string[] }> {
      const session = await sessions.get(id);
      const rows = await repo.bookingsOf(id);
      const payload = rosterPayload(session, rows);
      let out: { body: Buffer; unmappable: string[] };
      if (o.format === 'csv') out = rosterCsv(payload.lines, o.encoding);
      else {
        const { renderToBuffer } = await import('../documents/renderer.ts');
        const item = {
          seq: 1,
          recipient: { postalCode: '', address: '', addressExtra: '', name: '' },
          payload,
        };
        const body = await renderToBuffer(rosterTemplate, [item], {
          sender: await deps.sender(),
          issueDate: today(),
        });
        out = { body, unmappable: [] };
      }
      await audit.record(actor, {
        action: o.format === 'csv' ? 'export' : 'print',
        screen: '日程・予約',
        residentIds: rows.filter((b) => b.status !== 'cancelled').map((b) => b.residentId),
        summary: `受付名簿（${o.format.toUpperCase()}） ${session.sessionDate} ${session.venueName}`,
        detail: { sessionId: id },
      });
      return { ...out, fileName: `${rosterFileName(session)}.${o.format}` };
    },
  };
}

export type ReservationsService = ReturnType<typeof reservationsService>;
