/**
 * Layout — a thin millimetre API over one pdfkit document (A4 portrait, origin at the top-left corner).
 *
 * Positions and lengths are in millimetres; font sizes and line gaps in points. Text is Noto Sans JP (fonts.ts).
 * Every barcode is drawn as vector rectangles from bwip-js's raw bar data (computed in barcodes.ts; never as
 * images: pdfkit keeps every image until end(), which made 10,000 pages reach 2.8 GB).
 */
import PDFDocument from 'pdfkit';
import { code128Bars, customerBarcodeRects, customerBarcodeWidth, qrCells, type Rect } from './barcodes.ts';
import { fontData } from './fonts.ts';

export {
  bwipJapanPostBars,
  type CustomerBarKind,
  classifyJapanPostBars,
  customerBarcodeBars,
  customerBarcodeCharBars,
  customerBarcodeWidth,
} from './barcodes.ts';

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
export const A4 = { width: 210, height: 297 } as const;

const FONT_REGULAR = 'NotoSansJP';
const FONT_BOLD = 'NotoSansJP-Bold';

export type Align = 'left' | 'center' | 'right' | 'justify';

export type TextOptions = {
  /** Font size in points (default 10.5). */
  size?: number;
  /** Box width in mm: text wraps inside it (default: to the right edge of the page). */
  width?: number;
  /** Maximum height in mm: lines beyond it are not drawn (default: to the bottom of the page). */
  height?: number;
  align?: Align;
  bold?: boolean;
  /** Extra space between lines in points (default 0). */
  lineGap?: number;
  /** With `height`, end the last visible line with '…' when text is cut. */
  ellipsis?: boolean;
  /** Gray level 0 (black) – 1 (white); default black. */
  gray?: number;
};

export type Box = { x: number; y: number; w: number; h: number };

export type TableColumn = { header: string; width: number; align?: Align };

export type TableSpec = {
  columns: TableColumn[];
  rows: string[][];
  /** Row height in mm (default 7). */
  rowHeight?: number;
  /** Font size in points (default 9). */
  size?: number;
  /** Header background gray level (default 0.9; null = none). */
  headerFill?: number | null;
};

/** mm → pt, rounded to 0.01 pt (0.004 mm): shorter numbers make smaller content streams to write and deflate. */
const mm = (v: number) => Math.round(v * PT_PER_MM * 100) / 100;
const toMm = (pt: number) => pt / PT_PER_MM;

export class Layout {
  /** The pdfkit document, for rare needs the Layout API does not cover (units are points there). */
  readonly pdf: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private pageCount = 0;
  private itemSeq: number | null = null;
  private itemPage = 0;
  private footerPending = false;

