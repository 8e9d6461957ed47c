/**
 * 宛名シール — address labels on A4 label sheets (12面, 21面 or a custom sheet), filled row by row.
 */
import { customerBarcodeData } from './customer-barcode.ts';
import { type Box, customerBarcodeWidth, Layout } from './layout.ts';
import { formatPostalMark } from './letter.ts';
import type { Recipient } from './types.ts';

/** A label sheet, all lengths in mm. */
export type LabelSheet = {
  cols: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  /** Distance from the top of the sheet to the first row. */
  marginTop: number;
  /** Distance from the left of the sheet to the first column. */
  marginLeft: number;
  /** Space between columns. */
  gapX: number;
  /** Space between rows. */
  gapY: number;
};

/** Common A4 sheets (labels centred on the sheet, no gaps). */
export const labelSheets = {
  /** 12面: 2 × 6 labels of 86.4 × 42.3 mm. */
  '12': {
    cols: 2,
    rows: 6,
    labelWidth: 86.4,
    labelHeight: 42.3,
    marginTop: 21.6,
    marginLeft: 18.6,
    gapX: 0,
    gapY: 0,
  },
  /** 21面: 3 × 7 labels of 70 × 42.3 mm. */
  '21': {
    cols: 3,
    rows: 7,
    labelWidth: 70,
    labelHeight: 42.3,
    marginTop: 0.45,
    marginLeft: 0,
    gapX: 0,
    gapY: 0,
  },
} as const satisfies Record<string, LabelSheet>;

const PAD = { x: 4, y: 3 };
/** Clear zone kept left and right of the customer barcode. */
const BARCODE_CLEAR = 2;

/** Renders one label per recipient; returns the PDF. */
export async function renderLabels(recipients: readonly Recipient[], sheet: LabelSheet): Promise<Buffer> {
  const layout = new Layout({ title: '宛名シール' });
  const perPage = sheet.cols * sheet.rows;
  if (recipients.length === 0) layout.newPage();
  recipients.forEach((recipient, i) => {
    const slot = i % perPage;
    if (slot === 0) layout.newPage();
    const col = slot % sheet.cols;
    const row = Math.floor(slot / sheet.cols);
    drawLabel(layout, recipient, {
      x: sheet.marginLeft + col * (sheet.labelWidth + sheet.gapX),
      y: sheet.marginTop + row * (sheet.labelHeight + sheet.gapY),
      w: sheet.labelWidth,
      h: sheet.labelHeight,
    });
  });
  return layout.end();
}

/**
 * One label inside `box`: 〒, address (on one line if it fits at 8.5 pt, else wrapped with the font shrunk to
 * fit), 方書, careOf line, name + 様, and the customer barcode (10 pt, or down to 8 pt on narrow labels) when
 * it fits.
 */
export function drawLabel(layout: Layout, recipient: Recipient, box: Box): void {
  const x = box.x + PAD.x;
  const width = box.w - 2 * PAD.x;
  const top = box.y + PAD.y;
  const available = box.h - 2 * PAD.y;
  const postal = formatPostalMark(recipient.postalCode);
  const name = `${recipient.name}　様`;
  const data = customerBarcodeData(recipient.postalCode, recipient.address, recipient.addressExtra);
  const barcodePt = data
    ? [10, 9, 8].find((pt) => customerBarcodeWidth(pt) + 2 * BARCODE_CLEAR <= box.w)
    : undefined;

  const postalSize = 8.5;
  const oneLine = (text: string, maxSize: number, minSize: number) =>
    text ? layout.fitSize(text, { width, maxSize, minSize }) : 0;
  const nameSize = oneLine(name, 12, 7);
  const extraSize = oneLine(recipient.addressExtra, 9.5, 6);
  const careOfSize = oneLine(recipient.careOf ?? '', 9, 6);
  // (a text that does not fit on one line even at the minimum size wraps: measure it wrapped)
  const height = (text: string, size: number) => (text ? layout.measure(text, { size, width }).height : 0);
  const fixed =
    (postal ? layout.lineHeight({ size: postalSize }) + 0.5 : 0) +
    height(recipient.addressExtra, extraSize) +
    height(recipient.careOf ?? '', careOfSize) +
    1 +
    height(name, nameSize);
  // The address on one line when that needs no less than 8.5 pt; otherwise wrapped and shrunk to fit.
  const singleSize = oneLine(recipient.address, 10, 8);
  const single = singleSize >= 8.5 && layout.measure(recipient.address, { size: singleSize }).width <= width;

  for (const withBarcode of barcodePt ? [true, false] : [false]) {
    const barcodeH = withBarcode && barcodePt ? 1.5 + 3.6 * (barcodePt / 10) : 0;
    const addressRoom = available - fixed - barcodeH;
    const minAddress = layout.lineHeight({ size: 6 });
    if (addressRoom < minAddress && withBarcode) continue;
    const addressSize =
      single && layout.lineHeight({ size: singleSize }) <= addressRoom
        ? singleSize
        : layout.fitSize(recipient.address, { width, maxSize: 10, minSize: 6, maxHeight: addressRoom });

    let y = top;
    if (postal) y += layout.text(x, y, postal, { size: postalSize, width }) + 0.5;
    y += layout.text(x, y, recipient.address, {
      size: addressSize,
      width,
      height: Math.max(addressRoom, minAddress),
    });
    if (extraSize) y += layout.text(x, y, recipient.addressExtra, { size: extraSize, width });
    if (careOfSize) y += layout.text(x, y, recipient.careOf ?? '', { size: careOfSize, width });
    y += 1;
    y += layout.text(x, y, name, { size: nameSize, width });
    if (withBarcode && data && barcodePt) {
      const bx = box.x + (box.w - customerBarcodeWidth(barcodePt)) / 2;
      layout.customerBarcode(Math.min(bx, x), y + 1.5, data, { pointSize: barcodePt });
    }
    return;
  }
}
