/**
 * A tiny template registry for the documents engine's tests and measure.ts (not used by the application).
 */
import { addressBlock, dateLine, documentTitle, issuerLine, senderBlock } from './letter.ts';
import type { DocumentItem, DocumentTemplate, RenderContext, Sender, TemplateRegistry } from './types.ts';

export type TestLetterPayload = {
  /** 受診券番号, printed as Code 128. */
  ticketNo: string;
  rows: [string, string, string][];
  /** Draw a QR code too (slow in bwip-js: ~4 ms each). */
  qr?: boolean;
};

/** 受診券（テスト）: a one-page letter with address block, sender, title, a table, Code 128 and QR. */
export const testLetter: DocumentTemplate<TestLetterPayload> = {
  code: 'test-letter',
  title: '受診券（テスト）',
  render(layout, item, ctx) {
    layout.newPage();
    addressBlock(layout, item.recipient);
    dateLine(layout, ctx.issueDate, 190, 20);
    issuerLine(layout, ctx.sender, 190, 26);
    senderBlock(layout, ctx.sender, 120, 35);
    documentTitle(layout, '健康診査受診券', 75);
    layout.text(
      20,
      90,
      `${item.recipient.name} 様\n今年度の健康診査の受診券をお送りします。下記の医療機関で受診してください。`,
      { size: 10.5, width: 170, lineGap: 2 },
    );
    layout.table(20, 110, {
      columns: [
        { header: '検診', width: 60 },
        { header: '自己負担額', width: 40, align: 'right' },
        { header: '実施期間', width: 70 },
      ],
      rows: item.payload.rows,
    });
    layout.text(20, 160, '受診券番号', { size: 9 });
    layout.code128(20, 165, item.payload.ticketNo, { heightMm: 10 });
    if (item.payload.qr) layout.qr(160, 160, `https://example.jp/t/${item.payload.ticketNo}`, 25);
    layout.text(20, 200, '回答欄', { size: 9 });
    layout.checkbox(20, 206, 4);
    layout.text(26, 206, '受診を希望します', { size: 9 });
  },
};

/** Throws on the item whose seq is payload.failAt (for error tests). */
export const testFailing: DocumentTemplate<{ failAt: number }> = {
  code: 'test-failing',
  title: 'エラー（テスト）',
  render(layout, item) {
    if (item.seq === item.payload.failAt) throw new Error(`テスト用のエラー（通番 ${item.seq}）`);
    layout.newPage();
    layout.text(20, 20, `通番 ${item.seq}`);
  },
};

export const templates: TemplateRegistry = {
  [testLetter.code]: testLetter,
  [testFailing.code]: testFailing,
};

export const testSender: Sender = {
  municipalityName: 'すこやか市',
  mayorTitle: 'すこやか市長',
  mayorName: '健康 一郎',
  centerName: 'すこやか市保健センター',
  centerPostalCode: '1234500',
  centerAddress: 'すこやか県すこやか市本町一丁目1番1号',
  centerPhone: '0123-45-6789',
};

export const testContext: RenderContext = { sender: testSender, issueDate: '2026-06-01' };

/** Test item n (1-based): a resident of すこやか市 with a unique name 「すこやか 花子n」. */
export function testItem(n: number, opts: { qr?: boolean } = {}): DocumentItem<TestLetterPayload> {
  return {
    seq: n,
    recipient: {
      postalCode: `12345${String((n % 40) + 1).padStart(2, '0')}`,
      address: `すこやか県すこやか市中央${['一', '二', '三', '四', '五'][n % 5]}丁目${(n % 30) + 1}番${(n % 20) + 1}号`,
      addressExtra: n % 3 === 0 ? `すこやかハイツ${(n % 5) + 1}0${(n % 6) + 1}号` : '',
      name: `すこやか 花子${n}`,
    },
    payload: {
      ticketNo: `K${String(n).padStart(8, '0')}`,
      rows: [
        ['特定健康診査', '1,000円', '令和8年6月1日〜令和9年1月31日'],
        ['胃がん検診', '1,500円', '令和8年6月1日〜令和9年1月31日'],
        ['大腸がん検診', '500円', '令和8年6月1日〜令和9年1月31日'],
        ['肺がん検診', '500円', '令和8年6月1日〜令和9年1月31日'],
        ['乳がん検診', '1,500円', '令和8年6月1日〜令和9年1月31日'],
      ],
      qr: opts.qr ?? false,
    },
  };
}
