import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { appImports } from '../../platform/imports/testing.ts';
import { freshServices } from '../../test/database.ts';
import { detailedExamsImportKind } from './detailed-exams-import.ts';
import { type DetailedImportParams, parseDetailedRow } from './detailed-exams-import-row.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const screen = '成人保健 精密検査結果の取込';
const fy = fiscalYearOf(today());
const header = '受診票番号,宛名番号,精検日,医療機関コード,医療機関名,精検法,精検結果,病期,備考';

describe('parseDetailedRow (table)', () => {
  const params: DetailedImportParams = { program: 'colorectal', fiscalYear: 2026 };
  it.each([
    [{ atenaNo: '501' }, params, null],
    [{}, params, '受診票番号か宛名番号のどちらかを入れてください。'],
    [{ ticketNo: '2026/501' }, params, '受診票番号「2026/501」の形が違います（例: 2026-0000012345）。'],
    [{ atenaNo: '5O1' }, params, '宛名番号「5O1」は数字15桁以内で入れてください。'],
    [
      { ticketNo: '2026-0000000501', atenaNo: '502' },
      params,
      '宛名番号「502」が受診票番号「2026-0000000501」の宛名番号と違います。',
    ],
    [
      { atenaNo: '501' },
      { program: null, fiscalYear: 2026 },
      '検診の列がありません。取込のときに検診を選ぶか、検診の列を入れてください。',
    ],
    [{ atenaNo: '501', program: '胃がんX' }, params, /^検診「胃がんX」はありません。/],
    [
      { atenaNo: '501' },
      { program: 'colorectal', fiscalYear: null },
      '検診の年度がわかりません。取込のときに年度を選ぶか、受診票番号か検診の受診日の列を入れてください。',
    ],
    [
      { ticketNo: '2025-501', screenedOn: '2026-06-10' },
      params,
      '受診票番号の年度（2025年度）と検診の受診日の年度（2026年度）が違います。受診票番号か受診日を確かめてください。',
    ],
    [{ atenaNo: '501', status: '受けた' }, params, /^精検の状況「受けた」は読めません。精検受診・精検未受診/],
    [{ atenaNo: '501', outcome: 'ポリープ' }, params, /^精検結果「ポリープ」は読めません。がんであった者・/],
    [{ atenaNo: '501', reportedBy: '電話' }, params, /^報告の種類「電話」は読めません。/],
  ] as const)('%j %j → %s', (row, p, error) => {
    const r = parseDetailedRow(row as Record<string, string>, p as DetailedImportParams);
    const message = r.ok ? null : r.errors[0]!.message;
    if (error instanceof RegExp) expect(message).toMatch(error);
    else expect(message).toBe(error);
  });

  it.each([
    [{ outcome: 'がんであった者' }, { outcome: 'cancer' }],
    [{ outcome: 'cancer' }, { outcome: 'cancer' }],
    [{ outcome: 'がんの疑い又は未確定' }, { outcome: 'suspected' }],
    [{ outcome: 'がんの疑いのある者又は未確定' }, { outcome: 'suspected' }],
    [{ outcome: 'がん以外の疾患' }, { outcome: 'other_disease' }],
    [{ outcome: '異常認めず' }, { outcome: 'no_abnormality' }],
    [{ status: '' }, { status: 'examined', reportedBy: 'institution' }],
    [
      { status: '精検未受診', reportedBy: '本人' },
      { status: 'not_examined', reportedBy: 'person' },
    ],
    [{ method: '全大腸内視鏡検査' }, { method: 'colonoscopy' }],
    [{ method: 'S状結腸内視鏡検査+注腸X線検査' }, { method: 'sigmoidoscopy_enema' }],
    [{ method: '胃内視鏡検査' }, { method: '胃内視鏡検査' }],
    [{ ticketNo: 'K2025-0000000501' }, { atenaNo: '0000000501', fiscalYear: 2025 }],
    [{ screenedOn: 'R7.6.10' }, { screenedOn: '2025-06-10', fiscalYear: 2025 }],
  ] as const)('%j → %j', (row, value) => {
    const r = parseDetailedRow({ atenaNo: '501', ...row } as Record<string, string>, params);
    expect(r).toMatchObject({ ok: true, value });
  });
});

