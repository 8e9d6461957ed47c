/**
 * Reading an uploaded CSV file as a stream of raw rows: encoding (UTF-8 with or without BOM, or Shift_JIS/CP932,
 * detected from the first 64 KiB or as the 取込設定 says), the header line, and each record with the line it
 * starts on (the header is line 1). Cells are returned as they are; mapping and checks come later (mapping.ts).
 */
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { AppError } from '../errors/app-error.ts';
import { detectEncoding } from '../text/index.ts';
import { type CsvProblem, CsvSyntaxError, csvSplitter } from './csv-split.ts';

export type FileEncoding = 'utf8' | 'cp932';
export type EncodingSetting = 'auto' | FileEncoding;

/** One record of the file: its number (CSV line where it starts; XML record number) and its raw cells. */
export type RawRow = { rowNo: number; raw: string[] | [string, string][] };

/** What the error file needs to look like the input. */
export type SourceInfo =
  | { format: 'csv'; encoding: FileEncoding; bom: boolean; header: string[] | null }
  | { format: 'xml'; encoding: FileEncoding; path: string[] };

/** The file's rows in batches (as they come from the stream). */
export type Source = { info: SourceInfo; rows: AsyncIterable<RawRow[]> };

/** The largest record accepted (a bigger one is a broken file, e.g. a quote never closed). */
export const maxRecordBytes = 1024 * 1024;

const csvProblems: Record<CsvProblem, string> = {
  QUOTE_NOT_CLOSED: '「"」で始めた項目が閉じられていません',
  INVALID_CLOSING_QUOTE: '「"」で囲んだ項目の後ろに余計な文字があります',
  MAX_RECORD_SIZE: '1行が大きすぎます（1 MB まで）',
};

/** A CSV syntax problem as the user's message (the file is rejected as a whole). */
export function csvError(e: CsvSyntaxError): AppError {
  return new AppError(
    400,
    'CSV_UNREADABLE',
    `${e.line}行目付近: ${csvProblems[e.problem]}。ファイルをCSV形式で保存し直すか、該当の行を直してから取り込んでください。`,
  );
}

/** Reads the first bytes (for detection) and gives back a source that still yields every byte. */
export async function peek(
  source: AsyncIterable<Buffer>,
): Promise<{ head: Buffer; all: AsyncIterable<Buffer> } | undefined> {
  const it = source[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < 64 * 1024) {
    const n = await it.next();
    if (n.done) {
      done = true;
      break;
    }
    first.push(n.value);
    size += n.value.length;
  }
  if (size === 0) return undefined;
  const head = Buffer.concat(first);
  async function* all() {
    yield head;
    if (done) return;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  }
  return { head, all: all() };
}

export const emptyFile = () =>
  new AppError(400, 'EMPTY_FILE', 'ファイルが空です。取り込むファイルを選び直してください。');

/** Opens a CSV source: reads up to the header line (if any) before returning. */
export async function openCsv(
  source: AsyncIterable<Buffer>,
  opts: { encoding: EncodingSetting; hasHeader: boolean },
): Promise<Source> {
  const peeked = await peek(source);
  if (!peeked) throw emptyFile();
  const { head } = peeked;
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding: FileEncoding = opts.encoding === 'auto' ? detectEncoding(head) : opts.encoding;
  const decoded = Readable.from(peeked.all).pipe(iconv.decodeStream(encoding)) as AsyncIterable<string>;
  const splitter = csvSplitter(maxRecordBytes);
  const split = (f: () => RawRow[]) => {
    try {
      return f();
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw csvError(e);
      throw e;
    }
  };
  async function* batches(): AsyncGenerator<RawRow[]> {
    for await (const text of decoded) {
      const rows = split(() => splitter.push(text));
      if (rows.length) yield rows;
    }
    const rest = split(() => splitter.end());
    if (rest.length) yield rest;
  }
  const it = batches();
  let header: string[] | null = null;
  let first: RawRow[] = [];
  if (opts.hasHeader) {
    while (!first.length) {
      const n = await it.next();
      if (n.done) throw emptyFile();
      first = n.value;
    }
    header = (first.shift()!.raw as string[]).map((c) => c.trim());
  }
  async function* rows(): AsyncGenerator<RawRow[]> {
    if (first.length) yield first;
    yield* it;
  }
  return { info: { format: 'csv', encoding, bom, header }, rows: rows() };
}
