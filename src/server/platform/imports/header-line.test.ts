import { describe, expect, it } from 'vitest';
import { parseHeaderLine, suggestMapping } from './mapping.ts';

/** A header line typed, pasted from Excel (tabs) or sent by the 取込設定 editor (quoted CSV). */
describe('parseHeaderLine (table)', () => {
  it.each([
    ['番号,名前,メモ', ['番号', '名前', 'メモ']],
    [' 番号 , 名前 ,', ['番号', '名前', '']],
    ['番号\t名前\tメモ', ['番号', '名前', 'メモ']],
    ['番号\t"名前,カナ"\tメモ', ['番号', '名前,カナ', 'メモ']],
    ['"受診日,西暦",判定', ['受診日,西暦', '判定']],
    ['"a ""b"" c",d', ['a "b" c', 'd']],
    ['"x\ty",z', ['x\ty', 'z']],
    ['\ufeff番号,名前\r\n1,山田', ['番号', '名前']],
    ['番号\t名前\r\n1\t山田', ['番号', '名前']],
    ['"改行\nあり",次', ['改行\nあり', '次']],
    ['身長(cm),"体重 ""kg""" ', ['身長(cm)', '体重 "kg"']],
    ['', ['']],
  ])('%j → %j', (line, cells) => {
    expect(parseHeaderLine(line)).toEqual(cells);
  });

  it('feeds suggestMapping: a quoted header with a comma stays one column', () => {
    const fields = [
      { key: 'visited', label: '受診日' },
      { key: 'name', label: '氏名', aliases: ['氏名,カナ'] },
    ];
    expect(suggestMapping(fields, parseHeaderLine('受診日\t"氏名,カナ"\tメモ'))).toEqual({
      mapping: [
        { column: '受診日', field: 'visited' },
        { column: '氏名,カナ', field: 'name' },
      ],
      unmatched: ['メモ'],
    });
  });
});
