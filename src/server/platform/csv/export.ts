import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { findUnmappableForCp932, normalizeForCp932 } from '../text/index.ts';

export type CsvEncoding = 'utf8' | 'sjis';

/** One exportable column: a stable key, the Japanese header, and how to read it from a row. */
export type CsvColumn<T> = {
  key: string;
  label: string;
  value: (row: T) => string | number | null | undefined;
};

/** Picks the requested columns in the requested order (unknown keys are an error for the caller). */
export function pickColumns<T>(all: CsvColumn<T>[], keys: string[] | undefined): CsvColumn<T>[] {
  if (!keys || keys.length === 0) return all;
  const byKey = new Map(all.map((c) => [c.key, c]));
  const unknown = keys.filter((k) => !byKey.has(k));
  if (unknown.length) throw new Error(`unknown columns: ${unknown.join(',')}`);
  return keys.map((k) => byKey.get(k)!);
}

/** The geta mark used where a character has no Shift_JIS code (JIS convention). */
export const geta = '〓';

/**
 * A CSV file for Excel: UTF-8 with BOM, or Shift_JIS (CP932) with characters that CP932 cannot
 * hold replaced by 〓 and counted, CRLF line ends, header row in Japanese.
 */
export function toCsv<T>(
  rows: Iterable<T>,
  columns: CsvColumn<T>[],
  encoding: CsvEncoding,
): { body: Buffer; unmappable: string[] } {
  const records: string[][] = [columns.map((c) => c.label)];
  for (const r of rows) records.push(columns.map((c) => String(c.value(r) ?? '')));
  let text = stringify(records, { record_delimiter: '\r\n' });
  if (encoding === 'utf8')
    return { body: Buffer.concat([Buffer.from('\ufeff'), Buffer.from(text)]), unmappable: [] };
  text = normalizeForCp932(text);
  const unmappable = findUnmappableForCp932(text);
  for (const ch of unmappable) text = text.replaceAll(ch, geta);
  return { body: iconv.encode(text, 'cp932'), unmappable };
}

export function csvFileName(base: string, encoding: CsvEncoding): string {
  return `${base}${encoding === 'sjis' ? '_sjis' : ''}.csv`;
}

/** Content-Disposition with a Japanese file name (RFC 5987). */
export function attachment(fileName: string): string {
  return `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The reply headers of a CSV download: type with charset, the Japanese file name, the count of 〓-replaced characters. */
export function csvHeaders(
  csv: { title: string; unmappable: string[] },
  encoding: CsvEncoding,
): Record<string, string> {
  return {
    'content-type': encoding === 'sjis' ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8',
    'content-disposition': attachment(csvFileName(csv.title, encoding)),
    ...(csv.unmappable.length ? { 'x-unmappable-count': String(csv.unmappable.length) } : {}),
  };
}
