/** 予防接種の自治体設定 routes: read (anyone who sees schedules), change (事業マスタの変更). */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { VaccinationSettingsService } from './settings.ts';

const mmdd = z.string().max(5);

export function registerVaccinationSettingRoutes(app: ZApp, deps: { settings: VaccinationSettingsService }) {
  const { settings } = deps;

  app.get('/api/vaccination/settings', { config: { permission: 'programs.view' } }, async () =>
    settings.get(),
  );

  app.put(
    '/api/vaccination/settings',
    {
      config: { permission: 'programs.edit' },
      schema: {
        body: z.object({
          monthEndRule: z.enum(['mhlw', 'month-end'], { message: '月末の扱いを選んでください。' }),
          seasons: z.record(z.string().max(30), z.object({ from: mmdd, to: mmdd })),
          version: z.number().int(),
        }),
      },
    },
    async (req) => settings.update(actorOf(req), req.body),
  );
}
