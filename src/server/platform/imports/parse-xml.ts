/**
 * Reading an uploaded XML file: every element named as the 取込設定's record element (at any depth, under the
 * first path where it occurs) is a record, its child elements are the columns (name → text). The file is read
 * whole (fast-xml-parser does not stream); XML results files are far smaller than 住民記録 CSVs.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { AppError } from '../errors/app-error.ts';
import { detectEncoding } from '../text/index.ts';
import { type EncodingSetting, emptyFile, type FileEncoding, type RawRow, type Source } from './parse-csv.ts';

/** The biggest XML file read (it is held in memory twice while parsing). */
export const maxXmlBytes = 200 * 1024 * 1024;

const xmlError = (message: string) => new AppError(400, 'XML_UNREADABLE', message);

/** The encoding named in the XML declaration, if any (Shift_JIS, UTF-8 …). */
function declared(head: Buffer): FileEncoding | undefined {
  const m = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head.subarray(0, 200).toString('latin1'));
  if (!m) return undefined;
  return /shift[_-]?jis|sjis|cp932|windows-31j/i.test(m[1]!) ? 'cp932' : 'utf8';
}

/** The path from the root to the first element named `name`, and the array of those elements there. */
function findRecords(
  node: unknown,
  name: string,
  path: string[],
): { path: string[]; items: unknown[] } | null {
  if (!node || typeof node !== 'object') return null;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === name) return { path: [...path, k], items: Array.isArray(v) ? v : [v] };
  }
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    for (const child of Array.isArray(v) ? v : [v]) {
      const found = findRecords(child, name, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** A record's child elements as [name, text] pairs (nested elements and attributes are not columns). */
function pairsOf(item: unknown): [string, string][] {
  if (!item || typeof item !== 'object') return [];
  return Object.entries(item as Record<string, unknown>).flatMap(([n, v]) =>
    n === '#text'
      ? []
      : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [
          n,
          x === null || x === undefined || typeof x === 'object' ? '' : String(x),
        ]),
  );
}

/** Decodes and parses an XML file; a broken file or one without the record element is a 400. */
export function parseXml(
  buf: Buffer,
  opts: { encoding: EncodingSetting; recordElement: string },
): { encoding: FileEncoding; path: string[]; rows: RawRow[] } {
  if (buf.length === 0) throw emptyFile();
  const encoding: FileEncoding =
    opts.encoding !== 'auto' ? opts.encoding : (declared(buf) ?? detectEncoding(buf.subarray(0, 64 * 1024)));
  const text = iconv.decode(buf, encoding).replace(/^\ufeff/, '');
  if (!text.trim()) throw emptyFile();
  if (/<!DOCTYPE/i.test(text))
    throw xmlError(
      'DOCTYPE（文書型宣言）を含む XML は受け付けません。DOCTYPE の行を除いてから取り込んでください。',
    );
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw xmlError(
      `XMLとして読めません（${valid.err.line}行目: ${valid.err.msg}）。ファイルが途中で切れていないか、文字コードが正しいか確かめてください。`,
    );
  const name = opts.recordElement;
  let doc: unknown;
  try {
    doc = new XMLParser({
      ignoreAttributes: true,
      parseTagValue: false,
      trimValues: true,
      processEntities: true,
      isArray: (tag) => tag === name,
    }).parse(text);
  } catch (e) {
    throw xmlError(
      `XMLとして読めません（${e instanceof Error ? e.message : String(e)}）。ファイルが途中で切れていないか確かめてください。`,
    );
  }
  const found = findRecords(doc, name, []);
  if (!found)
    throw xmlError(
      `XMLに <${name}> 要素がありません。取込設定のレコード要素名を確かめるか、正しいファイルを選んでください。`,
    );
  return {
    encoding,
    path: found.path,
    rows: found.items.map((item, i) => ({ rowNo: i + 1, raw: pairsOf(item) })),
  };
}

/** Opens an XML source (reads the whole file). */
export async function openXml(
  source: AsyncIterable<Buffer>,
  opts: { encoding: EncodingSetting; recordElement: string },
): Promise<Source> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const b of source) {
    size += b.length;
    if (size > maxXmlBytes)
      throw new AppError(
        413,
        'FILE_TOO_LARGE',
        'XMLファイルが大きすぎます（200 MB まで）。分けて取り込んでください。',
      );
    parts.push(b);
  }
  const x = parseXml(Buffer.concat(parts), opts);
  async function* rows() {
    yield x.rows;
  }
  return { info: { format: 'xml', encoding: x.encoding, path: x.path }, rows: rows() };
}
