import type { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.ts';
import { type FieldIssue, fieldIssues } from './settings-schema.ts';

/** A validation failure in the shape of the HTTP layer's (details.fields, shown next to each field). */
export function invalid(fields: FieldIssue[]): AppError {
  const first = fields[0];
  return new AppError(
    400,
    'VALIDATION',
    first ? `入力に誤りがあります: ${first.message}` : '入力に誤りがあります。',
    { fields },
  );
}

/** The input as `schema` reads it, or the validation failure with every field's message. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(fieldIssues(r.error));
  return r.data;
}
