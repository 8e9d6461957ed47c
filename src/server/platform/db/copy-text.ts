/**
 * COPY … FROM STDIN text format (the bulk paths: seeding, extraction, the import engine's ledger and writes):
 * one field per value, tab-separated, one row per line.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what must be dropped
const special = /[\\\t\n\r\u0000]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what must be dropped
const specials = /[\\\t\n\r\u0000]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u0000': '' };

/**
 * A value as a COPY text field: \N for null/undefined, t/f for booleans, numbers as written, text with
 * backslash, tab, newline and CR escaped and NUL dropped (PostgreSQL text cannot hold it).
 */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return special.test(v) ? v.replace(specials, (c) => escapes[c]!) : v;
}

/** One COPY text line (with its newline). */
export const copyLine = (values: (string | number | boolean | null | undefined)[]): string =>
  `${values.map(copyValue).join('\t')}\n`;

/** A text[] literal as a COPY field: {"a","b"} (elements quoted). */
export const copyArray = (a: string[]): string =>
  copyValue(`{${a.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);

/**
 * COPY data in pieces of a few dozen lines: one write per piece (not per line), and each piece a small string —
 * one big string per chunk would land in V8's large-object space and stay there until a full collection.
 */
export function copyPieces(lines: string[], linesPerPiece = 64): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < lines.length; i += linesPerPiece)
    pieces.push(lines.slice(i, i + linesPerPiece).join(''));
  return pieces;
}
