/**
 * 取込設定 (column mappings), pure: checking a setting against a target's fields, proposing a mapping from a
 * file's header, resolving a mapping against a file, and turning a raw row into field → text with the engine's
 * own checks (required value present, readable characters). Messages are Japanese and say what to fix.
 */
import { AppError } from '../errors/app-error.ts';
import type { RawRow, SourceInfo } from './parse-csv.ts';
import type { ImportField } from './types.ts';

export type MappingEntry = { column: string; field: string };

export type ImportSettingInput = {
  name: string;
  format: 'csv' | 'xml';
  encoding: 'auto' | 'utf8' | 'cp932';
  hasHeader: boolean;
  recordElement: string | null;
  mapping: MappingEntry[];
};

/** The column the error file adds, and the engine ignores when reading. */
export const errorColumn = 'エラー内容';

/** One problem of a row as stored and shown: the field, the source column and the whole Japanese message. */
export type RowError = { field: string | null; column: string | null; message: string };

/** 「3行目」 for CSV, 「3件目」 for XML. */
export const rowName = (format: 'csv' | 'xml', rowNo: number) =>
  `${rowNo}${format === 'xml' ? '件目' : '行目'}`;

/** The problems of a setting (empty = valid). */
export function settingProblems(fields: ImportField[], s: ImportSettingInput): string[] {
  const problems: string[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const columnsByField = new Map<string, number>();
  for (const m of s.mapping) {
    const f = byKey.get(m.field);
    if (!f) problems.push(`項目「${m.field}」はこの取込にありません。対応付けから外してください。`);
    else columnsByField.set(f.key, (columnsByField.get(f.key) ?? 0) + 1);
    const col = m.column.trim();
    if (!col) problems.push(`項目「${f?.label ?? m.field}」の列名が空です。列を指定してください。`);
    else if (s.format === 'csv' && !s.hasHeader && !/^[1-9]\d{0,3}$/.test(col))
      problems.push(`見出しの無いCSVでは列を番号（1から）で指定してください: 「${col}」`);
    else if (col === errorColumn)
      problems.push(`「${errorColumn}」の列は取り込めません（エラー行ファイルの説明欄です）。`);
  }
  for (const f of fields) {
    const n = columnsByField.get(f.key) ?? 0;
    if (f.required && n === 0)
      problems.push(`必須の項目「${f.label}」が対応付けられていません。列を選んでください。`);
    if (n > 1) problems.push(`項目「${f.label}」が${n}つの列に対応付けられています。1つにしてください。`);
  }
  if (s.format === 'xml' && !s.recordElement?.trim())
    problems.push('XMLでは1件分を表す要素名（レコード要素）を指定してください（例: 結果）。');
  return problems;
}

/** Throws a 400 listing every problem of the setting. */
export function checkSetting(fields: ImportField[], s: ImportSettingInput): void {
  const problems = settingProblems(fields, s);
  if (problems.length)
    throw new AppError(400, 'BAD_SETTING', `取込設定に誤りがあります: ${problems.join(' ')}`, { problems });
}

/** '受診日（西暦）', ' 受診 日 ' → '受診日西暦' (full-width folded, spaces and brackets dropped, lower case). */
export const headerKey = (h: string) =>
  h
    .normalize('NFKC')
    .replace(/[\s()（）[\]「」]/g, '')
    .toLowerCase();

/**
 * A header line as typed, pasted or sent by the 取込設定 editor → the column names: cells separated by tabs (a row
 * copied from Excel) when the line has a tab outside quotes, else by commas; a cell in double quotes may hold
 * commas, tabs and doubled quotes (""); cells are trimmed and a line break ends the line.
 */
export function parseHeaderLine(line: string): string[] {
  const text = line.replace(/^\ufeff/, '');
  let sep = ',';
  let inQuotes = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\t' && !inQuotes) {
      sep = '\t';
      break;
    } else if ((c === '\r' || c === '\n') && !inQuotes) break;
  }
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') break;
    else cell += c;
  }
  cells.push(cell);
  return cells.map((h) => h.trim());
}

