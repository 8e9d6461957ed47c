/**
 * Search keys: normalised forms stored beside the original text (which is kept untouched, IVS and PUA included)
 * and compared with the same normalisation of the query.
 * See adult-health-statistics-bank-barcode.md §6.1 implementation notes [A]: no blind NFC/NFKC on names.
 */
import {
  hiraganaToKatakana,
  removeSpaces,
  removeVoicing,
  smallKanaToLarge,
  toFullWidthKana,
  toHalfWidthAscii,
} from './kana.ts';

/** Variation selectors: IVS (U+E0100–U+E01EF) and standardized variants (U+FE00–U+FE0F). */
const VS_RE = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

/** Long-vowel mark and dash look-alikes (half/full-width hyphen-minus, hyphens, dashes, minus sign). */
const DASHES = '\\-ｰー－‐‑‒–—―−';
const DASH_RE = new RegExp(`[${DASHES}]`, 'g');
const DASH_BETWEEN_DIGITS_RE = new RegExp(`(?<=\\d)[${DASHES}](?=\\d)`, 'g');
const MIDDLE_DOT_RE = /[・･·]/g;

function upperLatin(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** 異体字セレクタの除去 — drops IVS / variation selectors so that 葛󠄀 (葛 + U+E0100) matches 葛. */
export function stripVariationSelectors(s: string): string {
  return s.replace(VS_RE, '');
}

/**
 * カナ検索キー — width-, script-, voicing- and size-insensitive key for kana readings: half→full-width kana,
 * ひらがな→カタカナ, voicing removed (ガ→カ, パ→ハ, ヴ→ウ), small→large (ァ→ア, ッ→ツ, ヮ→ワ, ヵ→カ, ヶ→ケ), every
 * long-vowel/dash variant unified to 'ー' (kept: 'ユーコ' ≠ 'ユウコ'), whitespace and middle dots removed, Latin
 * letters half-width upper-case.
 */
export function kanaSearchKey(s: string): string {
  let t = hiraganaToKatakana(toFullWidthKana(s));
  t = upperLatin(toHalfWidthAscii(t));
  t = smallKanaToLarge(removeVoicing(t));
  return removeSpaces(t).replace(MIDDLE_DOT_RE, '').replace(DASH_RE, 'ー');
}

/**
 * 氏名検索キー — key for kanji names: whitespace and middle dots removed, variation selectors dropped, half-width
 * kana to full-width, full-width ASCII to half-width, Latin upper-cased. Kanji are kept as is (no NFKC, which would
 * rewrite CJK compatibility ideographs); 異体字 such as 髙/高 are NOT folded.
 */
export function nameSearchKey(s: string): string {
  const t = upperLatin(toHalfWidthAscii(toFullWidthKana(stripVariationSelectors(s))));
  return removeSpaces(t).replace(MIDDLE_DOT_RE, '');
}

/**
 * 住所検索キー — whitespace removed, variation selectors dropped, half-width kana to full-width, full-width ASCII and
 * digits to half-width, Latin upper-cased, and any dash or long-vowel mark between two digits → '-'
 * ('１－２－３' / '1ー2−3' → '1-2-3'). '丁目', '番地', '番', '号' and kanji numerals are kept as written.
 */
export function addressSearchKey(s: string): string {
  const t = upperLatin(toHalfWidthAscii(toFullWidthKana(stripVariationSelectors(s))));
  return removeSpaces(t).replace(DASH_BETWEEN_DIGITS_RE, '-');
}
