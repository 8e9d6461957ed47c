/**
 * 精密検査結果の取込 (F04-01) — the columns a 精検結果 file can map to (取込設定) and the pure reading of one row:
 * which screening it answers (受診票番号, or 宛名番号 with the 年度 of the upload or of the 検診の受診日; the
 * program from a column or the upload), and the 精検結果 with codes or labels turned into the codes of the entry
 * screen. Whether the screening is 要精検 and the result itself (detailed-exams-rules.ts) are checked in
 * detailed-exams-import.ts.
 */
import { fiscalYearOf, parseDateInput } from '../../platform/calendar/index.ts';
import type { FieldError, ImportField, RowCheck } from '../../platform/imports/types.ts';
import { type ProgramCode, programCodes, programLabels } from '../programs/types.ts';
import {
  cervicalLesions,
  type DetailedOutcome,
  type DetailedStatus,
  detailedMethods,
  detailedOutcomes,
  detailedStatuses,
} from './detailed-exams-rules.ts';
import { parseTicketNo } from './results.ts';

export type DetailedImportRow = {
  ticketNo: string | null;
  /** from the 受診票番号 or the 宛名番号 column */
  atenaNo: string;
  program: ProgramCode;
  fiscalYear: number;
  /** 検診の受診日 as written in the file (checked against the stored screening), or null */
  screenedOn: string | null;
  status: DetailedStatus;
  examinedOn: string;
  institutionCode: string | null;
  institutionName: string;
  method: string;
  outcome: DetailedOutcome | null;
  reportedBy: 'institution' | 'person';
  lesion: string | null;
  stage: string;
  note: string;
  /** the fields the 取込設定 maps (an error of a field not in the file is shown for the row as a whole) */
  mapped: string[];
};
export type DetailedImportParams = { program: ProgramCode | null; fiscalYear: number | null };

const list = (labels: Record<string, string>) => Object.values(labels).join('・');
export const reportedByLabels = { institution: '精検機関からの報告', person: '本人の申告' } as const;

export const detailedImportFields: ImportField[] = [
  {
    key: 'ticketNo',
    label: '受診票番号',
    aliases: ['受診券番号', '受診票No', '受診券No'],
    hint: '2026-0000012345',
  },
  { key: 'atenaNo', label: '宛名番号', aliases: ['住民番号'] },
  { key: 'program', label: '検診', aliases: ['検診種別', '検診名'], hint: '大腸がん検診 または colorectal' },
  {
    key: 'screenedOn',
    label: '検診の受診日',
    aliases: ['検診日', '一次検診日', '検診受診日'],
    hint: 'YYYY-MM-DD または和暦',
  },
  {
    key: 'status',
    label: '精検の状況',
    aliases: ['精検受診状況', '受診状況'],
    hint: `${list(detailedStatuses)}（空欄は精検受診）`,
  },
  {
    key: 'examinedOn',
    label: '精検日',
    aliases: ['精検受診日', '精密検査日', '受診日'],
    hint: 'YYYY-MM-DD または和暦',
  },
  { key: 'institutionCode', label: '精検機関コード', aliases: ['医療機関コード', '医療機関番号'] },
  { key: 'institutionName', label: '精検機関名', aliases: ['医療機関名', '精検機関', '医療機関'] },
  { key: 'method', label: '精検法', aliases: ['精密検査方法', '検査方法'], hint: '全大腸内視鏡検査 など' },
  {
    key: 'outcome',
    label: '精検結果',
    aliases: ['精密検査結果', '結果区分'],
    hint: list(detailedOutcomes),
  },
  {
    key: 'reportedBy',
    label: '報告の種類',
    aliases: ['報告区分', '把握方法'],
    hint: '精検機関・本人（空欄は精検機関からの報告）',
  },
  { key: 'lesion', label: '病変', aliases: ['病変区分'], hint: cervicalLesions.join('・') },
  { key: 'stage', label: '病期・所見', aliases: ['病期', '所見', '進行度'] },
  { key: 'note', label: '備考' },
];

const norm = (t: string) =>
  t
    .normalize('NFKC')
    .replace(/[\s　]/g, '')
    .replace(/又は/g, 'または');

/** code or label (NFKC, spaces ignored, 又は = または) → the code, also from the short forms on clinics' forms. */
function codeOf<C extends string>(text: string, labels: Record<C, string>, extra: Record<string, C> = {}) {
  const t = norm(text);
  for (const [code, label] of Object.entries(labels) as [C, string][])
    if (t === code || t === norm(label)) return code;
  return extra[t] ?? null;
}
const outcomeAliases: Record<string, DetailedOutcome> = {
  がん: 'cancer',
  がんの疑いまたは未確定: 'suspected',
  がんの疑い: 'suspected',
  未確定: 'suspected',
  がん以外の疾患: 'other_disease',
  異常なし: 'no_abnormality',
};
const statusAliases: Record<string, DetailedStatus> = {
  受診: 'examined',
  未受診: 'not_examined',
  未把握: 'unknown',
};
const reportedAliases: Record<string, 'institution' | 'person'> = {
  精検機関: 'institution',
  医療機関: 'institution',
  機関: 'institution',
  本人: 'person',
  本人申告: 'person',
};

