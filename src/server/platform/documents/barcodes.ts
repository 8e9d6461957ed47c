/**
 * Barcodes as vector rectangles in millimetres (origin at the top-left corner), from bwip-js's raw bar data:
 * Code 128, QR and the 郵便カスタマバーコード. Layout (layout.ts) fills them as one path each; never as images:
 * pdfkit keeps every image until end(), which made 10,000 pages reach 2.8 GB.
 */
import bwipjs from 'bwip-js';
import {
  type CustomerBarcodeChar,
  customerBarcodeChars,
  customerBarcodeCharValue,
  customerBarcodeCheckDigit,
} from './customer-barcode.ts';

/** A rectangle to fill, in mm: x, y, width, height. */
export type Rect = [number, number, number, number];

/** The four bar kinds of the 郵便カスタマバーコード (4-state bars). */
export type CustomerBarKind = 'long' | 'ascender' | 'descender' | 'timing';

type RawLinear = { bbs: number[]; bhs: number[]; sbs: number[] };
type RawMatrix = { pixs: number[]; pixx: number; pixy: number };

/**
 * The bars of Code 128 for `text` with the top-left at (x, y). Width: `widthMm` for the whole symbol, or
 * `moduleMm` per module (default 0.3 mm). Returns the bars and the symbol's width in mm.
 */
export function code128Bars(
  x: number,
  y: number,
  text: string,
  opts: { heightMm: number; widthMm?: number; moduleMm?: number },
): { rects: Rect[]; width: number } {
  const raw = bwipjs.raw('code128', text, {}) as RawLinear[];
  const sbs = raw[0]!.sbs;
  const modules = sbs.reduce((a, b) => a + b, 0);
  const unit = opts.widthMm !== undefined ? opts.widthMm / modules : (opts.moduleMm ?? 0.3);
  const rects: Rect[] = [];
  let cx = x;
  sbs.forEach((w, i) => {
    if (i % 2 === 0) rects.push([cx, y, w * unit, opts.heightMm]);
    cx += w * unit;
  });
  return { rects, width: modules * unit };
}

