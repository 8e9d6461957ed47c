/**
 * 受診希望の回答ファイル (docs/interfaces/screening-preferences.md): CSV (UTF-8 or Shift_JIS) or XML read into
 * rows, and the words on forms (検診名, 希望形態, 受付方法) read into codes. Pure: the service validates and saves.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { badRequest } from '../../platform/errors/app-error.ts';
import { detectEncoding } from '../../platform/text/index.ts';
import { type ProgramCode, programCodes, programLabels } from '../programs/types.ts';

export const preferenceChannels = {
  paper: '紙（返送された調査票）',
  phone: '電話',
  counter: '窓口',
  csv: 'CSV取込',
  xml: 'XML取込',
} as const;
export type PreferenceChannel = keyof typeof preferenceChannels;

/** 希望検診 written as a code (stomach), a name (胃がん検診) or a short name (胃がん, 胃). */
export function programFromText(text: string): ProgramCode | null {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return null;
  if ((programCodes as readonly string[]).includes(t)) return t as ProgramCode;
  for (const c of programCodes) {
    const label = programLabels[c];
    const short = label.replace(/検診$/, '');
    if (t === label || t === short || t === short.replace(/がん$/, '') || t === `${short}検査`) return c;
  }
  return null;
}

/** 希望形態 written as a word (集団, 個別検診) or a code (group, individual); null when unreadable. */
export function formFromText(text: string): 'group' | 'individual' | null {
  const t = text.trim().replace(/\s/g, '');
  if (['集団', '集団検診', 'group'].includes(t)) return 'group';
  if (['個別', '個別検診', 'individual'].includes(t)) return 'individual';
  return null;
}

export type ImportRow = {
  line: number;
  atenaNo: string;
  programs: string;
  form: string;
  sessionDate: string;
  venue: string;
  channel: string;
  answeredOn: string;
  note: string;
};

export type ImportError = { line: number; atenaNo: string; message: string };

const csvHeaders: Record<string, keyof ImportRow> = {
  宛名番号: 'atenaNo',
  希望検診: 'programs',
  希望形態: 'form',
  集団検診日: 'sessionDate',
  会場: 'venue',
  受付方法: 'channel',
  回答日: 'answeredOn',
  備考: 'note',
};

/** Reads the CSV (UTF-8 or Shift_JIS, header row in Japanese) or XML answer file into rows. */
export function readAnswerFile(buf: Buffer, kind: 'csv' | 'xml'): ImportRow[] {
  const text = iconv
    .decode(buf, detectEncoding(buf.subarray(0, 64 * 1024)) === 'utf8' ? 'utf8' : 'cp932')
    .replace(/^\ufeff/, '');
  if (kind === 'xml') {
    const doc = new XMLParser({
      isArray: (name) => name === '受診希望' || name === '希望検診',
      parseTagValue: false,
    }).parse(text);
    const items = (doc?.受診希望一覧?.受診希望 ?? []) as Record<string, unknown>[];
    if (!doc?.受診希望一覧)
      throw badRequest(
        'XMLの形式が違います。ルート要素は <受診希望一覧> です（docs/interfaces/screening-preferences.md）。',
      );
    return items.map((it, i) => ({
      line: i + 1,
      atenaNo: String(it.宛名番号 ?? '').trim(),
      programs: ((it.希望検診 as unknown[]) ?? []).map(String).join('・'),
      form: String(it.希望形態 ?? ''),
      sessionDate: String(it.集団検診日 ?? ''),
      venue: String(it.会場 ?? ''),
      channel: String(it.受付方法 ?? ''),
      answeredOn: String(it.回答日 ?? ''),
      note: String(it.備考 ?? ''),
    }));
  }
  const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  const header = records[0]?.map((h) => h.trim()) ?? [];
  if (!header.includes('宛名番号') || !header.includes('希望検診'))
    throw badRequest(
      '1行目に見出し（宛名番号, 希望検診, …）が必要です（docs/interfaces/screening-preferences.md）。',
    );
  return records.slice(1).map((rec, i) => {
    const row: ImportRow = {
      line: i + 2,
      atenaNo: '',
      programs: '',
      form: '',
      sessionDate: '',
      venue: '',
      channel: '',
      answeredOn: '',
      note: '',
    };
    header.forEach((h, j) => {
      const key = csvHeaders[h];
      if (key && key !== 'line') row[key] = (rec[j] ?? '').trim();
    });
    return row;
  });
}

export const channelFromText = (t: string, fallback: PreferenceChannel): PreferenceChannel | null => {
  if (!t) return fallback;
  const map: Record<string, PreferenceChannel> = {
    紙: 'paper',
    郵送: 'paper',
    電話: 'phone',
    窓口: 'counter',
    電子: fallback,
    電子申請: fallback,
  };
  return map[t] ?? ((t in preferenceChannels ? t : null) as PreferenceChannel | null);
};
