/**
 * 個人番号 (My Number) check digit — 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令
 * 第8条 / 総務省令第85号 第5条: with P_n the n-th digit of the first 11 counted from the RIGHT and
 * Q_n = n + 1 (1 ≤ n ≤ 6) or n − 5 (7 ≤ n ≤ 11), remainder = Σ P_n × Q_n mod 11 and the check digit is
 * 0 when the remainder is 0 or 1, else 11 − remainder.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^[0-9]{11}$/.test(first11)) throw new RangeError('個人番号の先頭11桁は数字11桁です');
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** True for 12 ASCII digits whose last digit is the check digit of the first 11. */
export function isValidMyNumber(s: string): boolean {
  if (!/^[0-9]{12}$/.test(s)) return false;
  return myNumberCheckDigit(s.slice(0, 11)) === s.charCodeAt(11) - 48;
}
