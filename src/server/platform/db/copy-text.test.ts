import { describe, expect, it } from 'vitest';
import { copyArray, copyLine, copyValue } from './copy-text.ts';

// PostgreSQL docs, COPY "Text Format": \N is NULL; backslash, tab, newline and carriage return are escaped.
describe('COPY text format', () => {
  it.each([
    [null, '\\N'],
    [undefined, '\\N'],
    [true, 't'],
    [false, 'f'],
    [0, '0'],
    [-12.5, '-12.5'],
    ['すこやか', 'すこやか'],
    ['山田\t太郎\\\n\r', '山田\\t太郎\\\\\\n\\r'],
    ['a\u0000b', 'ab'],
  ] as const)('%j → %j', (v, out) => {
    expect(copyValue(v)).toBe(out);
  });

  it('joins a line and quotes array elements', () => {
    expect(copyLine([1, 'a\tb', null])).toBe('1\ta\\tb\t\\N\n');
    expect(copyArray(['colorectal', 'say "hi"'])).toBe('{"colorectal","say \\\\"hi\\\\""}');
  });
});
