/** 検診結果入力 (F03-01/F03-02) routes: the item definitions and 医療機関, lookup by 受診票番号・宛名番号, the entry sheet, save, delete. */
import { z } from 'zod';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { ResultsService } from './results.ts';
import { fy, id, program } from './route-schemas.ts';

const idParam = z.object({ id });
const fyQuery = z.object({ fiscalYear: fy.optional() });
const itemValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

const saveBody = z.object({
  program,
  screenedOn: z.string().max(30),
  mode: z.string().max(20).nullable().default(null),
  institutionId: id.nullable().default(null),
  method: z.string().max(50).nullable().default(null),
  result: z.string().max(60),
  items: z.record(z.string().max(60), itemValue).default({}),
  note: z.string().max(500).default(''),
  bookingId: id.nullable().default(null),
  id: id.nullable().default(null),
  version: z.number().int().nullable().default(null),
});

export function registerResultRoutes(app: ZApp, deps: { results: ResultsService }) {
  const { results } = deps;

  app.get(
    '/api/adult/results/meta',
    { config: { permission: 'adult.view' }, schema: { querystring: fyQuery } },
    async (req) => results.meta(req.query.fiscalYear ?? fiscalYearOf(today())),
  );

  app.get(
    '/api/adult/results/lookup',
    {
      config: { permission: 'adult.view' },
      schema: { querystring: z.object({ q: z.string().trim().min(1).max(40) }) },
    },
    async (req) => results.lookup(actorOf(req), req.query.q),
  );

  app.get(
    '/api/adult/results/residents/:id',
    { config: { permission: 'adult.view' }, schema: { params: idParam, querystring: fyQuery } },
    async (req) => results.sheet(actorOf(req), req.params.id, req.query.fiscalYear ?? fiscalYearOf(today())),
  );

  app.get(
    '/api/adult/results/sessions/:id',
    { config: { permission: 'adult.view' }, schema: { params: idParam } },
    async (req) => results.sessionRoster(actorOf(req), req.params.id),
  );

  app.post(
    '/api/adult/results/residents/:id',
    { config: { permission: 'adult.edit' }, schema: { params: idParam, body: saveBody } },
    async (req) => results.save(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/adult/results/:id/delete',
    {
      config: { permission: 'adult.edit' },
      schema: {
        params: idParam,
        body: z.object({
          version: z.number().int(),
          reason: z.string().trim().min(1, '削除する理由を入力してください。').max(200),
        }),
      },
    },
    async (req) => {
      await results.remove(actorOf(req), req.params.id, req.body.version, req.body.reason);
      return { ok: true };
    },
  );
}
