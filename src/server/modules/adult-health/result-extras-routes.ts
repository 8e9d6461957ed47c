/**
 * 事業マスタ › 結果項目 routes (市町村独自の結果項目): reading needs programs.view, changing programs.edit, as the
 * other 事業マスタ screens. Bodies are checked here for shape; the service checks the meaning and audits.
 */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { ResultExtrasService } from './result-extras.ts';
import { id, program } from './route-schemas.ts';

const idParam = z.object({ id });
const version = z.object({ version: z.number({ error: '版数（version）がありません。' }).int() });
const text = (max: number) => z.string().max(max).default('');
const fields = z.object({
  label: z.string({ error: '項目名を入力してください。' }).max(100),
  options: z.array(z.string().max(100)).max(100).default([]),
  unit: text(30),
  required: z.boolean().default(false),
});
const createBody = fields.extend({
  program,
  key: text(60),
  type: z.string({ error: '型を選んでください。' }).max(20),
});

export function registerResultExtraRoutes(app: ZApp, deps: { resultExtras: ResultExtrasService }) {
  const { resultExtras } = deps;

  app.get('/api/adult/result-items', { config: { permission: 'programs.view' } }, async () => ({
    programs: await resultExtras.list(),
  }));

  app.post(
    '/api/adult/result-items',
    { config: { permission: 'programs.edit' }, schema: { body: createBody } },
    async (req) => ({ item: await resultExtras.create(actorOf(req), req.body) }),
  );

  app.put(
    '/api/adult/result-items/:id',
    {
      config: { permission: 'programs.edit' },
      schema: { params: idParam, body: fields.extend(version.shape) },
    },
    async (req) => {
      const { version: v, ...input } = req.body;
      return { item: await resultExtras.update(actorOf(req), req.params.id, v, input) };
    },
  );

  app.post(
    '/api/adult/result-items/:id/deactivate',
    { config: { permission: 'programs.edit' }, schema: { params: idParam, body: version } },
    async (req) => ({
      item: await resultExtras.setActive(actorOf(req), req.params.id, req.body.version, false),
    }),
  );

  app.post(
    '/api/adult/result-items/:id/reactivate',
    { config: { permission: 'programs.edit' }, schema: { params: idParam, body: version } },
    async (req) => ({
      item: await resultExtras.setActive(actorOf(req), req.params.id, req.body.version, true),
    }),
  );

  app.post(
    '/api/adult/result-items/reorder',
    {
      config: { permission: 'programs.edit' },
      schema: { body: z.object({ program, ids: z.array(id).min(1).max(200) }) },
    },
    async (req) => ({ items: await resultExtras.reorder(actorOf(req), req.body.program, req.body.ids) }),
  );
}