/** The dark cells of a QR code (error correction M) of sizeMm × sizeMm at (x, y), merged into runs per row. */
export function qrCells(x: number, y: number, text: string, sizeMm: number): Rect[] {
  const raw = bwipjs.raw('qrcode', text, 'eclevel=M') as RawMatrix[];
  const { pixs, pixx, pixy } = raw[0]!;
  const cell = sizeMm / Math.max(pixx, pixy);
  const rects: Rect[] = [];
  for (let r = 0; r < pixy; r++) {
    let c = 0;
    while (c < pixx) {
      if (!pixs[r * pixx + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < pixx && pixs[r * pixx + c]) c++;
      rects.push([x + start * cell, y + r * cell, (c - start) * cell, cell]);
    }
  }
  return rects;
}

/**
 * The 67 bars of the 郵便カスタマバーコード for `data` (customerBarcodeData() output) with the top-left at (x, y),
 * at the 日本郵便 dimensions for `pointSize` (8–11.5; the caller checks the range).
 */
export function customerBarcodeRects(x: number, y: number, data: string, pointSize: number): Rect[] {
  const s = pointSize / 10;
  const bars = customerBarcodeBars(data);
  return bars.map((kind, i): Rect => {
    const [dy, h] = BAR_SHAPES[kind];
    return [x + i * 1.2 * s, y + dy * s, 0.6 * s, h * s];
  });
}

/** Top offset and height in mm of each bar kind at 10 pt (manual p12). */
const BAR_SHAPES: Record<CustomerBarKind, [number, number]> = {
  long: [0, 3.6],
  ascender: [0, 2.4],
  descender: [1.2, 2.4],
  timing: [1.2, 1.2],
};

/** Width in mm of a customer barcode at this point size (67 bars). */
export function customerBarcodeWidth(pointSize = 10): number {
  return (66 * 1.2 + 0.6) * (pointSize / 10);
}

// ---------------------------------------------------------------------------------------------------------
// 郵便カスタマバーコード bars

/**
 * Classifies bwip-js `japanpost` raw bars (bbs = bottom offset, bhs = height, in bwip's units) into the four
 * bar kinds: reaching both the top and the bottom = long; only the top = ascender (上セミロング); only the
 * bottom = descender (下セミロング); neither = timing. A bar of no height (see customerBarcodeBars) is null.
 */
export function classifyJapanPostBars(raw: { bbs: number[]; bhs: number[] }): (CustomerBarKind | null)[] {
  const full = Math.max(...raw.bbs.map((b, i) => b + raw.bhs[i]!));
  return raw.bbs.map((bottom, i) => {
    const h = raw.bhs[i]!;
    if (h <= full * 0.05) return null;
    const atBottom = bottom <= full * 0.1;
    const atTop = bottom + h >= full * 0.9;
    if (atBottom && atTop) return 'long';
    if (atTop) return 'ascender';
    if (atBottom) return 'descender';
    return 'timing';
  });
}

/** bwip-js's bars for `text`, classified. */
export function bwipJapanPostBars(text: string): (CustomerBarKind | null)[] {
  const raw = bwipjs.raw('japanpost', text, {}) as RawLinear[];
  return classifyJapanPostBars(raw[0]!);
}

let charBarsCache: CustomerBarKind[][] | null = null;

/**
 * The 3 bars of each barcode character by value (0–18), read from bwip-js's own output: digits, '-' and
 * CC1–CC3 as data, CC4 as padding, CC5–CC8 as the check character of a one-digit input
 * (d + 19 × CC4 → check 19 − d).
 */
function charBars(): CustomerBarKind[][] {
  if (charBarsCache) return charBarsCache;
  const at = (text: string, start: number) => {
    const bars = bwipJapanPostBars(text).slice(start, start + 3);
    if (bars.length !== 3 || bars.some((b) => b === null))
      throw new Error(`bwip-js japanpost: bad bars for ${text}`);
    return bars as CustomerBarKind[];
  };
  const table: CustomerBarKind[][] = [];
  for (let d = 0; d <= 9; d++) table[d] = at(String(d).repeat(7), 2);
  table[10] = at('-'.repeat(7), 2);
  table[11] = at('A', 2);
  table[12] = at('K', 2);
  table[13] = at('U', 2);
  table[14] = at('0', 5);
  for (let v = 15; v <= 18; v++) table[v] = at(String(19 - v), 62);
  charBarsCache = table;
  return table;
}

/** The bars of one barcode character (3 bars). */
export function customerBarcodeCharBars(char: CustomerBarcodeChar): CustomerBarKind[] {
  return charBars()[customerBarcodeCharValue(char)]!;
}

/**
 * The 67 bars for customerBarcodeData() output: start (2), 20 characters × 3, check character × 3, stop (2).
 *
 * The bars are bwip-js's, with two corrections where bwip-js 4.11 (BWIPP) departs from the manual:
 * - when the sum of the 20 values is a multiple of 19 the check character is 0, but BWIPP computes 19 − 0 = 19
 *   and draws the start code plus a bar of no height there (1 input in 19);
 * - bwip-js rejects data whose last letter straddles positions 20–21; the manual keeps that letter's control
 *   code as position 20 (p20), so we pass bwip-js the data without the letter and put the control code in.
 * Both corrections use bar patterns that bwip-js itself draws for those characters elsewhere; any other
 * disagreement between bwip-js and customerBarcodeChars/customerBarcodeCheckDigit throws.
 */
export function customerBarcodeBars(data: string): CustomerBarKind[] {
  const chars = customerBarcodeChars(data);
  const check = customerBarcodeCheckDigit(data);
  const { text, droppedLetter } = bwipText(data);
  const bars = bwipJapanPostBars(text);
  if (bars.length !== 67) throw new Error(`bwip-js japanpost: expected 67 bars, got ${bars.length}`);
  const verify = (start: number, char: CustomerBarcodeChar, correctable: boolean) => {
    const want = customerBarcodeCharBars(char);
    if (want.every((b, k) => bars[start + k] === b)) return;
    if (!correctable)
      throw new Error(`bwip-js japanpost disagrees with the manual at bar ${start} for ${data}`);
    for (let k = 0; k < 3; k++) bars[start + k] = want[k]!;
  };
  chars.forEach((c, i) => {
    verify(2 + 3 * i, c, droppedLetter && i === chars.length - 1);
  });
  verify(62, check, droppedLetter || check === '0');
  if (bars.some((b) => b === null)) throw new Error('bwip-js japanpost: bar without height');
  return bars as CustomerBarKind[];
}

/** The data bwip-js accepts: at most 20 positions; a last letter straddling positions 20–21 is dropped. */
function bwipText(data: string): { text: string; droppedLetter: boolean } {
  let text = '';
  let positions = 0;
  for (const c of data) {
    const n = /[A-Z]/.test(c) ? 2 : 1;
    if (positions + n > 20) return { text, droppedLetter: n === 2 && positions === 19 };
    text += c;
    positions += n;
  }
  return { text, droppedLetter: false };
}
