/**
 * 検診結果の検査 (pure): one result as typed or imported → the values stored (受診日, 年度, 方法, 判定, 要精検,
 * items normalised, 年度末年齢 and 受診日年齢) or the errors per field in Japanese, saying what to fix.
 * The same check serves the entry screen (F03-01/F03-02 手入力) and the import (取込).
 */
// the browser runs this check as the clerk types: import the calendar files, not its index (holidays)
import { naiveAge } from '../../platform/calendar/age.ts';
import { compareDates, type LocalDate } from '../../platform/calendar/date.ts';
import { fiscalYearEndAge, fiscalYearOf } from '../../platform/calendar/fiscal-year.ts';
import { parseDateInput } from '../../platform/calendar/wareki.ts';
import type { ProgramSettings } from '../programs/types.ts';
import { itemsFor, type ResultDefinition, type ResultItem } from './results-items.ts';

export type ResultMode = 'individual' | 'group';

/** What staff type (or a file gives): texts for dates and numbers, codes or labels for choices. */
export type ResultInput = {
  screenedOn: string;
  mode: string | null;
  institutionId: number | null;
  method: string | null;
  result: string;
  items: Record<string, unknown>;
};

export type CheckedResult = {
  screenedOn: LocalDate;
  fiscalYear: number;
  mode: ResultMode | null;
  institutionId: number | null;
  method: string | null;
  result: string;
  needsDetailed: boolean;
  items: Record<string, string | number | boolean>;
  itemsVersion: number;
  ageAtFiscalYearEnd: number | null;
  ageOnDate: number | null;
};

export type ResultError = { field: string; message: string };

export type ResultContext = {
  def: ResultDefinition;
  settings: Pick<ProgramSettings, 'name' | 'referenceDate' | 'cohort'> & {
    methods: { code: string; name: string }[];
  };
  extras?: ResultItem[];
  person: { birthDate: LocalDate };
  today: LocalDate;
};

const modes: Record<string, ResultMode> = {
  individual: 'individual',
  group: 'group',
  個別: 'individual',
  集団: 'group',
};
const truthy = new Set(['1', 'true', 'はい', '有', 'あり', '○', 'yes']);
const falsy = new Set(['0', 'false', 'いいえ', '無', 'なし', '×', 'no']);

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** One item's value: normalised, or the message saying what to enter. */
export function checkItem(
  item: ResultItem,
  raw: unknown,
): { value?: string | number | boolean; error?: string } {
  if (blank(raw)) return item.required ? { error: `${item.label}を入力してください。` } : {};
  const text = String(raw).normalize('NFKC').trim();
  switch (item.type) {
    case 'select': {
      const o = item.options?.find((x) => {
        const label = x.label.normalize('NFKC');
        return (
          x.code === text ||
          label === text ||
          label.startsWith(`${text} `) ||
          label.replace(/\(.*\)$/, '') === text ||
          (x.aliases ?? []).includes(text)
        );
      });
      if (o) return { value: o.code };
      const list = (item.options ?? []).map((x) => x.label).join('・');
      return { error: `${item.label}の「${text}」は選べません。${list} のどれかにしてください。` };
    }
    case 'number': {
      const n = Number(text.replace(/,/g, ''));
      if (!/^-?\d+(\.\d+)?$/.test(text.replace(/,/g, '')) || !Number.isFinite(n))
        return { error: `${item.label}の「${text}」は数字として読めません。数字で入力してください。` };
      const decimals = text.split('.')[1]?.length ?? 0;
      if (item.decimals !== undefined && decimals > item.decimals)
        return {
          error:
            item.decimals === 0
              ? `${item.label}は整数で入力してください。`
              : `${item.label}は小数点以下${item.decimals}桁までで入力してください。`,
        };
      const unit = item.unit ?? '';
      if ((item.min !== undefined && n < item.min) || (item.max !== undefined && n > item.max))
        return { error: `${item.label}は${item.min}${unit}〜${item.max}${unit}の範囲で入力してください。` };
      return { value: n };
    }
    case 'date': {
      const d = parseDateInput(text);
      return d.ok ? { value: d.date } : { error: `${item.label}: ${d.message}` };
    }
    case 'boolean':
      if (truthy.has(text.toLowerCase())) return { value: true };
      if (falsy.has(text.toLowerCase())) return { value: false };
      return { error: `${item.label}は「有」か「無」で入力してください。` };
    default:
      return text.length > 500
        ? { error: `${item.label}は500文字以内で入力してください。` }
        : { value: text };
  }
}

