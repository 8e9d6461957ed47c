import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addDays, today } from '../../platform/calendar/index.ts';
import { appImports } from '../../platform/imports/testing.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { addPregnancyWithVouchers } from './checkup-test-fixtures.ts';
import { checkupsImportKind } from './checkups-import.ts';
import { checkupImportFields, parseCheckupRow } from './checkups-import-row.ts';
import { followUpsOf } from './follow-ups.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const day = today();
const due = addDays(day, 70);
const header =
  '受診券ID,区分,受診日,医療機関,判定,収縮期血圧,拡張期血圧,体重,子宮底長,浮腫,尿蛋白,尿糖,検査,産後日数,EPDS1,EPDS2,EPDS3,EPDS4,EPDS5,EPDS6,EPDS7,EPDS8,EPDS9,EPDS10,診断名';
const on = (n: number) => addDays(day, -n);
const prenatal = (no: string, date: string, more = '') =>
  `${no},,${date},すこやか産婦人科,異常なし,118,72,60.2,27.0,−,−,±,血算・超音波${more},,,,,,,,,,,,`;

describe('parseCheckupRow', () => {
  it.each([
    [{ voucherNo: '', examinedOn: '2026-06-01' }, '受診券IDを入れてください。'],
    [
      { voucherNo: 'A1', examinedOn: '2026-06-01', category: '再検' },
      '区分「再検」は読めません。健診か精密にしてください。',
    ],
  ])('%j → %s', (row, message) => {
    const r = parseCheckupRow(row);
    expect(r.ok ? null : r.errors[0]!.message).toBe(message);
  });
  it('reads 和暦, the category and the EPDS answers', () => {
    const r = parseCheckupRow({
      voucherNo: ' ２０２６-1 ',
      examinedOn: 'R8.6.1',
      category: '精密',
      epds1: '1',
      epds2: '',
    });
    expect(r).toMatchObject({
      ok: true,
      value: { voucherNo: '2026-1', category: 'detailed', examinedOn: '2026-06-01' },
    });
  });
});

describe('妊婦・産婦健診の結果の取込 (engine + target)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let settingId = 0;
  let v: (suffix: string) => string;
  let w: (suffix: string) => string;
  let second = 0;
  const io = () => appImports(s, checkupsImportKind);
  const upload = (lines: string[]) =>
    io().upload(settingId, undefined, `${header}\r\n${lines.join('\r\n')}\r\n`, '健診結果.csv');

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000007101', name: '取込 妊婦', birthDate: '1995-01-10', sex: '2' },
      { atenaNo: '0000007102', name: '取込 産婦', birthDate: '1990-03-03', sex: '2' },
    ]);
    second = ids.get('0000007102')!;
    ({ voucher: v } = await addPregnancyWithVouchers(s.database, {
      motherResidentId: ids.get('0000007101')!,
      notificationNo: '2026-9101',
      notifiedOn: addDays(due, -200),
      dueDate: due,
    }));
    ({ voucher: w } = await addPregnancyWithVouchers(s.database, {
      motherResidentId: second,
      notificationNo: '2026-9102',
      notifiedOn: addDays(day, -250),
      dueDate: addDays(day, -25),
    }));
    const mapping = header.split(',').map((column) => ({
      column,
      field: checkupImportFields.find((f) => f.label === column || f.aliases?.includes(column))!.key,
    }));
    const setting = await s.imports.createSetting(
      actor,
      checkupsImportKind,
      { name: '標準', format: 'csv', encoding: 'auto', hasHeader: true, recordElement: null, mapping },
      'test',
    );
    settingId = setting.id;
  }, 60_000);
  afterAll(() => drop());

  it('imports good rows, explains the bad ones, and re-importing changes nothing', async () => {
    const lines = [
      prenatal(v('P01'), on(30)),
      prenatal(v('P02'), on(10)),
      prenatal('2026-9101-P77', on(5)),
      prenatal(v('P03'), addDays(due, -290)),
      prenatal(v('P04'), on(3)).replace(',118,', ',400,'),
      `${w('S01')},,${on(11)},すこやか産婦人科,要観察,110,68,52.0,,,−,−,,14,1,1,2,1,1,2,1,1,1,1,`,
    ];
    const run = await upload(lines);
    expect(run.counts).toMatchObject({ new: 3, error: 3 });
    const errors = (await io().rows(run.id, 'error')).rows.map((r) =>
      (r.errors ?? []).map((e) => e.message).join(' '),
    );
    expect(errors).toEqual([
      expect.stringMatching(/受診券ID 2026-9101-P77 は登録されていません/),
      expect.stringMatching(/妊娠0週より前です/),
      expect.stringMatching(/血圧（収縮期）「400」は 60〜250mmHg/),
    ]);
    const done = await io().commit(run.id, true);
    expect(done.status).toBe('committed');
    const again = await upload(lines.slice(0, 2));
    expect(again.counts).toMatchObject({ unchanged: 2, new: 0 });
    const follow = await followUpsOf(s.database, [second]);
    expect(follow.map((f) => f.reasons)).toEqual([['EPDS 12点', 'EPDS 問10（自分を傷つける考え）1点']]);
  });

  it('changed values are an update with the changes; a used voucher is an error naming the result', async () => {
    const run = await upload([
      prenatal(v('P01'), on(30)).replace(',異常なし,', ',要精密,'),
      prenatal(v('P02'), on(9)),
    ]);
    expect(run.counts).toMatchObject({ update: 1, error: 1 });
    const [u] = (await io().rows(run.id, 'update')).rows;
    expect(u!.changes).toEqual([{ field: 'judgement', label: '判定', before: '異常なし', after: '要精密' }]);
    const [e] = (await io().rows(run.id, 'error')).rows;
    expect(e!.errors?.[0]?.message).toMatch(
      /受診券ID 2026-9101-P02 は令和.+の妊婦健診（第2回、判定: 異常なし）で使用済みです。/,
    );
    await io().commit(run.id, true);
    // the 精密健診 of the referring visit, linked to it (F06-04)
    const d = await upload([
      `${v('P01')},精密,${on(20)},すこやか総合病院,要治療,,,,,,,,,,,,,,,,,,,,前置胎盤`,
    ]);
    expect(d.counts).toMatchObject({ new: 1 });
    await io().commit(d.id);
    const [row] = await s.database.query<{ kind: string; ref: string }>(
      `SELECT d.kind, v.voucher_no AS ref FROM maternal_checkup_results d
       JOIN maternal_checkup_results r ON r.id = d.referral_from_id JOIN checkup_vouchers v ON v.id = r.voucher_id
       WHERE d.kind = 'prenatal_detailed'`,
    );
    expect(row).toEqual({ kind: 'prenatal_detailed', ref: v('P01') });
  });
  it('a wrong item does not hide the 産後日数 written (no 出産日 registered)', async () => {
    const run = await upload([
      `${w('S02')},,${on(3)},すこやか産婦人科,異常なし,110,68,52.0,,,+++,−,,30,0,0,0,0,0,0,0,0,0,0,`,
    ]);
    const [e] = (await io().rows(run.id, 'error')).rows;
    expect((e!.errors ?? []).map((x) => x.message)).toEqual([
      expect.stringMatching(/尿蛋白「\+\+\+」は読めません。/),
    ]);
  });
});
