import { z } from 'zod';
import type { AuditService } from '../../platform/audit/service.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { isValidLgCode, type SettingsService } from './service.ts';

const body = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1, '自治体名を入力してください。'),
  lgCode: z
    .string()
    .trim()
    .refine(
      isValidLgCode,
      '地方公共団体コードは検査数字を含む6桁です（例: 131016）。検査数字を確かめてください。',
    ),
  mayorTitle: z.string().trim().min(1, '首長の職名を入力してください（例: すこやか市長）。'),
  mayorName: z.string().trim().min(1, '首長の氏名を入力してください。'),
  centerName: z.string().trim().min(1, '保健センター名を入力してください。'),
  centerPostalCode: z
    .string()
    .trim()
    .transform((s) => s.replace(/[-－]/g, ''))
    .refine((s) => /^\d{7}$/.test(s), '郵便番号は7桁の数字です（例: 123-4567）。'),
  centerAddress: z.string().trim().min(1, '所在地を入力してください。'),
  centerPhone: z
    .string()
    .trim()
    .refine(
      (s) => /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(s),
      '電話番号は市外局番から入力してください（例: 012-345-6789）。',
    ),
});

export function registerSettingsRoutes(app: ZApp, deps: { settings: SettingsService; audit: AuditService }) {
  app.get('/api/settings/municipality', { config: { permission: 'authenticated' } }, async () => ({
    municipality: await deps.settings.get(),
  }));
  app.put(
    '/api/settings/municipality',
    { config: { permission: 'settings.edit' }, schema: { body } },
    async (req) => {
      const { version, ...v } = req.body;
      const m = await deps.settings.update(version, v, actorOf(req).userId!);
      await deps.audit.record(actorOf(req), { action: 'admin', summary: '自治体設定の変更', detail: v });
      return { municipality: m };
    },
  );
}
