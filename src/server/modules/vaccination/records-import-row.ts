/**
 * 接種結果の取込 (F11a-01 パンチデータ・医療機関の CSV) — the columns a clinic's file can map to (取込設定) and the
 * pure reading of one row: 宛名番号, 接種日 (西暦・8桁・和暦), ワクチン (code of the master or the name as clinics
 * write it: 「麻しん風しん1期」「MR1期」「5種混合」…), 回 (label or number; empty = the engine's next dose),
 * 製品名, ロット番号, 実施医療機関, 医師名, 予診票番号 and 生年月日 (cross-check). The person, the 医療機関 and the
 * engine's check (rules-check.ts) are done in records-import.ts. Items to keep: maternal-child-vaccination-pmh.md
 * §1.8 (施行規則 第3条).
 */
import { parseDateInput } from '../../platform/calendar/index.ts';
import type { FieldError, ImportField, RowCheck } from '../../platform/imports/types.ts';
import type { VaccineCode, VaccineDefinition } from './master-types.ts';
import { vaccineMaster } from './vaccine-master.ts';

/** One row as read from the file (JSON-safe: kept between the dry run and the commit). */
export type RecordImportRow = {
  atenaNo: string;
  /** a code of the national master, or (with `unresolved`) the text as written: resolved in the target */
  vaccine: string;
  /** the vaccine is not national: a 市町村独自の予防接種 (code or name) looked up in the chunk check, or unknown */
  unresolved?: true;
  vaccinatedOn: string;
  /** the 回 as a label of the vaccine ('初回2回目'), or null: the engine's dose (or one of `doseChoices`) */
  dose: string | null;
  /** a number in the 回 column that names different doses by series (1 → 初回1回目 or 1回): the engine chooses */
  doseChoices: string[];
  /** the 回 as written (for messages) */
  doseText: string;
  /** a product code of the master when the name is one of its products, else as written */
  product: string;
  lot: string;
  /** 医療機関コード or name as written ('' = none) */
  institution: string;
  doctor: string;
  formNo: string;
  birthDate: string | null;
  /** the fields the 取込設定 maps: a field without a column keeps the stored value on an update */
  mapped: string[];
};

export const recordImportFields: ImportField[] = [
  { key: 'atenaNo', label: '宛名番号', required: true, aliases: ['住民番号', '宛名コード', '宛名No'] },
  {
    key: 'vaccinatedOn',
    label: '接種日',
    required: true,
    aliases: ['接種年月日', '実施日', '実施年月日', '接種日付'],
    hint: 'YYYY-MM-DD・YYYYMMDD または和暦（R7.4.1）',
  },
  {
    key: 'vaccine',
    label: 'ワクチン',
    required: true,
    aliases: [
      'ワクチン名',
      'ワクチンコード',
      '予防接種の種類',
      '予防接種名',
      '接種種類',
      '接種の種類',
      '種類',
    ],
    hint: 'MR1 などのコード、または「麻しん風しん 第1期」などの名称',
  },
  {
    key: 'dose',
    label: '回',
    aliases: ['接種回', '接種回数', '回数', '期・回'],
    hint: '初回1回目・追加・1回目・2 など（空欄は記録から数えた次の回）',
  },
  { key: 'product', label: '製品名', aliases: ['ワクチン製品名', '製品', '商品名', 'ワクチン名（製品）'] },
  { key: 'lot', label: 'ロット番号', aliases: ['ロット', 'Lot', 'LotNo', 'ロットNo', '製造番号'] },
  {
    key: 'institution',
    label: '実施医療機関',
    aliases: ['医療機関', '医療機関名', '医療機関コード', '接種医療機関', '実施機関', '接種場所'],
    hint: '医療機関コード または名称',
  },
  { key: 'doctor', label: '医師名', aliases: ['接種医', '接種医師', '接種医師名', '医師', '医師氏名'] },
  { key: 'formNo', label: '予診票番号', aliases: ['予診票No', '予診票NO', '予診票'] },
  {
    key: 'birthDate',
    label: '生年月日',
    aliases: ['生年月日（確認用）'],
    hint: '宛名の生年月日との照合用（任意）',
  },
];

/** The header of the standard clinic file (docs/interfaces/vaccination-records.md): the default 取込設定. */
export const standardRecordHeader = [
  '宛名番号',
  '氏名',
  '生年月日',
  '接種日',
  'ワクチン',
  '回',
  '製品名',
  'ロット番号',
  '実施医療機関',
  '医師名',
  '予診票番号',
];

/**
 * How clinics write the vaccines besides the master's code and name (NFKC, spaces, 第・期 and 「ワクチン」 ignored;
 * 麻疹 = 麻しん, Ⅰ/一 = 1).
 */
