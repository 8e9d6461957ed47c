/**
 * 市町村独自の結果項目の検査 (pure): what an administrator types for an extra item → the values stored, or the
 * errors per field in Japanese. The key is how values are stored in a result (`items.<key>`), so it must not be
 * a national item's key of the program (results-items.ts) nor a field of the result itself, and is fixed once
 * the item exists (as is the type). The types are those results-rules.ts checks.
 */
import type { ProgramCode } from '../programs/types.ts';
import { type ResultItem, type ResultItemType, resultDefinitions } from './results-items.ts';

export const extraTypes: { type: ResultItemType; label: string }[] = [
  { type: 'number', label: '数値' },
  { type: 'text', label: '文字' },
  { type: 'select', label: '選択' },
  { type: 'boolean', label: '有無' },
  { type: 'date', label: '日付' },
];

/** Names of the result's own fields and of the import's columns: an item key equal to one would be ambiguous. */
const reserved = [
  'id',
  'version',
  'program',
  'screenedOn',
  'mode',
  'institutionId',
  'institutionCode',
  'method',
  'result',
  'note',
  'bookingId',
  'ticketNo',
  'atenaNo',
].map((k) => k.toLowerCase());

export const maxLabel = 30;
export const maxOptions = 30;
export const maxOptionLength = 30;
export const maxUnit = 10;

export type ExtraInput = {
  program: ProgramCode;
  /** blank: made from the program's free numbers (extra1, extra2 …) */
  key: string;
  label: string;
  type: string;
  options: string[];
  unit: string;
  required: boolean;
};

export type CheckedExtra = {
  program: ProgramCode;
  key: string;
  label: string;
  type: ResultItemType;
  options: string[];
  unit: string;
  required: boolean;
};

/** The other items of the program an input is checked against (the item itself left out when editing). */
export type ExtraSiblings = { key: string; label: string; active: boolean }[];

export type FieldIssue = { path: string; message: string };

/** Keys and units are ASCII-ish; labels and choices keep the characters typed (only trimmed). */
const tidy = (s: string) => s.normalize('NFKC').trim();

/** The first free `extraN` key of the program (case-insensitive, national keys and every extra counted). */
export function nextExtraKey(program: ProgramCode, siblings: ExtraSiblings): string {
  const used = new Set([
    ...resultDefinitions[program].items.map((i) => i.key.toLowerCase()),
    ...siblings.map((s) => s.key.toLowerCase()),
  ]);
  let n = 1;
  while (used.has(`extra${n}`)) n++;
  return `extra${n}`;
}

/** The national item of the program that uses `key` (case-insensitive), if any. */
export function nationalItemOf(program: ProgramCode, key: string): ResultItem | undefined {
  return resultDefinitions[program].items.find((i) => i.key.toLowerCase() === key.toLowerCase());
}

/**
 * Checks an extra item. `existing` is the stored item when editing: its key and type stay, whatever was sent.
 */
export function checkExtra(
  input: ExtraInput,
  siblings: ExtraSiblings,
  existing?: { key: string; type: ResultItemType },
): { ok: true; value: CheckedExtra } | { ok: false; errors: FieldIssue[] } {
  const errors: FieldIssue[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const program = input.program;
  const national = resultDefinitions[program].items;

  let key = existing?.key ?? tidy(input.key);
  if (!existing) {
    if (key === '') key = nextExtraKey(program, siblings);
    else if (!/^[A-Za-z][A-Za-z0-9]{0,29}$/.test(key))
      err(
        'key',
        'キーは半角英字で始まる半角英数字30文字以内で入力してください（例: urineProtein）。空欄なら自動で付けます。',
      );
    else if (nationalItemOf(program, key))
      err(
        'key',
        `キー「${key}」は国の項目「${nationalItemOf(program, key)!.label}」で使われています。別のキーにしてください。`,
      );
    else if (reserved.includes(key.toLowerCase()))
      err('key', `キー「${key}」は結果の欄の名前と同じなので使えません。別のキーにしてください。`);
    else {
      const other = siblings.find((s) => s.key.toLowerCase() === key.toLowerCase());
      if (other)
        err(
          'key',
          `キー「${key}」は既に項目「${other.label}」${other.active ? '' : '（無効）'}で使われています。別のキーにしてください。`,
        );
    }
  }

  const label = input.label.trim();
  if (label === '') err('label', '項目名を入力してください（例: 尿蛋白）。');
  else if (label.length > maxLabel) err('label', `項目名は${maxLabel}文字以内で入力してください。`);
  else {
    const same = national.find((i) => i.label === label)
      ? '国の項目'
      : siblings.find((s) => s.active && s.label === label)
        ? '市の項目'
        : null;
    if (same)
      err('label', `項目名「${label}」は既に${same}にあります。入力画面で区別できる名前にしてください。`);
  }

  const type = (existing?.type ?? input.type) as ResultItemType;
  if (!extraTypes.some((t) => t.type === type))
    err('type', `型を選んでください（${extraTypes.map((t) => t.label).join('・')}）。`);

  let options: string[] = [];
  if (type === 'select') {
    options = input.options.map((o) => o.trim()).filter((o) => o !== '');
    // the entry screen reads what staff type in NFKC: 「+」 and 「＋」 would be the same choice
    const folded = options.map(tidy);
    const dup = options.find((_o, i) => folded.indexOf(folded[i]!) !== i);
    const long = options.find((o) => o.length > maxOptionLength);
    if (options.length < 2) err('options', '選択肢を2つ以上入力してください（1行に1つ）。');
    else if (options.length > maxOptions) err('options', `選択肢は${maxOptions}個までにしてください。`);
    else if (dup) err('options', `選択肢「${dup}」が重複しています。`);
    else if (long) err('options', `選択肢「${long}」は${maxOptionLength}文字以内にしてください。`);
  }

  const unit = type === 'number' || type === 'text' ? tidy(input.unit) : '';
  if (unit.length > maxUnit) err('unit', `単位は${maxUnit}文字以内で入力してください（例: mg/dL）。`);

  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { program, key, label, type, options, unit, required: input.required } };
}
