import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import type { Actor } from '../../platform/audit/service.ts';
import { freshServices } from '../../test/database.ts';
import { type ImportParams, importJobKind } from './import-job.ts';
import { myNumberCheckDigit } from './my-number.ts';

const header =
  '宛名番号,世帯番号,氏名,氏名カナ,生年月日,性別,続柄,郵便番号,住所,方書,電話番号,住民状態,異動事由,異動日,住民となった日,住民でなくなった日,支援措置,個人番号';
const myNumber = `12345678901${myNumberCheckDigit('12345678901')}`;
const fullFile = [
  header,
  `0000000001,1000000001,山田　太郎,ヤマダ　タロウ,S60.1.1,男,世帯主,123-4501,すこやか県すこやか市本町一丁目2番3号,,012-345-0001,住民,,,2010-04-01,,,${myNumber}`,
  '0000000002,1000000001,山田　花子,ヤマダ　ハナコ,昭和62年5月20日,女,妻,1234501,すこやか県すこやか市本町一丁目2番3号,,,住民,,,2010-04-01,,,',
  '0000000003,1000000002,髙橋　一郎,ﾀｶﾊｼ ｲﾁﾛｳ,1990-02-28,1,世帯主,1234502,すこやか県すこやか市栄町3-4-5,すこやかハイツ101号,,住民,,,2015-06-01,,1,',
].join('\r\n');

const actor: Actor = { userId: null, loginId: 'test', roleCode: 'admin' };

