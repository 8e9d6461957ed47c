/**
 * Width and script conversions for Japanese text (半角/全角, ひらがな/カタカナ), built on encoding-japanese.
 *
 * None of these run NFC/NFKC on the whole string: NFC rewrites CJK compatibility ideographs and NFKC much more,
 * which must not happen to names (adult-health-statistics-bank-barcode.md §6.1 implementation notes [A]).
 * Only kana followed by a combining (semi-)voiced mark (U+3099/U+309A, e.g. from macOS NFD file names) are
 * composed, locally.
 */
import Encoding from 'encoding-japanese';

const COMBINING_MARK_RE = /[\u3041-\u309f\u30a0-\u30ff][\u3099\u309a]/g;

/** 濁点・半濁点の合成 — composes kana + combining mark (カ + U+3099 → ガ) without touching any other character. */
export function composeKanaMarks(s: string): string {
  return s.replace(COMBINING_MARK_RE, (pair) => pair.normalize('NFC'));
}

/**
 * 半角カナ→全角カナ — half-width katakana and punctuation to full-width, combining ﾞﾟ with the preceding kana
 * (ｶﾞ → ガ, ｳﾞ → ヴ, ﾜﾞ → ヷ); a mark that cannot combine becomes ゛/゜. Other characters are unchanged.
 */
export function toFullWidthKana(s: string): string {
  return Encoding.toZenkanaCase(composeKanaMarks(s));
}

/**
 * 全角カナ→半角カナ — full-width katakana and 。「」、・ー゛゜ to half-width (ガ → ｶﾞ). Hiragana and the katakana
 * without a half-width form (ヵヶヮヰヱ, small ㇰ…) are left unchanged; convert hiragana first if needed.
 */
export function toHalfWidthKana(s: string): string {
  return Encoding.toHankanaCase(composeKanaMarks(s));
}

/** ひらがな→カタカナ — hiragana to katakana, including ゔ → ヴ, ゕゖ → ヵヶ and the iteration marks ゝゞ → ヽヾ. */
export function hiraganaToKatakana(s: string): string {
  return Encoding.toKatakanaCase(composeKanaMarks(s)).replace(/[ゝゞ]/g, (c) => (c === 'ゝ' ? 'ヽ' : 'ヾ'));
}

/**
 * 半角英数→全角 — printable ASCII (U+0021–U+007E) to full-width forms (U+FF01–U+FF5E) and space to U+3000.
 * Note that '-' becomes '－' (U+FF0D) and '~' becomes '～' (U+FF5E), as in JIS X 0208 / CP932.
 */
export function toFullWidthAscii(s: string): string {
  return Encoding.toZenkakuSpace(Encoding.toZenkakuCase(s));
}

/** 全角英数→半角 — full-width ASCII forms (U+FF01–U+FF5E) to ASCII and U+3000 to a space; kana are unchanged. */
export function toHalfWidthAscii(s: string): string {
  return Encoding.toHankakuSpace(Encoding.toHankakuCase(s));
}

/** 空白の正規化 — every run of whitespace (half-width, full-width U+3000, tabs, newlines) becomes one space; trims. */
export function normalizeSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** 空白の除去 — removes every whitespace character, half- and full-width. */
export function removeSpaces(s: string): string {
  return s.replace(/\s+/g, '');
}

const SMALL_TO_LARGE: Readonly<Record<string, string>> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
  ㇰ: 'ク',
  ㇱ: 'シ',
  ㇲ: 'ス',
  ㇳ: 'ト',
  ㇴ: 'ヌ',
  ㇵ: 'ハ',
  ㇶ: 'ヒ',
  ㇷ: 'フ',
  ㇸ: 'ヘ',
  ㇹ: 'ホ',
  ㇺ: 'ム',
  ㇻ: 'ラ',
  ㇼ: 'リ',
  ㇽ: 'ル',
  ㇾ: 'レ',
  ㇿ: 'ロ',
};
const SMALL_RE = new RegExp(`[${Object.keys(SMALL_TO_LARGE).join('')}]`, 'g');

/** 小書きカナ→大きいカナ — full-width small katakana to their large forms (ァ → ア, ッ → ツ, ヵ → カ, ㇷ → フ). */
export function smallKanaToLarge(s: string): string {
  return s.replace(SMALL_RE, (c) => SMALL_TO_LARGE[c] ?? c);
}

/** 濁点・半濁点の除去 — full-width katakana without voicing (ガ → カ, パ → ハ, ヴ → ウ, ヷ → ワ); drops ゛゜ marks. */
export function removeVoicing(s: string): string {
  return s.replace(/[\u30a0-\u30ff]/g, (c) => c.normalize('NFD')).replace(/[\u3099-\u309c\uff9e\uff9f]/g, '');
}
