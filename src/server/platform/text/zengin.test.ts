import { describe, expect, it } from 'vitest';
import { isZenginKana, toZenginKana, truncateZengin, zenginByteLength } from './zengin.ts';

describe('toZenginKana — 全銀 受取人名 normalisation (bank-barcode §4.5)', () => {
  it.each([
    ['キャノン', 'ｷﾔﾉﾝ'], // §4.5: small kana written large
    ['ガッコウ', 'ｶﾞﾂｺｳ'], // §4.5
    ['アガサ・クリスティー', 'ｱｶﾞｻ.ｸﾘｽﾃｲ-'], // §4.6 jtc-utils example
    ['やまだ　たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['ｷｬﾉﾝ', 'ｷﾔﾉﾝ'], // half-width small kana too
    ['ｽｽﾞｷｰ', 'ｽｽﾞｷ-'], // ｰ (0xB0) → '-'
    ['ヴィヴィアン', 'ｳﾞｲｳﾞｲｱﾝ'],
    ['ヵヶヮ', 'ｶｹﾜ'],
    ['ヲヰヱ', 'ｵｲｴ'],
    ['ｶ)ｽｺﾔｶ', 'ｶ)ｽｺﾔｶ'], // corporate abbreviation (§4.5 常陽銀行)
    ['（カ）スコヤカ', '(ｶ)ｽｺﾔｶ'],
    ['ｓｕｋｏｙａｋａ　１２３', 'SUKOYAKA 123'],
    ['abc.', 'ABC.'],
    ['  ヤマダ   タロウ  ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['カ\u3099ク', 'ｶﾞｸ'], // combining mark composed first
  ])('%j → %j', (input, value) => {
    expect(toZenginKana(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['山田タロウ', ['山', '田']], // §4.5: kanji cannot be converted mechanically
    ['ヤマダ,タロウ', [',']], // comma allowed nowhere (zengin4j)
    ['ヤマダ「タロウ」', ['｢', '｣']], // EDI only
    ['ヤマダ/タロウ', ['/']],
    ['ヤマダ😀', ['😀']],
  ])('%j → invalid %j', (input, invalid) => {
    expect(toZenginKana(input)).toEqual({ ok: false, invalid });
  });

  it.each<[string, 'name' | 'bank' | 'payroll' | 'edi', string | string[]]>([
    ['ミツビシ UFJ', 'bank', 'ﾐﾂﾋﾞｼ UFJ'],
    ['(カ)スコヤカ', 'bank', ['(', ')']], // §4.5: bank/branch names allow only '-'
    ['ヤマダ タロウ', 'payroll', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['ヤマダ TARO', 'payroll', ['T', 'A', 'R', 'O']], // §4.5: payroll allows no Latin letters
    ['ヤマダ-タロウ', 'payroll', ['-']],
    ['ヲ「ア」/¥', 'edi', 'ｦ｢ｱ｣/\\'], // §4.5: EDI情報 adds ｦ, ｢｣, /, \ (¥)
  ])('%j (profile %s) → %j', (input, profile, expected) => {
    const r = toZenginKana(input, { profile });
    expect(r).toEqual(
      typeof expected === 'string' ? { ok: true, value: expected } : { ok: false, invalid: expected },
    );
  });

  it('isZenginKana agrees with the allowed set (§4.5: no small kana, no ｰ, no ｦ outside EDI, no lower case)', () => {
    expect(isZenginKana('ｶﾞｯｺｳ')).toBe(false);
    expect(isZenginKana('ｽｽﾞｷｰ')).toBe(false);
    expect(isZenginKana('ｦ')).toBe(false);
    expect(isZenginKana('ｦ', 'edi')).toBe(true);
    expect(isZenginKana('abc')).toBe(false);
    expect(isZenginKana('ｱｶﾞｻ.ｸﾘｽﾃｲ- (ABC)')).toBe(true);
  });
});

describe('zenginByteLength / truncateZengin — never split a voiced mark from its base (§4.5)', () => {
  it.each([
    ['ｶﾞｯｺｳ', 5],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 8],
    ['', 0],
  ])('zenginByteLength(%j) = %i', (s, n) => {
    expect(zenginByteLength(s)).toBe(n);
  });

  it('rejects double-byte characters', () => {
    expect(() => zenginByteLength('ヤマダ')).toThrow(RangeError);
    expect(() => truncateZengin('山田', 1)).toThrow(RangeError);
  });

  it.each([
    ['ﾔﾏﾀﾞ', 4, 'ﾔﾏﾀﾞ'],
    ['ﾔﾏﾀﾞ', 3, 'ﾔﾏ'], // ﾀﾞ does not fit: dropped whole, not ﾔﾏﾀ
    ['ﾔﾏﾀﾞ', 2, 'ﾔﾏ'],
    ['ﾊﾟﾊﾟ', 3, 'ﾊﾟ'],
    ['ABC', 0, ''],
    ['ABC', 10, 'ABC'],
  ])('truncateZengin(%j, %i) = %j', (s, bytes, expected) => {
    expect(truncateZengin(s, bytes)).toBe(expected);
  });

  it('30-byte 受取人名 field: result fits and is a prefix made of whole characters', () => {
    const name = 'ｶﾌﾞｼｷｶﾞｲｼﾔ ｽｺﾔｶﾞｸｴﾝ ｼﾞﾑｷﾖｸ ﾀﾞｲﾋﾖｳ';
    for (let n = 0; n <= 40; n++) {
      const t = truncateZengin(name, n);
      expect(zenginByteLength(t)).toBeLessThanOrEqual(n);
      expect(name.startsWith(t)).toBe(true);
      expect(['ﾞ', 'ﾟ']).not.toContain(name[t.length]);
      expect(t.length === name.length || t.length >= n - 1).toBe(true);
    }
  });
});
