/**
 * 精密検査 (F04-01/F04-02) rules, pure. Source: adult-health-statistics-bank-barcode.md §2.5 (がん検診事業のあり方
 * について(案) 令和4年12月 p.69):
 * - 精検受診: the 精検機関 reported the result, or the person reported all four of 精検日, 受診機関, 精検法, 精検結果;
 *   a 精検 still in progress counts as 精検受診 with 「がんの疑いのある者又は未確定」.
 * - 精検未受診: known not to have gone, or an inappropriate test was done (便潜血の再検 for 大腸, 細胞診の再検 for
 *   子宮頸).
 * - 精検未把握: unknown whether examined, or the result not reported correctly — every 要精検 without a record.
 * The methods offered per program are the usual ones (**要確認**: a city may name others; 「その他」 is always there).
 */
import { compareDates, type LocalDate } from '../../platform/calendar/date.ts';
import { parseDateInput } from '../../platform/calendar/wareki.ts';
import type { ProgramCode } from '../programs/types.ts';

export const detailedStatuses = {
  examined: '精検受診',
  not_examined: '精検未受診',
  unknown: '精検未把握',
} as const;
export type DetailedStatus = keyof typeof detailedStatuses;

export const detailedOutcomes = {
  cancer: 'がんであった者',
  suspected: 'がんの疑いのある者又は未確定',
  other_disease: 'がん以外の疾患であった者',
  no_abnormality: '異常認めず',
} as const;
export type DetailedOutcome = keyof typeof detailedOutcomes;

/** 子宮頸: the lesion found (reported with the outcome). */
export const cervicalLesions = ['CIN1', 'CIN2', 'CIN3', 'AIS', '浸潤がん'] as const;

export type DetailedMethod = { code: string; label: string; inappropriate?: boolean };

const other: DetailedMethod = { code: 'other', label: 'その他' };
export const detailedMethods: Record<ProgramCode, DetailedMethod[]> = {
  stomach: [{ code: 'endoscopy', label: '胃内視鏡検査' }, { code: 'xray', label: '胃X線検査' }, other],
  colorectal: [
    { code: 'colonoscopy', label: '全大腸内視鏡検査' },
    { code: 'ctc', label: '大腸CT検査' },
    { code: 'sigmoidoscopy_enema', label: 'S状結腸内視鏡検査＋注腸X線検査' },
    { code: 'enema', label: '注腸X線検査' },
    { code: 'fobt_repeat', label: '便潜血検査の再検', inappropriate: true },
    other,
  ],
  lung: [{ code: 'ct', label: '胸部CT検査' }, { code: 'bronchoscopy', label: '気管支鏡検査' }, other],
  breast: [
    { code: 'ultrasound', label: '超音波検査' },
    { code: 'mammography_extra', label: 'マンモグラフィ追加撮影' },
    { code: 'biopsy', label: '細胞診・組織診' },
    other,
  ],
  cervical: [
    { code: 'colposcopy', label: 'コルポスコピー・組織診' },
    { code: 'cytology_repeat', label: '細胞診の再検', inappropriate: true },
    other,
  ],
  osteoporosis: [other],
  periodontal: [other],
  hepatitis: [other],
  health_checkup: [other],
};

export type DetailedInput = {
  status: string;
  examinedOn: string;
  institutionId: number | null;
  institutionName: string;
  method: string;
  outcome: string | null;
  reportedBy: string | null;
  lesion: string | null;
  stage: string;
};

export type CheckedDetailed = {
  status: DetailedStatus;
  examinedOn: LocalDate | null;
  institutionId: number | null;
  institutionName: string;
  method: string;
  outcome: DetailedOutcome | null;
  reportedBy: 'institution' | 'person' | null;
  details: { lesion?: string; stage?: string };
  /** set when the method entered makes it 精検未受診 (§2.5 不適切な検査) */
  note: string;
};

export type DetailedError = { field: string; message: string };

/**
 * Checks a 精検結果 for a screening of `program` done on `screenedOn`. 精検受診 needs all four items (日, 機関,
 * 方法, 結果) and who reported it; an inappropriate method turns it into 精検未受診 with the reason.
 */
export function checkDetailed(
  program: ProgramCode,
  screenedOn: LocalDate,
  todayDate: LocalDate,
  v: DetailedInput,
): { ok: true; value: CheckedDetailed } | { ok: false; errors: DetailedError[] } {
  const errors: DetailedError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  if (!(v.status in detailedStatuses)) {
    err('status', '精検の状況（精検受診・精検未受診・精検未把握）を選んでください。');
    return { ok: false, errors };
  }
  let status = v.status as DetailedStatus;
  const methods = detailedMethods[program];
  const method = v.method.trim()
    ? methods.find((m) => m.code === v.method || m.label === v.method)
    : undefined;
  if (v.method.trim() && !method)
    err(
      'method',
      `精検法「${v.method}」は選べません。${methods.map((m) => m.label).join('・')} から選んでください。`,
    );
  let note = '';
  if (status === 'examined' && method?.inappropriate) {
    status = 'not_examined';
    note = `${method.label}は精密検査として不適切なため「精検未受診」になります。`;
  }

  let examinedOn: LocalDate | null = null;
  if (v.examinedOn.trim()) {
    const d = parseDateInput(v.examinedOn);
    if (!d.ok) err('examinedOn', `精検日: ${d.message}`);
    else if (compareDates(d.date, todayDate) > 0)
      err('examinedOn', '精検日が今日より後です。精検日を確かめてください。');
    else if (compareDates(d.date, screenedOn) < 0)
      err('examinedOn', '精検日が検診の受診日より前です。精検日を確かめてください。');
    else examinedOn = d.date;
  }
  const outcome = v.outcome && v.outcome in detailedOutcomes ? (v.outcome as DetailedOutcome) : null;
  if (v.outcome && !outcome) err('outcome', '精検結果を一覧から選んでください。');
  const reportedBy = v.reportedBy === 'institution' || v.reportedBy === 'person' ? v.reportedBy : null;
  const institutionName = v.institutionName.trim();

  if (status === 'examined') {
    if (!v.examinedOn.trim()) err('examinedOn', '精検受診には精検日が必要です。');
    if (v.institutionId === null && !institutionName)
      err('institution', '精検受診には受診した医療機関が必要です。');
    if (!method) err('method', '精検受診には精検法が必要です。');
    if (!outcome)
      err('outcome', '精検受診には精検結果が必要です（精検中のときは「がんの疑いのある者又は未確定」）。');
    if (!reportedBy) err('reportedBy', '精検機関からの報告か本人の申告かを選んでください。');
  }
  const lesion = v.lesion?.trim() || null;
  if (lesion && (program !== 'cervical' || !(cervicalLesions as readonly string[]).includes(lesion)))
    err('lesion', `病変は子宮頸がん検診のときだけ、${cervicalLesions.join('・')} から選びます。`);
  if (errors.length) return { ok: false, errors };
  const examined = status === 'examined';
  return {
    ok: true,
    value: {
      status,
      examinedOn,
      institutionId: v.institutionId,
      institutionName,
      method: method?.code ?? '',
      outcome: examined ? outcome : null,
      reportedBy,
      details: {
        ...(examined && lesion ? { lesion } : {}),
        ...(examined && v.stage.trim() ? { stage: v.stage.trim() } : {}),
      },
      note,
    },
  };
}
