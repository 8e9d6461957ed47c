/**
 * From a 対象者リスト to a mailing (F02-01 steps 2–5 and 9–12, F02-02 steps 2–5): the 受診票（券） and 希望調査票
 * purposes of the mailings engine, the module's own print-time re-check (送付不要 registered after the
 * extraction), making a mailing from a list as a job, and the one-person reissue (紛失, 転入者).
 */
import type { Actor } from '../../platform/audit/service.ts';
import { addDays, formatWareki } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { targetListsRepository } from '../../platform/extraction/repository.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
import { mailingFromList } from '../../platform/mailings/from-list.ts';
import type { MailingsPort } from '../../platform/mailings/ports.ts';
import type { MailingPurpose, SendMethod } from '../../platform/mailings/types.ts';
import type { ProgramSettings } from '../programs/types.ts';
import { activeFeeExemptions, type FeeExemption } from './fee-exemptions.ts';
import { type SurveySession, surveyPayload, ticketPayload } from './payloads.ts';
import type { ResidentScreeningService } from './resident-screening.ts';
import { issueOneTicket, ticketPurpose } from './ticket-issue.ts';

export { ticketPurpose };
export const surveyPurpose = 'adult-health.survey';
export const mailingJobKind = 'adult-health.mailing';

/** What this module needs of the mailings engine. */
export type { MailingsPort };

export type MailingParams = {
  listId: number;
  sendDate: string;
  method: SendMethod;
  /** 希望調査票の返送期限 (default: 発送日 + 3 weeks) */
  replyBy?: string;
  userId: number | null;
  loginId: string;
  roleCode: string | null;
};

export function adultHealthMailings(deps: {
  database: Database;
  mailings: MailingsPort;
  screening: ResidentScreeningService;
  programSettings: (fy: number) => Promise<ProgramSettings[]>;
  sessions: (
    fy: number,
  ) => Promise<
    { id: number; session_date: string; programs: string[]; venue: string; start_time?: string }[]
  >;
}) {
  const lists = targetListsRepository(deps.database);

  // 送付不要 registered after the extraction pulls the person out at print time.
  const recheck: MailingPurpose['recheck'] = async (items, mailing) => {
    const out = new Map<number, { reason: string; label: string }>();
    if (mailing.fiscalYear === null) return out;
    const optOuts = await deps.screening.optOutsFor(
      items.map((i) => i.residentId),
      mailing.fiscalYear,
    );
    for (const i of items) {
      const programs = ((i.payload as { programs?: { code: string }[] }).programs ?? []).map((p) => p.code);
      const o = optOuts.get(i.residentId)?.find((x) => x.program === null || programs.includes(x.program));
      if (o) out.set(i.residentId, { reason: 'opt_out', label: '送付不要登録あり' });
    }
    return out;
  };
  deps.mailings.registerPurpose({
    code: ticketPurpose,
    title: '受診票（券）',
    template: ticketPurpose,
    recheck,
  });
  deps.mailings.registerPurpose({
    code: surveyPurpose,
    title: '希望調査票',
    template: surveyPurpose,
    recheck,
  });

  async function surveySessions(fy: number): Promise<SurveySession[]> {
    const rows = await deps.sessions(fy);
    return rows
      .map((s) => ({
        id: Number(s.id),
        date: s.session_date,
        time: s.start_time ?? '',
        venue: s.venue,
        programs: s.programs,
      }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /**
   * 集団検診の予約 per person of a 年度 (or of one person), as printed on the ticket (「令和9年1月20日 09:00〜
   * 北部公民館」).
   */
  async function bookingsOf(fy: number, residentId?: number): Promise<Map<number, string>> {
    const rows = await deps.database.query<{
      resident_id: number;
      session_date: string;
      start_time: string;
      venue: string;
    }>(
      `SELECT p.resident_id, s.session_date, s.start_time, v.name AS venue
       FROM screening_preferences p JOIN reservation_sessions s ON s.id = p.session_id JOIN venues v ON v.id = s.venue_id
       WHERE p.fiscal_year = $1 AND ($2::bigint IS NULL OR p.resident_id = $2)`,
      [fy, residentId ?? null],
    );
    return new Map(
      rows.map((r) => [
        Number(r.resident_id),
        `${formatWareki(r.session_date)} ${r.start_time}〜 ${r.venue}`,
      ]),
    );
  }

  return {
    /** The job: builds every included entry's payload in print order and creates the mailing. */
    async runMailingJob(ctx: JobContext) {
      const p = ctx.job.params as MailingParams;
      const list = await lists.get(p.listId);
      if (!list) throw notFound('対象者リスト');
      const settings = list.settings as ProgramSettings[];
      const survey = list.purpose === 'adult-health.survey';
      const replyBy = p.replyBy ?? addDays(p.sendDate, 21);
      // the survey offers only sessions after the reply deadline (answers come back by then)
      const sessions = survey ? (await surveySessions(list.fiscalYear)).filter((x) => x.date > replyBy) : [];
      // tickets of a preference list carry the booked 集団検診
      const bookings =
        list.purpose === 'adult-health.preference'
          ? await bookingsOf(list.fiscalYear)
          : new Map<number, string>();
      return mailingFromList(ctx, deps, {
        actor: { userId: p.userId, loginId: p.loginId, roleCode: p.roleCode },
        list,
        purpose: survey ? surveyPurpose : ticketPurpose,
        what: survey ? '希望調査票' : '受診票（券）',
        sendDate: p.sendDate,
        method: p.method,
        async payloads(rows) {
          const exemptions = survey
            ? new Map<number, FeeExemption[]>()
            : await activeFeeExemptions(
                deps.database,
                rows.map((e) => e.residentId),
                list.fiscalYear,
              );
          return rows.map((e) => ({
            residentId: e.residentId,
            payload: survey
              ? surveyPayload(settings, list.fiscalYear, e, sessions, replyBy)
              : ticketPayload(settings, list.fiscalYear, e, {
                  booking: bookings.get(e.residentId),
                  exemptions: exemptions.get(e.residentId),
                }),
          }));
        },
      });
    },

    /** 再発行: a 受診票（券） for one person now (lost ticket, mover-in), with a send record. */
    async reissueTicket(
      actor: Actor,
      v: { residentId: number; fiscalYear: number; method: SendMethod; reason: string },
    ) {
      // a booked 集団検診 (受診希望) is printed again on the new ticket
      const booking = (await bookingsOf(v.fiscalYear, v.residentId)).get(v.residentId);
      return issueOneTicket(
        { database: deps.database, programSettings: deps.programSettings, reissue: deps.mailings.reissue },
        actor,
        { ...v, ...(booking ? { booking } : {}) },
      );
    },
  };
}

export type AdultHealthMailings = ReturnType<typeof adultHealthMailings>;
