import { describe, expect, it } from 'vitest';
import { doseOf, parseRecordRow, productOf, vaccineOf } from './records-import-row.ts';

/** 接種結果の取込: how one row of a clinic's file is read (maternal-child-vaccination-pmh.md §1.3 names, §1.8 items). */
describe('vaccineOf: codes and names as clinics write them (§1.3)', () => {
  it.each([
    ['MR1', 'MR1'],
    ['麻しん風しん 第1期', 'MR1'],
    ['麻しん風しん1期', 'MR1'],
    ['MR1期', 'MR1'],
    ['ＭＲ　Ⅰ期', 'MR1'],
    ['麻疹風疹第2期', 'MR2'],
    ['MR 第2期', 'MR2'],
    ['5種混合', 'DPT_IPV_HIB'],
    ['五種混合', 'DPT_IPV_HIB'],
    ['DPT-IPV-Hib', 'DPT_IPV_HIB'],
    ['5種混合（DPT-IPV-Hib）', 'DPT_IPV_HIB'],
    ['４種混合', 'DPT_IPV'],
    ['ヒブ', 'HIB'],
    ['小児肺炎球菌', 'PCV'],
    ['B型肝炎ワクチン', 'HEPB'],
    ['ロタリックス', 'ROTA1'],
    ['ロタ 5価', 'ROTA5'],
    ['BCG', 'BCG'],
    ['水痘', 'VAR'],
    ['日本脳炎第１期', 'JE1'],
    ['日本脳炎 2期', 'JE2'],
    ['二種混合', 'DT2'],
    ['HPV', 'HPV'],
    ['高齢者インフルエンザ', 'FLU_ELD'],
    ['高齢者肺炎球菌', 'PNEU_ELD'],
    ['新型コロナ', 'COVID'],
    ['帯状疱疹', 'HZ'],
  ])('%s → %s', (text, code) => {
    expect(vaccineOf(text)).toEqual({ ok: true, code });
  });

  it.each([
    ['麻しん風しん', ['MR1', 'MR2']],
    ['日本脳炎', ['JE1', 'JE2']],
    ['おたふくかぜ', []],
  ])('%s is not one vaccine (%j)', (text, candidates) => {
    expect(vaccineOf(text)).toEqual({ ok: false, candidates });
  });
});

describe('doseOf: the 回 column (labels of the master, or the position in the series)', () => {
  it.each([
    ['DPT_IPV_HIB', '初回2回目', ['初回2回目']],
    ['DPT_IPV_HIB', '初回2', ['初回2回目']],
    ['DPT_IPV_HIB', '1', ['初回1回目']],
    ['DPT_IPV_HIB', '4', ['追加']],
    ['DPT_IPV_HIB', '追加接種', ['追加']],
    ['MR1', '1回', ['1回']],
    ['MR1', '１', ['1回']],
    ['VAR', '第2回', ['2回目']],
    // ヒブ: 1 is 初回1回目 or the single dose of a late start — the engine decides (§1.4)
    ['HIB', '1', ['初回1回目', '1回']],
    ['MR1', '2', null],
    ['DPT_IPV_HIB', '初回4', null],
  ] as const)('%s %s → %j', (vaccine, text, labels) => {
    expect(doseOf(vaccine, text)).toEqual(labels);
  });
});

describe('productOf: product names of the master become its codes', () => {
  it.each([
    ['HPV', 'シルガード9', 'HPV9'],
    ['HPV', '9価（シルガード9）', 'HPV9'],
    ['PCV', 'PCV20', 'PCV20'],
    ['PCV', '２０価', 'PCV20'],
    ['MR1', 'ミールビック', 'ミールビック'],
  ] as const)('%s %s → %s', (vaccine, text, code) => {
    expect(productOf(vaccine, text)).toBe(code);
  });
});

describe('parseRecordRow (table)', () => {
  const good = { atenaNo: '901', vaccinatedOn: '2025-08-01', vaccine: 'MR1' };
  it.each([
    [{ atenaNo: '9O1' }, 'atenaNo', '宛名番号「9O1」は数字15桁以内で入れてください。'],
    [{ vaccinatedOn: '2025/13/01' }, 'vaccinatedOn', /^『2025\/13\/01』を接種日として読めません。/],
    [{ vaccinatedOn: 'R7.2.30' }, 'vaccinatedOn', /令和7年2月30日は存在しません/],
    [{ vaccine: 'おたふく' }, 'vaccine', /^ワクチン「おたふく」はわかりません。MR1・DPT_IPV_HIB/],
    [
      { vaccine: '麻しん風しん' },
      'vaccine',
      'ワクチン「麻しん風しん」では麻しん風しん 第1期か麻しん風しん 第2期かがわかりません。期まで入れてください（例: 麻しん風しん 第1期、MR1）。',
    ],
    [
      { dose: '3回目' },
      'dose',
      '麻しん風しん 第1期に「3回目」という回はありません。1回 のどれか（または空欄）にしてください。',
    ],
    [{ birthDate: '平成99年' }, 'birthDate', /^『平成99年』を生年月日として読めません。/],
  ] as const)('%j → %s', (over, field, message) => {
    const r = parseRecordRow({ ...good, ...over });
    expect(r.ok).toBe(false);
    const e = r.ok ? null : r.errors[0]!;
    expect(e?.field).toBe(field);
    if (message instanceof RegExp) expect(e?.message).toMatch(message);
    else expect(e?.message).toBe(message);
  });

  it.each([
    [{}, { vaccine: 'MR1', vaccinatedOn: '2025-08-01', dose: null, doseChoices: [] }],
    [{ vaccinatedOn: '20250801' }, { vaccinatedOn: '2025-08-01' }],
    [{ vaccinatedOn: '令和7年8月1日' }, { vaccinatedOn: '2025-08-01' }],
    [{ vaccinatedOn: 'R7.8.1' }, { vaccinatedOn: '2025-08-01' }],
    [
      { vaccine: '麻しん風しん1期', dose: '1' },
      { vaccine: 'MR1', dose: '1回', doseText: '1' },
    ],
    [
      { vaccine: 'ヒブ', dose: '1' },
      { vaccine: 'HIB', dose: null, doseChoices: ['初回1回目', '1回'] },
    ],
    [{ atenaNo: '０００９０１' }, { atenaNo: '000901' }],
    [{ birthDate: 'H30.4.1' }, { birthDate: '2018-04-01' }],
    [
      { institution: '１３１００００００１', lot: 'ＡＢ１２３' },
      { institution: '1310000001', lot: 'AB123' },
    ],
  ] as const)('%j → %j', (over, value) => {
    const row: Record<string, string> = { ...good, ...over };
    expect(parseRecordRow(row)).toMatchObject({ ok: true, value: { ...value, mapped: Object.keys(row) } });
  });
});
