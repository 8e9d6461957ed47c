/** Routes of 受診希望 (F02-01 step 7): answers by hand and by file, and 集団検診の日程割当. */
import { z } from 'zod';
import { badRequest } from '../../platform/errors/app-error.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { AllocationService } from './allocation-service.ts';
import { type PreferencesService, preferenceChannels } from './preferences.ts';
import { dateInput, fy, id, program } from './route-schemas.ts';

const preferenceBody = z.object({
  programs: z.array(program).min(1, '希望する検診を1つ以上選んでください。'),
  wantsGroup: z.boolean().default(false),
  sessionId: id.nullable().default(null),
  channel: z.enum(Object.keys(preferenceChannels) as [keyof typeof preferenceChannels]),
  answeredOn: dateInput,
  note: z.string().max(500).default(''),
  surveyListId: id.nullable().optional(),
  version: z.number().int().optional(),
});

/** 日程割当: sessions from this day (default: tomorrow), optionally at one venue. */
const allocationOptions = z.object({
  fromDate: dateInput.optional(),
  venueId: id.optional(),
});

export function registerPreferenceRoutes(
  app: ZApp,
  deps: { preferences: PreferencesService; allocation: AllocationService },
) {
  const { preferences, allocation } = deps;

  app.get(
    '/api/adult/preferences',
    {
      config: { permission: 'adult.view' },
      schema: {
        querystring: z.object({
          fiscalYear: fy,
          sessionId: id.optional(),
          program: program.optional(),
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (req) => preferences.list(actorOf(req), req.query.fiscalYear, req.query),
  );
  app.get(
    '/api/adult/sessions',
    { config: { permission: 'adult.view' }, schema: { querystring: z.object({ fiscalYear: fy }) } },
    async (req) => ({ sessions: await preferences.sessionsOf(req.query.fiscalYear) }),
  );
  app.get(
    '/api/adult/preferences/:fiscalYear/:residentId',
    {
      config: { permission: 'adult.view' },
      schema: { params: z.object({ fiscalYear: fy, residentId: id }) },
    },
    async (req) => ({
      preference: await preferences.get(actorOf(req), req.params.fiscalYear, req.params.residentId),
    }),
  );
  app.put(
    '/api/adult/preferences/:fiscalYear/:residentId',
    {
      config: { permission: 'adult.edit' },
      schema: { params: z.object({ fiscalYear: fy, residentId: id }), body: preferenceBody },
    },
    async (req) => {
      const { version, ...v } = req.body;
      return preferences.register(
        actorOf(req),
        req.params.fiscalYear,
        { ...v, residentId: req.params.residentId },
        version,
      );
    },
  );
  app.delete(
    '/api/adult/preferences/:fiscalYear/:residentId',
    {
      config: { permission: 'adult.edit' },
      schema: { params: z.object({ fiscalYear: fy, residentId: id }) },
    },
    async (req) => {
      await preferences.remove(actorOf(req), req.params.fiscalYear, req.params.residentId);
      return { ok: true };
    },
  );
  // 集団検診の日程割当: the preview only reads; apply saves (all or nothing)
  app.get(
    '/api/adult/preferences/:fiscalYear/allocation',
    {
      config: { permission: 'adult.view' },
      schema: { params: z.object({ fiscalYear: fy }), querystring: allocationOptions },
    },
    async (req) => allocation.previewAllocation(actorOf(req), req.params.fiscalYear, req.query),
  );
  app.post(
    '/api/adult/preferences/:fiscalYear/allocation',
    {
      config: { permission: 'adult.edit' },
      schema: { params: z.object({ fiscalYear: fy }), body: allocationOptions },
    },
    async (req) => allocation.applyAllocation(actorOf(req), req.params.fiscalYear, req.body),
  );
  app.post(
    '/api/adult/preferences/:fiscalYear/import',
    { config: { permission: 'adult.edit' }, schema: { params: z.object({ fiscalYear: fy }) } },
    async (req) => {
      const part = await req.file();
      if (!part) throw badRequest('取り込むファイルを選んでください。');
      const fields = part.fields as Record<string, { value?: string } | undefined>;
      const buf = await part.toBuffer();
      const kind = /\.xml$/i.test(part.filename) || fields.kind?.value === 'xml' ? 'xml' : 'csv';
      return preferences.importAnswers(actorOf(req), req.params.fiscalYear, buf, {
        kind,
        dryRun: fields.dryRun?.value === 'true',
      });
    },
  );
}
