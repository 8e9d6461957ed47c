/**
 * One 妊娠届 sent by e-application (F06-02, docs/interfaces/e-application.md「妊娠届」) checked field by field and
 * normalised: the applicant's identity as for every e-application (residents module), the 届出 items of 施行規則
 * 第3条 (maternal-child-vaccination-pmh.md §4.1: 出産予定日 or 妊娠週数, 胎児数, 診断を受けた医師・医療機関, 性病・結核の
 * 健康診断, 職業), the 届出時アンケート by question label or code (questionnaire.ts), the 交付方法 and the 面談の希望.
 * A 個人番号 column is not read (the 個人番号 is held by the residents module only). Pure.
 */
import { parseDateInput } from '../../platform/calendar/index.ts';
import { nameKey } from '../../platform/imports/named-records.ts';
import { normalizeSpaces, toHalfWidthAscii } from '../../platform/text/index.ts';
import { type ApplicantIdentity, type IdentityField, readApplicantIdentity } from '../residents/index.ts';
import { maxFetusCount } from './pregnancy-rules.ts';
import { questions } from './questionnaire.ts';

/** The fields of a notification, in the order of the CSV header; アンケート columns follow (by question). */
export const notificationFields = {
  applicationNo: '申請番号',
  appliedAt: '申請日時',
  atenaNo: '宛名番号',
  name: '氏名',
  nameKana: '氏名カナ',
  birthDate: '生年月日',
  postalCode: '郵便番号',
  address: '住所',
  phone: '電話番号',
  email: 'メール',
  occupation: '職業',
  dueDate: '出産予定日',
  weeks: '妊娠週数',
  fetusCount: '胎児数',
  diagnosedBy: '診断医師',
  diagnosisInstitution: '診断医療機関',
  stdTbCheckup: '性病・結核の健診',
  delivery: '交付方法',
  interviewWish: '面談希望',
  interviewNote: '面談希望日時',
  note: '備考',
} as const;
export type NotificationField = keyof typeof notificationFields | `questionnaire.${string}`;

export type RawNotification = Partial<Record<keyof typeof notificationFields, string>> & {
  answers: Record<string, string>;
};

export type NotificationRow = ApplicantIdentity & {
  /** CSV: line of the row (header is line 1); XML: position of the <届出> (1-based). */
  line: number;
  /** 届出日: the day of the 申請日時 (JST) */
  notifiedOn: string;
  dueDate: string | null;
  weeks: number | null;
  days: number | null;
  fetusCount: number;
  occupation: string;
  diagnosedBy: string;
  diagnosisInstitution: string;
  stdTbCheckup: 'yes' | 'no' | 'unknown';
  /** { questionCode: option code or text } as questionnaire.ts checks them */
  questionnaire: Record<string, string>;
  delivery: 'mail' | 'visit';
  interviewWish: 'yes' | 'no' | null;
  interviewNote: string;
  note: string;
};

export type FieldError = { field: NotificationField; message: string };

const fold = (s: string) => toHalfWidthAscii(s).replace(/\s/g, '').toLowerCase();
const yes = ['はい', '有', 'あり', '受けた', '希望する', '希望', 'する', 'yes', 'y', '1', '○'];
const no = ['いいえ', '無', 'なし', '受けていない', '希望しない', 'しない', 'no', 'n', '0', '×'];

/** 胎児数 written in words (単胎・双胎・品胎 …). */
const multipleWords: Record<string, number> = {
  単胎: 1,
  双胎: 2,
  双子: 2,
  品胎: 3,
  三胎: 3,
  三つ子: 3,
  四胎: 4,
  五胎: 5,
};

/** Which question a column is: by its label (spaces and brackets ignored) or its code. */
export function questionOfColumn(name: string) {
  const k = nameKey(name);
  return questions.find((q) => nameKey(q.label) === k || q.code === k) ?? null;
}

/** An answer as the question's option code (label or code accepted); text as written; undefined if unreadable. */
function answerOf(code: string, text: string): string | undefined {
  const q = questions.find((x) => x.code === code)!;
  if (q.type === 'text') return text;
  const t = fold(text);
  if (q.type === 'yesno') return yes.includes(t) ? 'yes' : no.includes(t) ? 'no' : undefined;
  const hit = Object.entries(q.options ?? {}).find(([c, label]) => fold(c) === t || fold(label) === t);
  return hit?.[0];
}

/** '10週3日', '10w3d', '10' → { weeks, days }; null when unreadable. */
export function weeksOf(text: string): { weeks: number; days: number } | null {
  const m = /^(?:妊娠)?(\d{1,2})(?:週|w)?(?:([0-6])(?:日|d))?$/i.exec(fold(text));
  return m ? { weeks: Number(m[1]), days: Number(m[2] ?? 0) } : null;
}

