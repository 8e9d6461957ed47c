import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import type { ImportSettingInput } from '../../platform/imports/index.ts';
import { appImports } from '../../platform/imports/testing.ts';
import { freshServices } from '../../test/database.ts';
import { resultsImportKind } from './results-import.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'admin', roleCode: 'admin' } as const;
const screen = '成人保健 検診結果の取込';
const fy = fiscalYearOf(today());
const d = `${fy}-06-10`;

const setting = (name: string, extra: boolean): ImportSettingInput => ({
  name,
  format: 'csv',
  encoding: 'auto',
  hasHeader: true,
  recordElement: null,
  mapping: [
    { column: '宛名番号', field: 'atenaNo' },
    { column: '受診日', field: 'screenedOn' },
    { column: '便潜血1日目', field: 'item.fobtDay1' },
    { column: '便潜血2日目', field: 'item.fobtDay2' },
    { column: '判定', field: 'result' },
    ...(extra ? [{ column: '定量値', field: 'item.extra1' }] : []),
  ],
});

/** 市町村独自の結果項目 in the results import: mapped to a column, checked, stored; required but unmapped. */
describe('検診結果の取込: 市町村独自の結果項目', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;

  const io = () => appImports(s, resultsImportKind);
  const upload = (settingId: number, header: string, lines: string[]) =>
    io().upload(settingId, { program: 'colorectal' }, `${header}\r\n${lines.join('\r\n')}\r\n`, '結果.csv');
  const rows = (runId: number, action: 'error' | 'new' | 'update') => io().rows(runId, action);

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(
      s,
      ['0000000701', '0000000702'].map((atenaNo, i) => ({
        atenaNo,
        name: `独自 ${i + 1}`,
        birthDate: '1970-05-01',
        sex: '1' as const,
      })),
    );
    const extra = { key: '', options: [] as string[], unit: 'ng/mL', required: true };
    await s.adult.resultExtras.create(actor, {
      ...extra,
      program: 'colorectal',
      label: '便潜血 定量値',
      type: 'number',
    });
    // another program's first item gets the same key: still one field
    await s.adult.resultExtras.create(actor, {
      ...extra,
      program: 'stomach',
      label: '問診メモ',
      type: 'text',
      unit: '',
      required: false,
    });
  });
  afterAll(async () => drop());

  it('offers the active municipal items as fields 「検診名: 項目名」, one per key, proposed from a header', async () => {
    const meta = await s.imports.meta(resultsImportKind);
    const extras = meta.fields.filter((f) => f.key === 'item.extra1');
    expect(extras).toEqual([
      {
        key: 'item.extra1',
        label: '大腸がん検診: 便潜血 定量値／胃がん検診: 問診メモ',
        aliases: ['便潜血 定量値', '問診メモ'],
        hint: '数値（ng/mL）',
      },
    ]);
    const suggested = await s.imports.suggest(resultsImportKind, '宛名番号\t受診日\t"便潜血 定量値"\t判定');
    expect(suggested.mapping).toContainEqual({ column: '便潜血 定量値', field: 'item.extra1' });
  });

  it('imports a mapped number item and stores it; a wrong value is a Japanese row error', async () => {
    const { id } = await s.imports.createSetting(
      actor,
      resultsImportKind,
      setting('独自項目あり', true),
      screen,
    );
    const run = await upload(id, '宛名番号,受診日,便潜血1日目,便潜血2日目,判定,定量値', [
      `701,${d},陰性,陰性,異常認めず,８５`,
      `702,${d},陰性,陰性,異常認めず,abc`,
    ]);
    expect(run.counts).toMatchObject({ rows: 2, new: 1, error: 1 });
    const [bad] = (await rows(run.id, 'error')).rows;
    expect(bad!.errors).toEqual([
      {
        field: 'item.extra1',
        column: '定量値',
        message: '3行目 定量値: 便潜血 定量値の「abc」は数字として読めません。数字で入力してください。',
      },
    ]);
    await s.imports.commit(actor, resultsImportKind, run.id, true, screen);
    await s.jobs.runPending();
    expect((await s.imports.run(resultsImportKind, run.id)).counts.committed).toMatchObject({ new: 1 });
    const [stored] = (await s.adult.results.sheet(actor, ids.get('0000000701')!, fy)).results;
    expect(stored).toMatchObject({
      program: 'colorectal',
      source: 'import',
      items: { fobtDay1: 'negative', fobtDay2: 'negative', extra1: 85 },
    });

    // an update of the item is listed with its label
    const again = await upload(id, '宛名番号,受診日,便潜血1日目,便潜血2日目,判定,定量値', [
      `701,${d},陰性,陰性,異常認めず,90`,
    ]);
    const [u] = (await rows(again.id, 'update')).rows;
    expect(u!.changes).toEqual([{ field: 'item.extra1', label: '便潜血 定量値', before: '85', after: '90' }]);
  });

  it('a required municipal item the 取込設定 has no column for: each row says which column to add', async () => {
    const { id } = await s.imports.createSetting(
      actor,
      resultsImportKind,
      setting('独自項目なし', false),
      screen,
    );
    const run = await upload(id, '宛名番号,受診日,便潜血1日目,便潜血2日目,判定', [
      `702,${d},陰性,陰性,異常認めず`,
    ]);
    expect(run.counts).toMatchObject({ rows: 1, error: 1 });
    const [bad] = (await rows(run.id, 'error')).rows;
    expect(bad!.errors).toEqual([
      {
        field: null,
        column: null,
        message:
          '2行目: 大腸がん検診の必須の項目「便潜血 定量値」（市町村独自の項目）の列が取込設定にありません。取込設定の対応づけに「大腸がん検診: 便潜血 定量値」の列を追加してください。',
      },
    ]);
  });
});
