import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditService } from '../../platform/audit/service.ts';
import { parseDateInput } from '../../platform/calendar/index.ts';
import { attachment, csvFileName, pickColumns, toCsv } from '../../platform/csv/export.ts';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, badRequest } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/store.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { importRowErrors } from '../../platform/imports/schema.ts';
import type { JobRunner } from '../../platform/jobs/runner.ts';
import { residentCsvColumns } from './csv-columns.ts';
import { type ImportParams, importJobKind } from './import-job.ts';
import { normalizeKana } from './rules.ts';
import { toCriteria } from './search-criteria.ts';
import type { ResidentsService } from './service.ts';

const searchQuery = z.object({
  q: z.string().optional(),
  atenaNo: z.string().optional(),
  name: z.string().optional(),
  birth: z.string().optional(),
  address: z.string().optional(),
  status: z.string().optional(),
  householdNo: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const idParam = z.object({ id: z.coerce.number().int() });

const manualBody = z.object({
  name: z.string().trim().min(1, '氏名を入力してください。').max(100),
  nameKana: z
    .string()
    .transform(normalizeKana)
    .refine((s) => /^[\u30A0-\u30FF\u3000・ー]+$/u.test(s), '氏名カナはカタカナで入力してください。'),
  birthDate: z.string().transform((s, ctx) => {
    const r = parseDateInput(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.date;
  }),
  sex: z.enum(['1', '2', '9'], { message: '性別を選んでください。' }),
  postalCode: z
    .string()
    .default('')
    .transform((s) => s.replace(/[-－\s]/g, ''))
    .refine((s) => s === '' || /^\d{7}$/.test(s), '郵便番号は7桁の数字です（例: 123-4567）。'),
  address: z.string().trim().min(1, '住所を入力してください。'),
  addressExtra: z.string().trim().default(''),
  phone: z.string().trim().default(''),
});

export function registerResidentRoutes(
  app: ZApp,
  deps: { residents: ResidentsService; jobs: JobRunner; files: FileStore; db: Db; audit: AuditService },
) {
  const { residents, jobs, files } = deps;

  app.get(
    '/api/residents',
    { config: { permission: 'residents.search' }, schema: { querystring: searchQuery } },
    async (req) => {
      const c = toCriteria(req.query);
      if ('error' in c) throw badRequest(c.error);
      return residents.search(actorOf(req), c.criteria, {
        limit: req.query.limit,
        screen: '宛名検索',
        summary: c.summary,
      });
    },
  );

  app.get(
    '/api/residents/export',
    {
      config: { permission: 'residents.export' },
      schema: {
        querystring: searchQuery.extend({
          columns: z.string().optional(),
          encoding: z.enum(['utf8', 'sjis']).default('utf8'),
        }),
      },
    },
    async (req, reply) => {
      const c = toCriteria(req.query);
      if ('error' in c) throw badRequest(c.error);
      let cols: ReturnType<typeof pickColumns<Parameters<(typeof residentCsvColumns)[number]['value']>[0]>>;
      try {
        cols = pickColumns(residentCsvColumns, req.query.columns?.split(',').filter(Boolean));
      } catch {
        throw badRequest('出力する列の指定が正しくありません。');
      }
      const rows = await residents.exportRows(actorOf(req), c.criteria, {
        cap: 100_000,
        summary: `CSV出力 ${c.summary}`,
      });
      const { body, unmappable } = toCsv(rows, cols, req.query.encoding);
      reply.header(
        'content-type',
        `text/csv; charset=${req.query.encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}`,
      );
      reply.header('content-disposition', attachment(csvFileName('宛名一覧', req.query.encoding)));
      reply.header('x-unmappable-characters', String(unmappable.length));
      return reply.send(body);
    },
  );

  app.get(
    '/api/residents/:id',
    { config: { permission: 'residents.view' }, schema: { params: idParam } },
    async (req) => residents.view(actorOf(req), req.params.id, '宛名画面'),
  );

  app.get(
    '/api/residents/:id/state',
    {
      config: { permission: 'residents.view' },
      schema: { params: idParam, querystring: z.object({ on: z.string() }) },
    },
    async (req) => {
      const d = parseDateInput(req.query.on);
      if (!d.ok) throw badRequest(`基準日: ${d.message}`);
      return { on: d.date, state: await residents.stateOn(actorOf(req), req.params.id, d.date) };
    },
  );

  const purpose = z
    .string()
    .trim()
    .min(4, '利用目的を具体的に入力してください（4文字以上。例: 乳児家庭全戸訪問の日程調整）。')
    .max(200);
  app.post(
    '/api/residents/:id/reveal-address',
    {
      config: { permission: 'residents.protected' },
      schema: { params: idParam, body: z.object({ purpose }) },
    },
    async (req) => residents.reveal(actorOf(req), req.params.id, 'address', req.body.purpose),
  );
  app.post(
    '/api/residents/:id/reveal-my-number',
    {
      config: { permission: 'residents.my_number' },
      schema: { params: idParam, body: z.object({ purpose }) },
    },
    async (req) => residents.reveal(actorOf(req), req.params.id, 'myNumber', req.body.purpose),
  );

  app.post(
    '/api/residents',
    { config: { permission: 'residents.edit' }, schema: { body: manualBody } },
    async (req) => residents.registerManual(actorOf(req), req.body),
  );
  app.put(
    '/api/residents/:id',
    {
      config: { permission: 'residents.edit' },
      schema: { params: idParam, body: manualBody.extend({ version: z.number().int() }) },
    },
    async (req) => {
      const { version, ...v } = req.body;
      return residents.updateManual(actorOf(req), req.params.id, version, v);
    },
  );

  // 住民記録取込: upload → validation/import job; errors per row; commit only the valid rows.
  app.post('/api/residents/imports', { config: { permission: 'residents.import' } }, async (req) => {
    const actor = actorOf(req);
    const part = await req.file();
    if (!part) throw badRequest('取り込むファイルを選んでください。');
    const fields = part.fields as Record<string, { value?: string } | undefined>;
    const mode = fields.mode?.value === 'delta' ? 'delta' : 'full';
    const dryRun = fields.dryRun?.value === 'true';
    const stored = await files.save(part.file, {
      name: part.filename,
      contentType: part.mimetype,
      createdBy: actor.userId,
    });
    if (part.file.truncated) throw new AppError(413, 'FILE_TOO_LARGE', 'ファイルが大きすぎます。');
    const params: ImportParams = {
      fileId: stored.id,
      fileName: part.filename,
      mode,
      dryRun,
      onlyValid: false,
      userId: actor.userId,
      loginId: actor.loginId,
      roleCode: actor.roleCode,
    };
    const title = `住民記録取込（${mode === 'full' ? '全件' : '異動分'}${dryRun ? '・試行' : ''}）${part.filename}`;
    return { job: await jobs.enqueue(importJobKind, title, params, actor.userId) };
  });

  app.post(
    '/api/residents/imports/:id/commit-valid',
    { config: { permission: 'residents.import' }, schema: { params: idParam } },
    async (req) => {
      const actor = actorOf(req);
      const reviewed = await jobs.get(req.params.id);
      if (reviewed.kind !== importJobKind || reviewed.status !== 'needs_review') {
        throw new AppError(
          409,
          'NOT_REVIEWABLE',
          'この取込は「要確認」の状態ではないため、正しい行のみの取込はできません。',
        );
      }
      const followUps = await jobs.findByParam(importJobKind, 'reviewedJobId', reviewed.id, [
        'queued',
        'running',
        'succeeded',
      ]);
      if (followUps.length) {
        throw new AppError(
          409,
          'ALREADY_COMMITTED',
          'この取込の正しい行は既に取り込み済み（または取込中）です。ジョブ一覧で結果を確認してください。',
        );
      }
      const p = reviewed.params as ImportParams;
      const params: ImportParams = {
        ...p,
        dryRun: false,
        onlyValid: true,
        reviewedJobId: reviewed.id,
        userId: actor.userId,
        loginId: actor.loginId,
        roleCode: actor.roleCode,
      };
      return {
        job: await jobs.enqueue(
          importJobKind,
          `住民記録取込（正しい行のみ）${p.fileName}`,
          params,
          actor.userId,
        ),
      };
    },
  );

  app.get(
    '/api/residents/imports/:id/errors',
    { config: { permission: 'residents.import' }, schema: { params: idParam } },
    async (req) => {
      const errors = await deps.db
        .select()
        .from(importRowErrors)
        .where(eq(importRowErrors.jobId, req.params.id))
        .orderBy(asc(importRowErrors.rowNo), asc(importRowErrors.id))
        .limit(1000);
      await deps.audit.record(actorOf(req), {
        action: 'view',
        screen: '住民記録取込',
        summary: `取込エラー一覧 ジョブ${req.params.id}`,
        residentCount: errors.length,
      });
      return { errors };
    },
  );
}
