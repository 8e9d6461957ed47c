/** 特例・除外 routes: a person's facts, register one, end one with the reason. */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { VaccinationSpecialsService } from './specials.ts';
import { specialKinds } from './specials-rules.ts';

const id = z.coerce.number().int().positive();
const idParam = z.object({ id });

const addBody = z.object({
  kind: z.enum(Object.keys(specialKinds) as [keyof typeof specialKinds], {
    message: '種類を選んでください。',
  }),
  vaccines: z.array(z.string().max(30)).max(20).default([]),
  disease: z.string().max(40).nullable().default(null),
  reason: z.string().max(200).default(''),
  date: z.string().max(10).nullable().default(null),
  note: z.string().max(500).default(''),
});

export function registerVaccinationSpecialRoutes(app: ZApp, deps: { specials: VaccinationSpecialsService }) {
  const { specials } = deps;

  app.get(
    '/api/vaccination/residents/:id/specials',
    { config: { permission: 'vaccination.view' }, schema: { params: idParam } },
    async (req) => ({ rows: await specials.list(actorOf(req), req.params.id) }),
  );

  app.post(
    '/api/vaccination/residents/:id/specials',
    { config: { permission: 'vaccination.edit' }, schema: { params: idParam, body: addBody } },
    async (req) => specials.add(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/vaccination/specials/:id/end',
    {
      config: { permission: 'vaccination.edit' },
      schema: {
        params: idParam,
        body: z.object({
          version: z.number().int(),
          reason: z.string().trim().min(1, '終了する理由を入力してください。').max(200),
        }),
      },
    },
    async (req) => {
      await specials.end(actorOf(req), req.params.id, req.body.version, req.body.reason);
      return { ok: true };
    },
  );
}
