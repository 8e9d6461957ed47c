/**
 * Routes of 予防接種の対象者抽出 (F10a-02, F11a-02): lists (extraction job), entries with exclude/restore, CSV (list
 * and 架電リスト), and the mailing made from a list (job).
 */
import { z } from 'zod';
import { parseDateInput } from '../../platform/calendar/index.ts';
import { csvHeaders } from '../../platform/csv/export.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import type { VaccinationListMailings } from './list-mailing.ts';
import type { VaccinationListsService } from './lists.ts';

const id = z.coerce.number().int().positive();
const listParam = z.object({ id });
const entryParam = z.object({ id, residentId: id });

/** 和暦・西暦 input → 'YYYY-MM-DD' with the parser's Japanese message. */
const dateInput = z.string().transform((s, ctx) => {
  const r = parseDateInput(s);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }
  return r.date;
});
/** An optional date: '' or missing = none. */
const optionalDate = z
  .union([z.literal(''), dateInput, z.null()])
  .optional()
  .transform((v) => (v ? v : null));

const common = {
  on: dateInput,
  bornFrom: optionalDate,
  bornTo: optionalDate,
  title: z.string().max(200).optional(),
};
const extraction = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('vaccination.dose'),
    ...common,
    vaccine: z.string().min(1, 'ワクチンを選んでください。'),
    dose: z
      .string()
      .nullable()
      .optional()
      .transform((v) => v || null),
    startsBy: optionalDate,
  }),
  z.object({
    kind: z.literal('vaccination.reminder'),
    ...common,
    vaccines: z.array(z.string()).default([]),
    withinDays: z.coerce.number().int().default(90),
  }),
]);

const entriesQuery = z.object({
  included: z.enum(['true', 'false']).optional(),
  vaccine: z.string().optional(),
  q: z.string().max(100).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function registerVaccinationListRoutes(
  app: ZApp,
  deps: { lists: VaccinationListsService; mailings: VaccinationListMailings },
) {
  const { lists } = deps;
  const permission = 'vaccination.extract';

  app.get('/api/vaccination/lists/meta', { config: { permission } }, async () => lists.meta());

  app.get('/api/vaccination/lists', { config: { permission } }, async () => ({ lists: await lists.list() }));

  app.post(
    '/api/vaccination/lists',
    { config: { permission }, schema: { body: extraction } },
    async (req) => ({
      list: await lists.startExtraction(actorOf(req), req.body),
    }),
  );

  app.get(
    '/api/vaccination/lists/:id',
    { config: { permission }, schema: { params: listParam } },
    async (req) => ({
      list: await lists.get(req.params.id),
    }),
  );

  app.get(
    '/api/vaccination/lists/:id/entries',
    { config: { permission }, schema: { params: listParam, querystring: entriesQuery } },
    async (req) => {
      const q = req.query;
      return lists.entries(
        actorOf(req),
        req.params.id,
        {
          included: q.included === undefined ? undefined : q.included === 'true',
          program: q.vaccine || undefined,
          q: q.q,
        },
        { offset: q.offset, limit: q.limit },
      );
    },
  );

  app.post(
    '/api/vaccination/lists/:id/entries/:residentId/exclude',
    {
      config: { permission },
      schema: {
        params: entryParam,
        body: z.object({
          reason: z.string().min(1, '除外理由を選んでください。'),
          note: z.string().max(500).default(''),
        }),
      },
    },
    async (req) => {
      await lists.exclude(actorOf(req), req.params.id, req.params.residentId, req.body);
      return { ok: true };
    },
  );

  app.post(
    '/api/vaccination/lists/:id/entries/:residentId/restore',
    { config: { permission }, schema: { params: entryParam } },
    async (req) => {
      await lists.restore(actorOf(req), req.params.id, req.params.residentId);
      return { ok: true };
    },
  );

  app.get(
    '/api/vaccination/lists/:id/csv',
    {
      config: { permission: 'residents.export' },
      schema: {
        params: listParam,
        querystring: z.object({
          encoding: z.enum(['utf8', 'sjis']).default('sjis'),
          format: z.enum(['list', 'calls']).default('list'),
          included: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const csv = await lists.exportCsv(actorOf(req), req.params.id, {
        encoding: q.encoding,
        format: q.format,
        included: q.included === undefined ? undefined : q.included === 'true',
      });
      return reply.headers(csvHeaders(csv, q.encoding)).send(csv.body);
    },
  );

  app.post(
    '/api/vaccination/lists/:id/mailing',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: listParam,
        body: z.object({
          sendDate: dateInput,
          method: z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('post'),
        }),
      },
    },
    async (req) => ({ job: await deps.mailings.startMailing(actorOf(req), req.params.id, req.body) }),
  );
}
