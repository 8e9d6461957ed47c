import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Cp932UnmappableError, encodeCp932, findUnmappableForCp932, normalizeForCp932 } from './sjis.ts';

describe('normalizeForCp932 — JIS-mapping code points → CP932 (bank-barcode §6.1 [A]: degrade only at export)', () => {
  it.each([
    ['\u301C', '\uFF5E'], // 〜 → ～
    ['\u2212', '\uFF0D'], // − → －
    ['\u2016', '\u2225'], // ‖ → ∥
    ['\u2014', '\u2015'], // — → ―
    ['\u00A2', '\uFFE0'],
    ['\u00A3', '\uFFE1'],
    ['\u00AC', '\uFFE2'],
    ['\u00A6', '\uFFE4'],
    ['\u203E', '\uFFE3'],
    ['\u00A5', '\uFFE5'],
    ['\u00B7', '\u30FB'],
    ['葛\u{E0100}', '葛'],
    ['カ\u3099', 'ガ'],
    ['ア\u3099', 'ア\u309B'],
  ])('%j → %j, which CP932 can encode', (input, expected) => {
    expect(findUnmappableForCp932(input)).not.toEqual([]);
    expect(normalizeForCp932(input)).toBe(expected);
    expect(findUnmappableForCp932(expected)).toEqual([]);
  });

  it('leaves ordinary text (and CP932 extensions such as 髙 ① ㈱ №) unchanged', () => {
    const s = '山田太郎 ABC 123 ～－∥ 髙﨑 ①㈱№ ｶﾞ';
    expect(normalizeForCp932(s)).toBe(s);
    expect(findUnmappableForCp932(s)).toEqual([]);
  });
});

describe('findUnmappableForCp932', () => {
  it.each([
    ['𠮟る', ['𠮟']], // JIS X 0213 only
    ['😀と😀', ['😀']],
    ['〜と−', ['〜', '−']],
    ['ゔ', ['ゔ']],
    ['?', []], // a real question mark is not mistaken for the encoder's fallback
    ['', []],
  ])('%j → %j', (s, expected) => {
    expect(findUnmappableForCp932(s)).toEqual(expected);
  });
});

describe('encodeCp932', () => {
  it('normalizes then encodes', () => {
    expect(iconv.decode(encodeCp932('10〜20'), 'cp932')).toBe('10～20');
    expect(encodeCp932('ア').toString('hex')).toBe('8341');
  });

  it('throws Cp932UnmappableError listing the characters, or replaces them', () => {
    expect(() => encodeCp932('𠮟る')).toThrow(Cp932UnmappableError);
    try {
      encodeCp932('𠮟る😀');
    } catch (e) {
      expect((e as Cp932UnmappableError).characters).toEqual(['𠮟', '😀']);
    }
    expect(iconv.decode(encodeCp932('𠮟る', { replacement: '〓' }), 'cp932')).toBe('〓る');
    expect(() => encodeCp932('𠮟', { replacement: '😀' })).toThrow(Cp932UnmappableError);
  });
});
