/**
 * 全銀 (Zengin) half-width kana for 口座名・受取人名・委託者名 — adult-health-statistics-bank-barcode.md §4.5
 * (全国銀行協会 付録1 使用文字一覧 as summarised by zengin4j docs/encoding.md; jtc-utils toZenginKana).
 *
 * Only unambiguous, mechanical conversions are made; anything else (kanji, comma, other symbols) is reported so
 * that staff can fix the source reading — kanji cannot be converted (reading ambiguity, §4.5).
 */
import {
  hiraganaToKatakana,
  normalizeSpaces,
  smallKanaToLarge,
  toFullWidthKana,
  toHalfWidthAscii,
  toHalfWidthKana,
} from './kana.ts';

/**
 * Character set per field (§4.5): 'name' (default; 口座名・受取人名・委託者名: kana, ﾞﾟ, A–Z, 0–9, space, ( ) - .),
 * 'bank' (銀行名・支店名: only '-' among symbols), 'payroll' (給与・賞与振込: no Latin letters, no symbols),
 * 'edi' (EDI情報: 'name' plus ｦ, '\' (¥), ｢ ｣, '/').
 */
export type ZenginProfile = 'name' | 'bank' | 'payroll' | 'edi';

export type ZenginResult = { ok: true; value: string } | { ok: false; invalid: string[] };

const KANA = 'ｱ-ﾝﾞﾟ';
const ALLOWED: Readonly<Record<ZenginProfile, RegExp>> = {
  name: new RegExp(`^[${KANA}A-Z0-9 ().\\-]$`),
  bank: new RegExp(`^[${KANA}A-Z0-9 \\-]$`),
  payroll: new RegExp(`^[${KANA}0-9 ]$`),
  edi: new RegExp(`^[${KANA}ｦA-Z0-9 ().\\-\\\\｢｣/]$`),
};

const LONG_VOWEL_RE = /[ー－‐‑‒–—―−]/g;

/** 全銀使用可能文字 — true if every character of `s` is allowed in a 全銀 field of the given profile. */
export function isZenginKana(s: string, profile: ZenginProfile = 'name'): boolean {
  return [...s].every((c) => ALLOWED[profile].test(c));
}

/**
 * 全銀カナ変換 — converts a katakana/hiragana reading to 全銀 half-width kana: half-width, small kana → large
 * (キャノン → ｷﾔﾉﾝ, ガッコウ → ｶﾞﾂｺｳ), ヲ → ｵ (ｦ kept for 'edi'), ヰヱ → ｲｴ, ー → '-', ・ → '.', full-width ASCII →
 * half-width, lower-case → upper-case, ¥ → '\', spaces collapsed and trimmed. Returns the characters that remain
 * invalid for the profile (each once, in order of appearance) instead of a value if there are any.
 */
export function toZenginKana(s: string, opts: { profile?: ZenginProfile } = {}): ZenginResult {
  const profile = opts.profile ?? 'name';
  let t = hiraganaToKatakana(toFullWidthKana(s));
  t = toHalfWidthAscii(t).replace(/[a-z]+/g, (m) => m.toUpperCase());
  t = smallKanaToLarge(t)
    .replace(/[ヰヱ]/g, (c) => (c === 'ヰ' ? 'イ' : 'エ'))
    .replace(/ヲ/g, profile === 'edi' ? 'ヲ' : 'オ')
    .replace(LONG_VOWEL_RE, '-')
    .replace(/[・･]/g, '.')
    .replace(/[¥￥]/g, '\\');
  const value = toHalfWidthKana(normalizeSpaces(t));
  const invalid = [...new Set([...value].filter((c) => !ALLOWED[profile].test(c)))];
  return invalid.length === 0 ? { ok: true, value } : { ok: false, invalid };
}

function assertSingleByte(s: string): void {
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (!((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xff61 && cp <= 0xff9f))) {
      throw new RangeError(
        `Not a single-byte 全銀 character: ${JSON.stringify(c)} (convert with toZenginKana first)`,
      );
    }
  }
}

/** 全銀バイト数 — byte length of a 全銀 string (1 byte per character; a voiced kana ｶﾞ is 2). */
export function zenginByteLength(s: string): number {
  assertSingleByte(s);
  return s.length;
}

/**
 * 全銀の桁切り — truncates to at most `bytes` bytes without separating ﾞ/ﾟ from its base: a voiced kana that does
 * not fit is dropped whole (ｶﾞ never becomes ｶ, which would change the name; §4.5).
 */
export function truncateZengin(s: string, bytes: number): string {
  if (!Number.isInteger(bytes) || bytes < 0)
    throw new RangeError(`Byte count must be a non-negative integer: ${bytes}`);
  assertSingleByte(s);
  let end = 0;
  while (end < s.length) {
    const unit = s[end + 1] === 'ﾞ' || s[end + 1] === 'ﾟ' ? 2 : 1;
    if (end + unit > bytes) break;
    end += unit;
  }
  return s.slice(0, end);
}
