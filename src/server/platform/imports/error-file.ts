/**
 * The error file (エラー行ファイル): the failed rows only, in the format of the input, so the sender fixes them and
 * imports just those rows again with the same 取込設定. CSV: same encoding (and BOM), same header line, the raw
 * cells as read, plus a last column 「エラー内容」. XML: the same element path and record elements with the raw
 * child values plus an <エラー内容> child. A column/child 「エラー内容」 of the input is replaced, not repeated.
 */
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { normalizeForCp932 } from '../text/index.ts';
import { errorColumn, type RowError } from './mapping.ts';
import type { SourceInfo } from './parse-csv.ts';

export type ErrorRow = { raw: unknown; errors: RowError[] | null };

const messagesOf = (r: ErrorRow) => (r.errors ?? []).map((e) => e.message).join(' / ');

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** The file name: 「結果_エラー行.csv」 for 「結果.csv」. */
export function errorFileName(fileName: string, info: SourceInfo): string {
  const ext = info.format === 'xml' ? '.xml' : '.csv';
  return `${fileName.replace(/\.[^.]*$/, '')}_エラー行${ext}`;
}

export function errorFileType(info: SourceInfo): string {
  const charset = info.encoding === 'cp932' ? 'Shift_JIS' : 'utf-8';
  return `${info.format === 'xml' ? 'application/xml' : 'text/csv'}; charset=${charset}`;
}

/** The error file as bytes, page by page (pages of error rows in row order). */
export async function* errorFileChunks(
  info: SourceInfo,
  pages: AsyncIterable<ErrorRow[]>,
): AsyncGenerator<Buffer> {
  const encode = (s: string) =>
    info.encoding === 'cp932' ? iconv.encode(normalizeForCp932(s), 'cp932') : Buffer.from(s, 'utf8');
  if (info.format === 'csv') {
    const drop = info.header ? info.header.indexOf(errorColumn) : -1;
    const cells = (raw: string[]) => (drop >= 0 ? raw.filter((_c, i) => i !== drop) : raw);
    if (info.bom && info.encoding === 'utf8') yield Buffer.from('\ufeff');
    if (info.header)
      yield encode(stringify([[...cells(info.header), errorColumn]], { record_delimiter: '\r\n' }));
    for await (const page of pages) {
      const records = page.map((r) => [...cells(r.raw as string[]), messagesOf(r)]);
      yield encode(stringify(records, { record_delimiter: '\r\n' }));
    }
    return;
  }
  const declared = info.encoding === 'cp932' ? 'Shift_JIS' : 'UTF-8';
  const [record, ...outer] = [...info.path].reverse();
  const parents = outer.reverse();
  yield encode(
    `<?xml version="1.0" encoding="${declared}"?>\n${parents.map((p, i) => `${'  '.repeat(i)}<${p}>\n`).join('')}`,
  );
  const indent = '  '.repeat(parents.length);
  for await (const page of pages) {
    const parts = page.map((r) => {
      const pairs = (r.raw as [string, string][]).filter(([n]) => n !== errorColumn);
      const children = [...pairs, [errorColumn, messagesOf(r)] as [string, string]]
        .map(([n, v]) => `${indent}  <${n}>${escapeXml(v)}</${n}>\n`)
        .join('');
      return `${indent}<${record}>\n${children}${indent}</${record}>\n`;
    });
    yield encode(parts.join(''));
  }
  yield encode(
    parents
      .map((p, i) => `${'  '.repeat(i)}</${p}>\n`)
      .reverse()
      .join(''),
  );
}
