/**
 * Routes of the documents printed at the counter (PDF, with a send record): 予防接種済証 (F11a-03) and the 予診票 of
 * a due dose (F10a-03).
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import type { VaccinationPrintsService } from './prints.ts';

const method = z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('counter');
const params = z.object({ id: z.coerce.number().int().positive() });

export function registerVaccinationPrintRoutes(app: ZApp, deps: { prints: VaccinationPrintsService }) {
  const { prints } = deps;
  const pdf = (reply: FastifyReply, name: string, body: Buffer) => {
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `inline; filename="${name}.pdf"`);
    return reply.send(body);
  };

  app.post(
    '/api/vaccination/residents/:id/certificate',
    {
      config: { permission: 'mailings.manage' },
      schema: { params, body: z.object({ method }).default({ method: 'counter' }) },
    },
    async (req, reply) =>
      pdf(
        reply,
        'vaccination-certificate',
        (await prints.issueCertificate(actorOf(req), req.params.id, req.body.method)).pdf,
      ),
  );

  app.post(
    '/api/vaccination/residents/:id/form',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params,
        body: z.object({
          vaccine: z.string().min(1, 'ワクチンを選んでください。').max(30),
          dose: z.string().min(1, '回を選んでください。').max(40),
          method,
        }),
      },
    },
    async (req, reply) =>
      pdf(reply, 'vaccination-form', (await prints.issueForm(actorOf(req), req.params.id, req.body)).pdf),
  );
}
