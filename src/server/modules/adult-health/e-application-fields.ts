/**
 * One e-application (docs/interfaces/e-application.md) checked field by field and normalised: dates to
 * YYYY-MM-DD (和暦 accepted), 申込日時 to ISO 8601 in JST, 検診 to codes, 受診形態 to group/individual, kana to
 * full-width katakana. Every problem is reported with the field's name and how to fix it. Pure.
 */
import { parseDateInput } from '../../platform/calendar/index.ts';
import { normalizeSpaces, toHalfWidthAscii } from '../../platform/text/index.ts';
import type { ProgramCode } from '../programs/types.ts';
import { readApplicantIdentity, type Sex } from '../residents/index.ts';
import { formFromText, programFromText } from './answer-file.ts';

/** The fields of an application, in the order of the CSV header (docs/interfaces/e-application.md). */
export const applicationFields = {
  applicationNo: '申込番号',
  originalNo: '元申込番号',
  appliedAt: '申込日時',
  atenaNo: '宛名番号',
  name: '氏名',
  nameKana: '氏名カナ',
  birthDate: '生年月日',
  sex: '性別',
  postalCode: '郵便番号',
  address: '住所',
  phone: '電話番号',
  email: 'メール',
  programs: '希望検診',
  form: '受診形態',
  clinic: '希望医療機関',
  preferredDate: '希望日',
  venue: '希望会場',
  note: '備考',
} as const;
export type ApplicationField = keyof typeof applicationFields;

/** Raw text of one application as read from the file; 希望検診 may be repeated (XML). */
export type RawApplication = Partial<Record<Exclude<ApplicationField, 'programs'>, string>> & {
  programs: string[];
};

export type ApplicationRow = {
  /** CSV: line number of the row in the file (the header is line 1). XML: position of the <申込> (1-based). */
  line: number;
  applicationNo: string;
  /** 申込番号 of the application this one corrects (re-submission), or null. */
  originalNo: string | null;
  /** '2026-06-15T10:23:00+09:00' (JST). */
  appliedAt: string;
  atenaNo: string | null;
  name: string;
  /** Full-width katakana, single spaces. */
  nameKana: string;
  birthDate: string;
  sex: Sex | null;
  /** 7 digits or ''. */
  postalCode: string;
  address: string;
  phone: string;
  email: string;
  programs: ProgramCode[];
  form: 'group' | 'individual';
  clinic: string;
  preferredDate: string | null;
  venue: string;
  note: string;
};

export type FieldError = { field: ApplicationField; message: string };

const PROGRAM_SEPARATORS = /[、，,;；・／/\n]+/;
/** 性別: 男/女/男性/女性/1/2/M/F; 9/不明/回答しない → '9'; '' → null; undefined when unreadable. */
function sexFromText(text: string): Sex | null | undefined {
  const t = toHalfWidthAscii(text).replace(/\s/g, '').toUpperCase();
  if (!t) return null;
  if (['男', '男性', '1', 'M', 'MALE'].includes(t)) return '1';
  if (['女', '女性', '2', 'F', 'FEMALE'].includes(t)) return '2';
  if (['9', '不明', '回答しない', 'その他'].includes(t)) return '9';
  return undefined;
}

/** Checks and normalises one application; `row` is set only when there is no error. */
export function normaliseApplication(
  raw: RawApplication,
  line: number,
): { applicationNo: string; row: ApplicationRow | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: ApplicationField, message: string) => errors.push({ field, message });
  const text = (f: Exclude<ApplicationField, 'programs'>) => normalizeSpaces(raw[f] ?? '');
  const { applicationNo, identity } = readApplicantIdentity(text, fail, (f) => applicationFields[f], {
    applicationNo: '申込番号',
    appliedAt: '申込日時',
    applicant: '申込者',
  });
  const originalNo = toHalfWidthAscii(text('originalNo')) || null;
  if (originalNo && originalNo === applicationNo)
    fail(
      'originalNo',
      '元申込番号が申込番号と同じです。訂正前の申込の申込番号を書くか、空欄にしてください。',
    );

  const sex = sexFromText(text('sex'));
  if (sex === undefined) fail('sex', `性別「${text('sex')}」が読めません（男・女、または 1・2）。`);

  const parts = raw.programs
    .flatMap((p) => p.split(PROGRAM_SEPARATORS))
    .map((p) => p.trim())
    .filter(Boolean);
  const codes = parts.map(programFromText);
  const unknown = parts.filter((_, i) => codes[i] === null);
  if (parts.length === 0) fail('programs', '希望検診が空です（例: 胃がん検診、大腸がん検診）。');
  else if (unknown.length)
    fail(
      'programs',
      `希望検診「${unknown.join('、')}」が読めません。検診名（例: 胃がん検診）かコード（例: stomach）で書いてください。`,
    );
  const programs = [...new Set(codes.filter((c): c is ProgramCode => c !== null))];

  const clinic = text('clinic');
  const venue = text('venue');
  const dateText = text('preferredDate');
  const preferred = dateText ? parseDateInput(dateText) : null;
  if (preferred && !preferred.ok) fail('preferredDate', `希望日: ${preferred.message}。`);
  const formText = text('form');
  const form = formText ? formFromText(formText) : dateText || venue ? 'group' : clinic ? 'individual' : null;
  if (formText && !form) fail('form', `受診形態「${formText}」が読めません（個別・集団）。`);
  else if (!form)
    fail('form', '受診形態が空です。個別（医療機関で受診）か集団（会場で受診）を書いてください。');
  else if (form === 'individual' && (dateText || venue))
    fail(
      'form',
      '受診形態が「個別」ですが希望日・希望会場が書かれています。受診形態か希望日・希望会場を直してください。',
    );
  else if (form === 'group' && clinic)
    fail(
      'form',
      '受診形態が「集団」ですが希望医療機関が書かれています。受診形態か希望医療機関を直してください。',
    );

  // in the order of the columns, as the clerk reads the row
  const order = Object.keys(applicationFields);
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  if (errors.length || !identity || !form || sex === undefined) return { applicationNo, row: null, errors };
  return {
    applicationNo,
    row: {
      line,
      ...identity,
      originalNo,
      sex,
      programs,
      form,
      clinic,
      preferredDate: preferred?.ok ? preferred.date : null,
      venue,
      note: (raw.note ?? '').trim(),
    },
    errors,
  };
}
