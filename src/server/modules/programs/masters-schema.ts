/**
 * Input rules of the 会場 / 医療機関 / 集団検診日程 masters, with Japanese messages. The routes use them as
 * request bodies and the service parses again (the demo and other modules call the service directly).
 * Transforms only normalise (全角→半角, ひらがな→カタカナ, hyphens), so parsing twice gives the same value.
 */
import { z } from 'zod';
import { endAfterStart, sessionFields } from '../../platform/reservations/index.ts';
import { hiraganaToKatakana, toFullWidthKana, toHalfWidthAscii } from '../../platform/text/kana.ts';
import { programCodes } from './types.ts';

const digitsOnly = (s: string) => toHalfWidthAscii(s).replace(/[-－‐ー−\s]/g, '');

const text = (what: string, max: number, required: boolean) => {
  const base = z.string({ error: `${what}を入力してください。` }).trim();
  const sized = base.max(max, { error: `${what}は${max}文字以内で入力してください。` });
  return required ? sized.min(1, { error: `${what}を入力してください。` }) : sized.default('');
};

export const kanaText = (what: string) =>
  z
    .string({ error: `${what}を入力してください。` })
    .default('')
    .transform((s) =>
      hiraganaToKatakana(toFullWidthKana(toHalfWidthAscii(s).trim())).replace(/ +/g, '\u3000'),
    )
    .refine((s) => /^[\u30A0-\u30FF\u3000・ー0-9A-Za-z]*$/u.test(s), {
      error: `${what}はカタカナで入力してください（例: ホケンセンター）。`,
    })
    .refine((s) => s.length <= 100, { error: `${what}は100文字以内で入力してください。` });

export const postalCode = z
  .string({ error: '郵便番号を入力してください。' })
  .default('')
  .transform(digitsOnly)
  .refine((s) => s === '' || /^\d{7}$/.test(s), { error: '郵便番号は7桁の数字です（例: 123-4567）。' });

export const phone = z
  .string({ error: '電話番号を入力してください。' })
  .default('')
  .transform((s) =>
    toHalfWidthAscii(s)
      .trim()
      .replace(/[－‐ー−]/g, '-'),
  )
  .refine((s) => s === '' || /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(s), {
    error: '電話番号は市外局番から入力してください（例: 012-345-6789）。',
  });

const programList = (what: string, min: number) =>
  z
    .array(z.enum(programCodes, { error: `${what}に不明な検診が含まれています。` }), {
      error: `${what}を選んでください。`,
    })
    .min(min, { error: `${what}を1つ以上選んでください。` })
    .refine((list) => new Set(list).size === list.length, { error: `${what}が重複しています。` })
    // stored in the order of the master (胃, 大腸, 肺 …), whatever the order of the checkboxes
    .transform((list) => programCodes.filter((c) => list.includes(c)));

/** 会場 */
export const venueInputSchema = z.object({
  code: z
    .string({ error: '会場コードを入力してください。' })
    .transform((s) => toHalfWidthAscii(s).trim().toUpperCase())
    .refine((s) => /^[A-Z0-9_-]{1,10}$/.test(s), {
      error: '会場コードは半角英数字10文字以内で入力してください（例: V01）。',
    }),
  name: text('会場名', 60, true),
  nameKana: kanaText('会場名カナ'),
  postalCode,
  address: text('所在地', 100, false),
  phone,
  active: z.boolean({ error: '有効かどうかを選んでください。' }).default(true),
});
export type VenueInput = z.output<typeof venueInputSchema>;

/**
 * 医療機関コード: 10 digits = 都道府県番号 2 + 点数表番号 1 (1 医科, 3 歯科) + 医療機関コード 7. Only the length is
 * checked: the check digit rule of the last 7 is not in our sources, and the demo city uses a fictitious
 * prefecture (99).
 */
export const institutionCode = z
  .string({ error: '医療機関コードを入力してください。' })
  .transform(digitsOnly)
  .refine((s) => /^\d{10}$/.test(s), {
    error: '医療機関コードは10桁の数字です（都道府県2桁＋点数表1桁＋医療機関7桁。例: 1310123456）。',
  });

/** 医療機関 */
export const institutionInputSchema = z.object({
  code: institutionCode,
  name: text('医療機関名', 80, true),
  nameKana: kanaText('医療機関名カナ'),
  postalCode,
  address: text('所在地', 100, false),
  phone,
  programs: programList('実施する検診', 0).default([]),
  active: z.boolean({ error: '有効かどうかを選んでください。' }).default(true),
});
export type InstitutionInput = z.output<typeof institutionInputSchema>;

/** 集団検診の日程 (the 年度, venue and programs are checked against the masters by the service). */
export const sessionInputSchema = z
  .object({ ...sessionFields, programs: programList('検診', 1) })
  .superRefine(endAfterStart);
export type SessionInput = z.output<typeof sessionInputSchema>;

/** Master list filters: 有効のみ / すべて, and a text search on コード・名称・カナ. */
export const masterListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});
