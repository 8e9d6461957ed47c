/**
 * 和暦 (元号) formatting and date-input parsing — adult-health-statistics-bank-barcode.md §6.2.
 *
 * The era table is hand-written (no dependency on the ICU version; Intl is only used to cross-check in tests).
 * 大正 and 昭和 began on the accession day, so 1912-07-30 is both 明治45年7月30日 and 大正元年7月30日, and
 * 1926-12-25 both 大正15年 and 昭和元年: formatting uses the new era, parsing accepts both. 平成 began the day
 * after 昭和64年1月7日 and 令和 the day after 平成31年4月30日, with no overlap.
 *
 * 明治: Japan used the lunisolar calendar until 明治5年12月2日 (Gregorian 1873-01-01 = 明治6年1月1日). We start
 * 明治 on 1868-01-25 (the Gregorian date of 慶応4年1月1日, to which the 改元 was made retroactive) and treat every
 * date as proleptic Gregorian with 明治N年 = 1867 + N. Dates before 1873 therefore do not match the lunisolar
 * dates written in documents of that time (ICU/Intl starts 明治 on 1868-10-23); no resident is affected.
 */
import { compareDates, isValidYmd, type LocalDate, parseIsoDate, toIsoDate } from './date.ts';

export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';
export type EraCode = 'M' | 'T' | 'S' | 'H' | 'R';

/** 元号 table entry: first and last day (inclusive; null = current era). */
export interface Era {
  name: EraName;
  code: EraCode;
  /** One-kanji abbreviation used in data (明/大/昭/平/令). */
  kanji: string;
  start: LocalDate;
  end: LocalDate | null;
}

/** 元号一覧 — oldest first. */
export const JAPANESE_ERAS: readonly Era[] = [
  { name: '明治', code: 'M', kanji: '明', start: '1868-01-25', end: '1912-07-30' },
  { name: '大正', code: 'T', kanji: '大', start: '1912-07-30', end: '1926-12-25' },
  { name: '昭和', code: 'S', kanji: '昭', start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', code: 'H', kanji: '平', start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', code: 'R', kanji: '令', start: '2019-05-01', end: null },
];

function eraStartYear(era: Era): number {
  return Number(era.start.slice(0, 4));
}

/** 和暦年 — era and era year of `date` (2026-11-24 → {era: '令和', eraCode: 'R', year: 8}). */
export function warekiYear(date: LocalDate): { era: EraName; eraCode: EraCode; year: number } {
  const { y } = parseIsoDate(date);
  for (let i = JAPANESE_ERAS.length - 1; i >= 0; i--) {
    const era = JAPANESE_ERAS[i]!;
    if (compareDates(date, era.start) >= 0)
      return { era: era.name, eraCode: era.code, year: y - eraStartYear(era) + 1 };
  }
  throw new RangeError(`和暦に変換できません（明治より前の日付です）: ${date}`);
}

function yearText(year: number): string {
  return year === 1 ? '元' : String(year);
}

/**
 * 和暦表示 — 'long' (default): '令和8年11月24日', '令和元年5月1日'; 'short': 'R8.11.24'.
 * Throws RangeError before 明治.
 */
export function formatWareki(date: LocalDate, style: 'long' | 'short' = 'long'): string {
  const { m, d } = parseIsoDate(date);
  const w = warekiYear(date);
  return style === 'short' ? `${w.eraCode}${w.year}.${m}.${d}` : `${w.era}${yearText(w.year)}年${m}月${d}日`;
}

/** 和暦・西暦併記 — '令和8年11月24日 (2026年)'. */
export function formatWarekiWithSeireki(date: LocalDate): string {
  return `${formatWareki(date)} (${parseIsoDate(date).y}年)`;
}

export type ParseDateResult = { ok: true; date: LocalDate } | { ok: false; message: string };

const FORMAT_MESSAGE =
  '日付の形式が正しくありません。2026-04-01、2026/4/1、20260401、R8.4.1、令和8年4月1日 のように入力してください';

const ERA_BY_TOKEN = new Map<string, Era>();
for (const era of JAPANESE_ERAS) {
  ERA_BY_TOKEN.set(era.name, era);
  ERA_BY_TOKEN.set(era.code, era);
  ERA_BY_TOKEN.set(era.kanji, era);
}

const ERA_TOKEN = '(明治|大正|昭和|平成|令和|[MTSHR明大昭平令])';
const SEIREKI_SEP = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const SEIREKI_KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const SEIREKI_8 = /^(\d{4})(\d{2})(\d{2})$/;
const ERA_SEP = new RegExp(`^${ERA_TOKEN}(元|\\d{1,2})(?:年|[-/.])(\\d{1,2})(?:月|[-/.])(\\d{1,2})日?$`);
const ERA_6 = new RegExp(`^${ERA_TOKEN}(\\d{2})(\\d{2})(\\d{2})$`);

function seireki(y: number, m: number, d: number): ParseDateResult {
  if (!isValidYmd(y, m, d)) return { ok: false, message: `${y}年${m}月${d}日は存在しません` };
  return { ok: true, date: toIsoDate(y, m, d) };
}

function wareki(era: Era, yearToken: string, m: number, d: number): ParseDateResult {
  const year = yearToken === '元' ? 1 : Number(yearToken);
  if (year < 1) return { ok: false, message: `${era.name}の年は元年（1年）以上で入力してください` };
  const label = `${era.name}${yearText(year)}年${m}月${d}日`;
  const y = eraStartYear(era) + year - 1;
  if (!isValidYmd(y, m, d)) return { ok: false, message: `${label}は存在しません` };
  const date = toIsoDate(y, m, d);
  if (compareDates(date, era.start) < 0) {
    const s = parseIsoDate(era.start);
    return { ok: false, message: `${label}は存在しません（${era.name}は元年${s.m}月${s.d}日から）` };
  }
  if (era.end !== null && compareDates(date, era.end) > 0) {
    const e = parseIsoDate(era.end);
    const lastYear = e.y - eraStartYear(era) + 1;
    return { ok: false, message: `${label}は存在しません（${era.name}は${lastYear}年${e.m}月${e.d}日まで）` };
  }
  return { ok: true, date };
}

/**
 * 日付入力の解釈 — parses what staff type into a date field: '2026-04-01', '2026/4/1', '2026.4.1', '20260401',
 * '2026年4月1日', 'R8.4.1' / 'r8/4/1' / 'R080401', '令和8年4月1日', '令和元年5月1日', '令8.4.1', 'H31.4.30', full-width
 * digits and letters, spaces. Era letters M/T/S/H/R, one-kanji 明/大/昭/平/令, or full names. Dates that do not exist
 * (2026-02-30, H31.5.1, R1.4.30) are rejected with a Japanese message saying why.
 */
export function parseDateInput(text: string): ParseDateResult {
  // NFKC is safe for a date field (unlike names): it folds full-width digits/letters/punctuation and ㋿ → 令和.
  const s = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—―−ー]/g, '-')
    .toUpperCase();
  if (s === '') return { ok: false, message: '日付を入力してください' };
  let m = SEIREKI_SEP.exec(s) ?? SEIREKI_KANJI.exec(s) ?? SEIREKI_8.exec(s);
  if (m) return seireki(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ERA_SEP.exec(s) ?? ERA_6.exec(s);
  if (m) return wareki(ERA_BY_TOKEN.get(m[1]!)!, m[2]!, Number(m[3]), Number(m[4]));
  return { ok: false, message: FORMAT_MESSAGE };
}
