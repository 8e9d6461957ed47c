import { Readable } from 'node:stream';
import { z } from 'zod';
import { parseDateInput } from '../calendar/index.ts';
import { actorOf, type ZApp } from '../http/app.ts';
import { disposition } from '../http/file-reply.ts';
import type { MailingsService } from './service.ts';
import { itemStatuses, returnReasons } from './types.ts';

const id = z.coerce.number().int().positive();
const idParam = z.object({ id });
const itemParam = z.object({ id, residentId: id });

/** A date typed as 西暦 or 和暦 (R8.6.1, 令和8年6月1日, 2026-06-01) → 'YYYY-MM-DD'. */
const dateInput = (label: string) =>
  z.string().transform((s, ctx) => {
    const r = parseDateInput(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `${label}: ${r.message}` });
      return z.NEVER;
    }
    return r.date;
  });

const destinationBody = z.object({
  kind: z.enum(['proxy', 'facility', 'other'], { message: '送付先の種別を選んでください。' }),
  name: z.string().trim().min(1, '宛名（代理人の氏名または施設名）を入力してください。').max(100),
  postalCode: z.string().default(''),
  address: z.string().trim().min(1, '住所を入力してください。').max(200),
  addressExtra: z.string().trim().max(100).default(''),
  validFrom: dateInput('開始日'),
  validUntil: z
    .string()
    .nullish()
    .transform((s, ctx) => {
      if (!s?.trim()) return null;
      const r = parseDateInput(s);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: `終了日: ${r.message}` });
        return z.NEVER;
      }
      return r.date;
    }),
  note: z.string().trim().max(500).default(''),
});

/**
 * 郵送物 API. Views need mailings.view; changes and outputs carrying real addresses (PDF parts, 宛名シール,
 * CSV for a printer) need mailings.manage. Mailings are created by modules through the service.
 */
