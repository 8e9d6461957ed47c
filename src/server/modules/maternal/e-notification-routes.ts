/**
 * 妊娠届（電子申請） routes (F06-02): upload (job), 取込履歴 and an import's result, the 受付一覧 by view, one
 * notification with the flags its 届 and アンケート raise, register, 取込まない, and the mailing of 母子健康手帳等.
 */
import { z } from 'zod';
import type { AuditService } from '../../platform/audit/service.ts';
import { gestationalAge, isValidDate } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/store.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import type { JobRunner } from '../../platform/jobs/runner.ts';
import type { ListMailingsPort } from '../../platform/mailings/ports.ts';
import { eNotificationRegistrar, type NonResidentPort } from './e-notification-register.ts';
import {
  type ENotification,
  eNotificationImportService,
  eNotificationJobKind,
  eNotificationViews,
} from './e-notifications.ts';
import type { PregnanciesService } from './pregnancies.ts';
import { riskFlagsOf } from './questionnaire.ts';

/** The services of F06-02 (the import job is registered with the job runner here). */
export function maternalENotifications(deps: {
  database: Database;
  audit: AuditService;
  files: FileStore;
  jobs: JobRunner;
  pregnancies: PregnanciesService;
  residents: NonResidentPort;
  mailings: ListMailingsPort;
}) {
  const imports = eNotificationImportService(deps);
  deps.jobs.register(eNotificationJobKind, (ctx) => imports.run(ctx));
  return { imports, registrar: eNotificationRegistrar({ ...deps, notifications: imports }) };
}
export type MaternalENotifications = ReturnType<typeof maternalENotifications>;

/** The flags the 届 and the アンケート raise (staff confirm them on the registration screen). */
function suggestedFlags(r: ENotification) {
  const d = r.data;
  const age = d.dueDate ? gestationalAge(d.dueDate, d.notifiedOn) : null;
  return riskFlagsOf({
    motherBirthDate: d.birthDate,
    notifiedOn: d.notifiedOn,
    fetusCount: d.fetusCount,
    weeksAtNotification: age?.weeks ?? d.weeks,
    answers: d.questionnaire,
  });
}

const id = z.coerce.number().int().positive();
const idParam = z.object({ id });
const version = z.number().int();
const view = { config: { permission: 'maternal.view' } };
const edit = { config: { permission: 'maternal.edit' } };

export function registerENotificationRoutes(
  app: ZApp,
  deps: { eNotifications: MaternalENotifications; files: FileStore },
) {
  const { imports: svc, registrar } = deps.eNotifications;
  const base = '/api/maternal/e-notifications';

  app.post(`${base}/imports`, edit, async (req) => {
    const actor = actorOf(req);
    const part = await req.file();
    if (!part) throw badRequest('取り込む妊娠届のファイル（CSV か XML）を選んでください。');
    if (!/\.(csv|xml)$/i.test(part.filename))
      throw badRequest('CSV（.csv）か XML（.xml）の妊娠届ファイルを選んでください。');
    const stored = await deps.files.save(part.file, {
      name: part.filename,
      contentType: part.mimetype,
      createdBy: actor.userId,
    });
    if (part.file.truncated) throw new AppError(413, 'FILE_TOO_LARGE', 'ファイルが大きすぎます。');
    return svc.start(actor, { fileId: stored.id, fileName: part.filename });
  });

  app.get(`${base}/imports`, view, async () => ({ imports: await svc.imports() }));

  app.get(`${base}/imports/:id`, { ...view, schema: { params: idParam } }, async (req) =>
    svc.result(actorOf(req), req.params.id),
  );

  app.get(
    base,
    {
      ...view,
      schema: {
        querystring: z.object({
          view: z
            .enum(Object.keys(eNotificationViews) as [keyof typeof eNotificationViews])
            .default('pending'),
        }),
      },
    },
    async (req) => ({ rows: await svc.list(actorOf(req), req.query.view) }),
  );

  app.get(`${base}/:id`, { ...view, schema: { params: idParam } }, async (req) => {
    const r = await svc.get(actorOf(req), req.params.id);
    return { ...r, suggestedFlags: suggestedFlags(r) };
  });

  app.post(
    `${base}/:id/register`,
    {
      ...edit,
      schema: {
        params: idParam,
        body: z.object({
          version,
          residentId: id.nullable(),
          createNonResident: z.boolean().default(false),
          riskFlags: z.array(z.string()).max(20),
          specificPregnant: z.boolean(),
          delivery: z.enum(['mail', 'visit']),
          interview: z.object({ requested: z.boolean(), note: z.string().trim().max(200) }),
        }),
      },
    },
    async (req) => registrar.register(actorOf(req), req.params.id, req.body),
  );

  app.post(
    `${base}/:id/reject`,
    {
      ...edit,
      schema: {
        params: idParam,
        body: z.object({
          reason: z.string().trim().min(1, '取込まない理由を入力してください。').max(200),
          version,
        }),
      },
    },
    async (req) => svc.reject(actorOf(req), req.params.id, req.body.reason, req.body.version),
  );

  app.post(
    `${base}/mail`,
    {
      ...edit,
      schema: {
        body: z.object({
          ids: z.array(id).min(1, '送付する届出を選んでください。').max(500),
          sendDate: z.string().refine(isValidDate, '発送日を入れてください（例: 2026-12-01）。'),
        }),
      },
    },
    async (req) => registrar.mail(actorOf(req), req.body),
  );
}