  constructor(opts: { title?: string; author?: string } = {}) {
    this.pdf = new PDFDocument({
      size: 'A4',
      margin: 0,
      autoFirstPage: false,
      info: { Title: opts.title ?? '', Author: opts.author ?? '', Producer: 'Sukoyaka' },
      lang: 'ja-JP',
      displayTitle: Boolean(opts.title),
    });
    this.pdf.registerFont(FONT_REGULAR, fontData('regular'));
    this.pdf.registerFont(FONT_BOLD, fontData('bold'));
    this.pdf.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.pdf.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.pdf.on('error', reject);
    });
  }

  /** Number of pages so far. */
  get pages(): number {
    return this.pageCount;
  }

  /**
   * Starts a new A4 page. Inside renderer-driven items (beginItem), the item's sequence number is printed in the
   * footer of each of its pages (drawn when the page is finished): keep the bottom 12 mm of the page free.
   */
  newPage(): void {
    this.finishPage();
    this.pdf.addPage({ size: 'A4', margin: 0 });
    this.pageCount++;
    if (this.itemSeq !== null) {
      this.itemPage++;
      this.footerPending = true;
    }
  }

  /** Marks the start of one DocumentItem (the renderer calls this); null ends numbering. */
  beginItem(seq: number | null): void {
    this.finishPage();
    this.itemSeq = seq;
    this.itemPage = 0;
  }

  /** Draws the footer of the current page if it belongs to an item and has none yet. */
  private finishPage(): void {
    if (this.footerPending && this.itemSeq !== null) this.footer(this.itemSeq, this.itemPage);
    this.footerPending = false;
  }

  /**
   * The batch sequence number, small at the bottom right, for pull-out work (抜き取り): 「No.123」, and
   * 「No.123-2」 on an item's second page.
   */
  footer(seq: number, pageOfItem = 1): void {
    const label = pageOfItem > 1 ? `No.${seq}-${pageOfItem}` : `No.${seq}`;
    this.text(150, A4.height - 11, label, { size: 7, width: 50, align: 'right', gray: 0.35 });
  }

  private requirePage(): void {
    if (this.pageCount === 0) throw new Error('Layout: newPage() must be called before drawing');
  }

  private font(opts: { size?: number; bold?: boolean }): void {
    this.pdf.font(opts.bold ? FONT_BOLD : FONT_REGULAR).fontSize(opts.size ?? 10.5);
  }

  /** Draws text with its top-left corner at (x, y); returns the height used in mm. */
  text(x: number, y: number, str: string, opts: TextOptions = {}): number {
    this.requirePage();
    this.font(opts);
    const width = opts.width ?? A4.width - x;
    const height = opts.height ?? A4.height - y;
    if (height <= 0 || str === '') return 0;
    if (opts.gray !== undefined) this.pdf.fillColor(grayHex(opts.gray));
    const top = mm(y);
    // Fast path: text that fits on one line skips pdfkit's line wrapper, which measures every character of
    // Japanese text separately (each is a break opportunity) and dominated the render time.
    if (opts.align !== 'justify' && !str.includes('\n')) {
      const w = this.pdf.widthOfString(str);
      const lineHeight = this.pdf.currentLineHeight(true);
      if (w <= mm(width) && lineHeight <= mm(height)) {
        const free = mm(width) - w;
        const dx = opts.align === 'right' ? free : opts.align === 'center' ? free / 2 : 0;
        this.pdf.text(str, mm(x) + dx, top, { lineBreak: false });
        if (opts.gray !== undefined) this.pdf.fillColor('black');
        return toMm(lineHeight + (opts.lineGap ?? 0));
      }
    }
    this.pdf.text(str, mm(x), top, {
      width: mm(width),
      height: mm(height),
      align: opts.align ?? 'left',
      lineGap: opts.lineGap ?? 0,
      ellipsis: opts.ellipsis ?? false,
    });
    if (opts.gray !== undefined) this.pdf.fillColor('black');
    return toMm(this.pdf.y - top);
  }

  /** Several paragraphs one under the other (each wraps inside `width`); returns the total height in mm. */
  lines(
    x: number,
    y: number,
    lines: readonly string[],
    opts: TextOptions & { paragraphGap?: number } = {},
  ): number {
    let used = 0;
    for (const line of lines) {
      const h = line === '' ? this.lineHeight(opts) : this.text(x, y + used, line, opts);
      used += h + (opts.paragraphGap ?? 0);
    }
    return used;
  }

  /** Height in mm of one line of text at this size. */
  lineHeight(opts: { size?: number; bold?: boolean; lineGap?: number } = {}): number {
    this.font(opts);
    return toMm(this.pdf.currentLineHeight(true) + (opts.lineGap ?? 0));
  }

  /** Size of text in mm: `width` on one line, `height` when wrapped inside opts.width (if given). */
  measure(str: string, opts: TextOptions = {}): { width: number; height: number } {
    this.font(opts);
    const width = this.pdf.widthOfString(str);
    const lineGap = opts.lineGap ?? 0;
    const oneLine = !str.includes('\n') && (opts.width === undefined || width <= mm(opts.width));
    const height = oneLine
      ? this.pdf.currentLineHeight(true) + lineGap
      : this.pdf.heightOfString(str, {
          width: opts.width === undefined ? undefined : mm(opts.width),
          lineGap,
        });
    return { width: toMm(width), height: toMm(height) };
  }

  /**
   * The largest font size (pt, from maxSize down to minSize in 0.5 pt steps) at which `str` fits: on one line
   * within `width`, or, with `maxHeight`, wrapped within width × maxHeight. Returns minSize if nothing fits.
   */
  fitSize(
    str: string,
    opts: {
      width: number;
      maxSize: number;
      minSize: number;
      maxHeight?: number;
      bold?: boolean;
      lineGap?: number;
    },
  ): number {
    for (let size = opts.maxSize; size > opts.minSize; size -= 0.5) {
      if (opts.maxHeight === undefined) {
        this.font({ size, bold: opts.bold });
        if (toMm(this.pdf.widthOfString(str)) <= opts.width) return size;
      } else {
        const m = this.measure(str, { size, bold: opts.bold, width: opts.width, lineGap: opts.lineGap });
        if (m.height <= opts.maxHeight) return size;
      }
    }
    return opts.minSize;
  }

  hline(x1: number, x2: number, y: number, lineWidth = 0.2): void {
    this.requirePage();
    this.pdf.moveTo(mm(x1), mm(y)).lineTo(mm(x2), mm(y)).lineWidth(mm(lineWidth)).stroke();
  }

  vline(x: number, y1: number, y2: number, lineWidth = 0.2): void {
    this.requirePage();
    this.pdf.moveTo(mm(x), mm(y1)).lineTo(mm(x), mm(y2)).lineWidth(mm(lineWidth)).stroke();
  }

  /** A rectangle: stroked (default), or filled with a gray level, or both. */
  rect(box: Box, opts: { lineWidth?: number; fill?: number; stroke?: boolean } = {}): void {
    this.requirePage();
    const stroke = opts.stroke ?? opts.fill === undefined;
    this.pdf.rect(mm(box.x), mm(box.y), mm(box.w), mm(box.h)).lineWidth(mm(opts.lineWidth ?? 0.2));
    if (opts.fill !== undefined && stroke) this.pdf.fillAndStroke(grayHex(opts.fill), 'black');
    else if (opts.fill !== undefined) this.pdf.fill(grayHex(opts.fill));
    else this.pdf.stroke();
    this.pdf.fillColor('black');
  }

  /** An empty square for answer forms (回答欄のチェックボックス). */
  checkbox(x: number, y: number, sizeMm: number): void {
    this.rect({ x, y, w: sizeMm, h: sizeMm }, { lineWidth: 0.25 });
  }

  /**
   * A bordered table with a header row. Cell text is on one line, vertically centred, cut with '…' if too wide.
   * Returns the height in mm.
   */
  table(x: number, y: number, spec: TableSpec): number {
    this.requirePage();
    const rowH = spec.rowHeight ?? 7;
    const size = spec.size ?? 9;
    const totalW = spec.columns.reduce((a, c) => a + c.width, 0);
    const nRows = spec.rows.length + 1;
    const headerFill = spec.headerFill === undefined ? 0.9 : spec.headerFill;
    if (headerFill !== null) this.rect({ x, y, w: totalW, h: rowH }, { fill: headerFill, stroke: false });
    const pad = 1.2;
    const textTop = (rowH - this.lineHeight({ size })) / 2;
    const cell = (cx: number, cy: number, col: TableColumn, str: string, bold: boolean) => {
      if (!str) return;
      this.text(cx + pad, cy + textTop, str, {
        size,
        bold,
        width: col.width - 2 * pad,
        height: rowH - textTop,
        align: bold ? 'center' : (col.align ?? 'left'),
        ellipsis: true,
      });
    };
    let cx = x;
    for (const col of spec.columns) {
      cell(cx, y, col, col.header, true);
      cx += col.width;
    }
    spec.rows.forEach((row, r) => {
      let rx = x;
      spec.columns.forEach((col, c) => {
        cell(rx, y + (r + 1) * rowH, col, row[c] ?? '', false);
        rx += col.width;
      });
    });
    // Borders: one path for all lines.
    const lw = 0.2;
    this.pdf.lineWidth(mm(lw));
    for (let r = 0; r <= nRows; r++)
      this.pdf.moveTo(mm(x), mm(y + r * rowH)).lineTo(mm(x + totalW), mm(y + r * rowH));
    let vx = x;
    for (let c = 0; c <= spec.columns.length; c++) {
      this.pdf.moveTo(mm(vx), mm(y)).lineTo(mm(vx), mm(y + nRows * rowH));
      vx += spec.columns[c]?.width ?? 0;
    }
    this.pdf.stroke();
    return nRows * rowH;
  }

  /** Fills rectangles (mm) as one path. */
  private fillRects(rects: Iterable<Rect>): void {
    for (const [x, y, w, h] of rects) this.pdf.rect(mm(x), mm(y), mm(w), mm(h));
    this.pdf.fill('black');
  }

  /**
   * Code 128 at (x, y). Width: `widthMm` for the whole symbol, or `moduleMm` per module (default 0.3 mm).
   * The human-readable text is printed under the bars unless showText is false. Leave a quiet zone of 10
   * modules left and right. Returns the size drawn in mm.
   */
  code128(
    x: number,
    y: number,
    text: string,
    opts: { heightMm: number; widthMm?: number; moduleMm?: number; showText?: boolean },
  ): { width: number; height: number } {
    this.requirePage();
    const { rects, width } = code128Bars(x, y, text, opts);
    this.fillRects(rects);
    let height = opts.heightMm;
    if (opts.showText ?? true) {
      height += 0.5 + this.text(x, y + opts.heightMm + 0.5, text, { size: 7, width, align: 'center' });
    }
    return { width, height };
  }

  /** QR code (error correction M) of sizeMm × sizeMm at (x, y). Leave 4 modules of quiet zone around it. */
  qr(x: number, y: number, text: string, sizeMm: number): void {
    this.requirePage();
    this.fillRects(qrCells(x, y, text, sizeMm));
  }

  /**
   * 郵便カスタマバーコード for `data` from customerBarcodeData() (郵便番号 + 住所表示番号), top-left at (x, y).
   * Drawn at the 日本郵便 dimensions for `pointSize` (8–11.5, default 10 pt: bar pitch 1.2 mm, bar width 0.6 mm,
   * long bar 3.6 mm, semi-long bars 2.4 mm, timing bar 1.2 mm; manual p12). Keep 2 mm clear around it.
   * Returns the size drawn in mm (79.8 × 3.6 at 10 pt).
   */
  customerBarcode(
    x: number,
    y: number,
    data: string,
    opts: { pointSize?: number } = {},
  ): { width: number; height: number } {
    this.requirePage();
    const pointSize = opts.pointSize ?? 10;
    if (pointSize < 8 || pointSize > 11.5)
      throw new RangeError('カスタマバーコードの大きさは8〜11.5ポイントです');
    this.fillRects(customerBarcodeRects(x, y, data, pointSize));
    return { width: customerBarcodeWidth(pointSize), height: 3.6 * (pointSize / 10) };
  }

  /** Finishes the PDF and returns its bytes. */
  end(): Promise<Buffer> {
    this.finishPage();
    this.pdf.end();
    return this.done;
  }
}

function grayHex(level: number): string {
  const v = Math.round(Math.min(1, Math.max(0, level)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `#${v}${v}${v}`;
}
