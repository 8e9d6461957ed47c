/**
 * Input rules of a 市町村独自の予防接種 definition (任意接種の費用助成), with Japanese messages that say what to fix.
 * The routes use the schema as the request body and the service parses again. Numbers may come as typed text
 * (全角 digits too); dates in 西暦 or 和暦 (R8.4.1).
 */
import { z } from 'zod';
import { parseDateInput } from '../../platform/calendar/index.ts';
import { toHalfWidthAscii } from '../../platform/text/kana.ts';
import { vaccineCodes } from './master-types.ts';
import { ageInMonths } from './municipal-rules.ts';

const national = new Set<string>(vaccineCodes);

/** An integer in [min, max] typed as a number or text; `message` when missing or out of range. */
const int = (min: number, max: number, message: string) =>
  z
    .union([z.number(), z.string()], { error: message })
    .transform((v) => (typeof v === 'number' ? v : toHalfWidthAscii(v).trim().replace(/,/g, '')))
    .refine((v) => v !== '' && Number.isInteger(Number(v)) && Number(v) >= min && Number(v) <= max, {
      error: message,
    })
    .transform(Number);

const date = (what: string, required: boolean) =>
  z
    .string({ error: `${what}を入力してください。` })
    .nullable()
    .default(null)
    .transform((s, ctx) => {
      const t = s?.trim() ?? '';
      if (!t) {
        if (required) ctx.addIssue({ code: 'custom', message: `${what}を入力してください（例: R8.4.1）。` });
        return null;
      }
      const p = parseDateInput(t);
      if (!p.ok) {
        ctx.addIssue({ code: 'custom', message: `${what}: ${p.message}` });
        return null;
      }
      return p.date;
    });

const unit = (what: string) =>
  z.enum(['months', 'years'], { error: `${what}の単位（生後…月・…歳）を選んでください。` });

export const municipalVaccineInputSchema = z
  .object({
    code: z
      .string({ error: 'コードを入力してください（例: MUMPS）。' })
      .transform((s) => toHalfWidthAscii(s).trim().toUpperCase())
      .refine((s) => /^[A-Z0-9_]{2,20}$/.test(s), {
        error: 'コードは半角の英大文字・数字・_（アンダーバー）で2〜20文字にしてください（例: MUMPS）。',
      })
      .refine((s) => !national.has(s), {
        error: 'このコードは定期接種のワクチンのコードです。別のコードにしてください（例: MUMPS）。',
      }),
    name: z
      .string({ error: '名称を入力してください（例: おたふくかぜ）。' })
      .trim()
      .min(1, { error: '名称を入力してください（例: おたふくかぜ）。' })
      .max(40, { error: '名称は40文字以内で入力してください。' }),
    kind: z.enum(['INJ_LIVE', 'ORAL_LIVE', 'INACT'], {
      error: 'ワクチンの種類（注射生・経口生・不活化）を選んでください。',
    }),
    ageFromUnit: unit('対象年齢（から）'),
    ageFromValue: int(0, 1200, '対象年齢（から）は0〜1200の整数で入力してください。'),
    ageToUnit: unit('対象年齢（まで）'),
    ageToValue: int(1, 1200, '対象年齢（まで）は1〜1200の整数で入力してください。'),
    sex: z.enum(['M', 'F'], { error: '対象の性別を選んでください。' }).nullable().default(null),
    doses: int(1, 10, '助成回数は1〜10回で入力してください。'),
    minIntervalDays: int(0, 3650, '接種間隔は0〜3650日で入力してください（間隔の定めがなければ0）。'),
    subsidyYen: int(0, 10_000_000, '助成額は0円以上の整数で入力してください（全額助成・定額なしは0）。'),
    validFrom: date('助成の開始日', true),
    validTo: date('助成の終了日', false),
    sortOrder: int(0, 9999, '表示順は0〜9999の整数で入力してください。').default(0),
    note: z.string().trim().max(500, { error: '備考は500文字以内で入力してください。' }).default(''),
  })
  .superRefine((v, ctx) => {
    if (ageInMonths(v.ageFromUnit, v.ageFromValue) >= ageInMonths(v.ageToUnit, v.ageToValue))
      ctx.addIssue({
        code: 'custom',
        path: ['ageToValue'],
        message: '対象年齢の「まで」は「から」より後にしてください（例: 1歳から3歳に至るまで）。',
      });
    if (v.validFrom && v.validTo && v.validTo < v.validFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: '助成の終了日は開始日と同じか後の日にしてください（終わりが決まっていなければ空欄）。',
      });
  });

export type MunicipalVaccineInput = z.output<typeof municipalVaccineInputSchema>;
