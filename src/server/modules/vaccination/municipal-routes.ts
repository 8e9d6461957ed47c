/**
 * 市町村独自の予防接種 (任意接種の費用助成) routes. Reading: vaccination.view (予防接種の担当) or programs.edit (the
 * administrator's screen, /manage); changing: programs.edit (事業マスタの変更). Bodies are checked here for shape
 * and again by the service.
 */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { municipalVaccineInputSchema } from './municipal-input.ts';
import type { MunicipalVaccinesService } from './municipal-vaccines.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const version = z.number({ error: '版数（version）がありません。画面を開き直してください。' }).int();
const base = '/api/vaccination/municipal-vaccines';

export function registerMunicipalVaccineRoutes(app: ZApp, deps: { municipal: MunicipalVaccinesService }) {
  const { municipal } = deps;

  app.get(base, { config: { permission: 'vaccination.view' } }, async () => ({
    municipalVaccines: await municipal.list(),
  }));

  app.get(`${base}/manage`, { config: { permission: 'programs.edit' } }, async () => ({
    municipalVaccines: await municipal.list(),
  }));

  app.post(
    base,
    { config: { permission: 'programs.edit' }, schema: { body: municipalVaccineInputSchema } },
    async (req) => ({ municipalVaccine: await municipal.create(actorOf(req), req.body) }),
  );

  app.put(
    `${base}/:id`,
    {
      config: { permission: 'programs.edit' },
      schema: { params: idParams, body: municipalVaccineInputSchema.and(z.object({ version })) },
    },
    async (req) => {
      const { version: v, ...input } = req.body;
      return { municipalVaccine: await municipal.update(actorOf(req), req.params.id, v, input) };
    },
  );

  app.post(
    `${base}/:id/retire`,
    { config: { permission: 'programs.edit' }, schema: { params: idParams, body: z.object({ version }) } },
    async (req) => ({
      municipalVaccine: await municipal.retire(actorOf(req), req.params.id, req.body.version),
    }),
  );
}
