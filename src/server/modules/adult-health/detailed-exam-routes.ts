/**
 * 精密検査結果 (F04-01) and 精検未受診者 (F04-02) routes: the 要精検者 list with status, save, the call list (CSV,
 * PDF), the mailing of 精密検査受診勧奨通知 (job).
 */
import { z } from 'zod';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { csvHeaders } from '../../platform/csv/export.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { pdfHeaders } from '../../platform/http/file-reply.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import type { DetailedExamsService, DetailedFilter } from './detailed-exams.ts';
import { detailedStatuses } from './detailed-exams-rules.ts';
import type { DetailedRemindersService } from './detailed-reminders.ts';
import { dateInput, fy, id, program } from './route-schemas.ts';

const status = z.enum(['pending', ...(Object.keys(detailedStatuses) as (keyof typeof detailedStatuses)[])], {
  message: '精検の状況を選んでください。',
});
const filterQuery = z.object({
  fiscalYear: fy.optional(),
  program: program.optional(),
  status: status.optional(),
  q: z.string().max(100).optional(),
});
const filterOf = (q: z.infer<typeof filterQuery>): DetailedFilter => ({
  fiscalYear: q.fiscalYear ?? fiscalYearOf(today()),
  program: q.program,
  status: q.status,
  q: q.q,
});
const saveBody = z.object({
  status: z.string().max(20),
  examinedOn: z.string().max(30).default(''),
  institutionId: id.nullable().default(null),
  institutionName: z.string().max(100).default(''),
  method: z.string().max(60).default(''),
  outcome: z.string().max(30).nullable().default(null),
  reportedBy: z.string().max(20).nullable().default(null),
  lesion: z.string().max(20).nullable().default(null),
  stage: z.string().max(100).default(''),
  note: z.string().max(500).default(''),
  version: z.number().int().nullable().default(null),
});

export function registerDetailedExamRoutes(
  app: ZApp,
  deps: { detailedExams: DetailedExamsService; detailedReminders: DetailedRemindersService },
) {
  const { detailedExams: svc } = deps;

  app.get('/api/adult/detailed-exams/meta', { config: { permission: 'adult.view' } }, async () => svc.meta());

  app.get(
    '/api/adult/detailed-exams',
    {
      config: { permission: 'adult.view' },
      schema: {
        querystring: filterQuery.extend({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (req) =>
      svc.list(actorOf(req), filterOf(req.query), { offset: req.query.offset, limit: req.query.limit }),
  );

  app.get(
    '/api/adult/detailed-exams/csv',
    {
      config: { permission: 'residents.export' },
      schema: { querystring: filterQuery.extend({ encoding: z.enum(['utf8', 'sjis']).default('utf8') }) },
    },
    async (req, reply) => {
      const enc = req.query.encoding;
      const csv = await svc.exportCsv(actorOf(req), filterOf(req.query), enc);
      return reply.headers(csvHeaders(csv, enc)).send(csv.body);
    },
  );

  app.get(
    '/api/adult/detailed-exams/call-list.pdf',
    { config: { permission: 'residents.export' }, schema: { querystring: filterQuery } },
    async (req, reply) => {
      const pdf = await svc.callListPdf(actorOf(req), filterOf(req.query));
      return reply.headers(pdfHeaders(pdf.fileName, 'call-list.pdf')).send(pdf.body);
    },
  );

  app.post(
    '/api/adult/detailed-exams/mailing',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        body: filterQuery.extend({
          sendDate: dateInput,
          method: z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('post'),
        }),
      },
    },
    async (req) => {
      const { sendDate, method, ...f } = req.body;
      return {
        job: await deps.detailedReminders.startMailing(actorOf(req), filterOf(f), { sendDate, method }),
      };
    },
  );

  app.post(
    '/api/adult/detailed-exams/:id',
    { config: { permission: 'adult.edit' }, schema: { params: z.object({ id }), body: saveBody } },
    async (req) => svc.save(actorOf(req), req.params.id, req.body),
  );
}
