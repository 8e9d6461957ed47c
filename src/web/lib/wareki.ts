/**
 * 和暦 (元号) display and a simple client-side date-input parser for the screens.
 * The server (platform/calendar) is the authority; this only gives immediate feedback.
 */

type Era = { name: string; code: string; kanji: string; start: string; end: string | null };

/** 元号一覧 — oldest first. 大正・昭和 began on the accession day (display uses the new era). */
export const eras: readonly Era[] = [
  { name: '明治', code: 'M', kanji: '明', start: '1868-01-25', end: '1912-07-30' },
  { name: '大正', code: 'T', kanji: '大', start: '1912-07-30', end: '1926-12-25' },
  { name: '昭和', code: 'S', kanji: '昭', start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', code: 'H', kanji: '平', start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', code: 'R', kanji: '令', start: '2019-05-01', end: null },
];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function split(date: string): { y: number; m: number; d: number } | null {
  const m = ISO.exec(date);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** '1985-01-01' → '昭和60年1月1日'; '2019-05-01' → '令和元年5月1日'. Returns the input when it cannot. */
export function formatWareki(date: string | null | undefined): string {
  if (!date) return '';
  const p = split(date);
  if (!p) return date;
  for (let i = eras.length - 1; i >= 0; i--) {
    const era = eras[i]!;
    if (date >= era.start) {
      const year = p.y - Number(era.start.slice(0, 4)) + 1;
      return `${era.name}${year === 1 ? '元' : year}年${p.m}月${p.d}日`;
    }
  }
  return date;
}

/** '1985-01-01' → '昭和60年1月1日 (1985)'. */
export function formatWarekiWithYear(date: string | null | undefined): string {
  if (!date) return '';
  const p = split(date);
  return p ? `${formatWareki(date)} (${p.y})` : date;
}

/** '1985-01-01' → '昭和60年1月1日 (1985年)' — the form shown after typing a date. */
export function formatWarekiWithSeireki(date: string): string {
  const p = split(date);
  return p ? `${formatWareki(date)} (${p.y}年)` : date;
}

/** 満年齢 on `on` (default today, local time). */
export function ageOn(birth: string, on: string = todayIso()): number | null {
  const b = split(birth);
  const t = split(on);
  if (!b || !t) return null;
  let age = t.y - b.y;
  if (t.m < b.m || (t.m === b.m && t.d < b.d)) age--;
  return age;
}

export function todayIso(): string {
  const n = new Date();
  return iso(n.getFullYear(), n.getMonth() + 1, n.getDate());
}

export type ParsedDate = { ok: true; date: string } | { ok: false; message: string };

const ERA_TOKEN = '(明治|大正|昭和|平成|令和|[MTSHR明大昭平令])';
const ERA_SEP = new RegExp(`^${ERA_TOKEN}(元|\\d{1,2})(?:年|[-/.])(\\d{1,2})(?:月|[-/.])(\\d{1,2})日?$`);
const ERA_6 = new RegExp(`^${ERA_TOKEN}(\\d{2})(\\d{2})(\\d{2})$`);
const SEIREKI = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** Parses 2026-04-01, 2026/4/1, 20260401, R8.4.1, 令和8年4月1日, 令和元年5月1日, S600101 … */
export function parseDateInput(text: string): ParsedDate {
  const s = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—―−ー]/g, '-')
    .toUpperCase();
  if (s === '') return { ok: false, message: '日付を入力してください' };
  for (const re of SEIREKI) {
    const m = re.exec(s);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return validYmd(y, mo, d)
        ? { ok: true, date: iso(y, mo, d) }
        : { ok: false, message: `${y}年${mo}月${d}日は存在しません` };
    }
  }
  const m = ERA_SEP.exec(s) ?? ERA_6.exec(s);
  if (!m)
    return { ok: false, message: '日付の形式が正しくありません（例: R8.4.1、令和8年4月1日、2026-04-01）' };
  const era = eras.find((e) => e.name === m[1] || e.code === m[1] || e.kanji === m[1])!;
  const year = m[2] === '元' ? 1 : Number(m[2]);
  const [mo, d] = [Number(m[3]), Number(m[4])];
  const label = `${era.name}${year === 1 ? '元' : year}年${mo}月${d}日`;
  const y = Number(era.start.slice(0, 4)) + year - 1;
  if (year < 1 || !validYmd(y, mo, d)) return { ok: false, message: `${label}は存在しません` };
  const date = iso(y, mo, d);
  if (date < era.start || (era.end !== null && date > era.end)) {
    return { ok: false, message: `${label}は存在しません（${era.name}の期間外です）` };
  }
  return { ok: true, date };
}
