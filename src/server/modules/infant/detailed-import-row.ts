/**
 * 乳幼児精密健診結果の取込 (F07-06) — the columns a file can map to (取込設定) and the pure reading of one row (the
 * 依頼書番号 and 受診日 checked; the rest checked against the referral in detailed-import.ts). The standard layout is
 * docs/interfaces/infant-detailed-results.md.
 */
import { parseDateInput } from '../../platform/calendar/index.ts';
import type { FieldError, ImportField, RowCheck } from '../../platform/imports/types.ts';
import { detailedResultLabels } from './result-rules.ts';

/** What a row carries: the 精密健診結果 as on the entry screen (version null: a file answers a referral once). */
export type DetailedRowValue = {
  referralNo: string;
  examinedOn: string;
  institutionName: string;
  result: string;
  diagnosis: string;
  note: string;
  version: number | null;
};

export type DetailedImportRow = DetailedRowValue & { mapped: string[] };

export const detailedImportFields: ImportField[] = [
  { key: 'referralNo', label: '依頼書番号', required: true, aliases: ['依頼番号', '精健票番号', '依頼書No'] },
  {
    key: 'examinedOn',
    label: '受診日',
    required: true,
    aliases: ['精密健診日', '受診年月日'],
    hint: 'YYYY-MM-DD または和暦',
  },
  { key: 'institutionName', label: '医療機関', aliases: ['医療機関名', '実施医療機関'] },
  {
    key: 'result',
    label: '結果',
    required: true,
    aliases: ['精密健診結果', '判定'],
    hint: Object.values(detailedResultLabels).join('・'),
  },
  { key: 'diagnosis', label: '診断名', aliases: ['所見', '診断名・所見'] },
  { key: 'note', label: '備考' },
];

/** Pure: the row's key fields checked; the rest as written (checked against the referral in classify). */
export function parseDetailedImportRow(row: Record<string, string>): RowCheck<DetailedImportRow> {
  const text = (k: string) => row[k]?.trim() ?? '';
  const errors: FieldError[] = [];
  const referralNo = text('referralNo').normalize('NFKC').toUpperCase();
  if (!referralNo) errors.push({ field: 'referralNo', message: '依頼書番号を入れてください。' });
  const date = parseDateInput(text('examinedOn'));
  if (!date.ok) errors.push({ field: 'examinedOn', message: date.message });
  if (errors.length || !date.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      referralNo,
      examinedOn: date.date,
      institutionName: text('institutionName'),
      result: text('result'),
      diagnosis: text('diagnosis'),
      note: text('note'),
      version: null,
      mapped: Object.keys(row),
    },
  };
}
