/**
 * One person's 受診票（券） now, with a send record (the mailings engine's one-person path): the 再発行 of a
 * lost ticket or the first issue to a mover-in (all programs the person is due this 年度), and the ticket of an
 * application (個別受付, exactly the applied programs, with the booked session or the chosen institution).
 */

import type { Actor } from '../../platform/audit/service.ts';
import { today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest, notFound } from '../../platform/errors/app-error.ts';
import type { ReissueRequest } from '../../platform/mailings/ports.ts';
import type { SendMethod } from '../../platform/mailings/types.ts';
import type { ProgramSettings } from '../programs/types.ts';
import { judge, toEntry } from './extraction.ts';
import { activeFeeExemptions } from './fee-exemptions.ts';
import { type TicketPayload, ticketPayload } from './payloads.ts';
import { adultHealthRepository } from './repository.ts';

/** The mailings purpose of the 受診票（券）. */
export const ticketPurpose = 'adult-health.ticket';

/** The ticket as printed: an application's ticket also names the 医療機関 chosen for a 個別検診. */
export type IssuedTicket = TicketPayload & { institution?: string };

export type { ReissueRequest };

export type TicketIssueDeps<R> = {
  database: Database;
  programSettings: (fy: number) => Promise<ProgramSettings[]>;
  /** the mailings engine's reissue (PDF + send record) */
  reissue: (actor: Actor, v: ReissueRequest) => Promise<R>;
};

export type TicketRequest = {
  residentId: number;
  fiscalYear: number;
  method: SendMethod;
  reason: string;
  /** only these programs (an application); default: every program the person is due */
  programs?: string[];
  /** 集団検診の予約 as printed (「令和9年1月20日 09:00〜 北部公民館」) */
  booking?: string;
  /** 個別検診の医療機関 */
  institution?: string;
};

/** Judges the person now, builds the ticket of the due (or requested) programs and issues it. */
export async function issueOneTicket<R>(
  deps: TicketIssueDeps<R>,
  actor: Actor,
  v: TicketRequest,
): Promise<R> {
  const facts = await adultHealthRepository(deps.database).personFacts(v.residentId, v.fiscalYear);
  if (!facts) throw notFound('宛名');
  const settings = (await deps.programSettings(v.fiscalYear)).filter((p) => p.enabled);
  const entry = toEntry(
    v.residentId,
    judge(settings, facts.person, v.fiscalYear, facts.history, facts.optOuts),
    v.programs,
  );
  if (!entry?.included)
    throw badRequest(
      v.programs
        ? '申込の検診は今年度受診できなくなっています（宛名画面の成人検診タブで理由を確認し、申込を取り消してください）。'
        : 'この方は今年度の受診対象の検診がありません（宛名画面の成人検診タブで理由を確認できます）。',
    );
  const [r] = await deps.database.query<{ atena_no: string }>(
    'SELECT atena_no FROM residents WHERE id = $1',
    [v.residentId],
  );
  const exemptions = await activeFeeExemptions(deps.database, [v.residentId], v.fiscalYear);
  const payload: IssuedTicket = {
    ...ticketPayload(
      settings,
      v.fiscalYear,
      { ...entry, atenaNo: r!.atena_no, details: entry.details as Record<string, unknown> },
      { booking: v.booking, exemptions: exemptions.get(v.residentId) },
    ),
    ...(v.institution ? { institution: v.institution } : {}),
  };
  return deps.reissue(actor, {
    purpose: ticketPurpose,
    residentId: v.residentId,
    payload,
    fiscalYear: v.fiscalYear,
    sentOn: today(),
    method: v.method,
    reason: v.reason,
  });
}
