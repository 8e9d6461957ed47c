import { describe, expect, it } from 'vitest';
import { labelSheets, renderLabels } from './labels.ts';
import { Layout } from './layout.ts';
import { addressBlock, dateLine } from './letter.ts';
import { pdfText } from './pdf-text.ts';
import { type RenderedChunk, renderBatch, renderToBuffer } from './renderer.ts';
import { testContext, testItem, testLetter } from './test-templates.ts';
import type { DocumentItem, DocumentTemplate, Recipient } from './types.ts';

const registryUrl = new URL('./test-templates.ts', import.meta.url);

/** Removes whitespace: pdf.js may split or join runs differently from how they were written. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('Japanese text', () => {
  it('round-trips name, address and 和暦 date through the PDF', async () => {
    const recipient: Recipient = {
      postalCode: '1234501',
      address: 'すこやか県すこやか市本町三丁目12番3号',
      addressExtra: 'コーポすこやか203号',
      name: '髙橋 𠮷子',
    };
    const template: DocumentTemplate<null> = {
      code: 't',
      title: 'テスト',
      render(layout, item, ctx) {
        layout.newPage();
        addressBlock(layout, item.recipient);
        dateLine(layout, ctx.issueDate, 190, 20);
        layout.text(20, 100, '﨑・德・①・ｶﾀｶﾅ・ＡＢＣ', { size: 12 });
      },
    };
    const pdf = await renderToBuffer(template, [{ seq: 7, recipient, payload: null }], testContext);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [page] = await pdfText(pdf);
    const text = squash(page!);
    expect(text).toContain('〒123-4501');
    expect(text).toContain('すこやか県すこやか市本町三丁目12番3号');
    expect(text).toContain('コーポすこやか203号');
    expect(text).toContain('髙橋𠮷子様');
    expect(text).toContain('令和8年6月1日');
    expect(text).toContain('﨑・德・①・ｶﾀｶﾅ・ＡＢＣ');
    expect(text).toContain('No.7'); // footer
  });

  it('fits long text into a box without adding pages', async () => {
    const layout = new Layout();
    layout.newPage();
    const h = layout.text(20, 280, 'あ'.repeat(2000), { size: 10 });
    expect(h).toBeLessThanOrEqual(17.1);
    expect(layout.pages).toBe(1);
    const pages = await pdfText(await layout.end());
    expect(pages).toHaveLength(1);
  });

  it('refuses to draw before the first page', () => {
    expect(() => new Layout().text(0, 0, 'x')).toThrow(/newPage/);
  });
});

describe('letter template', () => {
  it('prints the address block, sender, table and codes on one page', async () => {
    const item = testItem(3, { qr: true });
    item.recipient.careOf = 'すこやか 太郎 様方';
    const pdf = await renderToBuffer(testLetter, [item], testContext);
    const pages = await pdfText(pdf);
    expect(pages).toHaveLength(1);
    const lines = pages[0]!.split('\n').map((l) => l.replace(/\s+/g, ' ')); // 全角 space as ' '
    // the address block comes first, in this order
    expect(lines.slice(0, 5)).toEqual([
      '〒123-4504',
      'すこやか県すこやか市中央四丁目4番4号',
      'すこやかハイツ404号',
      'すこやか 太郎 様方',
      'すこやか 花子3 様',
    ]);
    const text = squash(pages[0]!);
    expect(text).toContain('すこやか市保健センター');
    expect(text).toContain('電話0123-45-6789');
    expect(text).toContain('健康診査受診券');
    expect(text).toContain('乳がん検診1,500円');
    expect(text).toContain('K00000003');
  });
});

describe('labels', () => {
  const people = (n: number): Recipient[] =>
    Array.from({ length: n }, (_, i) => ({
      postalCode: '1234501',
      address: `すこやか県すこやか市本町${i + 1}丁目1番1号`,
      addressExtra: i % 2 ? `すこやかハイツ${i + 1}号` : '',
      name: `宛名 ${i + 1}`,
    }));
  const namesOn = (page: string) => [...squash(page).matchAll(/宛名(\d+)様/g)].map((m) => Number(m[1]));

  it.each([
    ['12', 12],
    ['21', 21],
  ] as const)('%s面 puts %i labels per page', async (sheet, perPage) => {
    const n = perPage * 2 + 3;
    const pages = await pdfText(await renderLabels(people(n), labelSheets[sheet]));
    expect(pages).toHaveLength(3);
    expect(namesOn(pages[0]!)).toEqual(Array.from({ length: perPage }, (_, i) => i + 1));
    expect(namesOn(pages[1]!)).toEqual(Array.from({ length: perPage }, (_, i) => perPage + i + 1));
    expect(namesOn(pages[2]!)).toEqual([n - 2, n - 1, n]);
    expect(squash(pages[0]!)).toContain('〒123-4501すこやか県すこやか市本町1丁目1番1号');
  });

  it('shrinks a long address to fit a custom sheet', async () => {
    const sheet = {
      cols: 1,
      rows: 1,
      labelWidth: 60,
      labelHeight: 30,
      marginTop: 10,
      marginLeft: 10,
      gapX: 0,
      gapY: 0,
    };
    const long: Recipient = {
      postalCode: '1234501',
      address: 'すこやか県すこやか郡すこやか町大字すこやか字とても長い地名の例としての小字1234番地の5',
      addressExtra: 'すこやかグリーンヒルズレジデンス北棟1203号',
      name: '長い名前の人',
    };
    const pages = await pdfText(await renderLabels([long], sheet));
    expect(pages).toHaveLength(1);
    expect(squash(pages[0]!)).toContain('長い名前の人様');
    expect(squash(pages[0]!)).toContain('1234番地の5');
  });
});

describe('renderBatch', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => testItem(i + 1));

  async function run(workers: number, n: number, chunkSize: number) {
    const chunks: RenderedChunk[] = [];
    const progress: number[] = [];
    async function* source(): AsyncGenerator<DocumentItem> {
      for (const item of items(n)) yield item;
    }
    const summary = await renderBatch({
      registryUrl,
      templateCode: 'test-letter',
      items: workers ? source() : items(n),
      ctx: testContext,
      chunkSize,
      workers,
      onChunk: async (c) => {
        // a slow consumer for the first chunk: later chunks must still arrive after it
        if (c.index === 0) await new Promise((r) => setTimeout(r, 50));
        chunks.push(c);
      },
      onProgress: (done) => progress.push(done),
    });
    return { chunks, progress, summary };
  }

  async function check(workers: number) {
    const n = 25;
    const chunkSize = 10;
    const { chunks, progress, summary } = await run(workers, n, chunkSize);
    expect(summary).toEqual({ chunks: 3, items: 25, pages: 25 });
    expect(chunks.map((c) => [c.index, c.from, c.to, c.count, c.pages])).toEqual([
      [0, 1, 10, 10, 10],
      [1, 11, 20, 10, 10],
      [2, 21, 25, 5, 5],
    ]);
    expect(progress).toEqual([10, 20, 25]);
    for (const N of [1, 10, 11, 17, 25]) {
      const chunk = chunks[Math.ceil(N / chunkSize) - 1]!;
      const pages = await pdfText(chunk.buffer);
      expect(pages).toHaveLength(chunk.pages);
      expect(squash(pages[N - chunk.from]!)).toContain(`すこやか花子${N}様`);
      expect(squash(pages[N - chunk.from]!)).toContain(`No.${N}`);
    }
  }

  it('renders chunks in order in this thread (workers = 0)', async () => {
    await check(0);
  });

  it('renders chunks in order on 2 worker threads', async () => {
    await check(2);
  });

  it('pulls items lazily (backpressure)', async () => {
    let pulled = 0;
    let pulledAtFirstChunk = -1;
    function* source(): Generator<DocumentItem> {
      for (let i = 1; i <= 40; i++) {
        pulled++;
        yield testItem(i);
      }
    }
    await renderBatch({
      registryUrl,
      templateCode: 'test-letter',
      items: source(),
      ctx: testContext,
      chunkSize: 2,
      workers: 1,
      onChunk: () => {
        if (pulledAtFirstChunk < 0) pulledAtFirstChunk = pulled;
      },
    });
    // 1 worker: at most 2 chunks in flight (4 items) when the first one is delivered
    expect(pulledAtFirstChunk).toBeLessThanOrEqual(4);
    expect(pulled).toBe(40);
  });

  it.each([0, 2])('rejects with the template error (workers = %i)', async (workers) => {
    const delivered: number[] = [];
    const failing = Array.from({ length: 30 }, (_, i) => ({
      seq: i + 1,
      recipient: testItem(i + 1).recipient,
      payload: { failAt: 15 },
    }));
    await expect(
      renderBatch({
        registryUrl,
        templateCode: 'test-failing',
        items: failing,
        ctx: testContext,
        chunkSize: 5,
        workers,
        onChunk: (c) => {
          delivered.push(c.index);
        },
      }),
    ).rejects.toThrow('テスト用のエラー（通番 15）');
    expect(delivered).toEqual([0, 1]); // the chunks before the failing one were delivered
  });

  it('rejects for an unknown template', async () => {
    await expect(
      renderBatch({
        registryUrl,
        templateCode: 'no-such-template',
        items: items(1),
        ctx: testContext,
        workers: 1,
        onChunk: () => {},
      }),
    ).rejects.toThrow('帳票テンプレートが見つかりません: no-such-template');
  });
});