/** Proposes a mapping for a file's header from the fields' labels, keys and aliases. */
export function suggestMapping(
  fields: ImportField[],
  header: string[],
): { mapping: MappingEntry[]; unmatched: string[] } {
  const names = new Map<string, string>();
  for (const f of fields)
    for (const n of [f.label, f.key, ...(f.aliases ?? [])])
      if (!names.has(headerKey(n))) names.set(headerKey(n), f.key);
  const mapping: MappingEntry[] = [];
  const used = new Set<string>();
  const unmatched: string[] = [];
  for (const h of header) {
    const field = names.get(headerKey(h));
    if (field && !used.has(field)) {
      used.add(field);
      mapping.push({ column: h, field });
    } else if (h.trim() && h !== errorColumn) unmatched.push(h);
  }
  return { mapping, unmatched };
}

/** A mapping entry bound to the file: where the value is and what to call the column in messages. */
export type BoundColumn = { field: ImportField; column: string; pick(raw: RawRow['raw']): string };

/** Binds the setting's mapping to the file (header names → positions); a mapped column missing is a 400. */
export function bindMapping(fields: ImportField[], mapping: MappingEntry[], info: SourceInfo): BoundColumn[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const missing: string[] = [];
  const bound: BoundColumn[] = [];
  for (const m of mapping) {
    const field = byKey.get(m.field);
    if (!field) continue;
    if (info.format === 'xml') {
      const name = m.column;
      bound.push({
        field,
        column: name,
        pick: (raw) => (raw as [string, string][]).find(([n]) => n === name)?.[1] ?? '',
      });
      continue;
    }
    let index: number;
    let column: string;
    if (info.header) {
      index = info.header.indexOf(m.column.trim());
      if (index < 0) index = info.header.findIndex((h) => headerKey(h) === headerKey(m.column));
      column = m.column.trim();
      if (index < 0) missing.push(column);
    } else {
      index = Number(m.column) - 1;
      column = `${field.label}（${m.column}列目）`;
    }
    const i = index;
    bound.push({ field, column, pick: (raw) => (raw as string[])[i] ?? '' });
  }
  if (missing.length)
    throw new AppError(
      400,
      'MISSING_COLUMNS',
      `ファイルの見出し（1行目）に次の列がありません: ${missing.join('、')}。取込設定の対応付けを直すか、正しいファイルを選んでください。`,
    );
  return bound;
}

/** Cells with only blanks (Excel leaves ",,,," lines at the end): not a row. */
export const isBlankRow = (raw: RawRow['raw']) =>
  raw.every((c) => (typeof c === 'string' ? c : c[1]).trim() === '');

/**
 * A raw row → field key → trimmed text, with the engine's checks: a required field empty, a value with
 * characters that could not be read (wrong encoding) or a NUL.
 */
export function mapRow(
  bound: BoundColumn[],
  row: RawRow,
  format: 'csv' | 'xml',
): { values: Record<string, string>; errors: RowError[] } {
  const values: Record<string, string> = {};
  const errors: RowError[] = [];
  for (const b of bound) {
    const v = b.pick(row.raw).trim();
    values[b.field.key] = v;
    const message =
      v.includes('\ufffd') || v.includes('\u0000')
        ? '読めない文字があります。文字コード（UTF-8 / Shift_JIS）が取込設定と合っているか確かめてください。'
        : b.field.required && v === ''
          ? `必須の項目です。${b.field.hint ? `${b.field.hint}で` : ''}入力してください。`
          : null;
    if (message)
      errors.push({
        field: b.field.key,
        column: b.column,
        message: `${rowName(format, row.rowNo)} ${b.column}: ${message}`,
      });
  }
  return { values, errors };
}

/** A target's field error (field key or null) as a stored row error with the source column. */
export function rowError(
  bound: BoundColumn[],
  format: 'csv' | 'xml',
  rowNo: number,
  e: { field: string | null; message: string },
): RowError {
  const at = rowName(format, rowNo);
  if (e.field === null) return { field: null, column: null, message: `${at}: ${e.message}` };
  const b = bound.find((x) => x.field.key === e.field);
  const column = b?.column ?? e.field;
  return { field: e.field, column, message: `${at} ${column}: ${e.message}` };
}
