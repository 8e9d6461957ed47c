import { describe, expect, it } from 'vitest';
import { isValidLgCode, lgCodeCheckDigit } from './service.ts';

// 地方公共団体コード: 総務省「全国地方公共団体コード」— 検査数字 = 11 − (Σ 各桁 × 重み6,5,4,3,2) mod 11 の下1桁.
describe('地方公共団体コード check digit', () => {
  it.each([
    ['13101', 6, '千代田区'],
    ['01100', 2, '札幌市'],
    ['27100', 4, '大阪市'],
    ['47201', 8, '那覇市'],
  ])('%s → %i (%s)', (first5, digit) => {
    expect(lgCodeCheckDigit(first5)).toBe(digit);
    expect(isValidLgCode(`${first5}${digit}`)).toBe(true);
  });

  it.each(['131015', '13101', '1310160', 'abcdef'])('rejects %s', (code) => {
    expect(isValidLgCode(code)).toBe(false);
  });
});
