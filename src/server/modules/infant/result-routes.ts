/**
 * 乳幼児健診の結果・精密健診 routes (F07-04…F07-06): meta, the child (宛名番号・受診票番号), a session's roster, save
 * a result; issue / reprint a 精密健診依頼書 (PDF with a send record); the 精密健診結果 by 依頼書番号. The import
 * (infant.detailed) has its routes under /api/infant/detailed-imports (registerImportRoutes in app.ts).
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { sendPdf } from '../../platform/http/file-reply.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import type { InfantReferralsService } from './referrals.ts';
import type { InfantResultsService } from './results.ts';

const id = z.object({ id: z.coerce.number().int().positive() });
const method = z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('counter');
const finding = z.object({
  finding: z.string().max(20).optional(),
  note: z.string().max(400).optional(),
  judgement: z.string().max(20).optional(),
});

const saveBody = z.object({
  childResidentId: z.number().int().positive({ message: '児を選んでください。' }),
  checkup: z.string().min(1, '健診の種類を選んでください。').max(10),
  mode: z.enum(['individual', 'group'], { message: '個別か集団かを選んでください。' }),
  sessionId: z.number().int().positive().nullable().default(null),
  examinedOn: z.string().max(30).default(''),
  institutionName: z.string().max(100).default(''),
  ticketNo: z.string().max(40).default(''),
  measures: z.record(z.string(), z.union([z.string().max(20), z.number()])).default({}),
  findings: z.record(z.string(), finding).default({}),
  dental: z
    .record(z.string(), z.union([z.string().max(400), z.number()]))
    .nullable()
    .default(null),
  judgement: z.string().max(20).default(''),
  note: z.string().max(1000).default(''),
  resultId: z.number().int().positive().nullable().default(null),
  version: z.number().int().nullable().default(null),
});

const detailedBody = z.object({
  referralNo: z.string().min(1, '依頼書番号を入れてください。').max(40),
  examinedOn: z.string().max(30),
  institutionName: z.string().max(100).default(''),
  result: z.string().max(20),
  diagnosis: z.string().max(400).default(''),
  note: z.string().max(1000).default(''),
  version: z.number().int().nullable().default(null),
});

export function registerInfantResultRoutes(
  app: ZApp,
  deps: { results: InfantResultsService; referrals: InfantReferralsService },
) {
  const { results, referrals } = deps;
  const pdf = (reply: FastifyReply, out: Awaited<ReturnType<InfantReferralsService['issue']>>) => {
    reply.header('x-referral-no', out.referral.referralNo);
    reply.header('x-send-record-id', String(out.record.id));
    const no = out.referral.referralNo;
    return sendPdf(reply, out.pdf, `精密健康診査依頼書-${no}.pdf`, `infant-referral-${no}.pdf`);
  };

  app.get('/api/infant/checkup-results/meta', { config: { permission: 'infant.view' } }, async () =>
    results.meta(),
  );

  app.get(
    '/api/infant/checkup-results/find',
    {
      config: { permission: 'infant.view' },
      schema: {
        querystring: z.object({
          atenaNo: z.string().max(20).optional(),
          ticketNo: z.string().max(40).optional(),
        }),
      },
    },
    async (req) => results.find(actorOf(req), req.query),
  );

  app.get(
    '/api/infant/checkup-results/children/:id',
    { config: { permission: 'infant.view' }, schema: { params: id } },
    async (req) => results.ofChild(actorOf(req), req.params.id),
  );

  app.get(
    '/api/infant/checkup-results/sessions',
    {
      config: { permission: 'infant.view' },
      schema: {
        querystring: z.object({ from: z.string().max(10).optional(), to: z.string().max(10).optional() }),
      },
    },
    async (req) => ({ sessions: await results.sessions(req.query) }),
  );

  app.get(
    '/api/infant/checkup-results/sessions/:id',
    { config: { permission: 'infant.view' }, schema: { params: id } },
    async (req) => results.roster(actorOf(req), req.params.id),
  );

  app.post(
    '/api/infant/checkup-results',
    { config: { permission: 'infant.edit' }, schema: { body: saveBody } },
    async (req) => results.save(actorOf(req), req.body),
  );

  app.post(
    '/api/infant/checkup-results/:id/referrals',
    {
      config: { permission: 'infant.edit' },
      schema: {
        params: id,
        body: z.object({
          areas: z.array(z.string().max(60)).max(20),
          reason: z.string().max(400).default(''),
          institutionName: z.string().max(100).default(''),
          method,
        }),
      },
    },
    async (req, reply) => pdf(reply, await referrals.issue(actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/infant/referrals/:no',
    {
      config: { permission: 'infant.view' },
      schema: { params: z.object({ no: z.string().min(1).max(40) }) },
    },
    async (req) => referrals.lookup(actorOf(req), req.params.no),
  );

  app.post(
    '/api/infant/referrals/:no/print',
    {
      config: { permission: 'infant.edit' },
      schema: {
        params: z.object({ no: z.string().min(1).max(40) }),
        body: z.object({ method }).default({ method: 'counter' }),
      },
    },
    async (req, reply) => pdf(reply, await referrals.reprint(actorOf(req), req.params.no, req.body.method)),
  );

  app.post(
    '/api/infant/referrals/detailed',
    { config: { permission: 'infant.edit' }, schema: { body: detailedBody } },
    async (req) => referrals.saveDetailed(actorOf(req), req.body),
  );
}
