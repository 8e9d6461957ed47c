/**
 * 乳幼児健診の案内 (F07-03) and 未受診者勧奨 (F07-07) routes: the checkups, their group sessions, the 対象者リスト
 * (extraction job, entries, exclusion), the mailing of 健診案内通知 (job), and the reminders (search, CSV, PDF,
 * 架電・訪問結果, mailing job). Mailings need mailings.manage and infant.edit both.
 */

import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today } from '../../platform/calendar/index.ts';
import { csvHeaders } from '../../platform/csv/export.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { registerListEntryRoutes } from '../../platform/extraction/routes.ts';
import { actorOf, userOf, type ZApp } from '../../platform/http/app.ts';
import { dateInput } from '../../platform/http/date-input.ts';
import { pdfHeaders } from '../../platform/http/file-reply.ts';
import { listMailingBody } from '../../platform/mailings/list-request.ts';
import type { InfantRemindersService } from './infant-reminders.ts';
import type { InfantInvitationsService } from './invitations.ts';

const id = z.coerce.number().int().positive();
const base = '/api/infant/invitations';

/** mailings.manage by the route, infant.edit here: both are needed to mail. */
function mustEdit(req: FastifyRequest) {
  if (!userOf(req).permissions.includes('infant.edit'))
    throw new AppError(
      403,
      'FORBIDDEN',
      'この操作を行う権限がありません（必要な権限: 出生連絡票・聴覚検査・乳幼児健診の登録・修正）。管理者に依頼してください。',
    );
}

const reminderFilter = z.object({
  checkup: z.string().min(1, '健診を選んでください。'),
  asOf: dateInput.optional(),
  sentFrom: dateInput.optional(),
  sentTo: dateInput.optional(),
  notReminded: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((v) => v === true || v === 'true')
    .optional(),
});
const filterOf = (q: z.infer<typeof reminderFilter>) => ({ ...q, asOf: q.asOf ?? today() });

export function registerInfantInvitationRoutes(
  app: ZApp,
  deps: { invitations: InfantInvitationsService; reminders: InfantRemindersService },
) {
  const { invitations, reminders } = deps;

  app.get(`${base}/meta`, { config: { permission: 'infant.view' } }, async () => invitations.meta());

  app.get(
    `${base}/sessions`,
    {
      config: { permission: 'infant.view' },
      schema: { querystring: z.object({ checkup: z.string(), from: z.string().default('') }) },
    },
    async (req) => ({ sessions: await invitations.sessions(req.query.checkup, req.query.from) }),
  );

  app.post(
    `${base}/sessions`,
    {
      config: { permission: 'reservations.manage' },
      schema: {
        body: z.looseObject({
          checkup: z.string().min(1, '健診を選んでください。'),
          sessionDate: z.string(),
        }),
      },
    },
    async (req) => ({ session: await invitations.createSession(actorOf(req), req.body) }),
  );

  app.get(`${base}/lists`, { config: { permission: 'infant.view' } }, async () => ({
    lists: await invitations.list(),
  }));

  app.post(
    `${base}/lists`,
    {
      config: { permission: 'infant.edit' },
      schema: {
        body: z.object({
          checkup: z.string().min(1, '健診を選んでください。'),
          mode: z.enum(['group', 'individual']).optional(),
          from: dateInput,
          to: dateInput,
        }),
      },
    },
    async (req) => ({ list: await invitations.startExtraction(actorOf(req), req.body) }),
  );

  registerListEntryRoutes(app, {
    base: `${base}/lists`,
    viewPermission: 'infant.view',
    changePermission: 'infant.edit',
    reason: z.string().min(1, '除外理由を選んでください。'),
    entryFilters: { query: {}, filterOf: () => ({}) },
    lists: invitations,
  });

  app.post(
    `${base}/lists/:id/mailing`,
    {
      config: { permission: 'mailings.manage' },
      schema: { params: z.object({ id }), body: listMailingBody },
    },
    async (req) => {
      mustEdit(req);
      return { job: await invitations.startMailing(actorOf(req), req.params.id, req.body) };
    },
  );

  // 未受診者勧奨 (F07-07)
  app.get(
    '/api/infant/reminders/search',
    { config: { permission: 'infant.view' }, schema: { querystring: reminderFilter } },
    async (req) => reminders.search(actorOf(req), filterOf(req.query)),
  );

  app.get(
    '/api/infant/reminders/csv',
    {
      config: { permission: 'residents.export' },
      schema: { querystring: reminderFilter.extend({ encoding: z.enum(['utf8', 'sjis']).default('utf8') }) },
    },
    async (req, reply) => {
      const { encoding, ...q } = req.query;
      const csv = await reminders.exportCsv(actorOf(req), filterOf(q), encoding);
      return reply.headers(csvHeaders(csv, encoding)).send(csv.body);
    },
  );

  app.get(
    '/api/infant/reminders/call-list.pdf',
    { config: { permission: 'residents.export' }, schema: { querystring: reminderFilter } },
    async (req, reply) => {
      const pdf = await reminders.callListPdf(actorOf(req), filterOf(req.query));
      return reply.headers(pdfHeaders(pdf.fileName, 'call-list.pdf')).send(pdf.body);
    },
  );

  app.post(
    '/api/infant/reminders/calls',
    {
      config: { permission: 'infant.edit' },
      schema: {
        body: z.object({
          residentId: id,
          checkup: z.string().min(1),
          asOf: dateInput.optional(),
          calledAt: z.string().max(40).default(''),
          outcome: z.string().min(1, '結果を選んでください。'),
          note: z.string().max(500).default(''),
        }),
      },
    },
    async (req) => reminders.recordCall(actorOf(req), { ...req.body, asOf: req.body.asOf ?? today() }),
  );

  app.post(
    '/api/infant/reminders/mailing',
    {
      config: { permission: 'mailings.manage' },
      schema: { body: reminderFilter.extend(listMailingBody.shape) },
    },
    async (req) => {
      mustEdit(req);
      const { sendDate, method, ...f } = req.body;
      return { job: await reminders.startMailing(actorOf(req), filterOf(f), { sendDate, method }) };
    },
  );
}
