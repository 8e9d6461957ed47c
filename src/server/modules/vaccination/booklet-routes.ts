/**
 * 予診票一括発行（冊子渡し）(F10a-01) routes: the extraction preview (予防接種対象児抽出) and making the mailing of
 * 予診票冊子 (job). Pull-out, printing, 宛名シール, CSV and 送付情報 are the mailings engine's routes.
 */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import { localDate } from '../../platform/reservations/input.ts';
import { monthsRange } from './booklet-rules.ts';
import type { VaccinationBookletsService } from './booklets.ts';

/** A date typed as 西暦 or 和暦 (R8.10.1, 令和8年10月1日, 2026-10-01) → 'YYYY-MM-DD' (the platform's parser). */
const date = localDate;

const criteria = z.object({
  basis: z.enum(['birth', 'age'], { message: '抽出のしかた（出生日・生後の月数）を選んでください。' }),
  from: date('開始日'),
  to: date('終了日'),
  months: z.coerce
    .number()
    .int('生後の月数は整数で入力してください。')
    .min(monthsRange.min, `生後の月数は${monthsRange.min}以上です。`)
    .max(monthsRange.max, `生後の月数は${monthsRange.max}以下です。`)
    .optional(),
  includeNonRegistered: z.boolean().default(false),
  excludeSent: z.boolean().default(true),
});

export function registerVaccinationBookletRoutes(app: ZApp, deps: { booklets: VaccinationBookletsService }) {
  const { booklets } = deps;

  app.post(
    '/api/vaccination/booklets/preview',
    { config: { permission: 'vaccination.extract' }, schema: { body: criteria } },
    async (req) => booklets.preview(actorOf(req), req.body),
  );

  app.post(
    '/api/vaccination/booklets/mailing',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        body: criteria.extend({
          sendDate: date('発送日'),
          method: z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('post'),
        }),
      },
    },
    async (req) => {
      const { sendDate, method, ...c } = req.body;
      return { job: await booklets.startMailing(actorOf(req), c, { sendDate, method }) };
    },
  );
}
