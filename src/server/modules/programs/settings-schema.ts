/**
 * Validation of the 事業マスタ settings (ProgramSettings), with Japanese messages that say what to fix.
 * Used by the service (every write), the routes (request body) and the screen (validate as you type), so
 * this file stays pure: zod and the calendar kernel only.
 *
 * - `programSettingsSchema`: the shape and every rule that needs no 年度.
 * - `programSettingsSchemaFor(fy)`: adds the 年度 rules (受診期間 inside the 年度).
 */
import { z } from 'zod';
import { daysInMonth, isValidDate } from '../../platform/calendar/date.ts';
import { fiscalYearRange } from '../../platform/calendar/fiscal-year.ts';
import { formatWareki } from '../../platform/calendar/wareki.ts';
import { fiscalYearShortLabel } from './labels.ts';
import { type FeeExemptionKind, feeExemptionKinds, type ProgramSettings, programCodes } from './types.ts';

export const maxAge = 120;

const age = (what: string) =>
  z
    .number({ error: `${what}は0〜${maxAge}の整数で入力してください。` })
    .int({ error: `${what}は整数で入力してください。` })
    .min(0, { error: `${what}は0〜${maxAge}の整数で入力してください。` })
    .max(maxAge, { error: `${what}は0〜${maxAge}の整数で入力してください。` });

const years = (what: string) =>
  z
    .number({ error: `${what}は1〜10年で入力してください。` })
    .int({ error: `${what}は1〜10の整数（年）で入力してください。` })
    .min(1, { error: `${what}は1〜10年で入力してください。` })
    .max(10, { error: `${what}は1〜10年で入力してください。` });

export const intervalRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('interval'), years: years('受診間隔') }),
    z.object({
      kind: z.literal('parity'),
      parity: z.enum(['even', 'odd'], { error: '偶数年齢か奇数年齢かを選んでください。' }),
    }),
    z.object({ kind: z.literal('once') }),
  ],
  { error: '受診間隔を選んでください（毎年 / N年に1回 / 偶数年齢 / 奇数年齢 / 生涯1回）。' },
);

/** 検査方法コード: short ASCII key used in 受診歴 and fees (xray, endoscopy, hpv …). */
export const methodCodePattern = /^[a-z][a-z0-9_]{0,31}$/;

export const programMethodSchema = z
  .object(
    {
      code: z.string({ error: '検査方法コードを入力してください。' }).regex(methodCodePattern, {
        error:
          '検査方法コードは半角英小文字で始まる英小文字・数字・_（32文字まで）で入力してください（例: xray）。',
      }),
      name: z
        .string({ error: '検査方法の名称を入力してください。' })
        .trim()
        .min(1, { error: '検査方法の名称を入力してください。' })
        .max(60, { error: '検査方法の名称は60文字以内で入力してください。' }),
      enabled: z.boolean({ error: '実施するかどうかを選んでください。' }),
      ageMin: age('検査方法の対象年齢（下限）').nullable(),
      ageMax: age('検査方法の対象年齢（上限）').nullable(),
      interval: intervalRuleSchema.nullable(),
      followUpYears: years('追跡検査までの年数').nullable(),
    },
    { error: '検査方法の設定が正しくありません。' },
  )
  .superRefine((m, ctx) => {
    if (m.ageMin !== null && m.ageMax !== null && m.ageMin > m.ageMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['ageMax'],
        message: `検査方法の対象年齢の上限は下限（${m.ageMin}歳）以上にしてください。`,
      });
    }
  });

const yenAmount = z
  .number({ error: '自己負担金は0以上の整数（円）で入力してください。' })
  .int({ error: '自己負担金は円単位の整数で入力してください。' })
  .min(0, { error: '自己負担金は0以上の整数（円）で入力してください（無料は0）。' })
  .max(1_000_000, { error: '自己負担金は1,000,000円以下で入力してください。' });

export const feeRuleSchema = z.object(
  {
    amounts: z.record(z.string(), yenAmount, { error: '自己負担金の形式が正しくありません。' }),
    exemptionNote: z
      .string({ error: '免除の説明を文字で入力してください。' })
      .trim()
      .max(500, { error: '免除の説明は500文字以内で入力してください。' }),
    // settings saved before 免除 kinds existed: the 指針 default (生活保護・非課税)
    exemptKinds: z
      .array(z.enum(Object.keys(feeExemptionKinds) as [FeeExemptionKind, ...FeeExemptionKind[]]), {
        error: '免除の対象を選んでください。',
      })
      .default(['welfare', 'tax_exempt']),
  },
  { error: '自己負担金を入力してください。' },
);

