import { describe, expect, it } from 'vitest';
import { isValidMyNumber, myNumberCheckDigit } from './my-number.ts';

describe('myNumberCheckDigit', () => {
  it.each([
    // first 11 digits, expected check digit, why
    ['12345678901', 8, 'the usual documentation example 123456789018 (Σ = 212, remainder 3)'],
    ['00000000000', 0, 'remainder 0 → 0'],
    ['00000000006', 0, 'Σ = 6 × 2 = 12, remainder 1 → 0'],
    ['00000000005', 1, 'Σ = 10, remainder 10 → 1'],
    ['00000000001', 9, 'Σ = 2 → 9'],
    ['00000000010', 8, 'P2 weight 3'],
    ['00000100000', 4, 'P6 weight 7 → 7, 11 − 7 = 4'],
    ['00001000000', 9, 'P7 weight 2 (the weights restart at n − 5)'],
    ['10000000000', 5, 'P11 weight 6'],
    ['11111111111', 8, 'Σ of all weights = 47, remainder 3'],
    ['99999999999', 6, '9 × 47 = 423, remainder 5 → 6'],
  ])('%s → %i (%s)', (first11, expected) => {
    expect(myNumberCheckDigit(first11)).toBe(expected);
  });

  it('rejects anything but 11 ASCII digits', () => {
    for (const bad of ['', '1234567890', '123456789012', '1234567890a', '１２３４５６７８９０１']) {
      expect(() => myNumberCheckDigit(bad)).toThrow(RangeError);
    }
  });
});

describe('isValidMyNumber', () => {
  it.each([
    ['123456789018', true],
    ['123456789017', false],
    ['000000000000', true],
    ['000000000051', true],
    ['000000000060', true],
    ['000000000061', false],
    ['12345678901', false],
    ['1234567890188', false],
    ['12345678901８', false],
    ['1234-5678-9018', false],
  ])('%s → %s', (s, expected) => {
    expect(isValidMyNumber(s)).toBe(expected);
  });

  it('accepts exactly one check digit for any 11 digits', () => {
    for (const first11 of ['31415926535', '27182818284', '16180339887', '00000000009']) {
      const valid = [...'0123456789'].filter((d) => isValidMyNumber(first11 + d));
      expect(valid).toEqual([String(myNumberCheckDigit(first11))]);
    }
  });
});
