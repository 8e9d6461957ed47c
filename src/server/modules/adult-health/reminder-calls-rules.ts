/**
 * 架電結果 rules (F03-04 / F04-02 — "the reminder may be made by phone instead of by letter", flows.md): the fixed
 * list of call outcomes, the 架電日時 staff type (blank = now; 14:30 = today at that time; R8.11.24 14:30), and the
 * short form shown in the lists (「11/24 不在」). Pure: the screens use the same functions.
 */
import { parseDateInput } from '../../platform/calendar/wareki.ts';

/** 架電結果, in the order of the number keys (1 = 受診予定 …). */
export const callOutcomes = [
  { code: 'will_attend', label: '受診予定', short: '受診予定' },
  { code: 'attended', label: '受診済み（結果未着）', short: '受診済み' },
  { code: 'declined', label: '受診しない', short: '受診しない' },
  { code: 'no_answer', label: '不在・留守電', short: '不在' },
  { code: 'wrong_number', label: '番号誤り・不通', short: '不通' },
  { code: 'other', label: 'その他', short: 'その他' },
] as const;
export type CallOutcome = (typeof callOutcomes)[number]['code'];

/**
 * 勧奨の種類: screening = 検診の未受診者勧奨 (F03-04), detailed = 精検未受診者勧奨 (F04-02), infant = 乳幼児健診の
 * 未受診者勧奨 (F07-07, program = the checkup code).
 */
export const callPurposes = {
  screening: '未受診者勧奨',
  detailed: '精検未受診者勧奨',
  infant: '乳幼児健診の未受診者勧奨',
} as const;
export type CallPurpose = keyof typeof callPurposes;

export const outcomeLabel = (code: string): string =>
  callOutcomes.find((o) => o.code === code)?.label ?? code;

const jstOffset = 9 * 3_600_000;

/** The Japan date and time of an instant: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function jstParts(at: Date | string): { date: string; time: string } {
  const iso = new Date(new Date(at).getTime() + jstOffset).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** A call as the lists show it: 「11/24 不在」. */
export function callSummary(c: { calledAt: Date | string; outcome: string }): string {
  const { date } = jstParts(c.calledAt);
  const short = callOutcomes.find((o) => o.code === c.outcome)?.short ?? c.outcome;
  return `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))} ${short}`;
}

/** 'HH:MM', 'H:MM' or 'HHMM' → minutes after midnight, or null. */
function parseTime(s: string): number | null {
  const m = /^(\d{1,2}):?(\d{2})$/.exec(s.normalize('NFKC').replace('：', ':'));
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

export type ParsedCalledAt = { ok: true; at: Date | null } | { ok: false; message: string };

/**
 * 架電日時 as typed: '' = now (null: the database's now()), '14:30' = today at 14:30 (Japan), a date and a time
 * ('R8.11.24 14:30', '2026-11-24 9:05'). A date without a time is refused (the time tells staff when to call
 * again), and so is a time later than now.
 */
export function parseCalledAt(text: string, now: Date): ParsedCalledAt {
  const t = text.normalize('NFKC').trim();
  if (t === '') return { ok: true, at: null };
  const parts = t.split(/\s+/);
  const timeText = parts.pop()!;
  const minutes = parseTime(timeText);
  if (minutes === null)
    return {
      ok: false,
      message: parts.length
        ? `時刻「${timeText}」が読めません。14:30 のように入力してください。`
        : '架電日時は時刻まで入力してください（例: 14:30、R8.11.24 14:30）。空欄なら今の日時です。',
    };
  let date = jstParts(now).date;
  if (parts.length) {
    const d = parseDateInput(parts.join(''));
    if (!d.ok) return { ok: false, message: `架電日: ${d.message}` };
    date = d.date;
  }
  const at = new Date(Date.parse(`${date}T00:00:00Z`) - jstOffset + minutes * 60_000);
  if (at.getTime() > now.getTime() + 60_000)
    return { ok: false, message: '架電日時が今より後です。電話をかけた日時を入力してください。' };
  return { ok: true, at };
}

export type CallInput = { outcome: string; note: string; calledAt: string };
export type CheckedCall = { outcome: CallOutcome; note: string; calledAt: Date | null };
export type CallError = { field: 'outcome' | 'note' | 'calledAt'; message: string };

/** Checks a 架電結果 as entered: an outcome of the list, a memo for 「その他」, a readable 架電日時. */
export function checkCall(
  v: CallInput,
  now: Date,
): { ok: true; value: CheckedCall } | { ok: false; errors: CallError[] } {
  const errors: CallError[] = [];
  const outcome = callOutcomes.find((o) => o.code === v.outcome)?.code;
  if (!outcome)
    errors.push({
      field: 'outcome',
      message: `架電結果を選んでください（${callOutcomes.map((o, i) => `${i + 1} ${o.label}`).join('、')}）。`,
    });
  const note = v.note.trim();
  if (outcome === 'other' && !note)
    errors.push({ field: 'note', message: '「その他」のときは、メモに内容を入力してください。' });
  if (note.length > 500)
    errors.push({ field: 'note', message: `メモは500文字までです（いま${note.length}文字）。` });
  const at = parseCalledAt(v.calledAt, now);
  if (!at.ok) errors.push({ field: 'calledAt', message: at.message });
  if (errors.length || !outcome || !at.ok) return { ok: false, errors };
  return { ok: true, value: { outcome, note, calledAt: at.at } };
}