const vaccineAliases: Partial<Record<VaccineCode, string[]>> = {
  DPT_IPV_HIB: ['5種混合', '5混', 'DPT-IPV-Hib', 'ゴービック', 'クイントバック'],
  DPT_IPV: ['4種混合', '4混', 'DPT-IPV', 'テトラビック', 'クアトロバック'],
  HIB: ['ヒブ', 'Hib', 'ヒブ単独', 'インフルエンザ菌b型', 'アクトヒブ'],
  PCV: ['小児肺炎球菌', '肺炎球菌（小児）', '小児用肺炎球菌', 'プレベナー', 'バクニュバンス'],
  HEPB: ['B型肝炎', 'HBV', 'HepB', 'HB', 'ヘプタバックス', 'ビームゲン'],
  ROTA1: ['ロタ1価', 'ロタウイルス1価', 'ロタリックス'],
  ROTA5: ['ロタ5価', 'ロタウイルス5価', 'ロタテック'],
  BCG: ['結核'],
  MR1: ['麻しん風しん1期', 'MR1期', '麻しん風しん混合1期', 'MR混合1期'],
  MR2: ['麻しん風しん2期', 'MR2期', '麻しん風しん混合2期', 'MR混合2期'],
  VAR: ['水痘', '水ぼうそう', 'みずぼうそう'],
  JE1: ['日本脳炎1期', '日脳1期'],
  JE2: ['日本脳炎2期', '日脳2期'],
  DT2: ['2種混合', '2種混合2期', 'DT', 'DT2期'],
  HPV: ['HPV', 'ヒトパピローマウイルス', '子宮頸がん予防', 'シルガード', 'ガーダシル', 'サーバリックス'],
  FLU_ELD: ['高齢者インフルエンザ', 'インフルエンザ（高齢者）', 'インフルエンザ'],
  PNEU_ELD: ['高齢者肺炎球菌', '肺炎球菌（高齢者）', '成人用肺炎球菌', 'ニューモバックス'],
  COVID: ['新型コロナ', '新型コロナウイルス', 'コロナ', 'COVID-19'],
  HZ: ['帯状疱疹', 'シングリックス'],
  RSV_PREG: ['RSウイルス', 'RSウイルス母子免疫', 'アブリスボ'],
};
/** Names that fit more than one vaccine: the row must say which (第1期 / 第2期). */
const ambiguousNames: Record<string, VaccineCode[]> = {
  麻しん風しん: ['MR1', 'MR2'],
  麻しん風しん混合: ['MR1', 'MR2'],
  MR: ['MR1', 'MR2'],
  日本脳炎: ['JE1', 'JE2'],
  日脳: ['JE1', 'JE2'],
};

/** A vaccine name as compared: NFKC, upper case, no spaces or punctuation, 第・期・ワクチン dropped. */
export function vaccineKey(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s・･\-‐‑–—―_/()（）[\]［］「」.。、,]/g, '')
    .replace(/麻疹/g, '麻しん')
    .replace(/はしか/g, '麻しん')
    .replace(/風疹/g, '風しん')
    .replace(/III期/g, '3期')
    .replace(/II期/g, '2期')
    .replace(/I期/g, '1期')
    .replace(/([一二三四五])(種|期|価)/g, (_, k: string, s: string) => `${'一二三四五'.indexOf(k) + 1}${s}`)
    .replace(/ワクチン|予防接種|定期接種/g, '')
    .replace(/[第期]/g, '');
}

/** Every way of writing each vaccine of the master (its code, its name, its name before brackets, aliases). */
function vaccineNames(vaccines: VaccineDefinition[]): Map<string, VaccineCode> {
  const names = new Map<string, VaccineCode>();
  for (const v of vaccines)
    for (const n of [v.code, v.name, v.name.replace(/（.*$/, ''), ...(vaccineAliases[v.code] ?? [])]) {
      const k = vaccineKey(n);
      if (k && !names.has(k)) names.set(k, v.code);
    }
  return names;
}
const nationalNames = vaccineNames(vaccineMaster.vaccines);

export type VaccineLookup = { ok: true; code: VaccineCode } | { ok: false; candidates: VaccineCode[] };

/**
 * The vaccine a cell names among the national master's (by default). 市町村独自の予防接種 are not here: the target
 * keeps the text (parseRecordRow keepUnknown) and resolves it in the chunk check (records-import-municipal.ts).
 */
export function vaccineOf(text: string, names: Map<string, VaccineCode> = nationalNames): VaccineLookup {
  const k = vaccineKey(text);
  const code = names.get(k);
  if (code) return { ok: true, code };
  return { ok: false, candidates: ambiguousNames[k] ?? [] };
}

/** The error of a vaccine neither the master nor the 市町村独自の予防接種 know. */
export const unknownVaccine = (text: string) =>
  `ワクチン「${text}」はわかりません。MR1・DPT_IPV_HIB などのコードか、「麻しん風しん 第1期」「5種混合」などの名称で入れてください。`;

const vaccineNameOf = (code: string) => vaccineMaster.vaccines.find((v) => v.code === code)?.name ?? code;

