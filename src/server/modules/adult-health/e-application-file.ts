/**
 * 電子申請の申込ファイル (F02-04, docs/interfaces/e-application.md): CSV (UTF-8 with or without BOM, or Shift_JIS)
 * or XML read into normalised applications. Row-accounted: every application ends up either in `rows` or, with
 * its line (CSV) or position (XML) and a message per problem, in `errors`. A file that cannot be read at all
 * (no header, broken XML) is a 400 error. Pure: matching to residents and saving are done by the caller.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { badRequest } from '../../platform/errors/app-error.ts';
import { detectEncoding } from '../../platform/text/index.ts';
import {
  type ApplicationField,
  type ApplicationRow,
  applicationFields,
  normaliseApplication,
  type RawApplication,
} from './e-application-fields.ts';

export type { ApplicationRow } from './e-application-fields.ts';

/** One problem of one application (`line` as in ApplicationRow). */
export type RowError = {
  line: number;
  applicationNo: string;
  field: ApplicationField;
  message: string;
};

const DOC = '（docs/interfaces/e-application.md）';

/** Header / element names → field: the names of the format plus the variants other exports use (要確認). */
type ColumnName = ApplicationField | 'familyName' | 'givenName' | 'familyKana' | 'givenKana';
const names = new Map<string, ColumnName>(
  Object.entries({
    ...Object.fromEntries(Object.entries(applicationFields).map(([f, label]) => [label, f])),
    申請番号: 'applicationNo',
    受付番号: 'applicationNo',
    元申請番号: 'originalNo',
    申請日時: 'appliedAt',
    受付日時: 'appliedAt',
    申込者氏名: 'name',
    フリガナ: 'nameKana',
    ふりがな: 'nameKana',
    氏名フリガナ: 'nameKana',
    メールアドレス: 'email',
    希望形態: 'form',
    医療機関: 'clinic',
    集団検診日: 'preferredDate',
    会場: 'venue',
    姓: 'familyName',
    名: 'givenName',
    セイ: 'familyKana',
    メイ: 'givenKana',
  }) as [string, ColumnName][],
);

/** '氏名（カナ）', ' 氏名 カナ ' → '氏名カナ'. */
const nameKey = (h: string) => h.replace(/[\s()（）]/g, '');

/** Raw application from name/value pairs (CSV header + cells, or XML child elements). */
function rawOf(pairs: [string, string][]): RawApplication {
  const raw: RawApplication = { programs: [] };
  const split: Record<string, string> = {};
  for (const [n, value] of pairs) {
    const f = names.get(nameKey(n));
    if (f === 'programs') raw.programs.push(value);
    else if (f === 'familyName' || f === 'givenName' || f === 'familyKana' || f === 'givenKana')
      split[f] = value;
    else if (f) raw[f] = value;
  }
  // 姓・名 in two columns (要確認: some services export them apart)
  const join = (a?: string, b?: string) => [a, b].filter((s) => s?.trim()).join(' ');
  if (!raw.name?.trim()) raw.name = join(split.familyName, split.givenName);
  if (!raw.nameKana?.trim()) raw.nameKana = join(split.familyKana, split.givenKana);
  return raw;
}

function decode(buf: Buffer): string {
  const encoding = detectEncoding(buf.subarray(0, 64 * 1024)) === 'utf8' ? 'utf8' : 'cp932';
  return iconv.decode(buf, encoding).replace(/^\ufeff/, '');
}

function csvApplications(text: string): { line: number; raw: RawApplication }[] {
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
      `CSVを読めません${at ? `（${at}行目付近）` : ''}。「"」で囲んだ項目が閉じているか確かめてください${DOC}。`,
    );
  }
  const header = records[0]?.record.map((h) => nameKey(h)) ?? [];
  const has = new Set(header.map((h) => names.get(h)));
  if (has.has('familyKana')) has.add('nameKana');
  const missing = (['applicationNo', 'nameKana', 'birthDate', 'programs'] as const)
    .filter((f) => !has.has(f))
    .map((f) => applicationFields[f]);
  if (missing.length) throw badRequest(`1行目に見出しが必要です。ありません: ${missing.join('、')}${DOC}。`);
  // info.lines is where a record ends, counting \r and \n of a quoted CRLF as two lines: taken back here
  let crlfSoFar = 0;
  const count = (cells: string[], re: RegExp) => cells.reduce((n, c) => n + (c.match(re)?.length ?? 0), 0);
  return records
    .map(({ record, info }) => {
      crlfSoFar += count(record, /\r\n/g);
      return { line: info.lines - crlfSoFar - count(record, /\r\n|\r|\n/g), record };
    })
    .slice(1)
    .map(({ line, record }) => ({ line, raw: rawOf(header.map((h, j) => [h, record[j] ?? ''])) }));
}

function xmlApplications(text: string): { line: number; raw: RawApplication }[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw badRequest(`XMLを読めません（${valid.err.line}行目: ${valid.err.msg}）${DOC}。`);
  const doc = new XMLParser({
    isArray: (name) => name === '申込' || name === '希望検診',
    parseTagValue: false,
    ignoreAttributes: true,
  }).parse(text);
  if (!doc?.電子申請一覧) throw badRequest(`XMLの形式が違います。ルート要素は <電子申請一覧> です${DOC}。`);
  const items = (doc.電子申請一覧.申込 ?? []) as Record<string, unknown>[];
  return items.map((item, i) => ({
    line: i + 1,
    raw: rawOf(
      Object.entries(item ?? {}).flatMap(([n, v]) =>
        (Array.isArray(v) ? v : [v]).map((x): [string, string] => [
          n,
          typeof x === 'object' ? '' : String(x ?? ''),
        ]),
      ),
    ),
  }));
}

/** Reads an e-application file. A 申込番号 already used by an earlier application of the file is an error. */
export function readApplicationFile(
  buf: Buffer,
  kind: 'csv' | 'xml',
): { rows: ApplicationRow[]; errors: RowError[] } {
  const text = decode(buf);
  const applications = kind === 'xml' ? xmlApplications(text) : csvApplications(text);
  const where = (line: number) => (kind === 'xml' ? `${line}件目` : `${line}行目`);
  const rows: ApplicationRow[] = [];
  const errors: RowError[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, raw } of applications) {
    const result = normaliseApplication(raw, line);
    const { applicationNo } = result;
    for (const e of result.errors) errors.push({ line, applicationNo, ...e });
    const first = applicationNo ? firstLine.get(applicationNo) : undefined;
    if (first !== undefined)
      errors.push({
        line,
        applicationNo,
        field: 'applicationNo',
        message: `申込番号 ${applicationNo} は${where(first)}と同じです。同じ申込が2回書かれています。どちらか一方だけにしてください。`,
      });
    else if (applicationNo) firstLine.set(applicationNo, line);
    if (result.row && first === undefined) rows.push(result.row);
  }
  return { rows, errors };
}
