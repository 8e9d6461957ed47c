/**
 * Routes of 予防接種の対象者抽出 (F10a-02, F11a-02): lists (extraction job), entries with exclude/restore, CSV (list
 * and 架電リスト), and the mailing made from a list (job).
 */
import { z } from 'zod';
import { csvHeaders } from '../../platform/csv/export.ts';
import { includedOf, registerListEntryRoutes } from '../../platform/extraction/routes.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { dateInput } from '../../platform/http/date-input.ts';
import { listMailingBody } from '../../platform/mailings/list-request.ts';
import type { VaccinationListMailings } from './list-mailing.ts';
import type { VaccinationListsService } from './lists.ts';

const id = z.coerce.number().int().positive();
const listParam = z.object({ id });

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

  registerListEntryRoutes(app, {
    base: '/api/vaccination/lists',
    viewPermission: permission,
    changePermission: permission,
    reason: z.string().min(1, '除外理由を選んでください。'),
    entryFilters: {
      query: { vaccine: z.string().optional() },
      filterOf: (q) => ({ program: q.vaccine || undefined }),
    },
    lists,
  });

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
        included: includedOf(q.included),
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
        body: listMailingBody,
      },
    },
    async (req) => ({ job: await deps.mailings.startMailing(actorOf(req), req.params.id, req.body) }),
  );
}
