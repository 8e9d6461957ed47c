/**
 * Building blocks for A4 letters folded in three for 長3 window envelopes (窓あき封筒): the address block sits
 * behind the window, the sender block and the title below it.
 */
import { formatWareki } from '../calendar/index.ts';
import { customerBarcodeData } from './customer-barcode.ts';
import { A4, customerBarcodeWidth, type Layout } from './layout.ts';
import type { Recipient, Sender } from './types.ts';

/** Where the envelope's window is, in mm from the top-left of the A4 sheet. */
export type EnvelopeWindow = { left: number; top: number; width: number; height: number };

/** Default window: 長3 window envelope, left 20 mm, top 15 mm, 90 × 45 mm. */
export const NAGA3_WINDOW: Readonly<EnvelopeWindow> = { left: 20, top: 15, width: 90, height: 45 };

/** Inner margin kept free inside the window (the sheet moves a little in the envelope). */
const WINDOW_PADDING = { x: 4, y: 3 };

/** '1234567' → '〒123-4567'; '' for anything that is not 7 digits. */
export function formatPostalMark(postalCode: string): string {
  const d = postalCode.replace(/-/g, '');
  return /^[0-9]{7}$/.test(d) ? `〒${d.slice(0, 3)}-${d.slice(3)}` : '';
}

export type AddressBlockOptions = {
  /** Window position (default NAGA3_WINDOW); fields given here override the default. */
  window?: Partial<EnvelopeWindow>;
  /** Print the 郵便カスタマバーコード when the address gives data (default true). */
  customerBarcode?: boolean;
};

/**
 * The recipient's address block in the envelope window: 〒 line, address, 方書, careOf line, name + 「様」 (larger),
 * and the customer barcode under it when customerBarcodeData() gives data. Text shrinks to fit the window.
 * Returns the height used in mm.
 */
export function addressBlock(layout: Layout, recipient: Recipient, opts: AddressBlockOptions = {}): number {
  const win = { ...NAGA3_WINDOW, ...opts.window };
  const x = win.left + WINDOW_PADDING.x;
  const top = win.top + WINDOW_PADDING.y;
  const width = win.width - 2 * WINDOW_PADDING.x;
  const available = win.height - 2 * WINDOW_PADDING.y;
  const postal = formatPostalMark(recipient.postalCode);
  const data =
    opts.customerBarcode === false
      ? null
      : customerBarcodeData(recipient.postalCode, recipient.address, recipient.addressExtra);
  const barcodeFits = data !== null && customerBarcodeWidth(10) <= width;
  const barcodeHeight = barcodeFits ? 2 + 3.6 : 0;
  const name = `${recipient.name}　様`;

  // Try the normal sizes, then smaller ones, until everything fits the window.
  for (const scale of [1, 0.92, 0.84, 0.76, 0.68]) {
    const sizes = { postal: 10 * scale, address: 11 * scale, careOf: 10 * scale };
    const nameSize = layout.fitSize(name, { width, maxSize: 15 * scale, minSize: 8 });
    const parts: { text: string; size: number; gap: number }[] = [];
    if (postal) parts.push({ text: postal, size: sizes.postal, gap: 0.8 });
    parts.push({ text: recipient.address, size: sizes.address, gap: 0 });
    if (recipient.addressExtra) parts.push({ text: recipient.addressExtra, size: sizes.address, gap: 0 });
    if (recipient.careOf) parts.push({ text: recipient.careOf, size: sizes.careOf, gap: 0 });
    const nameGap = 1.5;
    const textHeight =
      parts.reduce((a, p) => a + layout.measure(p.text, { size: p.size, width }).height + p.gap, 0) +
      nameGap +
      layout.lineHeight({ size: nameSize });
    if (textHeight + barcodeHeight > available && scale > 0.68) continue;

    let y = top;
    for (const p of parts) y += layout.text(x, y, p.text, { size: p.size, width }) + p.gap;
    y += nameGap;
    y += layout.text(x, y, name, { size: nameSize, width });
    if (barcodeFits && data && y + 2 + 3.6 <= top + available) {
      y += 2;
      y += layout.customerBarcode(x, y, data).height;
    }
    return y - win.top;
  }
  return 0; // not reached: the last scale always draws
}

/**
 * The sender (差出人) block: centre name, 〒 address, 電話. `x`, `y` is the top-left; returns the height in mm.
 */
export function senderBlock(
  layout: Layout,
  sender: Sender,
  x: number,
  y: number,
  opts: { size?: number; width?: number } = {},
): number {
  const size = opts.size ?? 9;
  const width = opts.width ?? 80;
  const center = sender.centerName.startsWith(sender.municipalityName)
    ? sender.centerName
    : `${sender.municipalityName}　${sender.centerName}`;
  const lines = [
    center,
    [formatPostalMark(sender.centerPostalCode), sender.centerAddress].filter(Boolean).join(' '),
    sender.centerPhone ? `電話 ${sender.centerPhone}` : '',
  ].filter(Boolean);
  return layout.lines(x, y, lines, { size, width });
}

/** The issuer line 「すこやか市長　山田 太郎」, right-aligned so that it ends at x. Returns the height in mm. */
export function issuerLine(
  layout: Layout,
  sender: Sender,
  x: number,
  y: number,
  opts: { size?: number } = {},
): number {
  const width = 100;
  return layout.text(x - width, y, `${sender.mayorTitle}　${sender.mayorName}`, {
    size: opts.size ?? 10.5,
    width,
    align: 'right',
  });
}

/** The date in 和暦 (令和8年6月1日), right-aligned so that it ends at x. Returns the height in mm. */
export function dateLine(
  layout: Layout,
  isoDate: string,
  x: number,
  y: number,
  opts: { size?: number } = {},
): number {
  const width = 80;
  return layout.text(x - width, y, formatWareki(isoDate), { size: opts.size ?? 10.5, width, align: 'right' });
}

/** The document title, bold and centred on the page. Returns the height in mm. */
export function documentTitle(
  layout: Layout,
  title: string,
  y: number,
  opts: { size?: number } = {},
): number {
  const margin = 20;
  return layout.text(margin, y, title, {
    size: opts.size ?? 16,
    bold: true,
    width: A4.width - 2 * margin,
    align: 'center',
  });
}
