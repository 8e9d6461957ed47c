/** Helpers for the import engine's tests: a test engine over fresh services, uploading and running jobs. */
import type { Services } from '../../app.ts';
import type { Actor } from '../audit/service.ts';
import { importEngine } from './engine.ts';
import type { ImportSettingInput } from './mapping.ts';
import { testItemsTable, testKind, testTarget } from './test-target.ts';

export const actor: Actor = { userId: null, loginId: 'tester', roleCode: 'admin' };
export const screen = 'テスト取込';

export const csvSetting: ImportSettingInput = {
  name: 'CSV 見出しあり',
  format: 'csv',
  encoding: 'auto',
  hasHeader: true,
  recordElement: null,
  mapping: [
    { column: 'コード', field: 'code' },
    { column: '氏名', field: 'name' },
    { column: '数量', field: 'amount' },
    { column: '受診日', field: 'visited' },
  ],
};

/** Empties the engine's tables and the test table (one database per test file, a clean slate per test). */
export async function resetTestImports(s: Services) {
  await s.database.query(testItemsTable.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'));
  await s.database.query(
    'TRUNCATE import_test_items, import_run_chunks, import_run_rows, import_runs, import_settings, jobs',
  );
}

/**
 * An engine with the test target over the services' database and jobs (its job handlers replace the app's), with
 * small chunks so that a few rows make several chunks.
 */
export async function testEngine(
  s: Services,
  opts: { chunkSize?: number; onApply?: (call: number) => void } = {},
) {
  const engine = importEngine({ ...s, chunkSize: opts.chunkSize ?? 3 });
  engine.register(testTarget({ onApply: opts.onApply }));
  const setting = await engine.createSetting(actor, testKind, csvSetting, screen);

  /** Uploads a file with a setting and runs the dry run; returns the run. */
  async function upload(body: Buffer | string, name: string, settingId = setting.id) {
    const prepared = await engine.prepareRun(testKind, settingId, undefined);
    const file = await s.files.save([Buffer.from(body)], { name, contentType: 'text/csv', createdBy: null });
    const { run } = await engine.startRun(
      actor,
      testKind,
      prepared,
      { fileId: file.id, fileName: name },
      screen,
    );
    await s.jobs.runPending();
    return engine.run(testKind, run.id);
  }

  async function commit(runId: number, onlyValid = false) {
    const { job } = await engine.commit(actor, testKind, runId, onlyValid, screen);
    await s.jobs.runPending();
    return { run: await engine.run(testKind, runId), job: await s.jobs.get(job.id) };
  }

  async function errorFile(runId: number) {
    const f = await engine.errorFile(actor, testKind, runId, screen);
    const parts: Buffer[] = [];
    for await (const b of f.body) parts.push(b);
    return { ...f, bytes: Buffer.concat(parts) };
  }

  const items = () =>
    s.database.query<{ code: string; name: string; amount: number | null; visited: string | null }>(
      `SELECT code, name, amount, to_char(visited, 'YYYY-MM-DD') AS visited FROM import_test_items ORDER BY code, name`,
    );

  return { engine, setting, upload, commit, errorFile, items };
}

/**
 * A module target's import through the app's engine (s.imports), as its service tests drive it: upload a CSV with
 * a 取込設定 and run the dry run, commit, and list rows by action.
 */
export function appImports(s: Services, kind: string) {
  return {
    async upload(settingId: number, params: unknown, csv: string, name = '取込.csv') {
      const prepared = await s.imports.prepareRun(kind, settingId, params);
      const file = await s.files.save([Buffer.from(csv)], { name, contentType: 'text/csv', createdBy: null });
      const { run } = await s.imports.startRun(
        actor,
        kind,
        prepared,
        { fileId: file.id, fileName: name },
        screen,
      );
      await s.jobs.runPending();
      return s.imports.run(kind, run.id);
    },
    async commit(runId: number, onlyValid = false) {
      await s.imports.commit(actor, kind, runId, onlyValid, screen);
      await s.jobs.runPending();
      return s.imports.run(kind, runId);
    },
    rows: (runId: number, action: 'error' | 'update' | 'new' | 'unchanged') =>
      s.imports.rows(actor, kind, runId, { action, offset: 0, limit: 100 }, screen),
  };
}
