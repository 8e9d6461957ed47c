/** 予防接種健康被害救済 (F11a-05) routes: all under the permission `vaccination.relief`. */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { sendPdf } from '../../platform/http/file-reply.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import type { VaccinationReliefService } from './relief.ts';
import type { VaccinationReliefPrints } from './relief-prints.ts';

const config = { permission: 'vaccination.relief' };
const id = z.coerce.number().int().positive();
const params = z.object({ id });
const text = (max: number) => z.string().max(max, `${max}文字以内で入力してください。`).default('');
const date = z.string().max(30).default('');
const version = z.number().int();
const benefits = z.array(z.string().max(40)).max(20).default([]);

const claimant = {
  claimantName: text(100),
  claimantRelation: text(40),
  claimantPostalCode: text(10),
  claimantAddress: text(200),
  claimantPhone: text(30),
  benefits,
  symptoms: text(2000),
  note: text(1000),
};

export function registerVaccinationReliefRoutes(
  app: ZApp,
  deps: { relief: VaccinationReliefService; prints: VaccinationReliefPrints },
) {
  const { relief, prints } = deps;

  app.get(
    '/api/vaccination/relief',
    {
      config,
      schema: {
        querystring: z.object({
          status: z.string().max(20).optional(),
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
      },
    },
    async (req) => relief.list(actorOf(req), req.query),
  );

  app.get('/api/vaccination/relief/history/:id', { config, schema: { params } }, async (req) =>
    relief.history(actorOf(req), req.params.id),
  );

  app.post(
    '/api/vaccination/relief',
    {
      config,
      schema: {
        body: z.object({
          residentId: id,
          ...claimant,
          vaccine: z.string().max(30).default(''),
          vaccinatedOn: date,
          recordIds: z.array(id).max(50).default([]),
          receivedOn: date,
        }),
      },
    },
    async (req) => relief.create(actorOf(req), req.body),
  );

  app.get('/api/vaccination/relief/:id', { config, schema: { params } }, async (req) =>
    relief.view(actorOf(req), req.params.id),
  );

  app.post(
    '/api/vaccination/relief/:id/edit',
    { config, schema: { params, body: z.object({ version, ...claimant }) } },
    async (req) => relief.edit(actorOf(req), req.params.id, req.body.version, req.body),
  );

  app.post(
    '/api/vaccination/relief/:id/records',
    { config, schema: { params, body: z.object({ version, recordIds: z.array(id).max(50) }) } },
    async (req) => relief.attachRecords(actorOf(req), req.params.id, req.body.version, req.body.recordIds),
  );

  app.post(
    '/api/vaccination/relief/:id/documents',
    {
      config,
      schema: {
        params,
        body: z.object({
          version,
          documents: z
            .array(
              z.object({
                code: text(40),
                label: text(200),
                receivedOn: z.string().max(30).nullable().default(null),
              }),
            )
            .max(60),
        }),
      },
    },
    async (req) => relief.saveDocuments(actorOf(req), req.params.id, req.body.version, req.body.documents),
  );

  app.post(
    '/api/vaccination/relief/:id/forward',
    { config, schema: { params, body: z.object({ version, forwardedOn: date, note: text(1000) }) } },
    async (req) => relief.forward(actorOf(req), req.params.id, req.body.version, req.body),
  );

  app.post(
    '/api/vaccination/relief/:id/decision',
    {
      config,
      schema: {
        params,
        body: z.object({
          version,
          result: z.enum(['recognized', 'denied'], { message: '「認定」か「否認」を選んでください。' }),
          decidedOn: date,
          resultReceivedOn: date,
          recognizedBenefits: benefits,
          note: text(1000),
        }),
      },
    },
    async (req) => relief.decide(actorOf(req), req.params.id, req.body.version, req.body),
  );

  app.post(
    '/api/vaccination/relief/:id/withdraw',
    { config, schema: { params, body: z.object({ version, withdrawnOn: date, reason: text(500) }) } },
    async (req) => relief.withdraw(actorOf(req), req.params.id, req.body.version, req.body),
  );

  app.post(
    '/api/vaccination/relief/:id/forward-letter',
    { config, schema: { params, body: z.object({ addressee: text(60) }).default({ addressee: '' }) } },
    async (req, reply) => {
      const r = await prints.forwardLetter(actorOf(req), req.params.id, req.body);
      return sendPdf(reply, r.pdf, r.fileName, 'relief.pdf');
    },
  );

  app.post(
    '/api/vaccination/relief/:id/notice',
    {
      config,
      schema: {
        params,
        body: z.object({
          version,
          sentOn: z.string().max(30).optional(),
          method: z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('post'),
        }),
      },
    },
    async (req, reply) => {
      const r = await prints.notice(actorOf(req), req.params.id, req.body);
      return sendPdf(reply, r.pdf, r.fileName, 'relief.pdf');
    },
  );
}
