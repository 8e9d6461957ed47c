/**
 * 妊娠届・母子健康手帳 routes (F06-01): search, a mother's pregnancies, one pregnancy, register, handbooks, vouchers,
 * outcome, flags, and the PDFs (受診券の組, 妊娠届出書). The 個人番号 is shown through the residents routes
 * (/api/residents/:id/reveal-my-number, residents.my_number, with a purpose).
 */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { sendPdf } from '../../platform/http/file-reply.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import type { PregnanciesService } from './pregnancies.ts';
import type { PregnancyPrintsService } from './pregnancy-prints.ts';
import { outcomeLabels } from './pregnancy-rules.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD で入れてください。');
const version = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max).default('');

const registerBody = z.object({
  motherResidentId: z.number().int().positive(),
  notifiedOn: date,
  dueDate: date.nullable().default(null),
  weeks: z.number().int().nullable().default(null),
  days: z.number().int().nullable().default(null),
  fetusCount: z.number().int().default(1),
  source: z.enum(['counter', 'moved_in']).default('counter'),
  movedIn: z
    .object({
      city: z.string().trim().min(1).max(50),
      handbookNo: text(40),
      issuedOn: z.string().max(10).default(''),
    })
    .nullable()
    .default(null),
  diagnosedBy: text(100),
  diagnosisInstitution: text(100),
  stdTbCheckup: z.enum(['yes', 'no', 'unknown']).default('unknown'),
  occupation: text(100),
  questionnaire: z.record(z.string(), z.unknown()).default({}),
  riskFlags: z.array(z.string()).default([]),
  specificPregnant: z.boolean().default(false),
  interview: z.record(z.string(), z.unknown()).default({}),
  note: text(1000),
});

export function registerPregnancyRoutes(
  app: ZApp,
  deps: { pregnancies: PregnanciesService; prints: PregnancyPrintsService },
) {
  const svc = deps.pregnancies;
  const view = { config: { permission: 'maternal.view' } };
  const edit = { config: { permission: 'maternal.edit' } };

  app.get('/api/maternal/pregnancies/meta', view, async () => svc.meta());
  app.get(
    '/api/maternal/pregnancies',
    { ...view, schema: { querystring: z.object({ q: z.string().max(100).default('') }) } },
    async (req) => svc.search(actorOf(req), req.query.q),
  );
  app.get('/api/maternal/mothers/:id/pregnancies', { ...view, schema: { params: idParam } }, async (req) =>
    svc.ofMother(actorOf(req), req.params.id),
  );
  app.post(
    '/api/maternal/pregnancies/suggest-flags',
    {
      ...view,
      schema: {
        body: z.object({
          motherResidentId: z.number().int().positive(),
          notifiedOn: date,
          fetusCount: z.number().int().default(1),
          weeks: z.number().int().nullable().default(null),
          answers: z.record(z.string(), z.unknown()).default({}),
        }),
      },
    },
    async (req) => ({ flags: await svc.suggest(req.body) }),
  );
  app.get('/api/maternal/pregnancies/:id', { ...view, schema: { params: idParam } }, async (req) =>
    svc.get(actorOf(req), req.params.id),
  );
  app.post('/api/maternal/pregnancies', { ...edit, schema: { body: registerBody } }, async (req) =>
    svc.register(actorOf(req), req.body),
  );
  app.post(
    '/api/maternal/pregnancies/:id/handbooks',
    {
      ...edit,
      schema: {
        params: idParam,
        body: z.object({
          kind: z.enum(['additional', 'reissue']),
          childIndex: z.number().int().positive().nullable().default(null),
          reason: text(200),
          version,
        }),
      },
    },
    async (req) => svc.issueHandbook(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/maternal/pregnancies/:id/vouchers/void',
    {
      ...edit,
      schema: {
        params: idParam,
        body: z.object({
          voucherIds: z.array(z.number().int().positive()).min(1, '受診券を選んでください。'),
          reason: text(200),
          reissue: z.boolean().default(false),
          version,
        }),
      },
    },
    async (req) => svc.voidVouchers(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/maternal/pregnancies/:id/outcome',
    {
      ...edit,
      schema: {
        params: idParam,
        body: z.object({
          outcome: z.enum(Object.keys(outcomeLabels) as [keyof typeof outcomeLabels], {
            message: '結果を選んでください。',
          }),
          outcomeOn: date,
          version,
        }),
      },
    },
    async (req) => svc.setOutcome(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/maternal/pregnancies/:id/flags',
    {
      ...edit,
      schema: {
        params: idParam,
        body: z.object({
          riskFlags: z.array(z.string()).default([]),
          specificPregnant: z.boolean().default(false),
          interview: z.record(z.string(), z.unknown()).nullable().default(null),
          note: z.string().max(1000).nullable().default(null),
          version,
        }),
      },
    },
    async (req) => svc.setFlags(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/maternal/pregnancies/:id/vouchers/print',
    {
      ...edit,
      schema: {
        params: idParam,
        body: z
          .object({
            voucherIds: z.array(z.number().int().positive()).nullable().default(null),
            method: z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('counter'),
          })
          .default({ voucherIds: null, method: 'counter' }),
      },
    },
    async (req, reply) =>
      sendPdf(
        reply,
        (await deps.prints.vouchers(actorOf(req), req.params.id, req.body)).pdf,
        '妊婦健康診査受診券.pdf',
        'maternal-vouchers.pdf',
      ),
  );
  app.post(
    '/api/maternal/pregnancies/:id/notification-sheet',
    { ...edit, schema: { params: idParam } },
    async (req, reply) =>
      sendPdf(
        reply,
        (await deps.prints.notificationSheet(actorOf(req), req.params.id)).pdf,
        '妊娠届出書.pdf',
        'pregnancy-notification.pdf',
      ),
  );
}
