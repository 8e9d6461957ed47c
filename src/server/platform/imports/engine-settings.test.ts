import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { importEngine } from './engine.ts';
import { testKind, testTarget } from './test-target.ts';
import { actor, csvSetting, resetTestImports, screen, testEngine } from './testing.ts';

const header = 'コード,氏名,数量,受診日\r\n';

/** 取込設定 with a target's extra fields, deleting a 取込設定, and the retention of finished runs' rows. */
describe('import engine: extra fields, 取込設定の削除, retention', () => {
  let s: Services;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
  });
  afterAll(() => drop());
  beforeEach(() => resetTestImports(s));

  it('uses a target’s extra fields (from the database) in meta, the setting check and suggest; a key stays one field', async () => {
    const engine = importEngine({ ...s, chunkSize: 3 });
    let extra = [
      { key: 'memo', label: 'メモ', hint: '全角で' },
      { key: 'code', label: '別のコード' },
      { key: 'memo', label: '二つ目のメモ' },
    ];
    engine.register({ ...testTarget(), extraFields: async () => extra });
    const meta = await engine.meta(testKind);
    expect(meta.fields.map((f) => [f.key, f.label])).toEqual([
      ['code', 'コード'],
      ['name', '氏名'],
      ['amount', '数量'],
      ['visited', '受診日'],
      ['memo', 'メモ'],
    ]);
    const withMemo = { ...csvSetting, mapping: [...csvSetting.mapping, { column: '備考', field: 'memo' }] };
    const setting = await engine.createSetting(actor, testKind, withMemo, screen);
    expect(await engine.suggest(testKind, 'コード\t氏名\t"メモ"\t他')).toEqual({
      mapping: [
        { column: 'コード', field: 'code' },
        { column: '氏名', field: 'name' },
        { column: 'メモ', field: 'memo' },
      ],
      unmatched: ['他'],
    });
    // the extra field gone (e.g. the item made inactive): the setting must drop it to be saved again
    extra = [];
    await expect(
      engine.updateSetting(actor, testKind, setting.id, { ...withMemo, version: setting.version }, screen),
    ).rejects.toMatchObject({ code: 'BAD_SETTING', message: /項目「memo」はこの取込にありません/ });
  });

  it('deletes a 取込設定 at the version read (audited); its runs keep working from their copy', async () => {
    const t = await testEngine(s);
    const run = await t.upload(`${header}1,山田 太郎,3,2026-04-01\r\n`, '結果.csv');
    expect(run.status).toBe('validated');
    await expect(
      t.engine.deleteSetting(actor, testKind, t.setting.id, t.setting.version + 1, screen),
    ).rejects.toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    await t.engine.deleteSetting(actor, testKind, t.setting.id, t.setting.version, screen);
    expect(await t.engine.settings(testKind)).toEqual([]);
    await expect(
      t.engine.deleteSetting(actor, testKind, t.setting.id, t.setting.version, screen),
    ).rejects.toMatchObject({ status: 404 });
    const { run: done } = await t.commit(run.id);
    expect(done).toMatchObject({ status: 'committed', settingId: null, setting: { name: csvSetting.name } });
    expect(await t.items()).toHaveLength(1);
    expect((await t.errorFile(run.id)).bytes.toString()).toContain('エラー内容');
    await expect(t.engine.prepareRun(testKind, t.setting.id, undefined)).rejects.toMatchObject({
      code: 'BAD_SETTING',
    });
    const audit = await s.audit.list({ action: 'delete' });
    expect(audit.map((a) => a.summary)).toContain(`テスト項目の取込設定「${csvSetting.name}」を削除`);
  });

  it('clears the rows of finished runs older than 90 days when a run starts; the run keeps its counts and says so', async () => {
    const t = await testEngine(s);
    const committed = await t.upload(`${header}1,山田 太郎,3,\r\nx,誤り,,\r\n`, 'a.csv');
    await t.commit(committed.id, true);
    const failed = await t.upload('', '空.csv');
    expect(failed.status).toBe('failed');
    const pending = await t.upload(`${header}2,鈴木 花子,,\r\n`, 'b.csv');
    expect(pending.status).toBe('validated');
    const young = await t.upload(`${header}3,髙橋 一,,\r\n`, 'c.csv');
    await t.commit(young.id);
    const age = (id: number, days: number) =>
      s.database.query(
        `UPDATE import_runs SET created_at = now() - make_interval(days => $2::int) WHERE id = $1`,
        [id, days],
      );
    await age(committed.id, 91);
    await age(failed.id, 91);
    await age(pending.id, 91); // validated, never imported: kept (it may still be imported)
    await age(young.id, 89);
    const rowsOf = async (id: number) =>
      (await s.database.query('SELECT 1 FROM import_run_rows WHERE run_id = $1', [id])).length;
    const chunksOf = async (id: number) =>
      (await s.database.query('SELECT 1 FROM import_run_chunks WHERE run_id = $1', [id])).length;
    expect(await rowsOf(committed.id)).toBe(2);

    await t.upload(`${header}4,渡邊 次郎,,\r\n`, 'd.csv');
    const old = await t.engine.run(testKind, committed.id);
    expect(old).toMatchObject({
      status: 'committed',
      rowsNote: '明細は保存期間（90日）を過ぎたため削除しました。',
      counts: { rows: 2, new: 1, error: 1, committed: { new: 1, skipped: 1 } },
    });
    expect(old.message).toMatch(/^取込完了/);
    expect([await rowsOf(committed.id), await chunksOf(committed.id)]).toEqual([0, 0]);
    expect((await t.engine.run(testKind, failed.id)).rowsNote).not.toBeNull();
    expect((await t.engine.run(testKind, pending.id)).rowsNote).toBeNull();
    expect(await rowsOf(pending.id)).toBe(1);
    expect((await t.engine.run(testKind, young.id)).rowsNote).toBeNull();
    expect(await rowsOf(young.id)).toBe(1);
    await expect(t.errorFile(committed.id)).rejects.toMatchObject({
      status: 410,
      message: /明細は保存期間（90日）を過ぎたため削除しました。エラー行ファイルは出せません。/,
    });
    const page = await t.engine.rows(actor, testKind, committed.id, { offset: 0, limit: 10 }, screen);
    expect(page).toEqual({ total: 0, rows: [] });
    const audit = await s.audit.list({ action: 'delete' });
    expect(audit.map((a) => a.summary)).toContain('保存期間（90日）を過ぎた取込2件の明細を削除');
  });
});
