import { describe, expect, it } from 'vitest';
import { kanaSearchKey, nameSearchKey } from '../text/index.ts';
import { entrySearch } from './list-lifecycle.ts';
import type { EntryFilter } from './repository.ts';
import { includedOf } from './routes.ts';

describe('entrySearch: the search box of a 対象者リスト', () => {
  it.each([
    ['digits are a 宛名番号', '000123', { atenaNo: '000123' }],
    ['spaces around are dropped', ' 000123 ', { atenaNo: '000123' }],
    ['katakana is a カナ prefix', 'ヤマダ', { kanaKey: kanaSearchKey('ヤマダ') }],
    ['hiragana too', 'やまだ たろう', { kanaKey: kanaSearchKey('やまだ たろう') }],
    ['anything else is a name prefix', '山田', { nameKey: nameSearchKey('山田') }],
    ['empty: no search', '  ', {}],
  ])('%s', (_what, q, expected) => {
    const { q: _q, ...filter } = entrySearch({ included: true, q }) as EntryFilter & { q?: string };
    expect(filter).toEqual({ included: true, ...expected });
  });
});

describe('includedOf: 送付・除外 of the query string', () => {
  it.each([
    ['true', true],
    ['false', false],
    [undefined, undefined],
  ] as const)('%s → %s', (v, expected) => expect(includedOf(v)).toBe(expected));
});