/** Checks and normalises one notification; `row` is set only when there is no error. */
export function normaliseNotification(
  raw: RawNotification,
  line: number,
): { applicationNo: string; row: NotificationRow | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: NotificationField, message: string) => errors.push({ field, message });
  const text = (f: keyof typeof notificationFields) => normalizeSpaces(raw[f] ?? '');
  const { applicationNo, identity } = readApplicantIdentity(
    (f: IdentityField) => text(f),
    fail,
    (f) => notificationFields[f],
    { applicationNo: '申請番号', appliedAt: '申請日時', applicant: '届出者' },
  );

  const dueText = text('dueDate');
  const due = dueText ? parseDateInput(dueText) : null;
  if (due && !due.ok) fail('dueDate', `出産予定日: ${due.message}。`);
  const weeksText = text('weeks');
  const weeks = weeksText ? weeksOf(weeksText) : null;
  if (weeksText && !weeks) fail('weeks', `妊娠週数「${weeksText}」が読めません。例: 10週3日、10週、10。`);
  if (!dueText && !weeksText)
    fail('dueDate', '出産予定日か妊娠週数のどちらかを書いてください（例: 2027-05-20、10週3日）。');

  const fetusText = toHalfWidthAscii(text('fetusCount')).replace(/\s/g, '');
  const fetusCount = fetusText ? (multipleWords[fetusText] ?? Number(fetusText.replace(/[人児]$/, ''))) : 1;
  if (!Number.isInteger(fetusCount) || fetusCount < 1 || fetusCount > maxFetusCount)
    fail(
      'fetusCount',
      `胎児数「${text('fetusCount')}」は1〜${maxFetusCount}の数字で書いてください（空欄は1）。`,
    );

  const stdText = fold(text('stdTbCheckup'));
  const stdTbCheckup =
    !stdText || ['不明', 'わからない'].includes(stdText)
      ? 'unknown'
      : yes.includes(stdText)
        ? 'yes'
        : no.includes(stdText)
          ? 'no'
          : null;
  if (!stdTbCheckup)
    fail('stdTbCheckup', `性病・結核の健診「${text('stdTbCheckup')}」が読めません（有・無・不明）。`);

  const deliveryText = fold(text('delivery'));
  const delivery =
    !deliveryText || ['郵送', '郵便', '送付', 'mail'].includes(deliveryText)
      ? 'mail'
      : ['来庁', '窓口', '来所', '来庁時', '来庁時に受け取り', '窓口で受け取り', 'visit'].includes(
            deliveryText,
          )
        ? 'visit'
        : null;
  if (!delivery) fail('delivery', `交付方法「${text('delivery')}」が読めません（郵送・来庁）。`);

  const wishText = fold(text('interviewWish'));
  const interviewWish = !wishText
    ? null
    : yes.includes(wishText)
      ? 'yes'
      : no.includes(wishText)
        ? 'no'
        : undefined;
  if (interviewWish === undefined)
    fail('interviewWish', `面談希望「${text('interviewWish')}」が読めません（希望する・希望しない）。`);

  const questionnaire: Record<string, string> = {};
  for (const [code, value] of Object.entries(raw.answers)) {
    const v = normalizeSpaces(value);
    if (!v) continue;
    const a = answerOf(code, v);
    const q = questions.find((x) => x.code === code)!;
    if (a === undefined)
      fail(
        `questionnaire.${code}`,
        `アンケート「${q.label}」の答え「${v}」が読めません（${Object.values(q.options ?? {}).join('・')}）。`,
      );
    else if (a.length > 1000) fail(`questionnaire.${code}`, `アンケート「${q.label}」は1000文字以内です。`);
    else questionnaire[code] = a;
  }

  if (errors.length || !identity || !stdTbCheckup || !delivery || interviewWish === undefined)
    return { applicationNo, row: null, errors };
  return {
    applicationNo,
    row: {
      ...identity,
      line,
      notifiedOn: identity.appliedAt.slice(0, 10),
      dueDate: due?.ok ? due.date : null,
      weeks: weeks?.weeks ?? null,
      days: weeks ? weeks.days : null,
      fetusCount,
      occupation: text('occupation'),
      diagnosedBy: text('diagnosedBy'),
      diagnosisInstitution: text('diagnosisInstitution'),
      stdTbCheckup,
      questionnaire,
      delivery,
      interviewWish,
      interviewNote: text('interviewNote'),
      note: (raw.note ?? '').trim(),
    },
    errors,
  };
}
