/** 結果票作成 (F03-03) routes: 結果検索, one person's 結果票 now (PDF), a mailing of everyone found (job). */
import { z } from 'zod';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { sendPdf } from '../../platform/http/file-reply.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import type { NoticeFilter, ResultNoticesService } from './result-notices.ts';
import { dateInput, fy, id, program } from './route-schemas.ts';

const method = z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]);
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1')
  .optional();
const filter = z.object({
  fiscalYear: fy.optional(),
  program: program.optional(),
  onlyDetailed: flag,
  from: dateInput.optional(),
  to: dateInput.optional(),
  notSent: flag,
});
const filterOf = (q: z.infer<typeof filter>): NoticeFilter => ({
  ...q,
  fiscalYear: q.fiscalYear ?? fiscalYearOf(today()),
});

export function registerResultNoticeRoutes(app: ZApp, deps: { notices: ResultNoticesService }) {
  const { notices } = deps;

  app.get(
    '/api/adult/results/notices/search',
    { config: { permission: 'adult.view' }, schema: { querystring: filter } },
    async (req) => notices.search(actorOf(req), filterOf(req.query)),
  );

  app.post(
    '/api/adult/results/notices',
    {
      config: { permission: 'mailings.manage' },
      schema: { body: filter.extend({ sendDate: dateInput, method: method.default('post') }) },
    },
    async (req) => {
      const { sendDate, method: m, ...f } = req.body;
      return { job: await notices.startMailing(actorOf(req), filterOf(f), { sendDate, method: m }) };
    },
  );

  app.post(
    '/api/adult/results/residents/:id/notice',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: z.object({ id }),
        body: z.object({ fiscalYear: fy, method: method.default('counter') }),
      },
    },
    async (req, reply) => {
      const { pdf } = await notices.issueOne(
        actorOf(req),
        req.params.id,
        req.body.fiscalYear,
        req.body.method,
      );
      return sendPdf(reply, pdf, '結果通知.pdf', 'result-notice.pdf');
    },
  );
}
