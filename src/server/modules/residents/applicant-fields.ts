/**
 * Who sent an e-application (電子申請の申込・届出: F02-04 検診の申込, F06-02 妊娠届): the identity fields every
 * service exports — the service's number and time, 宛名番号, 氏名, カナ, 生年月日, 郵便番号, 住所, 電話, メール —
 * checked and normalised the same way for every kind: dates to YYYY-MM-DD (和暦 accepted), the time to ISO 8601
 * in JST, kana to full-width katakana. Each problem is reported with the field and how to fix it. Pure.
 */
import { isValidYmd, parseDateInput } from '../../platform/calendar/index.ts';
import {
  hiraganaToKatakana,
  normalizeSpaces,
  toFullWidthKana,
  toHalfWidthAscii,
} from '../../platform/text/index.ts';

export type ApplicantIdentity = {
  applicationNo: string;
  /** '2026-06-15T10:23:00+09:00' (JST). */
  appliedAt: string;
  atenaNo: string | null;
  name: string;
  /** Full-width katakana, single spaces. */
  nameKana: string;
  birthDate: string;
  /** 7 digits or ''. */
  postalCode: string;
  address: string;
  phone: string;
  email: string;
};
export type IdentityField = keyof ApplicantIdentity;

/** What the kind calls its number and time (申込番号・申込日時, 申請番号・申請日時 …) and its applicant. */
export type IdentityWords = { applicationNo: string; appliedAt: string; applicant: string };

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

/** 氏名カナ to full-width katakana with single spaces (ひらがな and 半角カナ accepted); null when other characters remain. */
export function katakanaOf(text: string): string | null {
  const k = normalizeSpaces(hiraganaToKatakana(toFullWidthKana(text)));
  return KATAKANA_ONLY.test(k) ? k : null;
}

/**
 * Reads the identity fields: `text(field)` gives the raw text (spaces normalised), `fail` records a problem,
 * `label(field)` names a field as the format does. Returns the identity, or null when a field is wrong (the
 * problems are then in `fail`), plus the number (for the error list even when other fields are wrong).
 */
export function readApplicantIdentity(
  text: (f: IdentityField) => string,
  fail: (f: IdentityField, message: string) => void,
  label: (f: IdentityField) => string,
  words: IdentityWords,
): { applicationNo: string; identity: ApplicantIdentity | null } {
  let bad = false;
  const problem = (f: IdentityField, message: string) => {
    bad = true;
    fail(f, message);
  };
  const required = (f: IdentityField, example: string) => {
    const v = text(f);
    if (!v) problem(f, `${label(f)}が空です。${example}`);
    return v;
  };

  const applicationNo = toHalfWidthAscii(
    required('applicationNo', `電子申請の${words.applicationNo}を書いてください。`),
  );
  const appliedText = required('appliedAt', '例: 2026-06-15T10:23:00 または 2026/06/15 10:23');
  const appliedAt = appliedText ? parseAppliedAt(appliedText) : null;
  if (appliedText && !appliedAt)
    problem(
      'appliedAt',
      `${words.appliedAt}「${appliedText}」が読めません。2026-06-15T10:23:00 または 2026/06/15 10:23 の形で書いてください。`,
    );

  const atenaNo = toHalfWidthAscii(text('atenaNo')).replace(/\s/g, '') || null;
  if (atenaNo && !/^\d{1,15}$/.test(atenaNo))
    problem('atenaNo', `宛名番号「${atenaNo}」は15桁以内の数字で書いてください（分からなければ空欄）。`);

  const name = required('name', `${words.applicant}の氏名を書いてください。`);
  const kanaText = required('nameKana', 'カタカナで書いてください（例: ケンコウ ハナコ）。');
  const nameKana = kanaText ? katakanaOf(kanaText) : null;
  if (kanaText && !nameKana)
    problem(
      'nameKana',
      `${label('nameKana')}「${kanaText}」にカナ以外の文字があります。カタカナかひらがなで書いてください。`,
    );

  const birthText = required('birthDate', '例: 1985-06-01、昭和60年6月1日、S60.6.1');
  const birth = birthText ? parseDateInput(birthText) : null;
  if (birth && !birth.ok) problem('birthDate', `生年月日: ${birth.message}。`);
  const birthDate = birth?.ok ? birth.date : null;
  if (birthDate && appliedAt && birthDate > appliedAt.slice(0, 10))
    problem(
      'birthDate',
      `生年月日 ${birthDate} が${words.appliedAt}より後です。生年月日を確かめてください。`,
    );

  const postalCode = toHalfWidthAscii(text('postalCode')).replace(/[〒\s-]/g, '');
  if (postalCode && !/^\d{7}$/.test(postalCode))
    problem('postalCode', `郵便番号「${text('postalCode')}」は7桁の数字で書いてください（例: 123-4567）。`);

  const address = required('address', '住所を書いてください（宛名との照合に使います）。');
  const phone = toHalfWidthAscii(text('phone'));
  if (phone && !/^[\d\-()+ ]+$/.test(phone))
    problem('phone', `電話番号「${phone}」には数字とハイフンだけを書いてください。`);
  const email = toHalfWidthAscii(text('email'));
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    problem('email', `メール「${email}」はメールアドレスの形（例: taro@example.jp）ではありません。`);

  if (bad || !appliedAt || !nameKana || !birthDate) return { applicationNo, identity: null };
  return {
    applicationNo,
    identity: {
      applicationNo,
      appliedAt,
      atenaNo,
      name,
      nameKana,
      birthDate,
      postalCode,
      address,
      phone,
      email,
    },
  };
}
