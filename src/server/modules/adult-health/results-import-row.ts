/**
 * 検診結果の取込 — the columns a results file can map to (取込設定) and the pure reading of one row: who (受診票番号
 * or 宛名番号), which program (a column, or the one chosen at upload), the result as typed. The result itself is
 * checked against the person in results-import.ts.
 */
import type { FieldError, ImportField, RowCheck } from '../../platform/imports/types.ts';
import { type ProgramCode, programCodes, programLabels } from '../programs/types.ts';
import { parseTicketNo } from './results.ts';
import { type ResultItem, resultDefinitions } from './results-items.ts';

export type ResultRow = {
  ticketNo: string | null;
  atenaNo: string | null;
  program: ProgramCode;
  screenedOn: string;
  mode: string | null;
  institutionCode: string | null;
  method: string | null;
  result: string;
  note: string;
  items: Record<string, string>;
  /** the item keys the 取込設定 has a column for (filled or not): a required item without one is named */
  itemColumns: string[];
};
export type ResultImportParams = { program: ProgramCode | null };

/** Every program's items as import fields (`item.<key>`; a key shared by programs, like 所見, is one field). */
function itemFields(): ImportField[] {
  const seen = new Map<string, ImportField>();
  for (const def of Object.values(resultDefinitions))
    for (const i of def.items)
      if (!seen.has(i.key)) seen.set(i.key, { key: `item.${i.key}`, label: i.label, hint: hintOf(i) });
  return [...seen.values()];
}
function hintOf(i: ResultItem): string | undefined {
  if (i.type === 'select') return (i.options ?? []).map((o) => o.label).join('・');
  if (i.type === 'number')
    return i.min !== undefined && i.max !== undefined
      ? `${i.min}〜${i.max}${i.unit ?? ''}`
      : `数値${i.unit ? `（${i.unit}）` : ''}`;
  if (i.type === 'boolean') return '有・無';
  if (i.type === 'date') return 'YYYY-MM-DD または和暦';
  return i.unit ? `単位 ${i.unit}` : undefined;
}

/**
 * The 市町村独自の結果項目 (active, per program) as import fields `item.<key>` labelled 「<検診名>: <項目名>」. A key
 * used by several programs is one field (the labels joined); a key of a national item is left out (that field
 * already reads it). Never required here: a row of a program whose required item has no column is an error
 * naming the column to add (results-import-prepare.ts).
 */
export function extraItemFields(extras: Map<string, ResultItem[]>): ImportField[] {
  const national = new Set(itemFields().map((f) => f.key));
  const byKey = new Map<string, { labels: string[]; hints: string[]; names: string[] }>();
  for (const [program, items] of extras)
    for (const i of items) {
      const key = `item.${i.key}`;
      if (national.has(key)) continue;
      const f = byKey.get(key) ?? { labels: [], hints: [], names: [] };
      f.labels.push(`${programLabels[program as ProgramCode] ?? program}: ${i.label}`);
      f.names.push(i.label);
      const hint = hintOf(i);
      if (hint && !f.hints.includes(hint)) f.hints.push(hint);
      byKey.set(key, f);
    }
  return [...byKey].map(([key, f]) => ({
    key,
    label: f.labels.join('／'),
    aliases: [...new Set(f.names)],
    ...(f.hints.length ? { hint: f.hints.join('／') } : {}),
  }));
}

export const resultImportFields: ImportField[] = [
  {
    key: 'ticketNo',
    label: '受診票番号',
    aliases: ['受診券番号', '受診票No', '受診券No'],
    hint: '2026-0000012345',
  },
  { key: 'atenaNo', label: '宛名番号', aliases: ['住民番号', '個人番号（宛名）'] },
  { key: 'program', label: '検診', aliases: ['検診種別', '検診名'], hint: '大腸がん検診 または colorectal' },
  {
    key: 'screenedOn',
    label: '受診日',
    required: true,
    aliases: ['検診日', '実施日'],
    hint: 'YYYY-MM-DD または和暦',
  },
  { key: 'mode', label: '受診区分', aliases: ['実施区分'], hint: '個別・集団' },
  { key: 'institutionCode', label: '医療機関コード', aliases: ['実施機関コード', '医療機関番号'] },
  { key: 'method', label: '検査方法' },
  { key: 'result', label: '判定', required: true, aliases: ['総合判定', '判定区分'] },
  { key: 'note', label: '備考' },
  ...itemFields(),
];

const programOf = (text: string): ProgramCode | null => {
  const t = text.normalize('NFKC').trim();
  return (programCodes as readonly string[]).includes(t)
    ? (t as ProgramCode)
    : (programCodes.find((c) => programLabels[c] === t || programLabels[c].replace(/検診$/, '') === t) ??
        null);
};

/** Pure: the row's own shape (who, which program); the result itself is checked against the person in classify. */
export function parseResultRow(row: Record<string, string>, params: ResultImportParams): RowCheck<ResultRow> {
  const errors: FieldError[] = [];
  const ticketNo = row.ticketNo?.trim() || null;
  const atenaNo = row.atenaNo?.normalize('NFKC').trim() || null;
  if (!ticketNo && !atenaNo)
    errors.push({ field: null, message: '受診票番号か宛名番号のどちらかを入れてください。' });
  if (ticketNo && !parseTicketNo(ticketNo))
    errors.push({
      field: 'ticketNo',
      message: `受診票番号「${ticketNo}」の形が違います（例: 2026-0000012345）。`,
    });
  if (atenaNo && !/^\d{1,15}$/.test(atenaNo))
    errors.push({ field: 'atenaNo', message: `宛名番号「${atenaNo}」は数字15桁以内で入れてください。` });
  const program = row.program?.trim() ? programOf(row.program) : params.program;
  if (!program)
    errors.push({
      field: 'program',
      message: row.program?.trim()
        ? `検診「${row.program}」はありません。${programCodes.map((c) => programLabels[c]).join('・')} のどれかにしてください。`
        : '検診の列がありません。取込のときに検診を選ぶか、検診の列を入れてください。',
    });
  if (errors.length || !program) return { ok: false, errors };
  const items: Record<string, string> = {};
  const itemColumns: string[] = [];
  for (const [k, v] of Object.entries(row))
    if (k.startsWith('item.')) {
      itemColumns.push(k.slice(5));
      if (v.trim()) items[k.slice(5)] = v;
    }
  return {
    ok: true,
    value: {
      ticketNo,
      atenaNo,
      program,
      screenedOn: row.screenedOn ?? '',
      mode: row.mode?.trim() || null,
      institutionCode: row.institutionCode?.normalize('NFKC').trim() || null,
      method: row.method?.trim() || null,
      result: row.result ?? '',
      note: row.note?.trim() ?? '',
      items,
      itemColumns,
    },
  };
}