/** Checks one result against the program's definition; all errors at once. */
export function checkResult(
  ctx: ResultContext,
  v: ResultInput,
): { ok: true; value: CheckedResult } | { ok: false; errors: ResultError[] } {
  const errors: ResultError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });

  const date = parseDateInput(v.screenedOn ?? '');
  let screenedOn: LocalDate | null = null;
  if (!date.ok) err('screenedOn', `受診日: ${date.message}`);
  else if (compareDates(date.date, ctx.today) > 0)
    err('screenedOn', '受診日が今日より後です。受診日を確かめてください。');
  else if (compareDates(date.date, ctx.person.birthDate) < 0)
    err('screenedOn', '受診日が生年月日より前です。');
  else screenedOn = date.date;

  const mode = v.mode === null || blank(v.mode) ? null : (modes[String(v.mode).trim()] ?? undefined);
  if (mode === undefined) err('mode', '受診区分は「個別」か「集団」にしてください。');
  if (mode === 'individual' && v.institutionId === null)
    err('institutionId', '個別検診の実施機関（医療機関）を選んでください。');

  const methods = ctx.settings.methods;
  let method: string | null = blank(v.method) ? null : String(v.method).trim();
  if (method === null && methods.length === 1) method = methods[0]!.code;
  const m = methods.find((x) => x.code === method || x.name === method);
  if (method === null)
    err('method', `検査方法を選んでください（${methods.map((x) => x.name).join('・')}）。`);
  else if (!m)
    err(
      'method',
      `${ctx.settings.name}に検査方法「${method}」はありません。${methods.map((x) => x.name).join('・')} から選んでください。`,
    );
  else method = m.code;

  const j = ctx.def.judgements.find((x) => x.code === v.result || x.label === String(v.result ?? '').trim());
  if (!j)
    err(
      'result',
      blank(v.result)
        ? '判定を選んでください。'
        : `判定「${v.result}」はありません。${ctx.def.judgements.map((x) => x.label).join('・')} から選んでください。`,
    );

  const items: Record<string, string | number | boolean> = {};
  const defs = itemsFor(ctx.def, method, ctx.extras);
  for (const key of Object.keys(v.items ?? {}))
    if (!defs.some((d) => d.key === key) && !blank(v.items[key]))
      err(key, `項目「${key}」は${ctx.settings.name}（この検査方法）の結果項目にありません。`);
  for (const item of defs) {
    const c = checkItem(item, v.items?.[item.key]);
    if (c.error) err(item.key, c.error);
    else if (c.value !== undefined) items[item.key] = c.value;
  }
  if (j && errors.length === 0)
    for (const rule of ctx.def.rules)
      if (rule.when(items, method) && !rule.judgements.includes(j.code)) {
        err('result', rule.message);
        break;
      }

  if (errors.length || !screenedOn || !j) return { ok: false, errors };
  const fiscalYear = fiscalYearOf(screenedOn);
  return {
    ok: true,
    value: {
      screenedOn,
      fiscalYear,
      mode: mode ?? null,
      institutionId: v.institutionId,
      method,
      result: j.code,
      needsDetailed: j.needsDetailed,
      items,
      itemsVersion: ctx.def.version,
      ageAtFiscalYearEnd: fiscalYearEndAge(ctx.person.birthDate, fiscalYear, {
        referenceDate: ctx.settings.referenceDate,
        cohort: ctx.settings.cohort,
      }),
      ageOnDate: naiveAge(ctx.person.birthDate, screenedOn),
    },
  };
}