/** The product code of the master for a product name as written (code, name, or the brand in brackets). */
export function productOf(vaccine: VaccineCode, text: string): string {
  const v = vaccineMaster.vaccines.find((x) => x.code === vaccine);
  const k = vaccineKey(text);
  if (!v || !k) return text;
  for (const p of v.versions.flatMap((ver) => ver.products ?? [])) {
    const brand = /（(.+)）/.exec(p.name)?.[1];
    if ([p.code, p.name, brand].some((n) => n && vaccineKey(n) === k)) return p.code;
  }
  return text;
}

/** The dose labels of a vaccine at position n (1-based) of each of its series, in master order. */
function labelsAt(v: VaccineDefinition, n: number): string[] {
  return [...new Set(v.versions.flatMap((ver) => ver.series.flatMap((s) => s.doses[n - 1]?.label ?? [])))];
}
const allLabels = (v: VaccineDefinition) => [
  ...new Set(v.versions.flatMap((ver) => ver.series.flatMap((s) => s.doses.map((d) => d.label)))),
];

/**
 * Reads the 回 column: a label of the vaccine (「初回2回目」「追加」「1回」), 「初回2」, or a number (「2」「2回目」
 * 「第2回」) — by its position in the series; several labels when the series differ (the engine chooses).
 */
export function doseOf(vaccine: VaccineCode, text: string): string[] | null {
  const v = vaccineMaster.vaccines.find((x) => x.code === vaccine);
  if (!v) return null;
  const t = text.normalize('NFKC').replace(/[\s第]/g, '');
  const labels = allLabels(v);
  const exact = labels.find((l) => l === t);
  if (exact) return [exact];
  if (/^追加/.test(t) && labels.includes('追加')) return ['追加'];
  const initial = /^初回(\d)(回目?)?$/.exec(t);
  if (initial) {
    const l = `初回${initial[1]}回目`;
    return labels.includes(l) ? [l] : null;
  }
  const n = /^(\d{1,2})(回目?)?$/.exec(t);
  if (n) {
    const at = labelsAt(v, Number(n[1]));
    return at.length ? at : null;
  }
  return null;
}

/** Pure: the row's own shape; the person, the 医療機関 and the engine's check are in records-import.ts. */
export function parseRecordRow(
  row: Record<string, string>,
  opts: { keepUnknown?: boolean } = {},
): RowCheck<RecordImportRow> {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  const text = (k: string) => row[k]?.trim() ?? '';

  const atenaNo = text('atenaNo').normalize('NFKC');
  if (!/^\d{1,15}$/.test(atenaNo)) err('atenaNo', `宛名番号「${atenaNo}」は数字15桁以内で入れてください。`);
  const date = parseDateInput(text('vaccinatedOn'));
  if (!date.ok) err('vaccinatedOn', `『${text('vaccinatedOn')}』を接種日として読めません。${date.message}。`);

  const found = vaccineOf(text('vaccine'));
  // not national: kept as written for the target's lookup of 市町村独自の予防接種 (the database is not read here)
  const kept = !found.ok && !found.candidates.length && opts.keepUnknown && text('vaccine') !== '';
  if (!found.ok && !kept)
    err(
      'vaccine',
      found.candidates.length
        ? `ワクチン「${text('vaccine')}」では${found.candidates.map(vaccineNameOf).join('か')}かがわかりません。期まで入れてください（例: ${vaccineNameOf(found.candidates[0]!)}、${found.candidates[0]}）。`
        : unknownVaccine(text('vaccine')),
    );
  const code = found.ok ? found.code : null;

  const doseText = text('dose');
  const doses = code && doseText ? doseOf(code, doseText) : [];
  if (code && doseText && !doses)
    err(
      'dose',
      `${vaccineNameOf(code)}に「${doseText}」という回はありません。${allLabels(vaccineMaster.vaccines.find((v) => v.code === code)!).join('・')} のどれか（または空欄）にしてください。`,
    );

  let birthDate: string | null = null;
  if (text('birthDate')) {
    const b = parseDateInput(text('birthDate'));
    if (!b.ok) err('birthDate', `『${text('birthDate')}』を生年月日として読めません。${b.message}。`);
    else birthDate = b.date;
  }

  if (errors.length || !(code || kept) || !date.ok || !doses) return { ok: false, errors };
  return {
    ok: true,
    value: {
      atenaNo,
      vaccine: code ?? text('vaccine').normalize('NFKC'),
      ...(code ? {} : { unresolved: true as const }),
      vaccinatedOn: date.date,
      dose: doses.length === 1 ? doses[0]! : null,
      doseChoices: doses.length > 1 ? doses : [],
      doseText,
      product: text('product') && code ? productOf(code, text('product')) : text('product'),
      lot: text('lot').normalize('NFKC'),
      institution: text('institution').normalize('NFKC'),
      doctor: text('doctor'),
      formNo: text('formNo').normalize('NFKC'),
      birthDate,
      mapped: Object.keys(row),
    },
  };
}
