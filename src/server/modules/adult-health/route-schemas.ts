/** Request schemas shared by the 成人保健 routes (Japanese messages for the screens). */
import { z } from 'zod';
import { programCodes } from '../programs/types.ts';

export const id = z.coerce.number().int().positive();
export const fy = z.coerce.number().int().min(2000).max(2100);
export const program = z.enum(programCodes, { message: '検診の種類を選んでください。' });

/** 和暦・西暦 input → 'YYYY-MM-DD' with the parser's Japanese message. */
export { dateInput } from '../../platform/http/date-input.ts';
