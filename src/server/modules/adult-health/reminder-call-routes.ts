/** 架電結果 (F03-04 / F04-02) routes: the outcomes, a person's calls, recording a call. */

import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { ReminderCallsService } from './reminder-calls.ts';
import { callPurposes } from './reminder-calls-rules.ts';
import { fy, id, program } from './route-schemas.ts';

const purpose = z.enum(Object.keys(callPurposes) as [keyof typeof callPurposes], {
  message: '勧奨の種類（未受診者勧奨・精検未受診者勧奨）を指定してください。',
});
const scope = z.object({ residentId: id, purpose, fiscalYear: fy, program: program.optional() });

/** Headers of a PDF shown in the browser, with a Japanese file name (RFC 5987). */

export function registerReminderCallRoutes(app: ZApp, deps: { calls: ReminderCallsService }) {
  const { calls } = deps;

  app.get('/api/adult/reminder-calls/meta', { config: { permission: 'adult.view' } }, async () =>
    calls.meta(),
  );

  app.get(
    '/api/adult/reminder-calls',
    { config: { permission: 'adult.view' }, schema: { querystring: scope } },
    async (req) => {
      const { residentId, program: p, ...s } = req.query;
      return calls.history(actorOf(req), residentId, { ...s, program: p ?? null });
    },
  );

  app.post(
    '/api/adult/reminder-calls',
    {
      config: { permission: 'adult.edit' },
      schema: {
        body: scope.extend({
          outcome: z.string().max(30).default(''),
          note: z.string().max(1000).default(''),
          calledAt: z.string().max(40).default(''),
        }),
      },
    },
    async (req) => calls.record(actorOf(req), { ...req.body, program: req.body.program ?? null }),
  );
}
