import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { errorFileChunks } from './error-file.ts';
import { openCsv, type RawRow } from './parse-csv.ts';
import { parseXml } from './parse-xml.ts';

async function* chunks(buf: Buffer, size = 7) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
async function readAll(buf: Buffer, opts = { encoding: 'auto' as const, hasHeader: true }) {
  const s = await openCsv(chunks(buf), opts);
  const rows: RawRow[] = [];
  for await (const batch of s.rows) rows.push(...batch);
  return { info: s.info, rows };
}
async function bytesOf(gen: AsyncIterable<Buffer>) {
  const parts: Buffer[] = [];
  for await (const b of gen) parts.push(b);
  return Buffer.concat(parts);
}

describe('openCsv', () => {
  it('detects UTF-8 with BOM and numbers rows by the line they start on (header = 1)', async () => {
    const text = '\ufeffコード,氏名\r\n1,"山田\r\n太郎"\r\n\r\n2,鈴木\r\n3,"引用""符"\r\n';
    const { info, rows } = await readAll(Buffer.from(text));
    expect(info).toEqual({ format: 'csv', encoding: 'utf8', bom: true, header: ['コード', '氏名'] });
    expect(rows).toEqual([
      { rowNo: 2, raw: ['1', '山田\r\n太郎'] },
      { rowNo: 5, raw: ['2', '鈴木'] },
      { rowNo: 6, raw: ['3', '引用"符'] },
    ]);
  });

  it('detects Shift_JIS (a character split across stream chunks) and reads headerless files', async () => {
    const buf = iconv.encode('1,髙橋\n2,渡邊\n', 'cp932');
    const { info, rows } = await readAll(buf, { encoding: 'auto', hasHeader: false });
    expect(info).toEqual({ format: 'csv', encoding: 'cp932', bom: false, header: null });
    expect(rows.map((r) => [r.rowNo, r.raw])).toEqual([
      [1, ['1', '髙橋']],
      [2, ['2', '渡邊']],
    ]);
  });

  it.each([
    ['', 'ファイルが空です'],
    ['a,b\n1,"open\n', '「"」で始めた項目が閉じられていません'],
    [`a\n"${'x'.repeat(1024 * 1024 + 10)}"\n`, '1行が大きすぎます'],
  ])('rejects a broken file (%#) with a Japanese message', async (text, message) => {
    await expect(readAll(Buffer.from(text))).rejects.toThrow(message);
  });
});

describe('parseXml', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<結果一覧><件数>2</件数><明細><結果><コード>1</コード><氏名>山田 &amp; 子</氏名></結果>
<結果><コード>2</コード><氏名/><エラー内容>前回</エラー内容></結果></明細></結果一覧>`;

  it('finds the record element at any depth and keeps children as name/value pairs', () => {
    const x = parseXml(Buffer.from(xml), { encoding: 'auto', recordElement: '結果' });
    expect(x.path).toEqual(['結果一覧', '明細', '結果']);
    expect(x.rows).toEqual([
      {
        rowNo: 1,
        raw: [
          ['コード', '1'],
          ['氏名', '山田 & 子'],
        ],
      },
      {
        rowNo: 2,
        raw: [
          ['コード', '2'],
          ['氏名', ''],
          ['エラー内容', '前回'],
        ],
      },
    ]);
  });

  it('reads Shift_JIS as declared', () => {
    const buf = iconv.encode('<?xml version="1.0" encoding="Shift_JIS"?><r><a><b>髙</b></a></r>', 'cp932');
    const x = parseXml(buf, { encoding: 'auto', recordElement: 'a' });
    expect([x.encoding, x.rows[0]!.raw]).toEqual(['cp932', [['b', '髙']]]);
  });

  it.each([
    ['<r><a>', 'XMLとして読めません'],
    ['<r><x/></r>', 'XMLに <a> 要素がありません'],
    ['<!DOCTYPE r [<!ENTITY e "x">]><r/>', 'DOCTYPE'],
  ])('rejects %s', (text, message) => {
    expect(() => parseXml(Buffer.from(text), { encoding: 'auto', recordElement: 'a' })).toThrow(message);
  });
});

describe('error file', () => {
  const errors = [{ field: 'name', column: '氏名', message: '2行目 氏名: 必須の項目です。' }];

  it('CSV: same encoding and header, raw cells, エラー内容 replaced not repeated', async () => {
    const body = await bytesOf(
      errorFileChunks(
        { format: 'csv', encoding: 'cp932', bom: false, header: ['コード', 'エラー内容', '氏名'] },
        chunks2([[{ raw: ['1', '古い', ''], errors }]]),
      ),
    );
    expect(iconv.decode(body, 'cp932')).toBe('コード,氏名,エラー内容\r\n1,,2行目 氏名: 必須の項目です。\r\n');
    const { info, rows } = await readAll(body);
    expect(info.encoding).toBe('cp932');
    expect(rows[0]!.raw).toEqual(['1', '', '2行目 氏名: 必須の項目です。']);
  });

  it('XML: the same path and record elements with an <エラー内容> child', async () => {
    const body = await bytesOf(
      errorFileChunks(
        { format: 'xml', encoding: 'utf8', path: ['一覧', '明細', '結果'] },
        chunks2([
          [
            {
              raw: [
                ['コード', '<1>'],
                ['エラー内容', '古い'],
              ],
              errors,
            },
          ],
        ]),
      ),
    );
    const x = parseXml(body, { encoding: 'auto', recordElement: '結果' });
    expect(x.path).toEqual(['一覧', '明細', '結果']);
    expect(x.rows[0]!.raw).toEqual([
      ['コード', '<1>'],
      ['エラー内容', '2行目 氏名: 必須の項目です。'],
    ]);
  });
});

async function* chunks2<T>(pages: T[]) {
  yield* pages;
}
