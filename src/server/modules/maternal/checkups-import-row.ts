/**
 * 妊婦健診・産婦健診の結果の取込 (F06-03…F06-06 パンチデータ・OCR の CSV) — the columns a file can map to (取込設定)
 * and the pure reading of one row: the 受診券ID, 区分 (健診 / 精密健診), 受診日, 医療機関, 判定 and the items as written
 * (checked against the voucher's kind in checkups-import.ts). The standard punch layout is
 * docs/interfaces/maternal-checkups.md.
 */
import { parseDateInput } from '../../platform/calendar/index.ts';
import type { FieldError, ImportField, RowCheck } from '../../platform/imports/types.ts';
import { allItemDefs, epdsQuestions, judgements } from './checkup-items.ts';
import { voucherKey } from './checkup-rules.ts';
import type { CheckupCategory } from './checkup-visit.ts';

export type CheckupImportRow = {
  voucherNo: string;
  category: CheckupCategory;
  examinedOn: string;
  institution: string;
  judgement: string;
  /** item code → text as written (EPDS as the 10 answers) */
  items: Record<string, string | string[]>;
  note: string;
  /** the fields the 取込設定 maps (an item the file has no column for keeps its stored value) */
  mapped: string[];
};

const epdsKeys = Array.from({ length: epdsQuestions }, (_, i) => `epds${i + 1}`);
const itemDefs = allItemDefs.filter((d) => d.type !== 'epds');

export const checkupImportFields: ImportField[] = [
  {
    key: 'voucherNo',
    label: '受診券ID',
    required: true,
    aliases: ['受診券番号', '受診券No', '受診票番号', '受診票ID'],
  },
  { key: 'category', label: '区分', aliases: ['健診区分'], hint: '健診・精密（空欄は健診）' },
  {
    key: 'examinedOn',
    label: '受診日',
    required: true,
    aliases: ['健診日', '受診年月日'],
    hint: 'YYYY-MM-DD または和暦',
  },
  { key: 'institution', label: '医療機関', aliases: ['医療機関コード', '医療機関名', '実施医療機関'] },
  {
    key: 'judgement',
    label: '判定',
    required: true,
    aliases: ['総合判定'],
    hint: Object.values(judgements).join('・'),
  },
  ...itemDefs.map((d) => ({
    key: d.code,
    label: d.label,
    aliases:
      d.code === 'bpSystolic'
        ? ['収縮期血圧', '最高血圧']
        : d.code === 'bpDiastolic'
          ? ['拡張期血圧', '最低血圧']
          : d.code === 'tests'
            ? ['検査']
            : [],
    ...(d.type === 'choice' ? { hint: d.choices.map((c) => c.label).join('・') } : {}),
  })),
  ...epdsKeys.map((key, i) => ({
    key,
    label: `EPDS問${i + 1}`,
    aliases: [`EPDS${i + 1}`, `EPDS ${i + 1}`, `EPDS 問${i + 1}`, `EPDS${String(i + 1).padStart(2, '0')}`],
    hint: '0〜3',
  })),
  { key: 'note', label: '備考' },
];

/** The standard header of a punch file (docs/interfaces/maternal-checkups.md). */
export const standardCheckupHeader = checkupImportFields.map((f) => f.label);

const categoryOf = (text: string): CheckupCategory | null => {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  if (!t || t === '健診' || t === 'checkup' || t === '1') return 'checkup';
  if (t === '精密' || t === '精密健診' || t === 'detailed' || t === '2') return 'detailed';
  return null;
};

/** Pure: the row's key fields checked and the items kept as written. */
export function parseCheckupRow(row: Record<string, string>): RowCheck<CheckupImportRow> {
  const errors: FieldError[] = [];
  const text = (k: string) => row[k]?.trim() ?? '';
  const voucherNo = voucherKey(text('voucherNo'));
  if (!voucherNo) errors.push({ field: 'voucherNo', message: '受診券IDを入れてください。' });
  const category = categoryOf(text('category'));
  if (!category)
    errors.push({
      field: 'category',
      message: `区分「${text('category')}」は読めません。健診か精密にしてください。`,
    });
  const date = parseDateInput(text('examinedOn'));
  if (!date.ok) errors.push({ field: 'examinedOn', message: date.message });
  if (errors.length || !category || !date.ok) return { ok: false, errors };
  const mapped = Object.keys(row);
  const items: Record<string, string | string[]> = {};
  for (const d of itemDefs) if (mapped.includes(d.code)) items[d.code] = text(d.code);
  if (epdsKeys.some((k) => mapped.includes(k))) {
    const answers = epdsKeys.map(text);
    // an EPDS left blank on the form is no EPDS; a partly filled one is checked (and refused) as written
    items.epds = answers.every((a) => a === '') ? '' : answers;
  }
  return {
    ok: true,
    value: {
      voucherNo,
      category,
      examinedOn: date.date,
      institution: text('institution'),
      judgement: text('judgement'),
      items,
      note: text('note'),
      mapped: [...mapped.filter((k) => !epdsKeys.includes(k)), ...(items.epds !== undefined ? ['epds'] : [])],
    },
  };
}
