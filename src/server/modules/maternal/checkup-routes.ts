/**
 * 妊婦健診・産婦健診の結果 routes (F06-03…F06-06): meta (items, 判定), the visit of a 受診券ID, save. The import
 * (maternal.checkups) has its routes under /api/maternal/checkups/imports (registerImportRoutes in app.ts).
 */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { MaternalCheckupsService } from './checkups.ts';

const saveBody = z.object({
  voucherNo: z.string().min(1, '受診券IDを入れてください。').max(40),
  category: z.enum(['checkup', 'detailed'], { message: '区分を選んでください。' }).default('checkup'),
  examinedOn: z.string().max(30),
  institution: z.string().max(100).default(''),
  judgement: z.string().max(30).default(''),
  items: z.record(z.string(), z.unknown()).default({}),
  note: z.string().max(1000).default(''),
  resultId: z.number().int().positive().nullable().default(null),
  version: z.number().int().nullable().default(null),
});

export function registerMaternalCheckupRoutes(app: ZApp, deps: { checkups: MaternalCheckupsService }) {
  const svc = deps.checkups;

  app.get('/api/maternal/checkups/meta', { config: { permission: 'maternal.view' } }, async () => svc.meta());

  app.get(
    '/api/maternal/checkups/vouchers/:voucherNo',
    {
      config: { permission: 'maternal.view' },
      schema: { params: z.object({ voucherNo: z.string().min(1).max(40) }) },
    },
    async (req) => svc.lookup(actorOf(req), req.params.voucherNo),
  );

  app.post(
    '/api/maternal/checkups',
    { config: { permission: 'maternal.edit' }, schema: { body: saveBody } },
    async (req) => svc.save(actorOf(req), req.body),
  );
}
