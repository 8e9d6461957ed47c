import { z } from 'zod';
import { csvHeaders } from '../../platform/csv/export.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import { includedOf, registerListEntryRoutes } from '../../platform/extraction/routes.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { sendPdf } from '../../platform/http/file-reply.ts';
import { listMailingBody } from '../../platform/mailings/list-request.ts';
import { sendMethods } from '../../platform/mailings/types.ts';
import { type FeeExemptionKind, feeExemptionKinds, programCodes, programLabels } from '../programs/types.ts';
import type { AllocationService } from './allocation-service.ts';
import { type AdultHealthMailings, type MailingParams, mailingJobKind } from './mailing.ts';
import { registerPreferenceRoutes } from './preference-routes.ts';
import { type PreferencesService, preferenceChannels } from './preferences.ts';
import type { ResidentScreeningService } from './resident-screening.ts';
import { dateInput, fy, id, program } from './route-schemas.ts';
import { optOutReasons, reasonLabels, resultLabels } from './rules.ts';
import { exclusionReasons, listPurposes, type TargetListsService } from './target-lists.ts';

const listParam = z.object({ id });
const entryParam = z.object({ id, residentId: id });
const residentParam = z.object({ id });

const extractionBody = z.object({
  purpose: z.enum(Object.keys(listPurposes) as [keyof typeof listPurposes], {
    message: 'リストの種類を選んでください。',
  }),
  fiscalYear: fy,
  programs: z.array(program).min(1, '抽出する検診を1つ以上選んでください。'),
  title: z.string().max(200).optional(),
  sessionId: id.nullable().optional(),
});

const optOutBody = z.object({
  program: program.nullable(),
  reason: z.enum(Object.keys(optOutReasons) as [keyof typeof optOutReasons], {
    message: '理由を選んでください。',
  }),
  note: z.string().max(500).default(''),
  validFrom: dateInput,
  validUntil: dateInput.nullable(),
});

const feeExemptionBody = z.object({
  kind: z.enum(Object.keys(feeExemptionKinds) as [FeeExemptionKind, ...FeeExemptionKind[]], {
    message: '免除の種類を選んでください。',
  }),
  note: z.string().max(500).default(''),
  validFrom: dateInput,
  validUntil: dateInput.nullable(),
});

