/** A date field of a request, typed as 和暦 or 西暦 (R8.6.1, 令和8年6月1日, 2026-06-01) → 'YYYY-MM-DD'. */
import { z } from 'zod';
import { parseDateInput } from '../calendar/index.ts';

/** 和暦・西暦 input → 'YYYY-MM-DD' with the parser's Japanese message. */
export const dateInput = z.string().transform((s, ctx) => {
  const r = parseDateInput(s);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }
  return r.date;
});
