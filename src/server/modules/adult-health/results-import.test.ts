import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { appImports } from '../../platform/imports/testing.ts';
import { freshServices } from '../../test/database.ts';
import { resultsImportKind } from './results-import.ts';
import { parseResultRow } from './results-import-row.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const screen = '成人保健 検診結果の取込';
const fy = fiscalYearOf(today());
const header = '受診票番号,宛名番号,受診日,受診区分,医療機関コード,便潜血1日目,便潜血2日目,判定';

describe('parseResultRow (table)', () => {
  it.each([
    [{ atenaNo: '501', screenedOn: 'x', result: 'y' }, { program: 'colorectal' }, null],
    [
      { screenedOn: 'x', result: 'y' },
      { program: 'colorectal' },
      '受診票番号か宛名番号のどちらかを入れてください。',
    ],
    [
      { ticketNo: '2026/501', screenedOn: 'x', result: 'y' },
      { program: 'colorectal' },
      '受診票番号「2026/501」の形が違います（例: 2026-0000012345）。',
    ],
    [
      { atenaNo: '501', screenedOn: 'x', result: 'y' },
      { program: null },
      '検診の列がありません。取込のときに検診を選ぶか、検診の列を入れてください。',
    ],
    [{ atenaNo: '501', program: '大腸がん', screenedOn: 'x', result: 'y' }, { program: null }, null],
    [
      { atenaNo: '501', program: '胃がんX', screenedOn: 'x', result: 'y' },
      { program: null },
      /^検診「胃がんX」はありません。/,
    ],
  ] as const)('%j %j → %s', (row, params, error) => {
    const r = parseResultRow(row as Record<string, string>, params as { program: null });
    const message = r.ok ? null : r.errors[0]!.message;
    if (error instanceof RegExp) expect(message).toMatch(error);
    else expect(message).toBe(error);
  });
});