export function registerAdultHealthRoutes(
  app: ZApp,
  deps: {
    lists: TargetListsService;
    screening: ResidentScreeningService;
    preferences: PreferencesService;
    allocation: AllocationService;
    mailings: AdultHealthMailings;
    jobs: {
      enqueue(
        kind: string,
        title: string,
        params: unknown,
        createdBy: number | null,
      ): Promise<{ id: number }>;
    };
  },
) {
  const { lists, screening } = deps;

  app.get('/api/adult/meta', { config: { permission: 'adult.view' } }, async () => ({
    programs: programCodes.map((c) => ({ code: c, name: programLabels[c] })),
    purposes: listPurposes,
    exclusionReasons,
    optOutReasons,
    reasonLabels,
    preferenceChannels,
    resultLabels,
    sendMethods,
    currentFiscalYear: lists.currentFiscalYear(),
  }));

  // 対象者リスト
  app.get(
    '/api/adult/lists',
    {
      config: { permission: 'adult.view' },
      schema: { querystring: z.object({ fiscalYear: fy.optional() }) },
    },
    async (req) => ({ lists: await lists.list({ fiscalYear: req.query.fiscalYear }) }),
  );
  app.post(
    '/api/adult/lists',
    { config: { permission: 'adult.extract' }, schema: { body: extractionBody } },
    async (req) => ({
      list: await lists.startExtraction(actorOf(req), req.body),
    }),
  );
  registerListEntryRoutes(app, {
    base: '/api/adult/lists',
    viewPermission: 'adult.view',
    changePermission: 'adult.extract',
    reason: z.enum(Object.keys(exclusionReasons) as [keyof typeof exclusionReasons], {
      message: '除外理由を選んでください。',
    }),
    entryFilters: {
      query: { program: program.optional(), coupon: z.enum(['true']).optional() },
      filterOf: (q) => ({ program: q.program, coupon: q.coupon === 'true' }),
    },
    lists,
  });
  app.post(
    '/api/adult/lists/:id/entries',
    {
      config: { permission: 'adult.extract' },
      schema: {
        params: listParam,
        body: z.object({
          residentId: id,
          programs: z.array(program).min(1, '追加する検診を選んでください。'),
          note: z.string().max(500).default(''),
        }),
      },
    },
    async (req) => lists.addByHand(actorOf(req), req.params.id, req.body.residentId, req.body),
  );
  app.get(
    '/api/adult/lists/:id/entries/:residentId/judgement',
    { config: { permission: 'adult.view' }, schema: { params: entryParam } },
    async (req) => ({ judgements: await lists.whyNot(actorOf(req), req.params.id, req.params.residentId) }),
  );
  app.get(
    '/api/adult/lists/:id/csv',
    {
      config: { permission: 'residents.export' },
      schema: {
        params: listParam,
        querystring: z.object({
          encoding: z.enum(['utf8', 'sjis']).default('utf8'),
          columns: z.string().optional(),
          included: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const csv = await lists.exportCsv(actorOf(req), req.params.id, {
        encoding: q.encoding,
        columns: q.columns ? q.columns.split(',') : undefined,
        included: includedOf(q.included),
      });
      return reply.headers(csvHeaders(csv, q.encoding)).send(csv.body);
    },
  );
  app.post(
    '/api/adult/lists/:id/mailing',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: listParam,
        body: listMailingBody.extend({ replyBy: dateInput.optional() }),
      },
    },
    async (req) => {
      const list = await lists.get(req.params.id);
      if (list.status !== 'ready') throw badRequest('抽出が終わっていないリストからは郵送物を作れません。');
      const a = actorOf(req);
      const params: MailingParams = {
        listId: list.id,
        ...req.body,
        userId: a.userId,
        loginId: a.loginId,
        roleCode: a.roleCode,
      };
      return {
        job: await deps.jobs.enqueue(mailingJobKind, `郵送物の作成: ${list.title}`, params, a.userId),
      };
    },
  );

  // 宛名画面 成人検診
  app.get(
    '/api/adult/residents/:id',
    {
      config: { permission: 'adult.view' },
      schema: { params: residentParam, querystring: z.object({ fiscalYear: fy.optional() }) },
    },
    async (req) =>
      screening.overview(actorOf(req), req.params.id, req.query.fiscalYear ?? lists.currentFiscalYear()),
  );
  app.post(
    '/api/adult/residents/:id/opt-outs',
    { config: { permission: 'adult.edit' }, schema: { params: residentParam, body: optOutBody } },
    async (req) => screening.addOptOut(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/adult/residents/:id/opt-outs/:optOutId',
    {
      config: { permission: 'adult.edit' },
      schema: {
        params: z.object({ id, optOutId: id }),
        body: optOutBody.extend({ version: z.number().int() }),
      },
    },
    async (req) => {
      await screening.updateOptOut(actorOf(req), req.params.id, req.params.optOutId, req.body);
      return { ok: true };
    },
  );
  app.delete(
    '/api/adult/residents/:id/opt-outs/:optOutId',
    { config: { permission: 'adult.edit' }, schema: { params: z.object({ id, optOutId: id }) } },
    async (req) => {
      await screening.deleteOptOut(actorOf(req), req.params.id, req.params.optOutId);
      return { ok: true };
    },
  );
  app.post(
    '/api/adult/residents/:id/fee-exemptions',
    { config: { permission: 'adult.edit' }, schema: { params: residentParam, body: feeExemptionBody } },
    async (req) => screening.addFeeExemption(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/adult/residents/:id/fee-exemptions/:exemptionId',
    { config: { permission: 'adult.edit' }, schema: { params: z.object({ id, exemptionId: id }) } },
    async (req) => {
      await screening.deleteFeeExemption(actorOf(req), req.params.id, req.params.exemptionId);
      return { ok: true };
    },
  );
  app.post(
    '/api/adult/residents/:id/records',
    {
      config: { permission: 'adult.edit' },
      schema: {
        params: residentParam,
        body: z.object({
          program,
          method: z.string().max(40).nullable().default(null),
          screenedOn: dateInput,
          result: z.string().max(60).nullable().default(null),
        }),
      },
    },
    async (req) => screening.addRecord(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/adult/residents/:id/reissue',
    {
      config: { permission: 'mailings.manage' },
      schema: {
        params: residentParam,
        body: z.object({
          fiscalYear: fy,
          method: z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('counter'),
          reason: z.string().trim().min(1, '再発行の理由を入力してください（例: 紛失、転入）。').max(200),
        }),
      },
    },
    async (req, reply) => {
      const { pdf } = await deps.mailings.reissueTicket(actorOf(req), {
        residentId: req.params.id,
        ...req.body,
      });
      return sendPdf(reply, pdf, '受診券.pdf', 'ticket.pdf');
    },
  );

  registerPreferenceRoutes(app, deps);
}
