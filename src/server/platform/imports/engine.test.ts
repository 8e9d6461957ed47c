import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { parseXml } from './parse-xml.ts';
import { testKind } from './test-target.ts';
import { actor, resetTestImports, screen, testEngine } from './testing.ts';

const header = 'コード,氏名,数量,受診日\r\n';
const good = ['1,山田 太郎,3,2026-04-01', '2,鈴木 花子,,', '3,髙橋 一,5,2026/05/10', '4,渡邊 次郎,1,'];

/** The engine on a real database with the test target (PGlite, or PostgreSQL with DATABASE_URL). */
describe('import engine', () => {
  let s: Services;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
  });
  afterAll(() => drop());
  beforeEach(() => resetTestImports(s));

  it('dry-runs a UTF-8 CSV, commits it in chunks, and a re-import of the same file changes nothing', async () => {
    const t = await testEngine(s);
    const run = await t.upload(`\ufeff${header}${good.join('\r\n')}\r\n`, '結果.csv');
    expect(run.status).toBe('validated');
    expect(run.encoding).toBe('utf8');
    expect(run.counts).toEqual({ rows: 4, new: 4, update: 0, unchanged: 0, error: 0, warning: 0 });
    expect(await t.items()).toEqual([]);
    const { run: done, job } = await t.commit(run.id);
    expect(job.status).toBe('succeeded');
    expect(done.status).toBe('committed');
    expect(done.counts.committed).toEqual({ new: 4, update: 0, unchanged: 0, skipped: 0 });
    expect((await t.items()).map((i) => [i.code, i.visited])).toEqual([
      ['1', '2026-04-01'],
      ['2', null],
      ['3', '2026-05-10'],
      ['4', null],
    ]);
    const chunks = await s.database.query('SELECT chunk_no FROM import_run_chunks WHERE run_id = $1', [
      run.id,
    ]);
    expect(chunks).toHaveLength(2);

    const again = await t.upload(`\ufeff${header}${good.join('\r\n')}\r\n`, '結果.csv');
    expect(again.counts).toEqual({ rows: 4, new: 0, update: 0, unchanged: 4, error: 0, warning: 0 });
    const { run: same } = await t.commit(again.id);
    expect(same.counts.committed).toEqual({ new: 0, update: 0, unchanged: 4, skipped: 0 });
    expect(await t.items()).toHaveLength(4);

    const changed = await t.upload(`${header}1,山田 太郎,4,2026-04-01\r\n`, '訂正.csv');
    expect(changed.counts).toMatchObject({ update: 1 });
    const rows = await t.engine.rows(
      actor,
      testKind,
      changed.id,
      { action: 'update', offset: 0, limit: 10 },
      screen,
    );
    expect(rows.rows[0]!.changes).toEqual([{ field: 'amount', label: '数量', before: '3', after: '4' }]);
    const audit = await s.audit.list({ action: 'view' });
    expect(audit[0]!.residentIds).toEqual([1]);
  });

  it('reads Shift_JIS, refuses to commit with errors (all-or-nothing), and the error file round-trips', async () => {
    const t = await testEngine(s);
    const lines = [...good, 'x,誤り,1,', '5,,2,', '6,日付,1,2026/13/01', '1,重複,1,', '99901,登録不可,1,'];
    const file = iconv.encode(`${header}${lines.join('\r\n')}\r\n`, 'cp932');
    const run = await t.upload(file, '結果_sjis.csv');
    expect(run.encoding).toBe('cp932');
    expect(run.counts).toEqual({ rows: 9, new: 4, update: 0, unchanged: 0, error: 5, warning: 0 });
    const errors = await t.engine.rows(
      actor,
      testKind,
      run.id,
      { action: 'error', offset: 0, limit: 100 },
      screen,
    );
    expect(errors.rows.map((r) => r.errors!.map((e) => e.message))).toEqual([
      ['6行目 コード: 『x』はコードとして読めません。数字10桁までで入力してください。'],
      ['7行目 氏名: 必須の項目です。入力してください。'],
      ['8行目 受診日: 『2026/13/01』は日付として読めません。YYYY-MM-DD か和暦で入力してください。'],
      ['9行目: コードは2行目と同じです。どちらかを直すか、不要な方を消してください。'],
      ['10行目 コード: このコードは登録できません。'],
    ]);
    expect(errors.rows[1]!.errors![0]).toMatchObject({ field: 'name', column: '氏名' });

    await expect(t.engine.commit(actor, testKind, run.id, false, screen)).rejects.toThrow(
      '5行に誤りがあるため取り込めません。エラー行ファイルをダウンロードして直し',
    );
    expect(await t.items()).toEqual([]);

    const ef = await t.errorFile(run.id);
    expect(ef.name).toBe('結果_sjis_エラー行.csv');
    expect(ef.contentType).toBe('text/csv; charset=Shift_JIS');
    const text = iconv.decode(ef.bytes, 'cp932');
    expect(text.split('\r\n')[0]).toBe('コード,氏名,数量,受診日,エラー内容');
    expect(text.split('\r\n')[1]).toBe(
      'x,誤り,1,,6行目 コード: 『x』はコードとして読めません。数字10桁までで入力してください。',
    );
    expect(ef.bytes.equals(iconv.encode(text, 'cp932'))).toBe(true);

    // only the valid rows; the skipped rows stay in the error list
    const { run: partial } = await t.commit(run.id, true);
    expect(partial.counts.committed).toEqual({ new: 4, update: 0, unchanged: 0, skipped: 5 });
    expect(partial.message).toContain('誤りのある5行は取り込んでいません');
    expect(
      (await t.engine.rows(actor, testKind, run.id, { action: 'error', offset: 0, limit: 1 }, screen)).total,
    ).toBe(5);

    // fix the error file (same 取込設定, Shift_JIS), re-import only those rows
    const fixed = text
      .replace('x,誤り', '7,誤り')
      .replace(',,2,', ',佐藤,2,')
      .replace('2026/13/01', '2026/12/01')
      .replace('1,重複', '8,重複')
      .replace('99901,', '9,');
    const rerun = await t.upload(iconv.encode(fixed, 'cp932'), ef.name);
    expect(rerun.encoding).toBe('cp932');
    expect(rerun.counts).toEqual({ rows: 5, new: 5, update: 0, unchanged: 0, error: 0, warning: 0 });
    await t.commit(rerun.id);
    expect((await t.items()).map((i) => i.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('reads headerless CSV by column number and XML by element name', async () => {
    const t = await testEngine(s);
    const numbered = await t.engine.createSetting(
      actor,
      testKind,
      {
        name: '見出しなし',
        format: 'csv',
        encoding: 'cp932',
        hasHeader: false,
        recordElement: null,
        mapping: [
          { column: '2', field: 'code' },
          { column: '1', field: 'name' },
        ],
      },
      screen,
    );
    const run = await t.upload(iconv.encode('髙橋,1\r\n鈴木,\r\n', 'cp932'), 'punch.csv', numbered.id);
    expect(run.counts).toMatchObject({ rows: 2, new: 1, error: 1 });
    const ef = await t.errorFile(run.id);
    expect(iconv.decode(ef.bytes, 'cp932')).toBe(
      '鈴木,,2行目 コード（2列目）: 必須の項目です。入力してください。\r\n',
    );

    const xmlSetting = await t.engine.createSetting(
      actor,
      testKind,
      {
        name: 'XML',
        format: 'xml',
        encoding: 'auto',
        hasHeader: true,
        recordElement: '結果',
        mapping: [
          { column: '番号', field: 'code' },
          { column: '氏名', field: 'name' },
          { column: '受診年月日', field: 'visited' },
        ],
      },
      screen,
    );
    const xml = `<?xml version="1.0" encoding="UTF-8"?><結果一覧>
      <結果><番号>1</番号><氏名>山田</氏名><受診年月日>2026-06-01</受診年月日></結果>
      <結果><番号>2</番号><氏名>鈴木</氏名><受診年月日>2026/13/01</受診年月日></結果></結果一覧>`;
    const x = await t.upload(xml, '結果.xml', xmlSetting.id);
    expect(x.counts).toEqual({ rows: 2, new: 1, update: 0, unchanged: 0, error: 1, warning: 0 });
    const xf = await t.errorFile(x.id);
    expect(xf.name).toBe('結果_エラー行.xml');
    const back = parseXml(xf.bytes, { encoding: 'auto', recordElement: '結果' });
    expect(back.rows).toEqual([
      {
        rowNo: 1,
        raw: [
          ['番号', '2'],
          ['氏名', '鈴木'],
          ['受診年月日', '2026/13/01'],
          [
            'エラー内容',
            '2件目 受診年月日: 『2026/13/01』は日付として読めません。YYYY-MM-DD か和暦で入力してください。',
          ],
        ],
      },
    ]);
  });

  it('keeps raw cells exactly (tab, backslash, quotes, line breaks) for the error file', async () => {
    const t = await testEngine(s);
    const run = await t.upload(`${header}"a\tb\\c","x""y\r\nz",1,\r\n`, 'raw.csv');
    expect(run.counts).toMatchObject({ rows: 1, error: 1 });
    const ef = await t.errorFile(run.id);
    expect(ef.bytes.toString('utf8').split('\r\n').slice(1).join('\r\n')).toBe(
      'a\tb\\c,"x""y\r\nz",1,,2行目 コード: 『a\tb\\c』はコードとして読めません。数字10桁までで入力してください。\r\n',
    );
  });

  it('rejects a file as a whole (missing column) and writes nothing', async () => {
    const t = await testEngine(s);
    const run = await t.upload('コード,名前\r\n1,山田\r\n', 'bad.csv');
    expect(run.status).toBe('failed');
    expect(run.message).toContain('ファイルの見出し（1行目）に次の列がありません: 氏名、数量、受診日');
    await expect(t.engine.commit(actor, testKind, run.id, true, screen)).rejects.toThrow(
      'このファイルは読めなかった',
    );
    await expect(t.errorFile(run.id)).rejects.toThrow('エラー行ファイルはありません');
    const rows = await s.database.query('SELECT 1 FROM import_run_rows WHERE run_id = $1', [run.id]);
    expect(rows).toHaveLength(0);
  });

  it('resumes a crashed commit at the first chunk not in the ledger (no partial chunk, no double)', async () => {
    let crash = true;
    const calls: number[] = [];
    const t = await testEngine(s, {
      chunkSize: 2,
      onApply: (n) => {
        calls.push(n);
        if (crash && n === 2) throw new Error('process killed');
      },
    });
    const lines = [...good, '5,五,1,', '6,六,1,'];
    const run = await t.upload(`${header}${lines.join('\r\n')}\r\n`, '結果.csv');
    const { run: stopped, job } = await t.commit(run.id);
    expect(job.status).toBe('failed');
    expect(stopped.status).toBe('committing');
    expect((await t.items()).map((i) => i.code)).toEqual(['1', '2']);
    // the runner re-queues a job whose process died; it runs from the start
    crash = false;
    await s.database.query(`UPDATE jobs SET status = 'queued' WHERE id = $1`, [job.id]);
    await s.jobs.runPending();
    const done = await t.engine.run(testKind, run.id);
    expect(done.status).toBe('committed');
    expect(done.counts.committed).toEqual({ new: 6, update: 0, unchanged: 0, skipped: 0 });
    expect((await t.items()).map((i) => i.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(calls).toEqual([1, 2, 3, 4]);
  });

  it('keeps 取込設定 valid and versioned', async () => {
    const t = await testEngine(s);
    await expect(
      t.engine.createSetting(
        actor,
        testKind,
        { ...t.setting, name: '別', mapping: [{ column: 'a', field: 'x' }] },
        screen,
      ),
    ).rejects.toThrow('項目「x」はこの取込にありません');
    await expect(t.engine.createSetting(actor, testKind, t.setting, screen)).rejects.toThrow('既にあります');
    const v2 = await t.engine.updateSetting(
      actor,
      testKind,
      t.setting.id,
      { ...t.setting, name: '改' },
      screen,
    );
    expect(v2.version).toBe(2);
    await expect(
      t.engine.updateSetting(actor, testKind, t.setting.id, { ...t.setting, version: 1 }, screen),
    ).rejects.toThrow('他の利用者が先に更新しました');
  });
});
