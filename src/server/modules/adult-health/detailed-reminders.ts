/**
 * 精検未受診者勧奨 (F04-02) by letter: the 要精検 people of a 年度 without a 精密検査 (精検未受診・精検未把握, as the
 * follow-up list of detailed-exams.ts defines them), still 住民, as a mailing of 精密検査受診勧奨通知 (one letter per
 * person listing the screenings). At print time the mailing pulls out people whose 精検結果 came in meanwhile.
 */
import type { Actor } from '../../platform/audit/service.ts';
import { formatWareki } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import type { JobContext, JobRunner } from '../../platform/jobs/runner.ts';
import type { MailingPurpose, SendMethod } from '../../platform/mailings/types.ts';
import { programLabels } from '../programs/types.ts';
import type { DetailedExamsService, DetailedFilter } from './detailed-exams.ts';
import type { DetailedReminderPayload } from './detailed-reminder-document.ts';
import { fiscalYearLabel } from './documents.ts';
import type { MailingsPort } from './mailing.ts';

export const detailedReminderPurpose = 'adult-health.detailed-reminder';
export const detailedReminderJobKind = 'adult-health.detailed-reminders';

type JobParams = { filter: DetailedFilter; sendDate: string; method: SendMethod; actor: Actor };

/** Letters go only to people still to follow up: 精検未受診 or 未把握 as chosen, otherwise both. */
export const followUpFilter = (f: DetailedFilter): DetailedFilter => ({
  ...f,
  status: f.status === 'unknown' || f.status === 'not_examined' ? f.status : 'pending',
});

export function detailedRemindersService(deps: {
  database: Database;
  jobs: JobRunner;
  mailings: MailingsPort;
  detailedExams: DetailedExamsService;
}) {
  // a 精検結果 of 精検受診 entered after the mailing was made pulls the person out (all of their exams done)
  const recheck: MailingPurpose['recheck'] = async (items) => {
    const ids = items.flatMap((i) => (i.payload as DetailedReminderPayload).exams.map((e) => e.recordId));
    const out = new Map<number, { reason: string; label: string }>();
    if (!ids.length) return out;
    const done = new Set(
      (
        await deps.database.query<{ id: number }>(
          `SELECT screening_record_id AS id FROM detailed_exam_results
           WHERE screening_record_id = ANY($1::bigint[]) AND status = 'examined'`,
          [ids],
        )
      ).map((r) => Number(r.id)),
    );
    for (const i of items)
      if ((i.payload as DetailedReminderPayload).exams.every((e) => done.has(e.recordId)))
        out.set(i.residentId, { reason: 'detailed_examined', label: '精検結果あり（精検受診）' });
    return out;
  };
  deps.mailings.registerPurpose({
    code: detailedReminderPurpose,
    title: '精密検査受診勧奨通知',
    template: detailedReminderPurpose,
    recheck,
  });

  const label = (f: DetailedFilter) =>
    `${fiscalYearLabel(f.fiscalYear)}${f.program ? `の${programLabels[f.program]}` : ''}の精検未受診者`;

  return {
    /** Queues the job making the mailing of 精密検査受診勧奨通知. */
    async startMailing(actor: Actor, filter: DetailedFilter, o: { sendDate: string; method: SendMethod }) {
      const params: JobParams = { filter: followUpFilter(filter), ...o, actor };
      return deps.jobs.enqueue(
        detailedReminderJobKind,
        `精密検査受診勧奨通知の作成（${label(filter)}）`,
        params,
        actor.userId,
      );
    },

    async runMailingJob(ctx: JobContext) {
      const { filter, sendDate, method, actor } = ctx.job.params as JobParams;
      const rows = (await deps.detailedExams.rows(filter)).filter((r) => r.residentStatus === 'resident');
      if (!rows.length) throw badRequest('勧奨する方がいません。条件を変えてください。');
      await ctx.progress(0, rows.length, '精密検査受診勧奨通知を作成しています');
      const people = new Map<number, DetailedReminderPayload>();
      for (const r of rows) {
        const p = people.get(r.residentId) ?? {
          fiscalYear: filter.fiscalYear,
          atenaNo: r.atenaNo,
          exams: [],
        };
        p.exams.push({
          recordId: r.recordId,
          program: r.program,
          name: programLabels[r.program] ?? r.program,
          screenedOn: formatWareki(r.screenedOn),
        });
        people.set(r.residentId, p);
      }
      const items = [...people].map(([residentId, payload]) => ({ residentId, payload }));
      const mailing = await deps.mailings.create(actor, {
        purpose: detailedReminderPurpose,
        title: `${fiscalYearLabel(filter.fiscalYear)} 精密検査受診勧奨通知（${formatWareki(sendDate)}発送）`,
        fiscalYear: filter.fiscalYear,
        sourceListId: null,
        sendDate,
        method,
        items,
      });
      await ctx.progress(rows.length, rows.length);
      return {
        message: `精密検査受診勧奨通知の郵送物を作成しました（${items.length.toLocaleString('ja-JP')}人）`,
        result: { mailingId: mailing.id },
      };
    },
  };
}

export type DetailedRemindersService = ReturnType<typeof detailedRemindersService>;
