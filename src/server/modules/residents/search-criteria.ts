import { parseDateInput } from '../../platform/calendar/index.ts';
import {
  addressSearchKey,
  kanaSearchKey,
  nameSearchKey,
  toHalfWidthAscii,
} from '../../platform/text/index.ts';
import type { SearchCriteria } from './repository.ts';
import { type ResidentStatus, residentStatuses, statusLabels } from './types.ts';

export type SearchInput = {
  /** One box for anything: 宛名番号, カナ or 漢字 name, or a birth date (西暦/和暦). */
  q?: string;
  atenaNo?: string;
  name?: string;
  birth?: string;
  address?: string;
  status?: string;
  householdNo?: string;
};

const kanaOnly = /^[\u3040-\u30FF\uFF66-\uFF9F\s　・ー－-]+$/u;

/** Turns what staff typed into search criteria, or a Japanese message saying what to fix. */
export function toCriteria(
  input: SearchInput,
): { criteria: SearchCriteria; summary: string } | { error: string } {
  const c: SearchCriteria = {};
  const summary: string[] = [];
  const name = (text: string) => {
    if (kanaOnly.test(text)) c.kanaKey = kanaSearchKey(text);
    else c.nameKey = nameSearchKey(text);
    summary.push(`氏名「${text}」`);
  };
  const q = input.q?.trim();
  if (q) {
    const digits = toHalfWidthAscii(q);
    const date = parseDateInput(q);
    if (/^\d{1,15}$/.test(digits) && !(digits.length === 8 && date.ok)) {
      c.atenaNo = digits;
      summary.push(`宛名番号 ${digits}`);
    } else if (date.ok) {
      c.birthDate = date.date;
      summary.push(`生年月日 ${date.date}`);
    } else name(q);
  }
  if (input.atenaNo?.trim()) {
    const a = toHalfWidthAscii(input.atenaNo.trim());
    if (!/^\d{1,15}$/.test(a)) return { error: '宛名番号は数字で入力してください。' };
    c.atenaNo = a;
    summary.push(`宛名番号 ${a}`);
  }
  if (input.name?.trim()) name(input.name.trim());
  if (input.birth?.trim()) {
    const d = parseDateInput(input.birth.trim());
    if (!d.ok) return { error: `生年月日: ${d.message}` };
    c.birthDate = d.date;
    summary.push(`生年月日 ${d.date}`);
  }
  if (input.address?.trim()) {
    c.addressKey = addressSearchKey(input.address.trim());
    summary.push(`住所「${input.address.trim()}」`);
  }
  if (input.householdNo?.trim()) {
    c.householdNo = toHalfWidthAscii(input.householdNo.trim());
    summary.push(`世帯番号 ${c.householdNo}`);
  }
  if (input.status?.trim()) {
    const list = input.status
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = list.filter((s) => !(residentStatuses as readonly string[]).includes(s));
    if (bad.length) return { error: `状態の指定が正しくありません: ${bad.join(', ')}` };
    c.statuses = list as ResidentStatus[];
    summary.push(`状態 ${c.statuses.map((s) => statusLabels[s]).join('・')}`);
  }
  if (!summary.length)
    return { error: '検索条件を入力してください（宛名番号・氏名・カナ・生年月日・住所のいずれか）。' };
  return { criteria: c, summary: summary.join(' / ') };
}
