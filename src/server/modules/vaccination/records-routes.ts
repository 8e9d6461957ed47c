/** 予防接種の記録 (F11a-01, F10a-03) routes: a person's records and schedule, save, delete with the reason. */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { VaccinationRecordsService } from './records.ts';

const id = z.coerce.number().int().positive();
const idParam = z.object({ id });
const text = (max: number) => z.string().max(max).default('');

const saveBody = z.object({
  vaccine: z.string().max(30),
  dose: text(40),
  vaccinatedOn: z.string().max(30),
  product: text(60),
  lot: text(40),
  institutionId: id.nullable().default(null),
  institutionName: text(100),
  doctor: text(60),
  formNo: text(40),
  source: z.enum(['manual', 'handbook'], { message: '記録の出所（手入力・母子手帳転記）を選んでください。' }),
  note: text(500),
  id: id.nullable().default(null),
  version: z.number().int().nullable().default(null),
});

export function registerVaccinationRecordRoutes(app: ZApp, deps: { records: VaccinationRecordsService }) {
  const { records } = deps;

  app.get(
    '/api/vaccination/residents/:id',
    { config: { permission: 'vaccination.view' }, schema: { params: idParam } },
    async (req) => records.view(actorOf(req), req.params.id),
  );

  app.post(
    '/api/vaccination/residents/:id/records',
    { config: { permission: 'vaccination.edit' }, schema: { params: idParam, body: saveBody } },
    async (req) => records.save(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/vaccination/records/:id/delete',
    {
      config: { permission: 'vaccination.edit' },
      schema: {
        params: idParam,
        body: z.object({
          version: z.number().int(),
          reason: z.string().trim().min(1, '削除する理由を入力してください。').max(200),
        }),
      },
    },
    async (req) => {
      await records.remove(actorOf(req), req.params.id, req.body.version, req.body.reason);
      return { ok: true };
    },
  );
}
