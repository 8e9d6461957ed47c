/**
 * One e-application (docs/interfaces/e-application.md) checked field by field and normalised: dates to
 * YYYY-MM-DD (和暦 accepted), 申込日時 to ISO 8601 in JST, 検診 to codes, 受診形態 to group/individual, kana to
 * full-width katakana. Every problem is reported with the field's name and how to fix it. Pure.
 */
import { isValidYmd, parseDateInput } from '../../platform/calendar/index.ts';
import {
  hiraganaToKatakana,
  normalizeSpaces,
  toFullWidthKana,
  toHalfWidthAscii,
} from '../../platform/text/index.ts';
import type { ProgramCode } from '../programs/types.ts';
import type { Sex } from '../residents/index.ts';
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
const KATAKANA_ONLY = /^[\u30a0-\u30ff ]+$/;
const APPLIED_AT =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** 申込日時: ISO 8601 or 'YYYY/MM/DD HH:mm[:ss]' (time optional); an offset other than +09:00 is moved to JST. */
export function parseAppliedAt(text: string): string | null {
  const m = APPLIED_AT.exec(normalizeSpaces(toHalfWidthAscii(text)));
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, ...number[]];
  if (!isValidYmd(y, mo!, d!) || h! > 23 || mi! > 59 || s! > 59) return null;
  const offset = m[7] ?? '+09:00';
  const minutes =
    offset === 'Z'
      ? 0
      : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2)));
  const t = new Date(Date.UTC(y, mo! - 1, d!, h!, mi!, s!) + (9 * 60 - minutes) * 60_000);
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return `${date}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+09:00`;
}

/** 性別: 男/女/男性/女性/1/2/M/F; 9/不明/回答しない → '9'; '' → null; undefined when unreadable. */
function sexFromText(text: string): Sex | null | undefined {
  const t = toHalfWidthAscii(text).replace(/\s/g, '').toUpperCase();
  if (!t) return null;
  if (['男', '男性', '1', 'M', 'MALE'].includes(t)) return '1';
  if (['女', '女性', '2', 'F', 'FEMALE'].includes(t)) return '2';
  if (['9', '不明', '回答しない', 'その他'].includes(t)) return '9';
  return undefined;
}

/** 氏名カナ to full-width katakana with single spaces (ひらがな and 半角カナ accepted); null when other characters remain. */
function katakanaOf(text: string): string | null {
  const k = normalizeSpaces(hiraganaToKatakana(toFullWidthKana(text)));
  return KATAKANA_ONLY.test(k) ? k : null;
}

/** Checks and normalises one application; `row` is set only when there is no error. */
export function normaliseApplication(
  raw: RawApplication,
  line: number,
): { applicationNo: string; row: ApplicationRow | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: ApplicationField, message: string) => errors.push({ field, message });
  const text = (f: Exclude<ApplicationField, 'programs'>) => normalizeSpaces(raw[f] ?? '');
  const required = (f: Exclude<ApplicationField, 'programs'>, example: string) => {
    const v = text(f);
    if (!v) fail(f, `${applicationFields[f]}が空です。${example}`);
    return v;
  };

  const applicationNo = toHalfWidthAscii(required('applicationNo', '電子申請の申込番号を書いてください。'));
  const originalNo = toHalfWidthAscii(text('originalNo')) || null;
  if (originalNo && originalNo === applicationNo)
    fail(
      'originalNo',
      '元申込番号が申込番号と同じです。訂正前の申込の申込番号を書くか、空欄にしてください。',
    );

  const appliedText = required('appliedAt', '例: 2026-06-15T10:23:00 または 2026/06/15 10:23');
  const appliedAt = appliedText ? parseAppliedAt(appliedText) : null;
  if (appliedText && !appliedAt)
    fail(
      'appliedAt',
      `申込日時「${appliedText}」が読めません。2026-06-15T10:23:00 または 2026/06/15 10:23 の形で書いてください。`,
    );

  const atenaNo = toHalfWidthAscii(text('atenaNo')).replace(/\s/g, '') || null;
  if (atenaNo && !/^\d{1,15}$/.test(atenaNo))
    fail('atenaNo', `宛名番号「${atenaNo}」は15桁以内の数字で書いてください（分からなければ空欄）。`);

  const name = required('name', '申込者の氏名を書いてください。');
  const kanaText = required('nameKana', 'カタカナで書いてください（例: ケンコウ タロウ）。');
  const nameKana = kanaText ? katakanaOf(kanaText) : null;
  if (kanaText && !nameKana)
    fail(
      'nameKana',
      `氏名カナ「${kanaText}」にカナ以外の文字があります。カタカナかひらがなで書いてください。`,
    );

  const birthText = required('birthDate', '例: 1985-06-01、昭和60年6月1日、S60.6.1');
  const birth = birthText ? parseDateInput(birthText) : null;
  if (birth && !birth.ok) fail('birthDate', `生年月日: ${birth.message}。`);
  const birthDate = birth?.ok ? birth.date : null;
  if (birthDate && appliedAt && birthDate > appliedAt.slice(0, 10))
    fail('birthDate', `生年月日 ${birthDate} が申込日時より後です。生年月日を確かめてください。`);

  const sex = sexFromText(text('sex'));
  if (sex === undefined) fail('sex', `性別「${text('sex')}」が読めません（男・女、または 1・2）。`);

  const postalCode = toHalfWidthAscii(text('postalCode')).replace(/[〒\s-]/g, '');
  if (postalCode && !/^\d{7}$/.test(postalCode))
    fail('postalCode', `郵便番号「${text('postalCode')}」は7桁の数字で書いてください（例: 123-4567）。`);

  const address = required('address', '住所を書いてください（宛名との照合に使います）。');
  const phone = toHalfWidthAscii(text('phone'));
  if (phone && !/^[\d\-()+ ]+$/.test(phone))
    fail('phone', `電話番号「${phone}」には数字とハイフンだけを書いてください。`);
  const email = toHalfWidthAscii(text('email'));
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    fail('email', `メール「${email}」はメールアドレスの形（例: taro@example.jp）ではありません。`);

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

  if (errors.length || !appliedAt || !nameKana || !birthDate || !form || sex === undefined)
    return { applicationNo, row: null, errors };
  return {
    applicationNo,
    row: {
      line,
      applicationNo,
      originalNo,
      appliedAt,
      atenaNo,
      name,
      nameKana,
      birthDate,
      sex,
      postalCode,
      address,
      phone,
      email,
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