describe('検診結果の取込 (engine + target)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let settingId = 0;
  let ids: Map<string, number>;

  const io = () => appImports(s, resultsImportKind);
  const upload = (lines: string[], program: string | null = 'colorectal') =>
    io().upload(
      settingId,
      program ? { program } : undefined,
      `${header}\r\n${lines.join('\r\n')}\r\n`,
      '結果.csv',
    );
  const commit = (runId: number, onlyValid = false) => io().commit(runId, onlyValid);
  const rows = (runId: number, action: 'error' | 'update' | 'new' | 'unchanged') => io().rows(runId, action);
  const resultOf = async (atenaNo: string) =>
    (await s.adult.results.sheet(actor, ids.get(atenaNo)!, fy)).results.find(
      (r) => r.program === 'colorectal',
    );

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(
      s,
      ['0000000601', '0000000602', '0000000603'].map((atenaNo, i) => ({
        atenaNo,
        name: `取込 ${i + 1}`,
        birthDate: '1970-05-01',
        sex: '1' as const,
      })),
    );
    await s.database.query(
      `INSERT INTO medical_institutions (code, name, programs) VALUES ('1310000001', 'すこやか内科', '{colorectal}')`,
    );
    const setting = await s.imports.createSetting(
      actor,
      resultsImportKind,
      {
        name: 'すこやか内科 大腸がん',
        format: 'csv',
        encoding: 'auto',
        hasHeader: true,
        recordElement: null,
        mapping: [
          { column: '受診票番号', field: 'ticketNo' },
          { column: '宛名番号', field: 'atenaNo' },
          { column: '受診日', field: 'screenedOn' },
          { column: '受診区分', field: 'mode' },
          { column: '医療機関コード', field: 'institutionCode' },
          { column: '便潜血1日目', field: 'item.fobtDay1' },
          { column: '便潜血2日目', field: 'item.fobtDay2' },
          { column: '判定', field: 'result' },
        ],
      },
      screen,
    );
    settingId = setting.id;
  });
  afterAll(async () => drop());

  const d = `${fy}-06-10`;
  const good1 = `${fy}-0000000601,,${d},個別,1310000001,陽性,陰性,要精検`;
  const good2 = `,602,${d},個別,1310000001,陰性,陰性,異常認めず`;

  it('checks every row against the person and the program; all-or-nothing unless only the valid rows are chosen', async () => {
    const run = await upload([
      good1,
      good2,
      `,0000000999,${d},個別,1310000001,陰性,陰性,異常認めず`,
      `,603,${d},個別,1310000001,陽性,陰性,異常認めず`,
      `${fy - 1}-0000000603,,${d},個別,9999999999,陰性,陰性,異常認めず`,
    ]);
    expect(run.counts).toMatchObject({ rows: 5, new: 2, error: 3 });
    const errors = (await rows(run.id, 'error')).rows.map((r) => r.errors!.map((e) => e.message).join(' / '));
    expect(errors).toEqual([
      expect.stringContaining('宛名番号 0000000999 の方が見つかりません。番号を確かめてください。'),
      expect.stringContaining('便潜血が1日でも陽性のときの判定は「要精検」です。'),
      expect.stringMatching(
        /医療機関コード 9999999999 は医療機関マスタにありません。.*受診票番号の年度（\d+年度）と受診日の年度（\d+年度）が違います。/,
      ),
    ]);
    await expect(s.imports.commit(actor, resultsImportKind, run.id, false, screen)).rejects.toMatchObject({
      status: 409,
    });
    const done = await commit(run.id, true);
    expect(done.counts.committed).toMatchObject({ new: 2, skipped: 3 });
    expect(await resultOf('0000000601')).toMatchObject({
      result: 'needs_followup',
      needsDetailed: true,
      source: 'import',
      ticketNo: `${fy}-0000000601`,
      institutionName: 'すこやか内科',
      items: { fobtDay1: 'positive', fobtDay2: 'negative' },
    });
  });

  it('re-importing the same rows changes nothing', async () => {
    const run = await upload([good1, good2]);
    expect(run.counts).toMatchObject({ rows: 2, new: 0, update: 0, unchanged: 2, error: 0 });
  });

  it('a row changing a result a clerk corrected by hand is an update that says so', async () => {
    const r = (await resultOf('0000000602'))!;
    await s.adult.results.save(actor, ids.get('0000000602')!, {
      program: 'colorectal',
      screenedOn: d,
      mode: 'individual',
      institutionId: r.institutionId,
      method: null,
      result: 'negative',
      items: { fobtDay1: 'negative', fobtDay2: 'negative' },
      note: '本人に確認',
      bookingId: null,
      id: r.id,
      version: r.version,
    });
    const run = await upload([`,602,${d},個別,1310000001,陽性,陰性,要精検`]);
    expect(run.counts).toMatchObject({ update: 1 });
    const [u] = (await rows(run.id, 'update')).rows;
    expect(u!.warning).toBe('手入力で登録・修正された結果を上書きします（判定・備考・便潜血 1日目）。');
    expect(u!.changes).toEqual([
      { field: 'result', label: '判定', before: 'negative', after: 'needs_followup' },
      { field: 'note', label: '備考', before: '本人に確認', after: '' },
      { field: 'item.fobtDay1', label: '便潜血 1日目', before: 'negative', after: 'positive' },
    ]);
    await commit(run.id);
    expect(await resultOf('0000000602')).toMatchObject({
      result: 'needs_followup',
      source: 'import',
      version: 3,
    });
  });
  it('the commit compares with the results as they are then: one entered by hand after the dry run is updated, not doubled', async () => {
    const run = await upload([`,603,${d},個別,1310000001,陽性,陰性,要精検`]);
    expect(run.counts).toMatchObject({ new: 1 });
    await s.adult.results.save(actor, ids.get('0000000603')!, {
      program: 'colorectal',
      screenedOn: d,
      mode: 'group',
      institutionId: null,
      method: null,
      result: 'negative',
      items: { fobtDay1: 'negative', fobtDay2: 'negative' },
      note: '',
      bookingId: null,
      id: null,
      version: null,
    });
    const done = await commit(run.id);
    expect(done.counts.committed).toMatchObject({ new: 0, update: 1 });
    const [u] = (await rows(run.id, 'update')).rows;
    expect(u!.changes).toContainEqual({
      field: 'result',
      label: '判定',
      before: 'negative',
      after: 'needs_followup',
    });
    expect(await resultOf('0000000603')).toMatchObject({
      result: 'needs_followup',
      source: 'import',
      version: 2,
    });
  });
});
