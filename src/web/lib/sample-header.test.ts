import { describe, expect, it } from 'vitest';
import { firstCsvRecord } from './sample-header.ts';

describe('firstCsvRecord', () => {
  it.each([
    ['宛名番号,受診日,判定\r\n1,2,3\r\n', ['宛名番号', '受診日', '判定']],
    ['a,b\n', ['a', 'b']],
    [
      ' 便潜血 1日目 ,"判定, 総合","改行\r\nあり","引用""符"\r\nx',
      ['便潜血 1日目', '判定, 総合', '改行\r\nあり', '引用"符'],
    ],
    ['only', ['only']],
    ['a,,b', ['a', '', 'b']],
  ])('%j → %j', (text, cells) => {
    expect(firstCsvRecord(text)).toEqual(cells);
  });
});
