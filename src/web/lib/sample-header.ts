/**
 * The column names of a sample file, read in the browser for 「ファイルの見出しから自動で対応づける」: the first
 * line of a CSV (UTF-8 or Shift_JIS, as set or guessed) or the child elements of the first record of an XML.
 */
import type { ImportEncoding, ImportFormat } from './imports-api.ts';

/** UTF-8 when the bytes are valid UTF-8 (or the setting says so), else Shift_JIS. */
function decode(bytes: ArrayBuffer, encoding: ImportEncoding): string {
  if (encoding === 'cp932') return new TextDecoder('shift_jis').decode(bytes);
  if (encoding === 'utf8') return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

/** The cells of the first record of a CSV text (quoted cells may hold commas, quotes and line breaks). */
export function firstCsvRecord(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') break;
    else cell += c;
  }
  cells.push(cell);
  return cells.map((s) => s.trim());
}

/** The child element names of the first `record` element of an XML text. */
function firstXmlRecord(text: string, record: string): string[] {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length)
    throw new Error('XMLとして読めません。ファイルを確かめてください。');
  const first = doc.getElementsByTagName(record)[0];
  if (!first) throw new Error(`要素「${record}」がファイルにありません。レコード要素を確かめてください。`);
  return [...new Set([...first.children].map((c) => c.tagName))];
}

export async function readSampleHeader(
  file: File,
  s: { format: ImportFormat; encoding: ImportEncoding; recordElement: string | null },
): Promise<string[]> {
  if (s.format === 'csv') {
    const text = decode(await file.slice(0, 64 * 1024).arrayBuffer(), s.encoding).replace(/^\ufeff/, '');
    return firstCsvRecord(text).filter((h) => h !== '');
  }
  if (!s.recordElement?.trim())
    throw new Error('XMLでは先にレコード要素（1件分を表す要素名）を入力してください。');
  return firstXmlRecord(decode(await file.arrayBuffer(), s.encoding), s.recordElement.trim());
}
