/**
 * Files of named records, as e-application services export them (電子申請の申込・届出): a CSV whose first line
 * names the columns, or an XML list whose items have one child element per field. Decoded (UTF-8 with or
 * without BOM, or Shift_JIS), each record given as name/value pairs with where it is in the file (CSV: the line
 * it starts on, counting quoted line breaks as the editor shows them; XML: its position, 1-based). Which names
 * mean what, and what is required, is the caller's. A file that cannot be read at all is a 400 error that says
 * where and points to the format document `doc`.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { badRequest } from '../errors/app-error.ts';
import { detectEncoding } from '../text/index.ts';

export type NamedRecord = { line: number; pairs: [string, string][] };

/** '氏名（カナ）', ' 氏名 カナ ' → '氏名カナ': how column and element names are compared. */
export const nameKey = (h: string) => h.replace(/[\s()（）]/g, '');

export function decodeText(buf: Buffer): string {
  const encoding = detectEncoding(buf.subarray(0, 64 * 1024)) === 'utf8' ? 'utf8' : 'cp932';
  return iconv.decode(buf, encoding).replace(/^\ufeff/, '');
}

/**
 * A `checkHeader` for {@link csvNamedRecords}: the header must have a column for each of `needed` (fields by
 * `names`, column name → field); a column of `alsoCounts[0]` stands in for `alsoCounts[1]` (e.g. 姓カナ for カナ氏名).
 * The message lists the missing columns by their labels.
 */
export function headerNeeds<F extends string>(o: {
  names: Map<string, F>;
  needed: readonly F[];
  labels: Partial<Record<F, string>>;
  doc: string;
  alsoCounts?: [F, F];
}): (header: string[]) => void {
  return (header) => {
    const has = new Set(header.map((h) => o.names.get(h)));
    if (o.alsoCounts && has.has(o.alsoCounts[0])) has.add(o.alsoCounts[1]);
    const missing = o.needed.filter((f) => !has.has(f)).map((f) => o.labels[f] ?? f);
    if (missing.length)
      throw badRequest(`1行目に見出しが必要です。ありません: ${missing.join('、')}${o.doc}。`);
  };
}

/**
 * The records of a CSV, names as nameKey of the header. `checkHeader` gets those names and throws (400) when a
 * column the format needs is missing.
 */
export function csvNamedRecords(
  text: string,
  o: { doc: string; checkHeader(names: string[]): void },
): NamedRecord[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    const at = (e as { lines?: number }).lines;
    throw badRequest(
      `CSVを読めません${at ? `（${at}行目付近）` : ''}。「"」で囲んだ項目が閉じているか確かめてください${o.doc}。`,
    );
  }
  const header = records[0]?.record.map((h) => nameKey(h)) ?? [];
  o.checkHeader(header);
  // info.lines is where a record ends, counting \r and \n of a quoted CRLF as two lines: taken back here
  let crlfSoFar = 0;
  const count = (cells: string[], re: RegExp) => cells.reduce((n, c) => n + (c.match(re)?.length ?? 0), 0);
  return records
    .map(({ record, info }) => {
      crlfSoFar += count(record, /\r\n/g);
      return { line: info.lines - crlfSoFar - count(record, /\r\n|\r|\n/g), record };
    })
    .slice(1)
    .map(({ line, record }) => ({
      line,
      pairs: header.map((h, j): [string, string] => [h, record[j] ?? '']),
    }));
}

/**
 * The items of an XML list `<root><item>…</item>…</root>`; an element named in `repeated` may come more than
 * once in an item (each occurrence is a pair). Empty elements (`<x/>`) are empty values; names are as written.
 */
export function xmlNamedRecords(
  text: string,
  o: { doc: string; root: string; item: string; repeated: string[] },
): NamedRecord[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw badRequest(`XMLを読めません（${valid.err.line}行目: ${valid.err.msg}）${o.doc}。`);
  const doc = new XMLParser({
    isArray: (name) => name === o.item || o.repeated.includes(name),
    parseTagValue: false,
    ignoreAttributes: true,
  }).parse(text);
  if (!doc?.[o.root]) throw badRequest(`XMLの形式が違います。ルート要素は <${o.root}> です${o.doc}。`);
  const items = (doc[o.root][o.item] ?? []) as Record<string, unknown>[];
  return items.map((item, i) => ({
    line: i + 1,
    pairs: Object.entries(item ?? {}).flatMap(([n, v]) =>
      (Array.isArray(v) ? v : [v]).map((x): [string, string] => [
        n,
        typeof x === 'object' ? '' : String(x ?? ''),
      ]),
    ),
  }));
}

/**
 * Row accounting of numbered records (申込番号・申請番号, unique in a file): each record normalised by the caller
 * ends up in `rows` or, with its line and a message per problem, in `errors`; a number already used by an earlier
 * record of the file is an error (only the first is read).
 */
export function accountNumberedRecords<Raw, Row, Field extends string>(
  records: { line: number; raw: Raw }[],
  normalise: (
    raw: Raw,
    line: number,
  ) => { applicationNo: string; row: Row | null; errors: { field: Field; message: string }[] },
  o: { kind: 'csv' | 'xml'; numberField: Field; numberLabel: string; what: string },
): { rows: Row[]; errors: { line: number; applicationNo: string; field: Field; message: string }[] } {
  const where = (line: number) => (o.kind === 'xml' ? `${line}件目` : `${line}行目`);
  const rows: Row[] = [];
  const errors: { line: number; applicationNo: string; field: Field; message: string }[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, raw } of records) {
    const result = normalise(raw, line);
    const { applicationNo } = result;
    for (const e of result.errors) errors.push({ line, applicationNo, ...e });
    const first = applicationNo ? firstLine.get(applicationNo) : undefined;
    if (first !== undefined)
      errors.push({
        line,
        applicationNo,
        field: o.numberField,
        message: `${o.numberLabel} ${applicationNo} は${where(first)}と同じです。同じ${o.what}が2回書かれています。どちらか一方だけにしてください。`,
      });
    else if (applicationNo) firstLine.set(applicationNo, line);
    if (result.row && first === undefined) rows.push(result.row);
  }
  return { rows, errors };
}