const ageList = (what: string) =>
  z
    .array(age(what), { error: `${what}を数字で入力してください（例: 40, 45, 50）。` })
    .min(1, { error: `${what}を1つ以上入力してください。` })
    .superRefine((list, ctx) => {
      for (let i = 1; i < list.length; i++) {
        if (list[i]! <= list[i - 1]!) {
          ctx.addIssue({
            code: 'custom',
            message: `${what}は小さい順に、重複なく入力してください（例: 40, 45, 50）。`,
          });
          return;
        }
      }
    });

export const couponRuleSchema = z.object(
  {
    ages: ageList('クーポンの対象年齢'),
    basis: z.enum(['previous_fiscal_year', 'this_fiscal_year'], {
      error: 'クーポンの対象年齢の基準（前年度に到達した年齢 / 当該年度に到達する年齢）を選んでください。',
    }),
  },
  { error: 'クーポンの設定が正しくありません。' },
);

const isoDate = (what: string) =>
  z
    .string({ error: `${what}を入力してください。` })
    .refine(isValidDate, { error: `${what}が正しい日付ではありません（例: 2026-06-01）。` });

export const referenceDateSchema = z
  .object(
    {
      month: z
        .number({ error: '年齢基準日の月は1〜12で入力してください。' })
        .int({ error: '年齢基準日の月は1〜12の整数で入力してください。' })
        .min(1, { error: '年齢基準日の月は1〜12で入力してください。' })
        .max(12, { error: '年齢基準日の月は1〜12で入力してください。' }),
      day: z
        .number({ error: '年齢基準日の日は1〜31で入力してください。' })
        .int({ error: '年齢基準日の日は1〜31の整数で入力してください。' })
        .min(1, { error: '年齢基準日の日は1〜31で入力してください。' })
        .max(31, { error: '年齢基準日の日は1〜31で入力してください。' }),
      yearOffset: z
        .number({ error: '年齢基準日の年を選んでください。' })
        .int({ error: '年齢基準日の年を選んでください。' })
        .min(0, { error: '年齢基準日の年は「年度の始まる年」か「翌年」を選んでください。' })
        .max(1, { error: '年齢基準日の年は「年度の始まる年」か「翌年」を選んでください。' }),
    },
    { error: '年齢基準日を入力してください（例: 翌年3月31日）。' },
  )
  .superRefine((r, ctx) => {
    // 2月29日 is allowed: in a common year the date falls on 2月28日 (fiscalYearReferenceDate).
    if (r.day > daysInMonth(2024, r.month)) {
      ctx.addIssue({
        code: 'custom',
        path: ['day'],
        message: `年齢基準日 ${r.month}月${r.day}日 は存在しません。日付を確かめてください（例: 3月31日）。`,
      });
    }
  });

const baseSchema = z.object(
  {
    code: z.enum(programCodes, { error: '事業コードが正しくありません。' }),
    name: z
      .string({ error: '事業名を入力してください。' })
      .trim()
      .min(1, { error: '事業名を入力してください（例: 胃がん検診）。' })
      .max(40, { error: '事業名は40文字以内で入力してください。' }),
    enabled: z.boolean({ error: '実施するかどうかを選んでください。' }),
    sex: z.enum(['any', 'female', 'male'], { error: '対象の性別を選んでください（男女 / 女性 / 男性）。' }),
    ageMin: age('対象年齢（下限）'),
    ageMax: age('対象年齢（上限）').nullable(),
    ageList: ageList('節目年齢').nullable(),
    referenceDate: referenceDateSchema,
    cohort: z.enum(['legal', 'naive'], {
      error: '年齢の数え方（法定 / 暦年齢）を選んでください。',
    }),
    interval: intervalRuleSchema,
    methods: z
      .array(programMethodSchema, { error: '検査方法を1つ以上登録してください。' })
      .min(1, { error: '検査方法を1つ以上登録してください。' })
      .max(10, { error: '検査方法は10件までです。' }),
    fees: feeRuleSchema,
    coupon: couponRuleSchema.nullable(),
    delivery: z.enum(['individual', 'group', 'both'], {
      error: '実施方法（個別 / 集団 / 個別・集団）を選んでください。',
    }),
    periodStart: isoDate('受診期間の開始日').nullable(),
    periodEnd: isoDate('受診期間の終了日').nullable(),
    notice: z
      .string({ error: '受診券に印字する案内を文字で入力してください。' })
      .max(1000, { error: '受診券に印字する案内は1,000文字以内で入力してください。' }),
  },
  { error: '事業の設定がありません。画面を読み込み直してから入力してください。' },
);

