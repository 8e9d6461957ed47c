/**
 * A template registry for the mailings engine's tests (not used by the application): one page with the
 * address block and the payload's ticket number.
 */
import { addressBlock, dateLine, documentTitle, senderBlock } from '../documents/letter.ts';
import type { DocumentTemplate, TemplateRegistry } from '../documents/types.ts';

export const testTicket: DocumentTemplate<{ ticketNo?: string }> = {
  code: 'mailings-test.ticket',
  title: '受診票（券）',
  render(layout, item, ctx) {
    layout.newPage();
    addressBlock(layout, item.recipient, { customerBarcode: false });
    dateLine(layout, ctx.issueDate, 190, 20);
    senderBlock(layout, ctx.sender, 120, 35);
    documentTitle(layout, '受診票（券）', 75);
    layout.text(20, 100, `受診券番号 ${item.payload.ticketNo ?? ''}`, { size: 11 });
  },
};

export const templates: TemplateRegistry = { [testTicket.code]: testTicket };
