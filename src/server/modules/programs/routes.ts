import { z } from 'zod';
import type { AuditService } from '../../platform/audit/service.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import {
  institutionInputSchema,
  masterListQuery,
  sessionInputSchema,
  venueInputSchema,
} from './masters-schema.ts';
import type { ProgramsService } from './service.ts';
import { programSettingsSchema } from './settings-schema.ts';
import { programCodes } from './types.ts';

const yearMessage = '年度は西暦4桁で指定してください（例: 2026）。';
const fiscalYear = z.coerce
  .number({ error: yearMessage })
  .int({ error: yearMessage })
  .min(2000, { error: yearMessage })
  .max(2100, { error: yearMessage });
const programCode = z.enum(programCodes, { error: '事業コードが正しくありません（例: stomach）。' });
const yearParams = z.object({ fy: fiscalYear });
const programParams = z.object({ fy: fiscalYear, code: programCode });
const idParams = z.object({ id: z.coerce.number().int().min(1) });
const version = z.object({ version: z.number({ error: '版数（version）がありません。' }).int() });

/**
 * 事業マスタ API: program settings per 年度, 会場, 医療機関, 集団検診日程. Reading needs programs.view, changing
 * programs.edit. Bodies are checked here for shape; the service checks again (with the 年度) and audits.
 */
export function registerProgramRoutes(app: ZApp, deps: { programs: ProgramsService; audit: AuditService }) {
  const { programs } = deps;

  app.get(
    '/api/programs/:fy',
    { config: { permission: 'programs.view' }, schema: { params: yearParams } },
    async (req) => {
      const fy = req.params.fy;
      const [rows, previousYear] = await Promise.all([programs.forYear(fy), programs.hasYear(fy - 1)]);
      return { fiscalYear: fy, previousYearExists: previousYear, programs: rows };
    },
  );

  app.put(
    '/api/programs/:fy/:code',
    {
      config: { permission: 'programs.edit' },
      schema: { params: programParams, body: programSettingsSchema.and(version) },
    },
    async (req) => {
      const { version: v, ...settings } = req.body;
      const row = await programs.update(actorOf(req), req.params.fy, req.params.code, settings, v);
      return { program: row };
    },
  );

  app.post(
    '/api/programs/:fy/copy-previous',
    { config: { permission: 'programs.edit' }, schema: { params: yearParams } },
    async (req) => ({ programs: await programs.copyFromPreviousYear(actorOf(req), req.params.fy) }),
  );

  app.post(
    '/api/programs/:fy/:code/reset',
    { config: { permission: 'programs.edit' }, schema: { params: programParams, body: version } },
    async (req) => ({
      program: await programs.resetToNational(actorOf(req), req.params.fy, req.params.code, req.body.version),
    }),
  );

  // ── 会場 ──────────────────────────────────────────────────────────────────
  app.get(
    '/api/venues',
    { config: { permission: 'programs.view' }, schema: { querystring: masterListQuery } },
    async (req) => ({ venues: await programs.venues.list(req.query) }),
  );
  app.get(
    '/api/venues/:id',
    { config: { permission: 'programs.view' }, schema: { params: idParams } },
    async (req) => ({ venue: await programs.venues.get(req.params.id) }),
  );
  app.post(
    '/api/venues',
    { config: { permission: 'programs.edit' }, schema: { body: venueInputSchema } },
    async (req) => ({ venue: await programs.venues.create(actorOf(req), req.body) }),
  );
  app.put(
    '/api/venues/:id',
    {
      config: { permission: 'programs.edit' },
      schema: { params: idParams, body: venueInputSchema.and(version) },
    },
    async (req) => {
      const { version: v, ...input } = req.body;
      return { venue: await programs.venues.update(actorOf(req), req.params.id, v, input) };
    },
  );

  // ── 医療機関 ──────────────────────────────────────────────────────────────
  app.get(
    '/api/institutions',
    {
      config: { permission: 'programs.view' },
      schema: { querystring: masterListQuery.extend({ program: programCode.optional() }) },
    },
    async (req) => ({ institutions: await programs.institutions.list(req.query) }),
  );
  app.get(
    '/api/institutions/:id',
    { config: { permission: 'programs.view' }, schema: { params: idParams } },
    async (req) => ({ institution: await programs.institutions.get(req.params.id) }),
  );
  app.post(
    '/api/institutions',
    { config: { permission: 'programs.edit' }, schema: { body: institutionInputSchema } },
    async (req) => ({ institution: await programs.institutions.create(actorOf(req), req.body) }),
  );
  app.put(
    '/api/institutions/:id',
    {
      config: { permission: 'programs.edit' },
      schema: { params: idParams, body: institutionInputSchema.and(version) },
    },
    async (req) => {
      const { version: v, ...input } = req.body;
      return { institution: await programs.institutions.update(actorOf(req), req.params.id, v, input) };
    },
  );

  // ── 集団検診日程 ──────────────────────────────────────────────────────────
  app.get(
    '/api/sessions',
    {
      config: { permission: 'programs.view' },
      schema: {
        querystring: z.object({
          fiscalYear: fiscalYear.optional(),
          program: programCode.optional(),
          venueId: z.coerce.number().int().optional(),
        }),
      },
    },
    async (req) => ({ sessions: await programs.sessions.list(req.query) }),
  );
  app.get(
    '/api/sessions/:id',
    { config: { permission: 'programs.view' }, schema: { params: idParams } },
    async (req) => ({ session: await programs.sessions.get(req.params.id) }),
  );
  app.post(
    '/api/sessions',
    { config: { permission: 'programs.edit' }, schema: { body: sessionInputSchema } },
    async (req) => ({ session: await programs.sessions.create(actorOf(req), req.body) }),
  );
  app.put(
    '/api/sessions/:id',
    {
      config: { permission: 'programs.edit' },
      schema: { params: idParams, body: sessionInputSchema.and(version) },
    },
    async (req) => {
      const { version: v, ...input } = req.body;
      return { session: await programs.sessions.update(actorOf(req), req.params.id, v, input) };
    },
  );
  // POST rather than DELETE: the web client's api helper has no DELETE (and a body carries the version).
  app.post(
    '/api/sessions/:id/delete',
    { config: { permission: 'programs.edit' }, schema: { params: idParams, body: version } },
    async (req) => {
      await programs.sessions.remove(actorOf(req), req.params.id, req.body.version);
      return { deleted: true };
    },
  );
}
