/** The request of a mailing made from a 対象者リスト: 発送日 (和暦 or 西暦) and 送付方法 (default 郵送). */
import { z } from 'zod';
import { dateInput } from '../http/date-input.ts';
import { sendMethods } from './types.ts';

export const listMailingBody = z.object({
  sendDate: dateInput,
  method: z.enum(Object.keys(sendMethods) as [keyof typeof sendMethods]).default('post'),
});
