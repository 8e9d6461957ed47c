/** 電子申請の取込 (F02-04) routes: upload (job), the import's result, the review queue, resolve and reject. */
import { z } from 'zod';
import { AppError, badRequest } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/store.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { EApplicationImportService } from './e-application-import.ts';
import { fy, id } from './route-schemas.ts';

const idParam = z.object({ id });

export function registerEApplicationRoutes(
  app: ZApp,
  deps: { eApplications: EApplicationImportService; files: FileStore },
) {
  const { eApplications: svc, files } = deps;

  app.post('/api/adult/e-applications/imports', { config: { permission: 'adult.edit' } }, async (req) => {
    const actor = actorOf(req);
    const part = await req.file();
    if (!part) throw badRequest('取り込む申込ファイル（CSV か XML）を選んでください。');
    const fields = part.fields as Record<string, { value?: string } | undefined>;
    const year = fy.safeParse(fields.fiscalYear?.value);
    if (!year.success) throw badRequest('年度を選んでください（例: 2026）。');
    if (!/\.(csv|xml)$/i.test(part.filename))
      throw badRequest('CSV（.csv）か XML（.xml）の申込ファイルを選んでください。');
    const stored = await files.save(part.file, {
      name: part.filename,
      contentType: part.mimetype,
      createdBy: actor.userId,
    });
    if (part.file.truncated) throw new AppError(413, 'FILE_TOO_LARGE', 'ファイルが大きすぎます。');
    return svc.start(actor, { fileId: stored.id, fileName: part.filename, fiscalYear: year.data });
  });

  app.get('/api/adult/e-applications/imports', { config: { permission: 'adult.view' } }, async () => ({
    imports: await svc.imports(),
  }));

  app.get(
    '/api/adult/e-applications/imports/:id',
    { config: { permission: 'adult.view' }, schema: { params: idParam } },
    async (req) => svc.result(actorOf(req), req.params.id),
  );

  app.get('/api/adult/e-applications/review', { config: { permission: 'adult.view' } }, async (req) => ({
    rows: await svc.reviewQueue(actorOf(req)),
  }));

  app.post(
    '/api/adult/e-applications/:id/resolve',
    {
      config: { permission: 'adult.edit' },
      schema: { params: idParam, body: z.object({ residentId: id, version: z.number().int() }) },
    },
    async (req) => svc.resolve(actorOf(req), req.params.id, req.body.residentId, req.body.version),
  );

  app.post(
    '/api/adult/e-applications/:id/reject',
    {
      config: { permission: 'adult.edit' },
      schema: {
        params: idParam,
        body: z.object({
          reason: z.string().trim().min(1, '取込まない理由を入力してください。').max(200),
          version: z.number().int(),
        }),
      },
    },
    async (req) => svc.reject(actorOf(req), req.params.id, req.body.reason, req.body.version),
  );
}