describe('精密検査結果の取込 (engine + target)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let settingId = 0;
  let ids: Map<string, number>;
  const recordIds = new Map<string, number>();

  const io = () => appImports(s, detailedExamsImportKind);
  const upload = (lines: string[]) =>
    io().upload(
      settingId,
      { program: 'colorectal', fiscalYear: fy },
      `${header}\r\n${lines.join('\r\n')}\r\n`,
      '精検結果.csv',
    );
  const commit = (runId: number, onlyValid = false) => io().commit(runId, onlyValid);
  const rows = (runId: number, action: 'error' | 'update' | 'new' | 'unchanged') => io().rows(runId, action);
  const detailedOf = async (atenaNo: string) =>
    (
      await s.database.query<Record<string, unknown>>(
        `SELECT status, to_char(examined_on, 'YYYY-MM-DD') AS "examinedOn", institution_id AS "institutionId",
           institution_name AS "institutionName", method, outcome, reported_by AS "reportedBy", details, note,
           source, version
         FROM detailed_exam_results WHERE screening_record_id = $1`,
        [recordIds.get(atenaNo)],
      )
    )[0];
  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(
      s,
      ['0000000801', '0000000802', '0000000803', '0000000804', '0000000805'].map((atenaNo, i) => ({
        atenaNo,
        name: `精検取込 ${i + 1}`,
        birthDate: '1960-05-01',
        sex: '1' as const,
      })),
    );
    await s.database.query(
      `INSERT INTO medical_institutions (code, name, programs) VALUES ('1310000002', 'すこやか消化器クリニック', '{colorectal}')`,
    );
    for (const [atenaNo, positive] of [
      ['0000000801', true],
      ['0000000802', true],
      ['0000000803', false],
      ['0000000805', true],
    ] as const) {
      const saved = await s.adult.results.save(actor, ids.get(atenaNo)!, {
        program: 'colorectal',
        screenedOn: `${fy}-06-10`,
        mode: 'group',
        institutionId: null,
        method: null,
        result: positive ? 'needs_followup' : 'negative',
        items: { fobtDay1: positive ? 'positive' : 'negative', fobtDay2: 'negative' },
        note: '',
        bookingId: null,
        id: null,
        version: null,
      });
      recordIds.set(atenaNo, saved.id);
    }
    const setting = await s.imports.createSetting(
      actor,
      detailedExamsImportKind,
      {
        name: 'すこやか消化器クリニック 精検',
        format: 'csv',
        encoding: 'auto',
        hasHeader: true,
        recordElement: null,
        mapping: [
          { column: '受診票番号', field: 'ticketNo' },
          { column: '宛名番号', field: 'atenaNo' },
          { column: '精検日', field: 'examinedOn' },
          { column: '医療機関コード', field: 'institutionCode' },
          { column: '医療機関名', field: 'institutionName' },
          { column: '精検法', field: 'method' },
          { column: '精検結果', field: 'outcome' },
          { column: '病期', field: 'stage' },
          { column: '備考', field: 'note' },
        ],
      },
      screen,
    );
    settingId = setting.id;
  });
  afterAll(async () => drop());

  const d = `${fy}-07-01`;
  const good1 = `${fy}-0000000801,,${d},1310000002,,全大腸内視鏡検査,がん以外の疾患,,大腸ポリープ`;
  const good2 = `,802,${d},,県立がんセンター,colonoscopy,がんであった者,StageI,`;

  it('checks every row against a 要精検 screening; all-or-nothing unless only the valid rows are chosen', async () => {
    const run = await upload([
      good1,
      good2,
      `,803,${d},1310000002,,全大腸内視鏡検査,異常認めず,,`,
      `,804,${d},1310000002,,全大腸内視鏡検査,異常認めず,,`,
      `,0000000999,${d},1310000002,,全大腸内視鏡検査,異常認めず,,`,
      `,801,,9999999999,,胃内視鏡検査,,,`,
    ]);
    expect(run.counts).toMatchObject({ rows: 6, new: 2, error: 4 });
    const errors = (await rows(run.id, 'error')).rows.map((r) => r.errors!.map((e) => e.message).join(' / '));
    expect(errors).toEqual([
      expect.stringContaining(
        `この方の令和${fy - 2018}年度の大腸がん検診は要精検になっていません（判定: 異常認めず）。`,
      ),
      expect.stringContaining(`この方の令和${fy - 2018}年度の大腸がん検診の結果がありません。`),
      expect.stringContaining('宛名番号 0000000999 の方が見つかりません。番号を確かめてください。'),
      expect.stringMatching(
        /医療機関コード: 精検機関コード 9999999999 は医療機関マスタにありません。.*精検法: 精検法「胃内視鏡検査」は選べません。.*精検日: 精検受診には精検日が必要です。.*精検結果: 精検受診には精検結果が必要です/,
      ),
    ]);
    await expect(
      s.imports.commit(actor, detailedExamsImportKind, run.id, false, screen),
    ).rejects.toMatchObject({ status: 409 });
    const done = await commit(run.id, true);
    expect(done.counts.committed).toMatchObject({ new: 2, skipped: 4 });
    const [clinic] = await s.database.query<{ id: number }>(
      `SELECT id FROM medical_institutions WHERE code = '1310000002'`,
    );
    expect(await detailedOf('0000000801')).toMatchObject({
      status: 'examined',
      examinedOn: d,
      institutionId: clinic!.id,
      institutionName: '',
      method: 'colonoscopy',
      outcome: 'other_disease',
      reportedBy: 'institution',
      note: '大腸ポリープ',
      source: 'import',
      version: 1,
    });
    expect(await detailedOf('0000000802')).toMatchObject({
      status: 'examined',
      institutionId: null,
      institutionName: '県立がんセンター',
      outcome: 'cancer',
      details: { stage: 'StageI' },
    });
  });

  it('re-importing the same rows changes nothing', async () => {
    const run = await upload([good1, good2]);
    expect(run.counts).toMatchObject({ rows: 2, new: 0, update: 0, unchanged: 2, error: 0 });
  });

  it('two rows for one screening are an error', async () => {
    const run = await upload([good1, `,801,${d},1310000002,,全大腸内視鏡検査,がん以外の疾患,,大腸ポリープ`]);
    expect(run.counts).toMatchObject({ unchanged: 1, error: 1 });
    const [e] = (await rows(run.id, 'error')).rows;
    expect(e!.errors![0]!.message).toContain('同じ検診（宛名番号・検診・年度）の行は2行目と同じです。');
  });

  it('a row changing a 精検結果 a clerk corrected by hand is an update that says so', async () => {
    const r = (await detailedOf('0000000801'))!;
    await s.adult.detailedExams.save(actor, recordIds.get('0000000801')!, {
      status: 'examined',
      examinedOn: d,
      institutionId: Number(r.institutionId),
      institutionName: '',
      method: 'colonoscopy',
      outcome: 'no_abnormality',
      reportedBy: 'institution',
      lesion: null,
      stage: '',
      note: '本人に確認',
      version: r.version as number,
    });
    const run = await upload([good1]);
    expect(run.counts).toMatchObject({ update: 1 });
    const [u] = (await rows(run.id, 'update')).rows;
    expect(u!.warning).toBe('手入力で登録・修正された精検結果を上書きします（精検結果・備考）。');
    expect(u!.changes).toEqual([
      { field: 'outcome', label: '精検結果', before: '異常認めず', after: 'がん以外の疾患であった者' },
      { field: 'note', label: '備考', before: '本人に確認', after: '大腸ポリープ' },
    ]);
    await commit(run.id);
    expect(await detailedOf('0000000801')).toMatchObject({ outcome: 'other_disease', version: 3 });
  });

  it('an inappropriate method (便潜血検査の再検) is imported as 精検未受診 with the reason, as on the entry screen', async () => {
    const run = await upload([`,805,${d},1310000002,,便潜血検査の再検,,,`]);
    expect(run.counts).toMatchObject({ new: 1, error: 0 });
    await commit(run.id);
    expect(await detailedOf('0000000805')).toMatchObject({
      status: 'not_examined',
      method: 'fobt_repeat',
      outcome: null,
      note: '便潜血検査の再検は精密検査として不適切なため「精検未受診」になります。',
    });
  });
});
