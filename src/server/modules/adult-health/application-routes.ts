/** 個別受付 (F02-03/05) routes: 受診歴の確認, 申込の登録・取消, 受診票の発行, 申込一覧 and its CSV. */
import { z } from 'zod';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { csvHeaders } from '../../platform/csv/export.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { sendPdf } from '../../platform/http/file-reply.ts';
import type { ApplicationsService } from './applications.ts';
import {
  type ApplicationChannel,
  type ApplicationStatus,
  applicationChannels,
  applicationModes,
  applicationStatuses,
} from './applications-rules.ts';
import { dateInput, fy, id, program } from './route-schemas.ts';

const keys = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const channel = z.enum(keys(applicationChannels), { message: '受付方法を選んでください。' });
const status = z.enum(keys(applicationStatuses), { message: '状態を選んでください。' });

const registerBody = z.object({
  residentId: id,
  fiscalYear: fy,
  channel,
  programs: z.array(program).min(1, '申し込む検診を1つ以上選んでください。'),
  mode: z.enum(keys(applicationModes), { message: '受診形態（個別・集団）を選んでください。' }),
  institutionId: id.nullable().default(null),
  sessionId: id.nullable().default(null),
  slotId: id.nullable().default(null),
  appliedOn: dateInput.optional(),
  note: z.string().max(500).default(''),
});

const filterQuery = z.object({
  fiscalYear: fy.optional(),
  program: program.optional(),
  channel: channel.optional(),
  status: status.optional(),
  q: z.string().max(100).optional(),
});

const filterOf = (q: z.infer<typeof filterQuery>) => ({
  fiscalYear: q.fiscalYear ?? fiscalYearOf(today()),
  program: q.program,
  channel: q.channel as ApplicationChannel | undefined,
  status: q.status as ApplicationStatus | undefined,
  q: q.q,
});

export function registerApplicationRoutes(app: ZApp, deps: { applications: ApplicationsService }) {
  const { applications } = deps;

  app.get('/api/adult/applications/meta', { config: { permission: 'adult.view' } }, async () => ({
    channels: applicationChannels,
    modes: applicationModes,
    statuses: applicationStatuses,
    currentFiscalYear: fiscalYearOf(today()),
  }));
  app.get(
    '/api/adult/applications/check/:residentId',
    {
      config: { permission: 'adult.view' },
      schema: { params: z.object({ residentId: id }), querystring: z.object({ fiscalYear: fy.optional() }) },
    },
    async (req) =>
      applications.prepare(
        actorOf(req),
        req.params.residentId,
        req.query.fiscalYear ?? fiscalYearOf(today()),
      ),
  );
  app.get(
    '/api/adult/applications',
    {
      config: { permission: 'adult.view' },
      schema: {
        querystring: filterQuery.extend({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    async (req) =>
      applications.list(actorOf(req), filterOf(req.query), {
        offset: req.query.offset,
        limit: req.query.limit,
      }),
  );
  app.get(
    '/api/adult/applications/csv',
    {
      config: { permission: 'residents.export' },
      schema: { querystring: filterQuery.extend({ encoding: z.enum(['utf8', 'sjis']).default('utf8') }) },
    },
    async (req, reply) => {
      const enc = req.query.encoding;
      const csv = await applications.exportCsv(actorOf(req), filterOf(req.query), enc);
      return reply.headers(csvHeaders(csv, enc)).send(csv.body);
    },
  );
  app.post(
    '/api/adult/applications',
    { config: { permission: 'adult.edit' }, schema: { body: registerBody } },
    async (req) => ({
      application: await applications.register(actorOf(req), {
        ...req.body,
        appliedOn: req.body.appliedOn ?? today(),
      }),
    }),
  );
  // the ticket goes through the mailings engine's one-person path (send record): like 再発行, mailings.manage
  app.post(
    '/api/adult/applications/:id/ticket',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: z.object({ id }),
        body: z.object({
          method: z.enum(['counter', 'post'], { message: '渡し方（窓口で渡す・郵送）を選んでください。' }),
        }),
      },
    },
    async (req, reply) => {
      const { pdf } = await applications.issueTicket(actorOf(req), req.params.id, req.body);
      return sendPdf(reply, pdf, '受診券.pdf', 'ticket.pdf');
    },
  );
  app.post(
    '/api/adult/applications/:id/cancel',
    {
      config: { permission: 'adult.edit' },
      schema: {
        params: z.object({ id }),
        body: z.object({
          reason: z.string().trim().min(1, '取消の理由を入力してください（例: 本人の申出）。').max(200),
          version: z.number().int(),
        }),
      },
    },
    async (req) => ({
      application: await applications.cancel(actorOf(req), req.params.id, req.body.reason, req.body.version),
    }),
  );
}
