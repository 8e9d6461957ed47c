import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { appImports, actor as importActor, screen as importScreen } from '../../platform/imports/testing.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { recordsImportKind } from './records-import.ts';
import { standardRecordHeader } from './records-import-row.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'nurse' } as const;
const header = standardRecordHeader.join(',');
const csv = (lines: string[]) => `${header}\r\n${lines.join('\r\n')}\r\n`;

/** 宛名番号,氏名,生年月日,接種日,ワクチン,回,製品名,ロット番号,実施医療機関,医師名,予診票番号 */
const a1 = '0000000901,取込 一郎,2025-06-01,2025-08-01,5種混合,,ゴービック,G001,1310000001,健康 一郎,Y-001';
const a2 = '901,取込 一郎,,20250901,５種混合,2,ゴービック,G002,すこやか小児科,健康 一郎,Y-002';
const a3 =
  '0000000901,取込 一郎,,R7.10.1,DPT-IPV-Hib,初回3回目,ゴービック,G003,すこやか小児科,健康 一郎,Y-003';
const aMr =
  '0000000901,取込 一郎,,令和8年6月10日,麻しん風しん1期,,ミールビック,M001,中央こどもクリニック,医師 花子,Y-004';

describe('接種結果の取込 (engine + target, F11a-01)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let settingId = 0;
  let ids: Map<string, number>;
  const io = () => appImports(s, recordsImportKind);
  const upload = (lines: string[]) => io().upload(settingId, undefined, csv(lines), '接種結果.csv');
  const records = (atenaNo: string) =>
    s.database.query<Record<string, unknown>>(
      `SELECT vaccine, dose, to_char(vaccinated_on, 'YYYY-MM-DD') AS "vaccinatedOn", product, lot,
         institution_id AS "institutionId", institution_name AS "institutionName", doctor, form_no AS "formNo",
         source, routine, issues, version, id
       FROM vaccination_records WHERE resident_id = $1 AND deleted_at IS NULL ORDER BY vaccinated_on, id`,
      [ids.get(atenaNo)],
    );

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(s, [
      { atenaNo: '0000000901', name: '取込 一郎', birthDate: '2025-06-01', sex: '1' },
      { atenaNo: '0000000902', name: '取込 二郎', birthDate: '2025-05-01', sex: '1' },
      { atenaNo: '0000000903', name: '取込 三子', birthDate: '2025-05-01', sex: '2' },
    ]);
    await s.database.query(
      `INSERT INTO medical_institutions (code, name, programs) VALUES ('1310000001', 'すこやか小児科', '{}')`,
    );
    // the default 取込設定: the standard clinic header maps onto the fields by their names and aliases
    const suggested = await s.imports.suggest(recordsImportKind, header);
    expect(suggested.unmatched).toEqual(['氏名']);
    const setting = await s.imports.createSetting(
      actor,
      recordsImportKind,
      {
        name: '医療機関の接種結果（標準）',
        format: 'csv',
        encoding: 'auto',
        hasHeader: true,
        recordElement: null,
        mapping: suggested.mapping,
      },
      '予防接種 接種結果の取込',
    );
    settingId = setting.id;
  });
  afterAll(async () => drop());

  it('imports new records: the dose is the engine’s, counted with the file’s earlier rows; source 取込', async () => {
    const run = await upload([a1, a2, a3, aMr]);
    expect(run.counts).toMatchObject({ rows: 4, new: 4, error: 0 });
    expect((await io().rows(run.id, 'new')).rows.map((r) => [r.label, r.warning])).toEqual([
      ['取込 一郎', null],
      ['取込 一郎', null],
      ['取込 一郎', null],
      ['取込 一郎', null],
    ]);
    const done = await io().commit(run.id);
    expect(done.counts.committed).toMatchObject({ new: 4, update: 0, skipped: 0 });
    const [clinic] = await s.database.query<{ id: number }>(
      `SELECT id FROM medical_institutions WHERE code = '1310000001'`,
    );
    expect(await records('0000000901')).toMatchObject([
      {
        vaccine: 'DPT_IPV_HIB',
        dose: '初回1回目',
        vaccinatedOn: '2025-08-01',
        product: 'ゴービック',
        lot: 'G001',
        institutionId: clinic!.id,
        institutionName: '',
        doctor: '健康 一郎',
        formNo: 'Y-001',
        source: 'import',
        routine: true,
        issues: [],
        version: 1,
      },
      { dose: '初回2回目', vaccinatedOn: '2025-09-01', institutionId: clinic!.id, routine: true },
      { dose: '初回3回目', vaccinatedOn: '2025-10-01', routine: true },
      {
        vaccine: 'MR1',
        dose: '1回',
        vaccinatedOn: '2026-06-10',
        institutionId: null,
        institutionName: '中央こどもクリニック',
        routine: true,
      },
    ]);
    const [audit] = await s.database.query<{ summary: string }>(
      `SELECT summary FROM audit_log WHERE action = 'import' AND screen = $1 ORDER BY id DESC LIMIT 1`,
      [importScreen],
    );
    expect(audit!.summary).toContain('予防接種の記録の取込 接種結果.csv: 新規4 更新0 変更なし0');
  });

  it('re-importing the same file changes nothing', async () => {
    const run = await upload([a1, a2, a3, aMr]);
    expect(run.counts).toMatchObject({ rows: 4, new: 0, update: 0, unchanged: 4, error: 0 });
  });

  it('rows that name nobody, another person, a duplicate or an unknown 医療機関 are errors in Japanese', async () => {
    const run = await upload([
      '0000000999,不明,,2025-08-01,MR1,,,,,,',
      '0000000901,取込 一郎,2025-06-02,2025-11-01,5種混合,,,,,,',
      a1,
      '0000000901,取込 一郎,,2025-08-01,DPT_IPV_HIB,,ゴービック,G001,1310000001,健康 一郎,Y-001',
      '0000000902,取込 二郎,,2025-07-01,5種混合,,,,9999999999,,',
      '0000000902,取込 二郎,,2099-01-01,5種混合,,,,,,',
    ]);
    expect(run.counts).toMatchObject({ rows: 6, unchanged: 1, error: 5 });
    const errors = (await io().rows(run.id, 'error')).rows.map((r) =>
      r.errors!.map((e) => e.message).join(' / '),
    );
    expect(errors).toEqual([
      '2行目 宛名番号: 宛名番号 0000000999 の方が見つかりません。番号を確かめてください。',
      '3行目 生年月日: 生年月日が宛名と違います（宛名の生年月日は 2025-06-01）。宛名番号か生年月日を確かめてください。',
      '5行目: 同じ接種（宛名番号・ワクチン・接種日）の行は4行目と同じです。どちらかを直すか、不要な方を消してください。',
      '6行目 実施医療機関: 医療機関コード 9999999999 は医療機関マスタにありません。コードを確かめるか、医療機関の名称で入れてください。',
      '7行目 接種日: 接種日が今日より後です。接種日を確かめてください。',
    ]);
  });

  it('a record with too short an interval is stored with its issues (任意接種扱い) and shown as a warning', async () => {
    const run = await upload([
      '0000000902,取込 二郎,,2025-07-01,5種混合,,,,,,',
      '0000000902,取込 二郎,,2025-07-10,5種混合,2,,,,,',
    ]);
    expect(run.counts).toMatchObject({ new: 2, error: 0, warning: 1 });
    expect(run.message).toContain('注意のある行が1行あります');
    const warnings = (await io().rows(run.id, 'new')).rows.map((r) => r.warning);
    expect(warnings[0]).toBeNull();
    expect(warnings[1]).toBe(
      '定期接種として扱えません（任意接種扱いで記録します）: 5種混合（DPT-IPV-Hib） 初回2回目: 接種間隔が不足しています（2025-07-22以降に接種できます）',
    );
    await io().commit(run.id);
    expect(await records('0000000902')).toMatchObject([
      { dose: '初回1回目', routine: true },
      {
        dose: '初回2回目',
        routine: false,
        source: 'import',
        issues: [{ code: 'interval_too_short' }],
      },
    ]);
  });

  it('a row changing a record corrected by hand is an update that lists the changes and warns', async () => {
    const [mr] = (await records('0000000901')).filter((r) => r.vaccine === 'MR1');
    await s.vaccination.records.save(actor, ids.get('0000000901')!, {
      vaccine: 'MR1',
      dose: '1回',
      vaccinatedOn: '2026-06-10',
      product: 'ミールビック',
      lot: 'M001-X',
      institutionId: null,
      institutionName: '中央こどもクリニック',
      doctor: '医師 花子',
      formNo: 'Y-004',
      source: 'manual',
      note: '予診票で確認',
      id: Number(mr!.id),
      version: Number(mr!.version),
    });
    const run = await upload([a1, aMr]);
    expect(run.counts).toMatchObject({ unchanged: 1, update: 1, warning: 1 });
    const [u] = (await io().rows(run.id, 'update')).rows;
    expect(u!.changes).toEqual([{ field: 'lot', label: 'ロット番号', before: 'M001-X', after: 'M001' }]);
    expect(u!.warning).toBe('手入力で登録・修正された記録を上書きします（ロット番号）。');
    await io().commit(run.id);
    const [after] = (await records('0000000901')).filter((r) => r.vaccine === 'MR1');
    expect(after).toMatchObject({ lot: 'M001', source: 'import', version: 3, routine: true });
  });

  it('a file without some columns keeps the stored values of those fields', async () => {
    const short = await s.imports.createSetting(
      actor,
      recordsImportKind,
      {
        name: 'ロット番号・予診票番号の無いファイル',
        format: 'csv',
        encoding: 'auto',
        hasHeader: true,
        recordElement: null,
        mapping: [
          { column: '宛名番号', field: 'atenaNo' },
          { column: '接種年月日', field: 'vaccinatedOn' },
          { column: 'ワクチン名', field: 'vaccine' },
        ],
      },
      '予防接種 接種結果の取込',
    );
    const run = await io().upload(
      short.id,
      undefined,
      '宛名番号,接種年月日,ワクチン名\r\n901,R7.8.1,5種混合\r\n',
    );
    expect(run.counts).toMatchObject({ unchanged: 1, error: 0 });
  });

  it('a number in the 回 column is read by the engine’s count; a 回 the history does not support is noted', async () => {
    const run = await upload([
      '0000000903,取込 三子,,2025-07-01,小児肺炎球菌,1,PCV20,P-01,,,',
      '0000000903,取込 三子,,2025-08-01,小児肺炎球菌,初回3,PCV20,P-02,,,',
    ]);
    expect(run.counts).toMatchObject({ new: 2, error: 0 });
    expect((await io().rows(run.id, 'new')).rows.map((r) => r.warning)).toEqual([
      null,
      '回: ファイルは「初回3回目」ですが、これまでの記録から数えると「初回2回目」です。前の接種の記録が漏れていないか確かめてください。',
    ]);
    await io().commit(run.id);
    expect(await records('0000000903')).toMatchObject([
      { vaccine: 'PCV', dose: '初回1回目', product: 'PCV20', routine: true },
      { vaccine: 'PCV', dose: '初回3回目', routine: true },
    ]);
  });

  it('reads a Shift_JIS file (as clinics’ Excel writes it)', async () => {
    const text = csv([
      '0000000903,取込 三子,R7.5.1,令和7年7月1日,ロタリックス,1,,R-01,すこやか小児科,髙橋 医師,',
    ]);
    const prepared = await s.imports.prepareRun(recordsImportKind, settingId, undefined);
    const file = await s.files.save([iconv.encode(text, 'cp932')], {
      name: '接種結果_sjis.csv',
      contentType: 'text/csv',
      createdBy: null,
    });
    const { run } = await s.imports.startRun(
      importActor,
      recordsImportKind,
      prepared,
      { fileId: file.id, fileName: '接種結果_sjis.csv' },
      importScreen,
    );
    await s.jobs.runPending();
    expect(await s.imports.run(recordsImportKind, run.id)).toMatchObject({
      encoding: 'cp932',
      counts: { new: 1, error: 0 },
    });
    await io().commit(run.id);
    expect((await records('0000000903')).filter((r) => r.vaccine === 'ROTA1')).toMatchObject([
      { vaccine: 'ROTA1', dose: '1回目', doctor: '髙橋 医師', routine: true },
    ]);
  });
});
