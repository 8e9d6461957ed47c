/**
 * 郵便カスタマバーコード — the data part: 住所表示番号, barcode characters and チェックデジット.
 *
 * Rules from 日本郵便「郵便番号・バーコードマニュアル」p12, p17–p21, as summarised in
 * shared/domain/adult-health-statistics-bank-barcode.md §5. Drawing is in layout.ts (bars from bwip-js
 * `japanpost`, checked against the values computed here).
 */

/** One barcode character: a digit, the hyphen or a control code (制御コード CC1–CC8). */
export type CustomerBarcodeChar =
  | '0'
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9'
  | '-'
  | 'CC1'
  | 'CC2'
  | 'CC3'
  | 'CC4'
  | 'CC5'
  | 'CC6'
  | 'CC7'
  | 'CC8';

/** Positions of 郵便番号 (7) + 住所表示番号 (13) in the barcode (§5.1). */
export const CUSTOMER_BARCODE_POSITIONS = 20;
const ADDRESS_POSITIONS = 13;

/** Value of a barcode character for the check digit (§5.3): 0–9, '-' = 10, CC1–CC8 = 11–18. */
export function customerBarcodeCharValue(char: CustomerBarcodeChar): number {
  if (char === '-') return 10;
  if (char.startsWith('CC')) return 10 + Number(char.slice(2));
  return Number(char);
}

/** The barcode character of a value 0–18 (inverse of customerBarcodeCharValue). */
export function customerBarcodeCharOfValue(value: number): CustomerBarcodeChar {
  if (!Number.isInteger(value) || value < 0 || value > 18)
    throw new RangeError(`value out of range: ${value}`);
  if (value < 10) return String(value) as CustomerBarcodeChar;
  if (value === 10) return '-';
  return `CC${value - 10}` as CustomerBarcodeChar;
}

// ---------------------------------------------------------------------------------------------------------
// 住所表示番号 (§5.2)

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  壱: 1,
  二: 2,
  弐: 2,
  三: 3,
  参: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const KANJI_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 千: 1000 };
const KANJI_NUMERAL = `[${Object.keys(KANJI_DIGITS).join('')}${Object.keys(KANJI_UNITS).join('')}]+`;

/**
 * 漢数字 → Arabic: positional ('一〇五' → 105) or with units ('十二' → 12, '二十三' → 23, '百五' → 105).
 * Returns null for anything else.
 */
export function kanjiNumeralToNumber(kanji: string): number | null {
  if (!new RegExp(`^${KANJI_NUMERAL}$`).test(kanji)) return null;
  const chars = [...kanji];
  if (!chars.some((c) => c in KANJI_UNITS)) {
    return Number(chars.map((c) => KANJI_DIGITS[c]).join(''));
  }
  let total = 0;
  let digit: number | null = null;
  for (const c of chars) {
    const unit = KANJI_UNITS[c];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      if (digit !== null) return null; // '二三十' is not a number
      digit = KANJI_DIGITS[c]!;
    }
  }
  return total + (digit ?? 0);
}

/**
 * 補足ルール: a 漢数字 immediately before 丁目・丁・番地・番・号・地割・線・の・ノ becomes Arabic digits
 * (一丁目 → 1丁目, 十二番 → 12番, 三の五番 → 3の5番). Our addition: a 漢数字 right after a number's
 * 「の」/「ノ」 is converted too (十二番地の三 → 12番地の3), otherwise the last number would be lost.
 *
 * Because the whole address is scanned (we cannot cut off 住所A, see addressDisplayNumber), two exceptions
 * keep common 町域 names intact: 「N番町」 (一番町, 四番町) and 「Nの／ノ」 not followed by a number
 * (一の宮, 三ノ輪).
 */
function convertKanjiNumerals(address: string): string {
  const re = new RegExp(`(${KANJI_NUMERAL})(丁目|丁|番地|番|号|地割|線|の|ノ)(?=(.?))`, 'gu');
  const converted = address.replace(re, (whole, kanji: string, unit: string, next: string) => {
    if (unit === '番' && next === '町') return whole;
    if ((unit === 'の' || unit === 'ノ') && !/[0-9]/.test(next) && !new RegExp(KANJI_NUMERAL).test(next)) {
      return whole;
    }
    const n = kanjiNumeralToNumber(kanji);
    return n === null ? whole : `${n}${unit}`;
  });
  const after = new RegExp(`([0-9](?:番地|番|号)?[のノ])(${KANJI_NUMERAL})`, 'gu');
  return converted.replace(after, (whole, before: string, kanji: string) => {
    const n = kanjiNumeralToNumber(kanji);
    return n === null ? whole : `${before}${n}`;
  });
}