type Ctx = z.core.$RefinementCtx<z.output<typeof baseSchema>>;

/** The rules between fields (no 年度 needed). */
function crossFieldRules(s: z.output<typeof baseSchema>, ctx: Ctx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (s.ageMax !== null && s.ageMin > s.ageMax) {
    issue(['ageMax'], `対象年齢の上限は下限（${s.ageMin}歳）以上にしてください（上限なしは空欄）。`);
  }
  if (s.ageList) {
    const out = s.ageList.filter((a) => a < s.ageMin || (s.ageMax !== null && a > s.ageMax));
    if (out.length) {
      const range = s.ageMax === null ? `${s.ageMin}歳以上` : `${s.ageMin}〜${s.ageMax}歳`;
      issue(['ageList'], `節目年齢 ${out.join('・')}歳 が対象年齢（${range}）の範囲外です。`);
    }
  }
  const seen = new Map<string, number>();
  s.methods.forEach((m, i) => {
    if (seen.has(m.code)) issue(['methods', i, 'code'], `検査方法コード「${m.code}」が重複しています。`);
    else seen.set(m.code, i);
  });
  if (s.enabled && !s.methods.some((m) => m.enabled)) {
    issue(
      ['methods'],
      '実施する検査方法を1つ以上選んでください（実施しない事業は「実施」を外してください）。',
    );
  }
  s.methods.forEach((m, i) => {
    if (m.followUpYears !== null && m.interval === null && s.interval.kind !== 'interval') {
      issue(
        ['methods', i, 'followUpYears'],
        '追跡検査の年数は、受診間隔が「N年に1回」の検査方法にだけ設定できます。',
      );
    }
  });
  for (const key of Object.keys(s.fees.amounts)) {
    if (key !== '*' && !seen.has(key)) {
      issue(['fees', 'amounts', key], `自己負担金の検査方法「${key}」は登録されていません。`);
    }
  }
  if (s.periodStart && s.periodEnd && s.periodStart > s.periodEnd) {
    issue(['periodEnd'], '受診期間の終了日は開始日以降の日付にしてください。');
  }
}

export const programSettingsSchema = baseSchema.superRefine(crossFieldRules);

/** The settings of 年度 `fy`: also 受診期間 inside the 年度. */
export function programSettingsSchemaFor(fy: number) {
  const { start, end } = fiscalYearRange(fy);
  const range = `${fiscalYearShortLabel(fy)}（${formatWareki(start)}〜${formatWareki(end)}）`;
  return baseSchema.superRefine((s, ctx) => {
    crossFieldRules(s, ctx);
    for (const key of ['periodStart', 'periodEnd'] as const) {
      const d = s[key];
      if (d && (d < start || d > end)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `受診期間は${range}の中で指定してください。`,
        });
      }
    }
  });
}

// The schema's output must be exactly ProgramSettings (the eligibility rules read that type).
type Output = z.output<typeof programSettingsSchema>;
const _sameShape: [
  Output extends ProgramSettings ? true : false,
  ProgramSettings extends Output ? true : false,
] = [true, true];
void _sameShape;

export type FieldIssue = { path: string; message: string };

/** zod issues as { path: 'methods.0.ageMin', message } — the shape of the API's `details.fields`. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Validates settings of 年度 `fy`; the first message per field. */
export function validateProgramSettings(
  fy: number,
  value: unknown,
): { ok: true; settings: ProgramSettings } | { ok: false; fields: FieldIssue[] } {
  const r = programSettingsSchemaFor(fy).safeParse(value);
  return r.success ? { ok: true, settings: r.data } : { ok: false, fields: fieldIssues(r.error) };
}
