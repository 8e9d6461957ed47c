/**
 * # Documents engine (帳票エンジン)
 *
 * PDF output for letters (通知・受診券), lists and 宛名シール: pdfkit with embedded Noto Sans JP subsets, a
 * millimetre Layout API on A4 portrait pages, barcodes (Code 128, QR, 郵便カスタマバーコード) drawn as vectors from
 * bwip-js, and a batch renderer that writes one PDF per chunk of items (memory stays bounded) on worker
 * threads if asked.
 *
 * ## Adding a template (帳票の追加)
 *
 * 1. In your module, write a `DocumentTemplate<Payload>` (types.ts): a `code` unique in the app, a `title`
 *    (帳票名, used on screens and in file names) and `render(layout, item, ctx)`, which calls
 *    `layout.newPage()` for each page and draws with the Layout API and the letter.ts blocks
 *    (`addressBlock`, `senderBlock`, `dateLine`, `documentTitle`, …). It must be a pure function of
 *    (item, ctx): no database or clock access — put everything it needs into the payload. Payloads travel to
 *    worker threads, so keep them plain data (structured-cloneable). Keep the bottom 12 mm free: the renderer
 *    prints each item's sequence number there (「No.123」) for pull-out work.
 *
 *    ```ts
 *    export const kenshinTicket: DocumentTemplate<TicketPayload> = {
 *      code: 'adult-health.ticket',
 *      title: '受診券',
 *      render(layout, item, ctx) {
 *        layout.newPage();
 *        addressBlock(layout, item.recipient);
 *        dateLine(layout, ctx.issueDate, 190, 20);
 *        senderBlock(layout, ctx.sender, 120, 35);
 *        documentTitle(layout, '健康診査受診券', 75);
 *        layout.table(20, 100, { columns: [...], rows: item.payload.rows });
 *      },
 *    };
 *    ```
 *
 * 2. Add it to the application's registry module `src/server/document-templates.ts`, which exports
 *    `templates: TemplateRegistry` (code → template). The renderer loads that module by URL, in the main thread
 *    and in every worker thread, so it must import only what the templates need (no server start-up).
 *
 * 3. Test it with `renderToBuffer(template, [item], ctx)` and `pdfText(buffer)` from `./pdf-text.ts` (text of
 *    each page; not exported here because pdfjs-dist is a devDependency).
 *
 * Rendering: `renderToBuffer` for previews and single reissues (in-process); `renderBatch` for mass printing
 * (chunks of `chunkSize` items → one PDF each, delivered in order to `onChunk`; `workers > 0` uses worker
 * threads). `renderLabels` prints 宛名シール (`labelSheets['12']`, `labelSheets['21']` or a custom sheet).
 */
export {
  addressDisplayNumber,
  type CustomerBarcodeChar,
  customerBarcodeChars,
  customerBarcodeCheckDigit,
  customerBarcodeData,
  normalizePostalCode,
} from './customer-barcode.ts';
export { fontPaths } from './fonts.ts';
export { drawLabel, type LabelSheet, labelSheets, renderLabels } from './labels.ts';
export {
  A4,
  type Align,
  type Box,
  type CustomerBarKind,
  customerBarcodeBars,
  customerBarcodeWidth,
  Layout,
  PT_PER_MM,
  type TableColumn,
  type TableSpec,
  type TextOptions,
} from './layout.ts';
export {
  type AddressBlockOptions,
  addressBlock,
  dateLine,
  documentTitle,
  type EnvelopeWindow,
  formatPostalMark,
  issuerLine,
  NAGA3_WINDOW,
  senderBlock,
} from './letter.ts';
export {
  type BatchSummary,
  type RenderBatchOptions,
  type RenderedChunk,
  renderBatch,
  renderToBuffer,
} from './renderer.ts';
export type {
  DocumentItem,
  DocumentTemplate,
  Recipient,
  RenderContext,
  Sender,
  TemplateRegistry,
} from './types.ts';