/**
 * 住所表示番号 — the part of the address the customer barcode carries (manual p19, domain §5.2).
 *
 * Steps: NFKC (全角 → 半角 digits and letters), upper-case, delete 「&」「/」「・」「.」 and close the gap,
 * 漢数字 before 丁目/番地/番/号/の… → Arabic (補足ルール), then keep Arabic digits, hyphens and single
 * letters; every other run (kanji, kana, blanks, runs of 2+ letters) becomes one hyphen; hyphens are collapsed
 * and leading/trailing ones dropped.
 *
 * Further 補足ルール applied (taken from the manual's worked examples on p19–p20; the rule text itself was not
 * retrieved, see domain §7 item 7):
 * - a hyphen next to a kept letter is removed (「…-5 …コーポB604号」 → `5B604`; 「J1ビル2-B」 → `J1-2B`);
 * - a single letter right after a digit and not followed by a digit or letter is a floor mark and is dropped
 *   (「ABCビル2F」 → `2`).
 *
 * LIMITATION — 住所A/住所B: the manual extracts from 住所B only, i.e. the text after the 町域 that the 郵便番号
 * identifies, which needs the 郵便番号データ (KEN_ALL) to find. We have no such dictionary, so we use the
 * heuristic "住所B starts at the first digit (after the 漢数字 conversion)". It fails when the 町域 name itself
 * contains digits or a converted 漢数字 (e.g. 札幌市「北1条西」, 「二番町」 is protected but 「第2地割」-style
 * 町域 are not), or when 住所B starts with a letter (大阪市「上町A-7」 loses the A). Such addresses get a
 * barcode whose 住所表示番号 is wrong; mail is still delivered by the printed address, but the 料金割引 for
 * barcoded mail assumes correct data, so municipalities with such 町域 should check the output.
 */
export function addressDisplayNumber(address: string): string {
  let s = address.normalize('NFKC').toUpperCase();
  s = s.replace(/[&/・.]/g, '');
  s = convertKanjiNumerals(s);
  const first = s.search(/[0-9]/);
  if (first < 0) return '';
  s = s.slice(first);
  // Floor mark: a letter after a digit, followed by neither digit nor letter (2F → 2).
  s = s.replace(/([0-9])[A-Z](?![0-9A-Z])/g, '$1');
  // Runs of 2+ letters and every character that is not kept become a separator.
  s = s.replace(/[A-Z]{2,}/g, '-').replace(/[^0-9A-Z-]+/g, '-');
  s = s.replace(/-+/g, '-');
  // A hyphen next to a kept letter is removed.
  s = s.replace(/-?([A-Z])-?/g, '$1');
  return s.replace(/^-+|-+$/g, '');
}

/** 郵便番号 as 7 ASCII digits, or null ('123-4567', '１２３４５６７' are accepted). */
export function normalizePostalCode(postalCode: string): string | null {
  const digits = postalCode.normalize('NFKC').replace(/[-\s〒]/g, '');
  return /^[0-9]{7}$/.test(digits) ? digits : null;
}

/**
 * The customer barcode's data (「カスタマバーコードの情報」, manual p17/p20): the 7-digit 郵便番号 followed
 * directly by the 住所表示番号 of address + 方書, e.g. 1000013 + 1-3-2-503 → `10000131-3-2-503`. This is the
 * text bwip-js `japanpost` takes (digits, A–Z and '-'); Layout.customerBarcode draws it.
 *
 * Cut after 20 barcode positions (a letter counts 2); a letter whose control code is the 20th position is kept
 * whole here (the drawing then keeps only its control code, manual p20).
 *
 * Returns null — no barcode is printed — when the 郵便番号 is not 7 digits, or when it is a 代表郵便番号
 * (the town part 0000, 「以下に掲載がない場合」: manual p18 says no customer barcode is printed then).
 */
export function customerBarcodeData(
  postalCode: string,
  address: string,
  addressExtra: string,
): string | null {
  const postal = normalizePostalCode(postalCode);
  if (!postal || postal.endsWith('0000')) return null;
  const adn = addressDisplayNumber(addressExtra ? `${address} ${addressExtra}` : address);
  let out = postal;
  let positions = postal.length;
  for (const c of adn) {
    if (positions >= CUSTOMER_BARCODE_POSITIONS) break;
    out += c;
    positions += /[A-Z]/.test(c) ? 2 : 1;
  }
  return out;
}

/** A letter as two barcode characters: A–J = CC1 + 0–9, K–T = CC2 + 0–9, U–Z = CC3 + 0–5 (§5.1). */
function letterChars(letter: string): [CustomerBarcodeChar, CustomerBarcodeChar] {
  const i = letter.charCodeAt(0) - 65;
  return [`CC${Math.floor(i / 10) + 1}` as CustomerBarcodeChar, String(i % 10) as CustomerBarcodeChar];
}

/**
 * The 20 barcode characters of the data (郵便番号 7 + 住所表示番号 13, manual p12/p20): letters expand to
 * control code + digit, the 住所表示番号 is padded with CC4 or cut after 13 positions (a letter cut in two keeps
 * its control code).
 */
export function customerBarcodeChars(data: string): CustomerBarcodeChar[] {
  if (!/^[0-9]{7}[0-9A-Z-]*$/.test(data)) {
    throw new Error(`カスタマバーコードのデータが不正です: ${data}`);
  }
  const chars = [...data.slice(0, 7)] as CustomerBarcodeChar[];
  const rest: CustomerBarcodeChar[] = [];
  for (const c of data.slice(7)) {
    if (/[A-Z]/.test(c)) rest.push(...letterChars(c));
    else rest.push(c as CustomerBarcodeChar);
  }
  const address = rest.slice(0, ADDRESS_POSITIONS);
  while (address.length < ADDRESS_POSITIONS) address.push('CC4');
  return [...chars, ...address];
}

/**
 * チェックデジット (manual p21, §5.3): the character whose value brings the sum of the 20 characters' values
 * to a multiple of 19. 1000013 + 1-3-2-503 → '9'.
 */
export function customerBarcodeCheckDigit(data: string): CustomerBarcodeChar {
  const sum = customerBarcodeChars(data).reduce((acc, c) => acc + customerBarcodeCharValue(c), 0);
  return customerBarcodeCharOfValue((19 - (sum % 19)) % 19);
}
