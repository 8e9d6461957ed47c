import { describe, expect, it } from 'vitest';
import {
  composeKanaMarks,
  hiraganaToKatakana,
  normalizeSpaces,
  removeSpaces,
  removeVoicing,
  smallKanaToLarge,
  toFullWidthAscii,
  toFullWidthKana,
  toHalfWidthAscii,
  toHalfWidthKana,
} from './kana.ts';

describe('toFullWidthKana — 半角カナ→全角 (combining ﾞﾟ)', () => {
  it.each([
    ['ｶﾞｯｺｳ', 'ガッコウ'],
    ['ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ', 'パピプペポ'],
    ['ｳﾞｧｲｵﾘﾝ', 'ヴァイオリン'],
    ['ﾜﾞ', 'ヷ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['ｽｽﾞｷｰ', 'スズキー'],
    ['｢ｱ｣､｡･', '「ア」、。・'],
    ['山田ABC123', '山田ABC123'],
    ['カ\u3099', 'ガ'], // combining mark (NFD input) composed
    ['ｱﾞ', 'ア゛'], // a mark that cannot combine stays as a spacing mark
  ])('%s → %s', (input, expected) => {
    expect(toFullWidthKana(input)).toBe(expected);
  });
});

describe('toHalfWidthKana — 全角カナ→半角', () => {
  it.each([
    ['ガッコウ', 'ｶﾞｯｺｳ'],
    ['ヴァイオリン', 'ｳﾞｧｲｵﾘﾝ'],
    ['パーティー', 'ﾊﾟｰﾃｨｰ'],
    ['ヲ', 'ｦ'],
    ['ヵヶヮ', 'ヵヶヮ'], // no half-width form
    ['がっこう', 'がっこう'], // hiragana untouched
    ['は\u309a', 'ぱ'], // composes only
  ])('%s → %s', (input, expected) => {
    expect(toHalfWidthKana(input)).toBe(expected);
  });

  it('round-trips full-width katakana that have half-width forms', () => {
    const s =
      'アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワヲンァィゥェォッャュョヴー';
    expect(toFullWidthKana(toHalfWidthKana(s))).toBe(s);
  });
});

describe('hiraganaToKatakana', () => {
  it.each([
    ['がっこう', 'ガッコウ'],
    ['ゔぁ', 'ヴァ'],
    ['ゕゖ', 'ヵヶ'],
    ['いすゞ', 'イスヾ'],
    ['山田たろう', '山田タロウ'],
    ['カタカナ', 'カタカナ'],
  ])('%s → %s', (input, expected) => {
    expect(hiraganaToKatakana(input)).toBe(expected);
  });
});

describe('toFullWidthAscii / toHalfWidthAscii (digits, letters, space; note - → －)', () => {
  it.each([
    ['ABC abc 123', 'ＡＢＣ\u3000ａｂｃ\u3000１２３'],
    ['1-2-3', '１－２－３'],
    ['~', '～'],
  ])('%j ⇄ %j', (half, full) => {
    expect(toFullWidthAscii(half)).toBe(full);
    expect(toHalfWidthAscii(full)).toBe(half);
  });

  it('leaves kana and kanji alone', () => {
    expect(toHalfWidthAscii('ガー山田　１')).toBe('ガー山田 1');
    expect(toFullWidthAscii('ｶﾞ山田')).toBe('ｶﾞ山田');
  });
});

describe('spaces, voicing, small kana', () => {
  it.each([
    ['  山田　　太郎 ', '山田 太郎', '山田太郎'],
    ['a\t\nb', 'a b', 'ab'],
    ['', '', ''],
  ])('normalizeSpaces(%j) = %j, removeSpaces = %j', (input, normalized, removed) => {
    expect(normalizeSpaces(input)).toBe(normalized);
    expect(removeSpaces(input)).toBe(removed);
  });

  it.each([
    ['ガギグゲゴ', 'カキクケコ'],
    ['パピプペポ', 'ハヒフヘホ'],
    ['ヴヷヺヾ', 'ウワヲヽ'],
    ['ア゛', 'ア'],
  ])('removeVoicing(%s) = %s', (input, expected) => {
    expect(removeVoicing(input)).toBe(expected);
  });

  it('smallKanaToLarge: ァィゥェォッャュョヮヵヶㇷ → アイウエオツヤユヨワカケフ', () => {
    expect(smallKanaToLarge('ァィゥェォッャュョヮヵヶㇷ')).toBe('アイウエオツヤユヨワカケフ');
  });

  it('composeKanaMarks composes only kana + combining marks (CJK compatibility ideographs untouched)', () => {
    expect(composeKanaMarks('\uFA11カ\u3099')).toBe('\uFA11ガ'); // 﨑 is not turned into 崎
  });
});
