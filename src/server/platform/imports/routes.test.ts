import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { permissions } from '../../permissions.ts';
import { freshServices } from '../../test/database.ts';
import { registerAuthRoutes } from '../auth/routes.ts';
import { createHttpApp, type ZApp } from '../http/app.ts';
import { registerImportRoutes } from './routes.ts';
import { testKind } from './test-target.ts';
import { csvSetting, resetTestImports, testEngine } from './testing.ts';

const password = 'test-pass-2026';
const base = '/api/test/imports';

/** A multipart body: fields first, then the file (as the upload route expects). */
function multipart(fields: Record<string, string>, file: { name: string; body: Buffer }) {
  const boundary = 'sukoyakaBoundary42';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    file.body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The import API over HTTP for the test target: permissions per role, the dry run, refusal, commit, error file. */
describe('import routes', () => {
  let app: ZApp;
  let s: Services;
  let drop: () => Promise<void>;
  let settingId: number;
  const login: Record<string, { cookie: string; csrf: string }> = {};

  const call = (role: string, method: string, url: string, payload?: unknown, contentType?: string) =>
    app.inject({
      method: method as 'GET',
      url,
      payload: payload as object,
      headers: {
        cookie: login[role]!.cookie,
        'x-csrf-token': login[role]!.csrf,
        ...(contentType ? { 'content-type': contentType } : {}),
      },
    });

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    await resetTestImports(s);
    const t = await testEngine(s);
    settingId = t.setting.id;
    const labels: Record<string, string> = permissions;
    app = await createHttpApp({
      auth: s.auth,
      audit: s.audit,
      permissionLabel: (p) => labels[p],
      secureCookies: false,
      logLevel: 'silent',
    });
    registerAuthRoutes(app, { auth: s.auth, audit: s.audit, secureCookies: false, permissionLabels: labels });
    registerImportRoutes(app, {
      imports: t.engine,
      files: s.files,
      base,
      kind: testKind,
      view: 'adult.view',
      edit: 'adult.edit',
      screen: 'テスト取込',
    });
    await app.ready();
    for (const role of ['clerk', 'viewer', 'auditor']) {
      await s.auth.createUser({
        loginId: `i_${role}`,
        displayName: role,
        roleCode: role,
        password,
        mustChangePassword: false,
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { loginId: `i_${role}`, password },
      });
      login[role] = {
        cookie: String(res.headers['set-cookie']).split(';')[0]!,
        csrf: res.json().user.csrfToken,
      };
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('lets a viewer read but not change; an auditor sees nothing', async () => {
    const meta = await call('viewer', 'GET', `${base}/meta`);
    expect(meta.statusCode).toBe(200);
    expect(meta.json()).toMatchObject({ kind: testKind, label: 'テスト項目' });
    expect((await call('viewer', 'GET', `${base}/settings`)).json().settings).toHaveLength(1);
    const create = await call('viewer', 'POST', `${base}/settings`, { ...csvSetting, name: '別' });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('FORBIDDEN');
    const up = multipart({ settingId: String(settingId) }, { name: 'a.csv', body: Buffer.from('a') });
    expect((await call('viewer', 'POST', `${base}/runs`, up.payload, up.contentType)).statusCode).toBe(403);
    expect((await call('viewer', 'POST', `${base}/runs/1/commit`, { onlyValid: true })).statusCode).toBe(403);
    expect((await call('auditor', 'GET', `${base}/runs`)).statusCode).toBe(403);
  });

  it('validates 取込設定 (400 with the problems, 409 on a stale version) and suggests a mapping', async () => {
    const bad = await call('clerk', 'POST', `${base}/settings`, {
      ...csvSetting,
      name: '不正',
      mapping: [
        { column: 'A', field: 'code' },
        { column: 'B', field: 'code' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('必須の項目「氏名」が対応付けられていません');
    expect(bad.json().error.details.problems).toHaveLength(2);
    const stale = await call('clerk', 'PUT', `${base}/settings/${settingId}`, { ...csvSetting, version: 99 });
    expect(stale.statusCode).toBe(409);
    const suggest = await call(
      'clerk',
      'GET',
      `${base}/settings/suggest?header=${encodeURIComponent('番号,名前,メモ')}`,
    );
    expect(suggest.json()).toEqual({
      mapping: [
        { column: '番号', field: 'code' },
        { column: '名前', field: 'name' },
      ],
      unmatched: ['メモ'],
    });
  });

  it('uploads, dry-runs, refuses a commit with errors, serves the error file and commits only valid rows', async () => {
    const csv = iconv.encode('コード,氏名,数量,受診日\r\n1,山田,1,\r\n2,鈴木,1,2026/13/01\r\n', 'cp932');
    const up = multipart({ settingId: String(settingId) }, { name: '結果.csv', body: csv });
    const started = await call('clerk', 'POST', `${base}/runs`, up.payload, up.contentType);
    expect(started.statusCode, started.body).toBe(200);
    const runId = started.json().run.id;
    expect(started.json().job.kind).toBe('imports.validate');
    await s.jobs.runPending();
    const run = (await call('viewer', 'GET', `${base}/runs/${runId}`)).json().run;
    expect(run).toMatchObject({
      status: 'validated',
      encoding: 'cp932',
      counts: { rows: 2, new: 1, error: 1 },
    });
    expect((await call('viewer', 'GET', `${base}/runs`)).json().runs[0].id).toBe(runId);

    const rows = (await call('viewer', 'GET', `${base}/runs/${runId}/rows?action=error`)).json();
    expect(rows.total).toBe(1);
    expect(rows.rows[0]).toMatchObject({ rowNo: 3, action: 'error', residentId: null });
    expect(rows.rows[0].errors[0]).toEqual({
      field: 'visited',
      column: '受診日',
      message: '3行目 受診日: 『2026/13/01』は日付として読めません。YYYY-MM-DD か和暦で入力してください。',
    });

    const refused = await call('clerk', 'POST', `${base}/runs/${runId}/commit`, { onlyValid: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('「正しい行だけ取り込む」を選んでください');

    const file = await call('viewer', 'GET', `${base}/runs/${runId}/errors`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="errors.csv"; filename*=UTF-8''${encodeURIComponent('結果_エラー行.csv')}`,
    );
    expect(iconv.decode(file.rawPayload, 'cp932')).toContain('2,鈴木,1,2026/13/01,3行目 受診日:');

    const commit = await call('clerk', 'POST', `${base}/runs/${runId}/commit`, { onlyValid: true });
    expect(commit.statusCode, commit.body).toBe(200);
    await s.jobs.runPending();
    const done = (await call('viewer', 'GET', `${base}/runs/${runId}`)).json().run;
    expect(done.status).toBe('committed');
    expect(done.counts.committed).toEqual({ new: 1, update: 0, unchanged: 0, skipped: 1 });
    const again = await call('clerk', 'POST', `${base}/runs/${runId}/commit`, { onlyValid: true });
    expect(again.json().error.message).toBe('この取込は取り込み済みです。');
  });

  it('answers 400 in Japanese for a missing setting and unreadable params', async () => {
    const none = multipart({ settingId: '999' }, { name: 'a.csv', body: Buffer.from('a') });
    const r1 = await call('clerk', 'POST', `${base}/runs`, none.payload, none.contentType);
    expect([r1.statusCode, r1.json().error.message]).toEqual([
      400,
      '取込設定を選んでください（選んだ設定が見つかりません）。',
    ]);
    const params = multipart(
      { settingId: String(settingId), params: '{' },
      { name: 'a.csv', body: Buffer.from('a') },
    );
    const r2 = await call('clerk', 'POST', `${base}/runs`, params.payload, params.contentType);
    expect(r2.json().error.message).toContain('JSON として読めません');
    expect((await call('clerk', 'GET', `${base}/runs/424242`)).statusCode).toBe(404);
  });

  it('suggests from a tab-separated (Excel) header line and deletes a 取込設定 with edit only', async () => {
    const suggest = await call(
      'viewer',
      'GET',
      `${base}/settings/suggest?header=${encodeURIComponent('番号\t"名前"\t"メモ,備考"')}`,
    );
    expect(suggest.json()).toEqual({
      mapping: [
        { column: '番号', field: 'code' },
        { column: '名前', field: 'name' },
      ],
      unmatched: ['メモ,備考'],
    });
    const created = await call('clerk', 'POST', `${base}/settings`, { ...csvSetting, name: '消す設定' });
    const { id, version } = created.json().setting;
    expect((await call('viewer', 'DELETE', `${base}/settings/${id}?version=${version}`)).statusCode).toBe(
      403,
    );
    const stale = await call('clerk', 'DELETE', `${base}/settings/${id}?version=${version + 1}`);
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const ok = await call('clerk', 'DELETE', `${base}/settings/${id}?version=${version}`);
    expect([ok.statusCode, ok.json()]).toEqual([200, { ok: true }]);
    const names = (await call('clerk', 'GET', `${base}/settings`))
      .json()
      .settings.map((x: { name: string }) => x.name);
    expect(names).not.toContain('消す設定');
  });
});
