/** 未受診者勧奨 (F03-04) routes: the people to remind, the call list (CSV, PDF), the mailing of letters (job). */
import { z } from 'zod';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { csvHeaders } from '../../platform/csv/export.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { pdfHeaders } from '../../platform/http/file-reply.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import { dateInput, fy, program } from './route-schemas.ts';
import type { ReminderFilter, ScreeningRemindersService } from './screening-reminders.ts';

const filter = z.object({
  fiscalYear: fy.optional(),
  program: program.optional(),
  basis: z.enum(['invited', 'applied', 'both']).default('both'),
  asOf: dateInput.optional(),
  notReminded: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((v) => v === true || v === 'true')
    .optional(),
});
const filterOf = (q: z.infer<typeof filter>): ReminderFilter => ({
  ...q,
  fiscalYear: q.fiscalYear ?? fiscalYearOf(today()),
  asOf: q.asOf ?? today(),
});

export function registerReminderRoutes(app: ZApp, deps: { reminders: ScreeningRemindersService }) {
  const { reminders } = deps;

  app.get(
    '/api/adult/reminders/search',
    { config: { permission: 'adult.view' }, schema: { querystring: filter } },
    async (req) => reminders.search(actorOf(req), filterOf(req.query)),
  );

  app.get(
    '/api/adult/reminders/csv',
    {
      config: { permission: 'residents.export' },
      schema: { querystring: filter.extend({ encoding: z.enum(['utf8', 'sjis']).default('utf8') }) },
    },
    async (req, reply) => {
      const { encoding: enc, ...q } = req.query;
      const csv = await reminders.exportCsv(actorOf(req), filterOf(q), enc);
      return reply.headers(csvHeaders(csv, enc)).send(csv.body);
    },
  );

  app.get(
    '/api/adult/reminders/call-list.pdf',
    { config: { permission: 'residents.export' }, schema: { querystring: filter } },
    async (req, reply) => {
      const pdf = await reminders.callListPdf(actorOf(req), filterOf(req.query));
      return reply.headers(pdfHeaders(pdf.fileName, 'call-list.pdf')).send(pdf.body);
    },
  );

  app.post(
    '/api/adult/reminders/mailing',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        body: filter.extend({
          sendDate: dateInput,
          method: z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('post'),
        }),
      },
    },
    async (req) => {
      const { sendDate, method, ...f } = req.body;
      return { job: await reminders.startMailing(actorOf(req), filterOf(f), { sendDate, method }) };
    },
  );
}
