import { describe, expect, it } from 'vitest';
import { json } from './repository.ts';

// jsonb cannot hold NUL (PostgreSQL: "unsupported Unicode escape sequence \u0000"): the ledger drops it, and only it.
describe('json for the ledger', () => {
  it.each([
    [null, null],
    ['plain', '"plain"'],
    ['a\u0000b', '"ab"'],
    ['\u0000\u0000', '""'],
    ['\\\u0000', '"\\\\"'],
    ['\\u0000', '"\\\\u0000"'],
    [{ x: ['\u0000', 'ok\\'] }, '{"x":["","ok\\\\"]}'],
  ] as const)('%j → %s', (v, out) => {
    expect(json(v)).toBe(out);
  });
});
