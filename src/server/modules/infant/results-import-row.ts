/**
 * 乳幼児健診の結果の取込 (F07-04/F07-05 パンチデータ) — the columns a file can map to (取込設定) and the pure reading
 * of one row: the 宛名番号, 健診の種類 (code or name), 受診日 (和暦 too) and 実施形態 checked; the 計測, the 法定 items
 * (所見・所見の内容・判定), 歯科 and 総合判定 kept as written (checked against the checkup by the entry screen's rules
 * in results-import.ts). The standard layout is docs/interfaces/infant-checkup-results.md.
 */
import { parseDateInput } from '../../platform/calendar/index.ts';
import type { FieldError, ImportField, RowCheck } from '../../platform/imports/types.ts';
import {
  type InfantCheckup,
  type InfantCheckupCode,
  infantCheckupItemLabels,
  infantCheckups,
  judgementLabels,
} from './checkups.ts';
import { findingLabels, fluorideLabels, measuresOf, plaqueLabels } from './result-items.ts';

export type ResultImportRow = {
  atenaNo: string;
  checkup: InfantCheckupCode;
  examinedOn: string;
  /** null: 個別 when a 医療機関 is written, else the checkup's usual form */
  mode: 'individual' | 'group' | null;
  institutionName: string;
  ticketNo: string;
  /** measure code → text as written (only the mapped columns) */
  measures: Record<string, string>;
  /** item code → its mapped parts as written */
  findings: Record<string, { finding?: string; note?: string; judgement?: string }>;
  /** 歯科 key → text as written (only the mapped columns) */
  dental: Record<string, string>;
  judgement: string;
  note: string;
  /** the fields the 取込設定 maps (an item the file has no column for keeps its stored value) */
  mapped: string[];
};

const judgementHint = Object.values(judgementLabels).join('・');
export const modeLabels = { individual: '個別', group: '集団' } as const;

const dentalFields: ImportField[] = [
  { key: 'dental.teeth', label: '歯数', aliases: ['現在歯数'], hint: '0〜20' },
  { key: 'dental.cariesUntreated', label: 'むし歯（未処置）', aliases: ['未処置歯数', 'むし歯未処置'] },
  { key: 'dental.cariesTreated', label: 'むし歯（処置）', aliases: ['処置歯数', 'むし歯処置'] },
  { key: 'dental.plaque', label: '歯垢', hint: Object.values(plaqueLabels).join('・') },
  { key: 'dental.occlusion', label: '咬合', hint: '正常・異常' },
  {
    key: 'dental.riskType',
    label: 'むし歯のリスク分類',
    aliases: ['リスク分類', '罹患型'],
    hint: '1歳6か月 O1・O2・A・B・C、3歳 O・A・B・C1・C2',
  },
  { key: 'dental.fluoride', label: 'フッ化物塗布', hint: Object.values(fluorideLabels).join('・') },
  { key: 'dental.judgement', label: '歯科の判定', aliases: ['歯科判定'], hint: judgementHint },
  { key: 'dental.note', label: '歯科の所見', aliases: ['歯科所見'] },
];
const dentalKeys = dentalFields.map((f) => f.key.slice('dental.'.length));
const itemCodes = Object.keys(infantCheckupItemLabels);
const measureDefs = measuresOf('y3');

export const resultImportFields: ImportField[] = [
  { key: 'atenaNo', label: '宛名番号', required: true, aliases: ['住民番号', '宛名コード'] },
  {
    key: 'checkup',
    label: '健診の種類',
    required: true,
    aliases: ['健診', '健診名', '健診コード'],
    hint: '1か月・3〜4か月・9〜10か月・1歳6か月・3歳・5歳（名称かコード）',
  },
  {
    key: 'examinedOn',
    label: '受診日',
    required: true,
    aliases: ['健診日', '受診年月日'],
    hint: 'YYYY-MM-DD または和暦',
  },
  { key: 'mode', label: '実施形態', aliases: ['個別・集団', '健診方法'], hint: '個別・集団' },
  { key: 'institutionName', label: '医療機関', aliases: ['医療機関名', '実施医療機関'] },
  { key: 'ticketNo', label: '受診票番号', aliases: ['受診票No', '受診票ID'] },
  ...measureDefs.map((d) => ({
    key: `measures.${d.code}`,
    label: d.label,
    aliases: [`${d.label}(${d.unit})`, `${d.label}（${d.unit}）`],
    hint: `${d.unit}、小数第${d.decimals}位まで`,
  })),
  ...itemCodes.flatMap((code): ImportField[] => {
    const label = infantCheckupItemLabels[code]!;
    return [
      {
        key: `findings.${code}`,
        label,
        hint: `${Object.values(findingLabels).join('・')}（空欄は所見なし）`,
      },
      { key: `findings.${code}.note`, label: `${label}の所見` },
      { key: `findings.${code}.judgement`, label: `${label}の判定`, hint: judgementHint },
    ];
  }),
  ...dentalFields,
  {
    key: 'judgement',
    label: '総合判定',
    aliases: ['判定'],
    hint: `${judgementHint}（空欄は項目の判定から）`,
  },
  { key: 'note', label: '備考' },
];

