/**
 * Routes of the documents printed at the counter (PDF, with a send record): 予防接種済証 (F11a-03) and the 予診票 of
 * a due dose (F10a-03).
 */
import { z } from 'zod';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { sendPdf } from '../../platform/http/file-reply.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import type { VaccinationPrintsService } from './prints.ts';

const method = z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('counter');
const params = z.object({ id: z.coerce.number().int().positive() });

export function registerVaccinationPrintRoutes(app: ZApp, deps: { prints: VaccinationPrintsService }) {
  const { prints } = deps;

  app.post(
    '/api/vaccination/residents/:id/certificate',
    {
      config: { permission: 'mailings.manage' },
      schema: { params, body: z.object({ method }).default({ method: 'counter' }) },
    },
    async (req, reply) =>
      sendPdf(
        reply,
        (await prints.issueCertificate(actorOf(req), req.params.id, req.body.method)).pdf,
        '予防接種済証.pdf',
        'vaccination-certificate.pdf',
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
      sendPdf(
        reply,
        (await prints.issueForm(actorOf(req), req.params.id, req.body)).pdf,
        '予診票.pdf',
        'vaccination-form.pdf',
      ),
  );
}