const programOf = (text: string): ProgramCode | null => {
  const t = text.normalize('NFKC').trim();
  return (programCodes as readonly string[]).includes(t)
    ? (t as ProgramCode)
    : (programCodes.find((c) => programLabels[c] === t || programLabels[c].replace(/検診$/, '') === t) ??
        null);
};

/** Pure: which screening the row answers and the 精検結果 in codes; the rest is checked against the database. */
export function parseDetailedRow(
  row: Record<string, string>,
  params: DetailedImportParams,
): RowCheck<DetailedImportRow> {
  const errors: FieldError[] = [];
  const err = (field: string | null, message: string) => errors.push({ field, message });
  const text = (k: string) => row[k]?.trim() ?? '';
  const ticketNo = text('ticketNo') || null;
  const ticket = ticketNo ? parseTicketNo(ticketNo) : null;
  const atenaColumn = text('atenaNo').normalize('NFKC') || null;
  if (!ticketNo && !atenaColumn) err(null, '受診票番号か宛名番号のどちらかを入れてください。');
  if (ticketNo && !ticket)
    err('ticketNo', `受診票番号「${ticketNo}」の形が違います（例: 2026-0000012345）。`);
  if (atenaColumn && !/^\d{1,15}$/.test(atenaColumn))
    err('atenaNo', `宛名番号「${atenaColumn}」は数字15桁以内で入れてください。`);
  else if (ticket && atenaColumn && ticket.atenaNo.replace(/^0+/, '') !== atenaColumn.replace(/^0+/, ''))
    err('atenaNo', `宛名番号「${atenaColumn}」が受診票番号「${ticketNo}」の宛名番号と違います。`);

  const program = text('program') ? programOf(text('program')) : params.program;
  if (!program)
    err(
      'program',
      text('program')
        ? `検診「${text('program')}」はありません。${programCodes.map((c) => programLabels[c]).join('・')} のどれかにしてください。`
        : '検診の列がありません。取込のときに検診を選ぶか、検診の列を入れてください。',
    );

  let screenedOn: string | null = null;
  let screenedYear: number | null = null;
  if (text('screenedOn')) {
    const d = parseDateInput(text('screenedOn'));
    if (!d.ok) err('screenedOn', d.message);
    else [screenedOn, screenedYear] = [d.date, fiscalYearOf(d.date)];
  }
  if (ticket && screenedYear !== null && ticket.fiscalYear !== screenedYear)
    err(
      'ticketNo',
      `受診票番号の年度（${ticket.fiscalYear}年度）と検診の受診日の年度（${screenedYear}年度）が違います。受診票番号か受診日を確かめてください。`,
    );
  const fiscalYear = ticket?.fiscalYear ?? screenedYear ?? params.fiscalYear;
  if (fiscalYear === null && !text('screenedOn'))
    err(
      null,
      '検診の年度がわかりません。取込のときに年度を選ぶか、受診票番号か検診の受診日の列を入れてください。',
    );

  const status = text('status') ? codeOf(text('status'), detailedStatuses, statusAliases) : 'examined';
  if (!status)
    err(
      'status',
      `精検の状況「${text('status')}」は読めません。${list(detailedStatuses)} のどれかにしてください。`,
    );
  const outcome = text('outcome') ? codeOf(text('outcome'), detailedOutcomes, outcomeAliases) : null;
  if (text('outcome') && !outcome)
    err(
      'outcome',
      `精検結果「${text('outcome')}」は読めません。${list(detailedOutcomes)} のどれかにしてください。`,
    );
  const reportedBy = text('reportedBy')
    ? codeOf(text('reportedBy'), reportedByLabels, reportedAliases)
    : 'institution';
  if (!reportedBy)
    err(
      'reportedBy',
      `報告の種類「${text('reportedBy')}」は読めません。精検機関（${reportedByLabels.institution}）か本人（${reportedByLabels.person}）にしてください。`,
    );
  const lesion = text('lesion').normalize('NFKC').toUpperCase() || null;
  const method = text('method');
  const methodCode = program
    ? detailedMethods[program].find((m) => norm(m.label) === norm(method) || m.code === method)?.code
    : undefined;

  if (errors.length || !program || fiscalYear === null || !status || !reportedBy)
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      ticketNo,
      atenaNo: ticket?.atenaNo ?? atenaColumn ?? '',
      program,
      fiscalYear,
      screenedOn,
      status,
      examinedOn: text('examinedOn'),
      institutionCode: text('institutionCode').normalize('NFKC') || null,
      institutionName: text('institutionName'),
      // a method not offered for the program stays as written: the shared check names the choices
      method: methodCode ?? method,
      outcome,
      reportedBy,
      lesion,
      stage: text('stage'),
      note: text('note'),
      mapped: Object.keys(row),
    },
  };
}
