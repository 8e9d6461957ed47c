import { describe, expect, it } from 'vitest';
import {
  bindMapping,
  type ImportSettingInput,
  mapRow,
  rowError,
  settingProblems,
  suggestMapping,
} from './mapping.ts';
import type { SourceInfo } from './parse-csv.ts';
import type { ImportField } from './types.ts';

const fields: ImportField[] = [
  { key: 'code', label: 'コード', required: true, aliases: ['番号'] },
  { key: 'name', label: '氏名', required: true },
  { key: 'visited', label: '受診日', hint: 'YYYY-MM-DD' },
];
const csv = (
  mapping: ImportSettingInput['mapping'],
  more: Partial<ImportSettingInput> = {},
): ImportSettingInput => ({
  name: 's',
  format: 'csv',
  encoding: 'auto',
  hasHeader: true,
  recordElement: null,
  mapping,
  ...more,
});

describe('settingProblems', () => {
  const ok = [
    { column: 'コード', field: 'code' },
    { column: '氏名', field: 'name' },
  ];
  it.each([
    ['a valid setting', csv(ok), []],
    [
      'an unknown field',
      csv([...ok, { column: 'x', field: 'nope' }]),
      ['項目「nope」はこの取込にありません'],
    ],
    ['a required field unmapped', csv([ok[0]!]), ['必須の項目「氏名」が対応付けられていません']],
    [
      'a field mapped twice',
      csv([...ok, { column: '名前', field: 'name' }]),
      ['項目「氏名」が2つの列に対応付けられています'],
    ],
    [
      'a column name for headerless CSV',
      csv(ok, { hasHeader: false }),
      ['列を番号（1から）で指定してください: 「コード」', '列を番号（1から）で指定してください: 「氏名」'],
    ],
    [
      'numbers for headerless CSV',
      csv(
        [
          { column: '1', field: 'code' },
          { column: '3', field: 'name' },
        ],
        { hasHeader: false },
      ),
      [],
    ],
    ['XML without a record element', csv(ok, { format: 'xml' }), ['レコード要素']],
    [
      'the error column',
      csv([...ok, { column: 'エラー内容', field: 'visited' }]),
      ['「エラー内容」の列は取り込めません'],
    ],
  ])('%s', (_name, setting, expected) => {
    const problems = settingProblems(fields, setting);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(problems[i]).toContain(e);
    });
  });
});

describe('suggestMapping', () => {
  it.each([
    [
      ['番号', ' 氏 名 ', '受診日（西暦）', 'メモ'],
      ['code', 'name'],
      ['受診日（西暦）', 'メモ'],
    ],
    [['ｺｰﾄﾞ', '受診日', 'エラー内容'], ['code', 'visited'], []],
    [['コード', 'コード'], ['code'], ['コード']],
  ])('%j', (header, mapped, unmatched) => {
    const s = suggestMapping(fields, header);
    expect(s.mapping.map((m) => m.field)).toEqual(mapped);
    expect(s.unmatched).toEqual(unmatched);
  });
});

describe('bindMapping and mapRow', () => {
  const withHeader: SourceInfo = {
    format: 'csv',
    encoding: 'utf8',
    bom: false,
    header: ['氏名', 'コード', '受診日'],
  };
  const mapping = [
    { column: 'コード', field: 'code' },
    { column: '氏名', field: 'name' },
    { column: '受診日', field: 'visited' },
  ];

  it('finds columns by header name and reports missing ones', () => {
    const bound = bindMapping(fields, mapping, withHeader);
    expect(mapRow(bound, { rowNo: 2, raw: [' 山田 ', '12', ''] }, 'csv')).toEqual({
      values: { code: '12', name: '山田', visited: '' },
      errors: [],
    });
    expect(() => bindMapping(fields, mapping, { ...withHeader, header: ['氏名'] })).toThrow(
      '次の列がありません: コード、受診日',
    );
  });

  it.each([
    [['', '12'], '2行目 氏名: 必須の項目です。入力してください。'],
    [['山\ufffd', '12'], '2行目 氏名: 読めない文字があります'],
    [['山田', '12\u0000'], '2行目 コード: 読めない文字があります'],
  ])('row %j → %s', (raw, message) => {
    const bound = bindMapping(fields, mapping.slice(0, 2), withHeader);
    const r = mapRow(bound, { rowNo: 2, raw }, 'csv');
    expect(r.errors[0]!.message).toContain(message);
  });

  it('names headerless columns by number and XML columns by element, rows by line or record', () => {
    const numbered = bindMapping(fields, [{ column: '2', field: 'name' }], {
      format: 'csv',
      encoding: 'cp932',
      bom: false,
      header: null,
    });
    expect(mapRow(numbered, { rowNo: 7, raw: ['1'] }, 'csv').errors[0]!.message).toBe(
      '7行目 氏名（2列目）: 必須の項目です。入力してください。',
    );
    const xml = bindMapping(fields, [{ column: '受診年月日', field: 'visited' }], {
      format: 'xml',
      encoding: 'utf8',
      path: ['a', 'b'],
    });
    expect(
      rowError(xml, 'xml', 3, { field: 'visited', message: '『2026/13/01』は日付として読めません。' })
        .message,
    ).toBe('3件目 受診年月日: 『2026/13/01』は日付として読めません。');
    expect(rowError(xml, 'xml', 3, { field: null, message: '重複です。' })).toEqual({
      field: null,
      column: null,
      message: '3件目: 重複です。',
    });
  });
});