/** The standard header of a punch file (docs/interfaces/infant-checkup-results.md). */
export const standardResultHeader = resultImportFields.map((f) => f.label);

/** 「1歳6か月」「1歳6か月児健診」「１歳６か月児健康診査」「y1h」 → the checkup (spaces, 〜/~ and 児 ignored). */
const fold = (t: string) =>
  t
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(/[~〜～-]/g, '〜')
    .replace(/ヶ月|カ月|ケ月|ヵ月|箇月/g, 'か月')
    .replace(/(健康診査|健診)$/, '')
    .replace(/児$/, '')
    .toLowerCase();
const checkupNames = new Map<string, InfantCheckup>(
  infantCheckups.flatMap((c) => [
    [c.code.toLowerCase(), c],
    [fold(c.name), c],
  ]),
);
export const checkupOfText = (text: string): InfantCheckup | undefined => checkupNames.get(fold(text));

const modeOf = (t: string): 'individual' | 'group' | null | undefined => {
  const s = t.normalize('NFKC').replace(/\s/g, '');
  if (!s) return null;
  if (s === '個別' || s === '個別健診' || s === 'individual' || s === '1') return 'individual';
  if (s === '集団' || s === '集団健診' || s === 'group' || s === '2') return 'group';
  return undefined;
};

/** 所見 as punched: 「なし」「あり」「-」「+」 besides 所見なし・所見あり. */
const findingOf = (t: string) => {
  const s = t.normalize('NFKC').trim();
  if (s === 'なし' || s === '-' || s === '0') return findingLabels.none;
  if (s === 'あり' || s === '+' || s === '1') return findingLabels.present;
  return s;
};

/** Pure: the row's key fields checked and the items kept as written. */
export function parseResultImportRow(row: Record<string, string>): RowCheck<ResultImportRow> {
  const errors: FieldError[] = [];
  const text = (k: string) => row[k]?.trim() ?? '';
  const atenaNo = text('atenaNo').normalize('NFKC');
  if (!atenaNo) errors.push({ field: 'atenaNo', message: '宛名番号を入れてください。' });
  else if (!/^\d{1,15}$/.test(atenaNo))
    errors.push({ field: 'atenaNo', message: `宛名番号「${atenaNo}」は数字15桁以内で入れてください。` });
  const checkup = checkupOfText(text('checkup'));
  if (!checkup)
    errors.push({
      field: 'checkup',
      message: `健診の種類「${text('checkup')}」は読めません。${infantCheckups.map((c) => c.name).join('・')} のどれか（またはコード ${infantCheckups.map((c) => c.code).join('・')}）にしてください。`,
    });
  const date = parseDateInput(text('examinedOn'));
  if (!date.ok) errors.push({ field: 'examinedOn', message: `受診日: ${date.message}` });
  const mode = modeOf(text('mode'));
  if (mode === undefined)
    errors.push({
      field: 'mode',
      message: `実施形態「${text('mode')}」は読めません。${Object.values(modeLabels).join('か')}にしてください。`,
    });
  if (errors.length || !checkup || !date.ok || mode === undefined) return { ok: false, errors };
  const mapped = Object.keys(row);
  const measures: Record<string, string> = {};
  for (const d of measureDefs)
    if (mapped.includes(`measures.${d.code}`)) measures[d.code] = text(`measures.${d.code}`);
  const findings: ResultImportRow['findings'] = {};
  for (const code of itemCodes) {
    const f: ResultImportRow['findings'][string] = {};
    const key = `findings.${code}`;
    if (mapped.includes(key)) f.finding = findingOf(text(key));
    if (mapped.includes(`${key}.note`)) f.note = text(`${key}.note`);
    if (mapped.includes(`${key}.judgement`)) f.judgement = text(`${key}.judgement`);
    if (Object.keys(f).length) findings[code] = f;
  }
  const dental: Record<string, string> = {};
  for (const k of dentalKeys) if (mapped.includes(`dental.${k}`)) dental[k] = text(`dental.${k}`);
  return {
    ok: true,
    value: {
      atenaNo,
      checkup: checkup.code,
      examinedOn: date.date,
      mode,
      institutionName: text('institutionName'),
      ticketNo: text('ticketNo'),
      measures,
      findings,
      dental,
      judgement: text('judgement'),
      note: text('note'),
      mapped,
    },
  };
}
