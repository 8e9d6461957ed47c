/**
 * The import API of one target under `base` (e.g. /api/adult/results/imports): 取込設定, upload (dry run job),
 * runs and their rows, commit (job) and the error file. Reading needs `view`, changing `edit`.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError, badRequest } from '../errors/app-error.ts';
import type { FileStore } from '../files/store.ts';
import { actorOf, type ZApp } from '../http/app.ts';
import type { ImportEngine } from './engine.ts';

const id = z.coerce.number().int().positive();
const idParams = z.object({ id });
const settingBody = z.object({
  name: z.string().trim().min(1, '取込設定の名前を入力してください。').max(100),
  format: z.enum(['csv', 'xml']),
  encoding: z.enum(['auto', 'utf8', 'cp932']).default('auto'),
  hasHeader: z.boolean().default(true),
  recordElement: z.string().trim().max(100).nullable().default(null),
  mapping: z
    .array(
      z.object({
        column: z.union([z.string().max(200), z.number().int().positive()]).transform(String),
        field: z.string().max(100),
      }),
    )
    .max(500),
});
const rowsQuery = z.object({
  action: z.enum(['error', 'update', 'new', 'unchanged']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** Content-Disposition with a Japanese file name (RFC 5987). */
const attachment = (name: string, fallback: string) =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export type ImportRoutesOptions = {
  imports: ImportEngine;
  files: FileStore;
  /** e.g. /api/adult/results/imports */
  base: string;
  /** the registered target's kind */
  kind: string;
  /** permission to read (e.g. adult.view) */
  view: string;
  /** permission to change (e.g. adult.edit) */
  edit: string;
  /** the screen name written to the audit log (e.g. 成人検診結果の取込) */
  screen: string;
};

export function registerImportRoutes(app: ZApp, o: ImportRoutesOptions) {
  const { imports: engine, base, kind, screen } = o;
  const view = { permission: o.view };
  const edit = { permission: o.edit };

  app.get(`${base}/meta`, { config: view }, async () => await engine.meta(kind));

  app.get(`${base}/settings`, { config: view }, async () => ({ settings: await engine.settings(kind) }));
  app.get(
    `${base}/settings/suggest`,
    { config: view, schema: { querystring: z.object({ header: z.string().max(10_000) }) } },
    // the header line as in the file or pasted from Excel: comma or tab separated, quoted cells allowed
    async (req) => engine.suggest(kind, req.query.header),
  );
  app.post(`${base}/settings`, { config: edit, schema: { body: settingBody } }, async (req) => ({
    setting: await engine.createSetting(actorOf(req), kind, req.body, screen),
  }));
  app.put(
    `${base}/settings/:id`,
    { config: edit, schema: { params: idParams, body: settingBody.extend({ version: z.number().int() }) } },
    async (req) => ({
      setting: await engine.updateSetting(actorOf(req), kind, req.params.id, req.body, screen),
    }),
  );
  app.delete(
    `${base}/settings/:id`,
    {
      config: edit,
      schema: { params: idParams, querystring: z.object({ version: z.coerce.number().int() }) },
    },
    async (req) => {
      await engine.deleteSetting(actorOf(req), kind, req.params.id, req.query.version, screen);
      return { ok: true };
    },
  );

  // multipart: settingId and params (JSON) come before the file part
  app.post(`${base}/runs`, { config: edit }, async (req) => {
    const actor = actorOf(req);
    if (!req.isMultipart()) throw badRequest('取り込むファイルを選んでください。');
    const part = await req.file();
    if (!part) throw badRequest('取り込むファイルを選んでください。');
    const fields = part.fields as Record<string, { value?: string } | undefined>;
    const settingId = id.safeParse(fields.settingId?.value);
    if (!settingId.success) throw badRequest('取込設定を選んでください。');
    let rawParams: unknown;
    try {
      rawParams = fields.params?.value ? JSON.parse(fields.params.value) : undefined;
    } catch {
      throw badRequest('取込の条件（params）が JSON として読めません。');
    }
    const prepared = await engine.prepareRun(kind, settingId.data, rawParams);
    const stored = await o.files.save(part.file, {
      name: part.filename,
      contentType: part.mimetype,
      createdBy: actor.userId,
    });
    if (part.file.truncated) throw new AppError(413, 'FILE_TOO_LARGE', 'ファイルが大きすぎます。');
    return engine.startRun(actor, kind, prepared, { fileId: stored.id, fileName: part.filename }, screen);
  });

  app.get(`${base}/runs`, { config: view }, async () => ({ runs: await engine.runs(kind) }));
  app.get(`${base}/runs/:id`, { config: view, schema: { params: idParams } }, async (req) => ({
    run: await engine.run(kind, req.params.id),
  }));
  app.get(
    `${base}/runs/:id/rows`,
    { config: view, schema: { params: idParams, querystring: rowsQuery } },
    async (req) => engine.rows(actorOf(req), kind, req.params.id, req.query, screen),
  );
  app.post(
    `${base}/runs/:id/commit`,
    { config: edit, schema: { params: idParams, body: z.object({ onlyValid: z.boolean().default(false) }) } },
    async (req) => engine.commit(actorOf(req), kind, req.params.id, req.body.onlyValid, screen),
  );
  app.get(`${base}/runs/:id/errors`, { config: view, schema: { params: idParams } }, async (req, reply) => {
    const file = await engine.errorFile(actorOf(req), kind, req.params.id, screen);
    const fallback = file.name.endsWith('.xml') ? 'errors.xml' : 'errors.csv';
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachment(file.name, fallback))
      .send(Readable.from(file.body));
  });
}
