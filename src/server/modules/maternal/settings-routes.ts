/** 母子保健の自治体設定 routes: read (母子保健の閲覧), change (事業マスタの変更, as the 予防接種の自治体設定). */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { MaternalSettingsService } from './settings.ts';

const whole = (what: string) => z.number({ message: `${what}は数字で入れてください。` });

export function registerMaternalSettingRoutes(app: ZApp, deps: { settings: MaternalSettingsService }) {
  const { settings } = deps;

  app.get('/api/maternal/settings', { config: { permission: 'programs.view' } }, async () => settings.get());

  app.put(
    '/api/maternal/settings',
    {
      config: { permission: 'programs.edit' },
      schema: {
        body: z.object({
          voucherPlan: z.record(
            z.string().max(30),
            z.object({
              count: whole('回数').optional(),
              limitYen: whole('助成上限').nullable().optional(),
              enabled: z.boolean().optional(),
            }),
          ),
          epdsFollowUpThreshold: whole('EPDS の合計点の基準').nullable(),
          epdsSelfHarmThreshold: whole('EPDS 問10 の基準').nullable(),
          lowBirthWeightGrams: whole('低出生体重の基準').nullable(),
          version: z.number().int(),
        }),
      },
    },
    async (req) => settings.update(actorOf(req), req.body),
  );
}
