import { describe, expect, it } from 'vitest';
import { addressSearchKey, kanaSearchKey, nameSearchKey, stripVariationSelectors } from './search-key.ts';

describe('kanaSearchKey — width/voicing/size-insensitive kana key', () => {
  it.each([
    ['ヤマダ タロウ', 'ヤマタタロウ'],
    ['やまだ　たろう', 'ヤマタタロウ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマタタロウ'],
    ['ガッコウ', 'カツコウ'],
    ['パピプ', 'ハヒフ'],
    ['ヴァイオリン', 'ウアイオリン'],
    ['キャノン', 'キヤノン'],
    ['ヵヶヮ', 'カケワ'],
    ['ユーコ', 'ユーコ'], // long vowel kept: ユーコ ≠ ユウコ
    ['ユｰコ', 'ユーコ'],
    ['ユ－コ', 'ユーコ'],
    ['ユ‐コ', 'ユーコ'],
    ['ユ-コ', 'ユーコ'],
    ['ユ―コ', 'ユーコ'],
    ['ユ−コ', 'ユーコ'],
    ['ジョン・スミス', 'シヨンスミス'],
    ['ｼﾞｮﾝ･ｽﾐｽ', 'シヨンスミス'],
    ['ﾏﾘｰ ａｎｎ', 'マリーANN'],
    ['いすゞ', 'イスヽ'],
  ])('%j → %s', (input, key) => {
    expect(kanaSearchKey(input)).toBe(key);
  });

  it('ユーコ and ユウコ stay distinct', () => {
    expect(kanaSearchKey('ユーコ')).not.toBe(kanaSearchKey('ユウコ'));
  });
});

describe('nameSearchKey — kanji names (no NFKC; IVS dropped for matching, bank-barcode §6.1 [A])', () => {
  it.each([
    ['山田 太郎', '山田太郎'],
    ['山田　太郎', '山田太郎'],
    ['葛\u{E0100}飾', '葛飾'], // IVS selector dropped so 葛󠄀 matches 葛
    ['邉\u{E0103}', '邉'],
    ['\uFA11', '\uFA11'], // CJK compatibility ideograph 﨑 kept (NFKC would turn it into 崎)
    ['髙橋', '髙橋'], // 異体字 not folded
    ['ｽﾐｽ ｼﾞｮﾝ', 'スミスジョン'],
    ['ジョン・スミス', 'ジョンスミス'],
    ['Ｊｏｈｎ　Ｓｍｉｔｈ', 'JOHNSMITH'],
    ['john smith', 'JOHNSMITH'],
  ])('%j → %j', (input, key) => {
    expect(nameSearchKey(input)).toBe(key);
  });

  it('stripVariationSelectors removes U+FE00–FE0F and U+E0100–E01EF only', () => {
    expect(stripVariationSelectors('A\uFE0FB\u{E01EF}C\u{E0100}')).toBe('ABC');
  });
});

describe('addressSearchKey', () => {
  it.each([
    ['東京都千代田区千代田１－１', '東京都千代田区千代田1-1'],
    ['千代田 1ー2ー3', '千代田1-2-3'],
    ['千代田1−2‐3', '千代田1-2-3'],
    ['千代田１丁目２番地３号', '千代田1丁目2番地3号'],
    ['一丁目2番', '一丁目2番'],
    ['コーポ山田　１０１号室', 'コーポ山田101号室'],
    ['ｺｰﾎﾟ山田 101', 'コーポ山田101'],
    ['ＡＢＣハイツ Ｂ－２０１', 'ABCハイツB-201'],
    ['ハイツー1', 'ハイツー1'], // dash not between digits is kept
  ])('%j → %j', (input, key) => {
    expect(addressSearchKey(input)).toBe(key);
  });
});
