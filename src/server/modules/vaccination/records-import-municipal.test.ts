import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addDays, today } from '../../platform/calendar/index.ts';
import { appImports } from '../../platform/imports/testing.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { recordsImportKind } from './records-import.ts';
import { standardRecordHeader } from './records-import-row.ts';

const admin = { userId: null, loginId: 'admin', roleCode: 'admin' } as const;
const header = standardRecordHeader.join(',');
const csv = (lines: string[]) => `${header}\r\n${lines.join('\r\n')}\r\n`;

/** A definition as an administrator enters it (municipal-vaccines.ts): 1歳から3歳に至るまで, 1回. */
const definition = (code: string, name: string) => ({
  code,
  name,
  kind: 'INJ_LIVE',
  ageFromUnit: 'years',
  ageFromValue: '1',
  ageToUnit: 'years',
  ageToValue: '3',
  sex: null,
  doses: '1',
  minIntervalDays: '0',
  subsidyYen: '3,000',
  validFrom: 'R2.4.1',
  validTo: null,
  note: '',
});

const born = addDays(today(), -800); // about 2 years 2 months old
const first = addDays(today(), -60);
const second = addDays(today(), -10);
/** 宛名番号,氏名,生年月日,接種日,ワクチン,回,製品名,ロット番号,実施医療機関,医師名,予診票番号 */
const byCode = `0000000951,独自 一子,,${first},mumps,,,L1,すこやか小児科,,`;
const byName = `0000000952,独自 二子,,${first},おたふくかぜ,1回目,,L2,すこやか小児科,,`;
const beyond = `0000000951,独自 一子,,${second},おたふくかぜ（任意接種助成）,,,L3,すこやか小児科,,`;

describe('接種結果の取込: 市町村独自の予防接種 (任意接種助成)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let settingId = 0;
  let ids: Map<string, number>;
  const io = () => appImports(s, recordsImportKind);
  const upload = (lines: string[]) => io().upload(settingId, undefined, csv(lines), '接種結果.csv');
  const records = (atenaNo: string) =>
    s.database.query<Record<string, unknown>>(
      `SELECT vaccine, dose, to_char(vaccinated_on, 'YYYY-MM-DD') AS "vaccinatedOn", lot, source, routine, issues
       FROM vaccination_records WHERE resident_id = $1 AND deleted_at IS NULL ORDER BY vaccinated_on, id`,
      [ids.get(atenaNo)],
    );

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(s, [
      { atenaNo: '0000000951', name: '独自 一子', birthDate: born, sex: '2' },
      { atenaNo: '0000000952', name: '独自 二子', birthDate: born, sex: '1' },
    ]);
    await s.vaccination.municipal.create(admin, definition('MUMPS', 'おたふくかぜ'));
    const hepa = await s.vaccination.municipal.create(admin, definition('HEPA', 'A型肝炎'));
    await s.vaccination.municipal.retire(admin, hepa.id, hepa.version);
    const { mapping } = await s.imports.suggest(recordsImportKind, header);
    const setting = await s.imports.createSetting(
      admin,
      recordsImportKind,
      { name: '接種結果', format: 'csv', encoding: 'auto', hasHeader: true, recordElement: null, mapping },
      '予防接種 接種結果の取込',
    );
    settingId = setting.id;
  });
  afterAll(async () => drop());

  it('imports a row by code and by name (任意接種, routine false); a dose beyond the subsidy is a 注意', async () => {
    const run = await upload([byCode, byName, beyond]);
    expect(run.counts).toMatchObject({ rows: 3, new: 3, error: 0, warning: 1 });
    const rows = (await io().rows(run.id, 'new')).rows.map((r) => r.warning);
    expect(rows.slice(0, 2)).toEqual([null, null]);
    expect(rows[2]).toBe(
      '注意: 助成の対象外です（任意接種として記録します）: おたふくかぜ: 助成回数（1回）を超えています（助成対象外）',
    );
    await io().commit(run.id);
    expect(await records('0000000951')).toMatchObject([
      {
        vaccine: 'MUMPS',
        dose: '1回目',
        vaccinatedOn: first,
        lot: 'L1',
        source: 'import',
        routine: false,
        issues: [],
      },
      {
        vaccine: 'MUMPS',
        dose: '',
        vaccinatedOn: second,
        routine: false,
        issues: [{ code: 'doses_exceeded' }],
      },
    ]);
    expect(await records('0000000952')).toMatchObject([
      { vaccine: 'MUMPS', dose: '1回目', source: 'import', routine: false, issues: [] },
    ]);
  });

  it('re-importing the same file changes nothing', async () => {
    const run = await upload([byCode, byName, beyond]);
    expect(run.counts).toMatchObject({ rows: 3, new: 0, update: 0, unchanged: 3, error: 0 });
  });

  it('refuses a retired definition, an unknown vaccine and a dose the definition does not have', async () => {
    const run = await upload([
      `0000000952,独自 二子,,${second},A型肝炎,,,,,,`,
      `0000000952,独自 二子,,${second},おたふく,,,,,,`,
      `0000000952,独自 二子,,${second},MUMPS,2回目,,,,,`,
    ]);
    expect(run.counts).toMatchObject({ rows: 3, error: 3 });
    const errors = (await io().rows(run.id, 'error')).rows.map((r) =>
      r.errors!.map((e) => e.message).join(' / '),
    );
    expect(errors).toEqual([
      '2行目 ワクチン: A型肝炎（任意接種助成）は廃止されています。新しい記録は取り込めません（管理者に確認するか、行を外してください）。',
      '3行目 ワクチン: ワクチン「おたふく」はわかりません。MR1・DPT_IPV_HIB などのコードか、「麻しん風しん 第1期」「5種混合」などの名称で入れてください。',
      '4行目 回: おたふくかぜ（任意接種助成）に「2回目」という回はありません。1回目 のどれか（または空欄）にしてください。',
    ]);
  });
});
