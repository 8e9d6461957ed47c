/**
 * Shift_JIS (CP932 / Windows-31J) export boundary — adult-health-statistics-bank-barcode.md §6.1 implementation
 * notes [A]: data is stored as UTF-8 (IVS and PUA intact) and degraded to CP932 only when writing legacy files.
 *
 * The usual trap: text that came through a JIS-based mapping (EUC-JP, Mac, ISO-2022-JP converters, web forms)
 * uses code points that CP932 maps differently, e.g. WAVE DASH U+301C where CP932 has FULLWIDTH TILDE U+FF5E.
 * normalizeForCp932 rewrites those to the CP932 code points (same glyph in Japanese fonts).
 */
import iconv from 'iconv-lite';
import { composeKanaMarks } from './kana.ts';

/** JIS X 0208 (JIS/EUC/Mac mappings) → CP932 code points, plus common look-alikes with a CP932 form. */
const CP932_EQUIVALENTS: Readonly<Record<string, string>> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～ FULLWIDTH TILDE
  '\u2212': '\uFF0D', // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
  '\u2014': '\u2015', // — EM DASH → ― HORIZONTAL BAR
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u00A6': '\uFFE4', // ¦ → ￤
  '\u203E': '\uFFE3', // ‾ OVERLINE → ￣
  '\u00A5': '\uFFE5', // ¥ → ￥ (CP932 0x5C is a backslash for most consumers)
  '\u2011': '\u2010', // ‑ NON-BREAKING HYPHEN → ‐ HYPHEN
  '\u00B7': '\u30FB', // · MIDDLE DOT → ・
  '\u00A0': ' ', // NO-BREAK SPACE → space
  '\u3099': '\u309B', // combining voiced mark left after composition → ゛
  '\u309A': '\u309C', // combining semi-voiced mark → ゜
};
const EQUIVALENTS_RE = new RegExp(`[${Object.keys(CP932_EQUIVALENTS).join('')}]`, 'g');
const VS_RE = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

/**
 * CP932向け正規化 — rewrites JIS-mapping code points to their CP932 equivalents (〜→～, −→－, ‖→∥, —→―,
 * ¢£¬¦‾¥ → full-width), composes kana + combining marks, and drops variation selectors (葛󠄀 → 葛). Apply just
 * before export, never to stored data.
 */
export function normalizeForCp932(s: string): string {
  return composeKanaMarks(s)
    .replace(VS_RE, '')
    .replace(EQUIVALENTS_RE, (c) => CP932_EQUIVALENTS[c] ?? c);
}

const cache = new Map<string, boolean>();

function mappable(c: string): boolean {
  let ok = cache.get(c);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(c, 'cp932'), 'cp932') === c;
    if (cache.size < 10_000) cache.set(c, ok);
  }
  return ok;
}

/**
 * CP932変換不可文字 — the characters of `s` (each once, in order) that do not survive a CP932 round trip
 * (JIS X 0213 kanji such as 𠮟, emoji, IVS, and the JIS-mapping code points fixed by normalizeForCp932).
 */
export function findUnmappableForCp932(s: string): string[] {
  if (iconv.decode(iconv.encode(s, 'cp932'), 'cp932') === s) return [];
  return [...new Set([...s].filter((c) => !mappable(c)))];
}

/** Thrown by encodeCp932 when characters cannot be represented and no replacement was given. */
export class Cp932UnmappableError extends Error {
  constructor(readonly characters: string[]) {
    super(`Shift_JIS (CP932) に変換できない文字があります: ${characters.join(' ')}`);
    this.name = 'Cp932UnmappableError';
  }
}

/**
 * CP932エンコード — normalizeForCp932, then encodes. Unmappable characters throw Cp932UnmappableError unless a
 * `replacement` (e.g. '〓', the JIS 下駄記号) is given.
 */
export function encodeCp932(s: string, opts: { replacement?: string } = {}): Buffer {
  let t = normalizeForCp932(s);
  const bad = findUnmappableForCp932(t);
  if (bad.length > 0) {
    const { replacement } = opts;
    if (replacement === undefined) throw new Cp932UnmappableError(bad);
    if (findUnmappableForCp932(replacement).length > 0) throw new Cp932UnmappableError([replacement]);
    const set = new Set(bad);
    t = [...t].map((c) => (set.has(c) ? replacement : c)).join('');
  }
  return iconv.encode(t, 'cp932');
}
