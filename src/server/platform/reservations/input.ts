/**
 * Input rules of the reservations engine with Japanese messages: a session (実施日程) with its optional time
 * slots, and the bodies of the booking operations. Transforms only normalise (和暦 dates, ９：００ → 09:00),
 * so parsing twice gives the same value.
 */
import { z } from 'zod';
import { parseDateInput } from '../calendar/wareki.ts';
import { toHalfWidthAscii } from '../text/kana.ts';
import { receptionStates, sessionStatuses } from './rules.ts';

/** 'HH:MM' (also 9:00, ９：００, 0900) → 'HH:MM' 00:00–23:59. */
export const timeOfDay = (what: string) =>
  z
    .string({ error: `${what}を入力してください（例: 9:00）。` })
    .transform((s) => {
      const t = toHalfWidthAscii(s).trim().replace('：', ':');
      const m = /^(\d{1,2}):?(\d{2})$/.exec(t);
      return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t;
    })
    .refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), {
      error: `${what}は 時:分 で入力してください（例: 9:00、13:30）。`,
    });

/** A date typed as 西暦 or 和暦 (R8.6.10, 令和8年6月10日, 2026-06-10) → 'YYYY-MM-DD'. */
export const localDate = (what: string) =>
  z.string({ error: `${what}を入力してください。` }).transform((s, ctx) => {
    const r = parseDateInput(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `${what}: ${r.message}` });
      return z.NEVER;
    }
    return r.date;
  });

/** 締切日: empty = until the day before the session. */
export const cutoffDate = z
  .union([z.null(), z.literal(''), localDate('締切日')])
  .optional()
  .transform((v) => (v ? v : null));

const capacity = (what: string) =>
  z
    .number({ error: `${what}を数字で入力してください。` })
    .int({ error: `${what}は整数で入力してください。` })
    .min(1, { error: `${what}は1人以上にしてください。` })
    .max(9999, { error: `${what}は9,999人以下にしてください。` });

export const slotInputSchema = z.object({
  /** an existing slot (kept with its bookings); absent = a new slot */
  id: z.number().int().min(1).optional(),
  startTime: timeOfDay('時間枠の開始時刻'),
  endTime: timeOfDay('時間枠の終了時刻'),
  capacity: capacity('時間枠の定員'),
});

/** The fields every session has, whatever business owns it; a module narrows `programs` to its codes. */
export const sessionFields = {
  fiscalYear: z
    .number({ error: '年度を選んでください。' })
    .int({ error: '年度は西暦4桁で指定してください（例: 2026）。' })
    .min(2000, { error: '年度は西暦4桁で指定してください（例: 2026）。' })
    .max(2100, { error: '年度は西暦4桁で指定してください（例: 2026）。' }),
  venueId: z
    .number({ error: '会場を選んでください。' })
    .int({ error: '会場を選んでください。' })
    .min(1, { error: '会場を選んでください。' }),
  sessionDate: localDate('実施日'),
  startTime: timeOfDay('開始時刻'),
  endTime: timeOfDay('終了時刻'),
  capacity: capacity('定員'),
  cutoffDate,
  note: z
    .string({ error: '備考を入力してください。' })
    .trim()
    .max(500, { error: '備考は500文字以内で入力してください。' })
    .default(''),
  slots: z.array(slotInputSchema).max(48, { error: '時間枠は48までにしてください。' }).default([]),
};

/** 終了 after 開始 (checked here too so that the form shows it next to the field). */
export function endAfterStart(s: { startTime?: unknown; endTime?: unknown }, ctx: z.RefinementCtx) {
  const valid = (t: unknown) => typeof t === 'string' && /^\d{2}:\d{2}$/.test(t);
  if (valid(s.startTime) && valid(s.endTime) && (s.startTime as string) >= (s.endTime as string)) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: '終了時刻は開始時刻より後にしてください。' });
  }
}

export const sessionInputSchema = z
  .object({
    purpose: z.string().min(1).max(100).default('adult-health.group'),
    programs: z
      .array(z.string().min(1).max(50), { error: '事業を選んでください。' })
      .min(1, { error: '事業を1つ以上選んでください。' }),
    ...sessionFields,
  })
  .superRefine(endAfterStart);
export type SessionInput = z.output<typeof sessionInputSchema>;

export const sessionStatusSchema = z.enum(sessionStatuses, {
  error: '状態は 受付中（open）・締切（closed）・中止（cancelled）のどれかにしてください。',
});
export const receptionSchema = z.enum(receptionStates, {
  error: '受付の状態は 未受付（none）・受付済（arrived）・欠席（no_show）のどれかにしてください。',
});

const reason = (what: string) =>
  z
    .string()
    .trim()
    .max(200, { error: `${what}は200文字以内で入力してください。` })
    .default('');

export const bookBody = z.object({
  residentId: z.number({ error: '予約する方を選んでください。' }).int().min(1),
  slotId: z.number().int().min(1).nullable().optional(),
  waitIfFull: z.boolean().default(false),
  /** 締切後の受付 (締切・締切日を過ぎた日程への窓口での予約) */
  afterCutoff: z.boolean().default(false),
});
export const cancelBody = z.object({ version: z.number().int(), reason: reason('取消の理由') });
export const moveBody = z.object({
  version: z.number().int(),
  toSessionId: z.number({ error: '移る先の日程を選んでください。' }).int().min(1),
  toSlotId: z.number().int().min(1).nullable().optional(),
});
export const receptionBody = z.object({
  version: z.number().int(),
  reception: receptionSchema,
  note: reason('受付の備考'),
});
export const walkInBody = z.object({
  residentId: z.number({ error: '受付する方を選んでください。' }).int().min(1),
  slotId: z.number().int().min(1).nullable().optional(),
  note: reason('受付の備考'),
});