export function registerMailingRoutes(app: ZApp, deps: { mailings: MailingsService }) {
  const { mailings } = deps;

  app.get(
    '/api/mailings',
    {
      config: { permission: 'mailings.view' },
      schema: {
        querystring: z.object({
          purpose: z.string().optional(),
          fiscalYear: z.coerce.number().int().optional(),
          status: z.string().optional(),
        }),
      },
    },
    async (req) => ({
      mailings: await mailings.list(req.query),
      purposes: mailings.purposes().map((p) => ({ code: p.code, title: p.title })),
    }),
  );

  app.get(
    '/api/mailings/:id',
    { config: { permission: 'mailings.view' }, schema: { params: idParam } },
    async (req) => mailings.detail(req.params.id),
  );

  app.get(
    '/api/mailings/:id/items',
    {
      config: { permission: 'mailings.view' },
      schema: {
        params: idParam,
        querystring: z.object({
          status: z.enum(Object.keys(itemStatuses) as [keyof typeof itemStatuses]).optional(),
          q: z.string().max(100).optional(),
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (req) => mailings.items(actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/mailings/:id/check',
    { config: { permission: 'mailings.manage' }, schema: { params: idParam } },
    async (req) => mailings.check(actorOf(req), req.params.id),
  );

  app.post(
    '/api/mailings/:id/items/:residentId/pull-out',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: itemParam,
        body: z.object({ note: z.string().trim().min(1, '引き抜く理由を入力してください。').max(500) }),
      },
    },
    async (req) => mailings.pullOut(actorOf(req), req.params.id, req.params.residentId, req.body.note),
  );

  app.post(
    '/api/mailings/:id/items/:residentId/restore',
    { config: { permission: 'mailings.manage' }, schema: { params: itemParam } },
    async (req) => mailings.restore(actorOf(req), req.params.id, req.params.residentId),
  );

  app.post(
    '/api/mailings/:id/items/:residentId/confirm',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: itemParam,
        body: z.object({
          send: z.boolean(),
          note: z.string().trim().min(1, '確認した内容を入力してください。').max(500),
        }),
      },
    },
    async (req) => mailings.confirmSupport(actorOf(req), req.params.id, req.params.residentId, req.body),
  );

  app.get(
    '/api/mailings/:id/preview',
    {
      config: { permission: 'mailings.view' },
      schema: {
        params: idParam,
        querystring: z.object({
          residentId: z.coerce.number().int().optional(),
          first: z.coerce.number().int().min(1).max(20).optional(),
        }),
      },
    },
    async (req, reply) => {
      const pdf = await mailings.preview(actorOf(req), req.params.id, req.query);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', disposition('inline', 'プレビュー.pdf', 'preview.pdf'));
      reply.header('cache-control', 'no-store');
      return reply.send(pdf);
    },
  );

  app.post(
    '/api/mailings/:id/print',
    { config: { permission: 'mailings.manage' }, schema: { params: idParam } },
    async (req) => mailings.print(actorOf(req), req.params.id),
  );

  app.get(
    '/api/mailings/:id/outputs/:fileId',
    { config: { permission: 'mailings.manage' }, schema: { params: z.object({ id, fileId: id }) } },
    async (req, reply) => {
      const out = await mailings.output(actorOf(req), req.params.id, req.params.fileId);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', disposition('attachment', out.name, 'mailing.pdf'));
      reply.header('cache-control', 'no-store');
      return reply.send(Readable.from(out.stream));
    },
  );

  app.get(
    '/api/mailings/:id/labels',
    {
      config: { permission: 'mailings.manage' },
      schema: { params: idParam, querystring: z.object({ sheet: z.enum(['12', '21']).default('12') }) },
    },
    async (req, reply) => {
      const out = await mailings.labels(actorOf(req), req.params.id, req.query.sheet);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', disposition('inline', out.fileName, 'labels.pdf'));
      reply.header('cache-control', 'no-store');
      return reply.send(out.pdf);
    },
  );

  app.get(
    '/api/mailings/:id/csv',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: idParam,
        querystring: z.object({ encoding: z.enum(['utf8', 'sjis']).default('utf8') }),
      },
    },
    async (req, reply) => {
      const out = await mailings.exportCsv(actorOf(req), req.params.id, req.query.encoding);
      reply.header(
        'content-type',
        `text/csv; charset=${req.query.encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}`,
      );
      reply.header('content-disposition', disposition('attachment', out.fileName, 'mailing.csv'));
      reply.header('x-unmappable-characters', String(out.unmappable.length));
      return reply.send(out.body);
    },
  );

  app.post(
    '/api/mailings/:id/sent',
    {
      config: { permission: 'mailings.manage' },
      schema: { params: idParam, body: z.object({ sentOn: dateInput('発送日').optional() }) },
    },
    async (req) => mailings.registerSent(actorOf(req), req.params.id, req.body),
  );

  // ---- 送付履歴・返戻 -------------------------------------------------------------------------------

  app.get(
    '/api/residents/:id/send-records',
    { config: { permission: 'mailings.view' }, schema: { params: idParam } },
    async (req) => mailings.sendHistory(actorOf(req), req.params.id),
  );

  app.put(
    '/api/send-records/:id/return',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: idParam,
        body: z.object({
          returnedOn: dateInput('返戻日'),
          reason: z.enum(Object.keys(returnReasons) as [keyof typeof returnReasons], {
            message: '返戻理由を選んでください。',
          }),
          note: z.string().trim().max(500).default(''),
          version: z.number().int(),
        }),
      },
    },
    async (req) => ({ record: await mailings.recordReturn(actorOf(req), req.params.id, req.body) }),
  );

  app.delete(
    '/api/send-records/:id/return',
    {
      config: { permission: 'mailings.manage' },
      schema: { params: idParam, querystring: z.object({ version: z.coerce.number().int() }) },
    },
    async (req) => ({ record: await mailings.clearReturn(actorOf(req), req.params.id, req.query.version) }),
  );

  // ---- 送付先 --------------------------------------------------------------------------------------

  app.get(
    '/api/residents/:id/destinations',
    { config: { permission: 'mailings.view' }, schema: { params: idParam } },
    async (req) => mailings.destinations(actorOf(req), req.params.id),
  );

  app.post(
    '/api/residents/:id/destinations',
    { config: { permission: 'mailings.manage' }, schema: { params: idParam, body: destinationBody } },
    async (req) => ({ destination: await mailings.saveDestination(actorOf(req), req.params.id, req.body) }),
  );

  app.put(
    '/api/residents/:id/destinations/:destinationId',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: z.object({ id, destinationId: id }),
        body: destinationBody.extend({ version: z.number().int() }),
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return {
        destination: await mailings.saveDestination(
          actorOf(req),
          req.params.id,
          { ...input, id: req.params.destinationId },
          version,
        ),
      };
    },
  );

  app.post(
    '/api/residents/:id/destinations/:destinationId/end',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: z.object({ id, destinationId: id }),
        body: z.object({ validUntil: dateInput('終了日'), version: z.number().int() }),
      },
    },
    async (req) => ({
      destination: await mailings.endDestination(
        actorOf(req),
        req.params.id,
        req.params.destinationId,
        req.body,
      ),
    }),
  );
}