describe(`residents import (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let s: Services;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
  });
  afterAll(() => drop());

  async function importText(text: string | Buffer, p: Partial<ImportParams> = {}) {
    const file = await s.files.save([typeof text === 'string' ? Buffer.from(text) : text], {
      name: 'test.csv',
      contentType: 'text/csv',
      createdBy: null,
    });
    const params: ImportParams = {
      fileId: file.id,
      fileName: 'test.csv',
      mode: 'full',
      dryRun: false,
      onlyValid: false,
      userId: null,
      loginId: 'test',
      roleCode: null,
      ...p,
    };
    const job = await s.jobs.enqueue(importJobKind, 'test', params, null);
    await s.jobs.runPending();
    return s.jobs.get(job.id);
  }
  const count = async (sql: string) => (await s.database.query<{ n: number }>(sql))[0]!.n;
  const search = (c: Parameters<Services['residents']['search']>[1]) =>
    s.residents.search(actor, c, { limit: 100, screen: 'test', summary: 'test' });

  it('loads a full file (UTF-8, 西暦 and 和暦 birth dates, half-width kana) and answers searches', async () => {
    const job = await importText(fullFile);
    expect(job.status, job.message).toBe('succeeded');
    expect(job.result).toMatchObject({ rows: 3, valid: 3, inserted: 3, committed: true, encoding: 'utf8' });
    const r = await search({ kanaKey: 'ヤマタ' });
    expect(r.rows.map((x) => x.name)).toEqual(['山田　太郎', '山田　花子']);
    expect(r.rows[0]!.birthDate).toBe('1985-01-01');
    expect(r.rows[1]!.birthDate).toBe('1987-05-20');
    const t = await search({ kanaKey: 'タカハシ' });
    expect(t.rows[0]!.nameKana).toBe('タカハシ　イチロウ');
  });

  it('finds names from the start first, then names containing the key (e.g. a given name)', async () => {
    expect((await search({ kanaKey: 'タロウ' })).rows.map((x) => x.name)).toEqual(['山田　太郎']);
    expect((await search({ nameKey: '一郎' })).rows.map((x) => x.name)).toEqual(['髙橋　一郎']);
    expect((await search({ kanaKey: 'ヤ' })).rows.map((x) => x.name)).toEqual(['山田　太郎', '山田　花子']);
    // Two characters match anywhere only when no name starts with them.
    expect((await search({ kanaKey: 'ロウ' })).rows.map((x) => x.name)).toEqual(['髙橋　一郎', '山田　太郎']);
    expect((await search({ kanaKey: 'ヤマ' })).rows.map((x) => x.name)).toEqual(['山田　太郎', '山田　花子']);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const events = await count('SELECT count(*)::int AS n FROM resident_events');
    const job = await importText(fullFile);
    expect(job.result).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await count('SELECT count(*)::int AS n FROM resident_events')).toBe(events);
  });

  it('detects Shift_JIS (CP932) files', async () => {
    const job = await importText(iconv.encode(fullFile, 'cp932'), { dryRun: true });
    expect(job.result).toMatchObject({ encoding: 'cp932', rows: 3, valid: 3, committed: false });
  });

  it('stores 個人番号 encrypted and shows it only through reveal, audited with the purpose', async () => {
    const stored = await s.database.query<{ my_number_enc: string }>(
      'SELECT my_number_enc FROM resident_secrets',
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.my_number_enc).not.toContain(myNumber);
    const [taro] = (await search({ atenaNo: '0000000001' })).rows;
    const view = await s.residents.view(actor, taro!.id, 'test');
    expect(view.myNumberMasked).toBe(`●●●●●●●●${myNumber.slice(-4)}`);
    expect((await s.residents.reveal(actor, taro!.id, 'myNumber', '国保連携の確認')).myNumber).toBe(myNumber);
    const [log] = await s.database.query<{ purpose: string; sensitive: boolean }>(
      "SELECT purpose, sensitive FROM audit_log WHERE screen = '個人番号表示'",
    );
    expect(log).toEqual({ purpose: '国保連携の確認', sensitive: true });
  });

  it('hides a 支援措置対象者 address in search, view and history', async () => {
    const [ichiro] = (await search({ atenaNo: '0000000003' })).rows;
    expect(ichiro!.address).toBe('（支援措置のため非表示）');
    const view = await s.residents.view(actor, ichiro!.id, 'test');
    expect(view.resident.address).toBe('（支援措置のため非表示）');
    expect(JSON.stringify(view.events)).not.toContain('栄町');
    const revealed = await s.residents.reveal(actor, ichiro!.id, 'address', '訪問日程の調整');
    expect(revealed.address).toContain('栄町');
  });

  it('applies a delta of 異動 and keeps history, so past states can be answered', async () => {
    const delta = [
      header,
      '0000000002,1000000001,山田　花子,ヤマダ　ハナコ,1987-05-20,女,妻,1234501,すこやか県すこやか市本町一丁目2番3号,,,転出,転出,2026-04-10,2010-04-01,2026-04-10,,',
      '0000000004,1000000003,佐藤　みらい,サトウ　ミライ,2026-04-02,女,子,1234503,すこやか県すこやか市旭町1-1-1,,,住民,出生,2026-04-02,2026-04-02,,,',
    ].join('\n');
    const job = await importText(delta, { mode: 'delta' });
    expect(job.status, job.message).toBe('succeeded');
    expect(job.result).toMatchObject({ inserted: 1, updated: 1 });
    const [hanako] = (await search({ atenaNo: '0000000002' })).rows;
    expect(hanako!.status).toBe('moved_out');
    expect((await s.residents.stateOn(actor, hanako!.id, '2026-04-09'))?.status).toBe('resident');
    expect((await s.residents.stateOn(actor, hanako!.id, '2026-04-10'))?.status).toBe('moved_out');
    expect(await s.residents.stateOn(actor, hanako!.id, '2009-01-01')).toBeNull();
  });

  it('validates every row first: a file with errors commits nothing until the user chooses valid rows only', async () => {
    const bad = [
      header,
      '0000000010,1000000010,鈴木　一,スズキ　ハジメ,R2.4.1,男,世帯主,1234501,すこやか市本町1-1,,,住民,転入,2026-04-01,2026-04-01,,,',
      '0000000011,1000000010,鈴木　二,suzuki,2020-02-30,X,子,12345,すこやか市本町1-1,,,住民,転入,2026-04-01,2026-04-01,,,123456789012',
      '0000000012,1000000010,鈴木　三,スズキ　サン,2020-01-01,男,子,1234501,すこやか市本町1-1,,,住民,転出,2026-04-01,2026-04-01,,,',
    ].join('\n');
    const before = await count('SELECT count(*)::int AS n FROM residents');
    const job = await importText(bad, { mode: 'delta' });
    expect(job.status).toBe('needs_review');
    expect(job.result).toMatchObject({ rows: 3, valid: 1, invalid: 2, committed: false });
    expect(await count('SELECT count(*)::int AS n FROM residents')).toBe(before);
    const errors = await s.database.query<{ row_no: number; column_name: string; message: string }>(
      'SELECT row_no, column_name, message FROM import_row_errors WHERE job_id = $1 ORDER BY row_no, id',
      [job.id],
    );
    const row3 = errors.filter((e) => e.row_no === 3).map((e) => e.column_name);
    expect(row3).toEqual(expect.arrayContaining(['氏名カナ', '生年月日', '性別', '郵便番号', '個人番号']));
    expect(errors.find((e) => e.column_name === '生年月日')!.message).toContain('存在しません');
    expect(errors.find((e) => e.row_no === 4)!.message).toContain('転出');
    const p = job.params as ImportParams;
    const again = await importText(bad, { ...p, fileId: p.fileId, mode: 'delta', onlyValid: true });
    expect(again.result).toMatchObject({ committed: true, inserted: 1 });
    expect(await count('SELECT count(*)::int AS n FROM residents')).toBe(before + 1);
  });

  it('fails a file without the required header columns, saying which are missing', async () => {
    const job = await importText('氏名,生年月日\n山田,2000-01-01\n');
    expect(job.status).toBe('failed');
    expect(job.message).toContain('宛名番号');
  });

  it('registers and edits 住登外者 by hand with optimistic locking', async () => {
    const input = {
      name: '外部　太郎',
      nameKana: 'ガイブ　タロウ',
      birthDate: '1970-07-07',
      sex: '1' as const,
      postalCode: '1000001',
      address: '東京都千代田区千代田1-1',
      addressExtra: '',
      phone: '',
    };
    const { id, atenaNo } = await s.residents.registerManual(actor, input);
    expect(atenaNo).toBe('9000000001');
    const found = await search({ statuses: ['non_registered'] });
    expect(found.rows.map((r) => r.id)).toContain(id);
    const v = await s.residents.updateManual(actor, id, 1, { ...input, phone: '03-0000-0000' });
    expect(v.version).toBe(2);
    await expect(s.residents.updateManual(actor, id, 1, input)).rejects.toThrow(
      '他の利用者が先に更新しました',
    );
  });

  it('writes every search and view to the audit log with the residents touched', async () => {
    const rows = await s.database.query<{ action: string; resident_count: number }>(
      "SELECT action, resident_count FROM audit_log WHERE action IN ('search','view') ORDER BY id",
    );
    expect(rows.filter((r) => r.action === 'search').length).toBeGreaterThan(3);
    expect(rows.some((r) => r.action === 'view' && r.resident_count === 1)).toBe(true);
  });
});
