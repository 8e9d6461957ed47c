import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { errorFileChunks } from './error-file.ts';

// A Shift_JIS input gets a Shift_JIS error file: characters without a JIS X 0208 code in the messages (〜 U+301C,
// − U+2212) are written as their CP932 equivalents (～ U+FF5E, － U+FF0D) — platform/text normalizeForCp932 —
// instead of becoming '?'.
describe('error file encoding', () => {
  it('writes CP932 equivalents into a Shift_JIS error file', async () => {
    async function* pages() {
      yield [
        {
          raw: ['A-1', '300'],
          errors: [{ field: 'height', column: '身長', message: '身長「300」は 84〜110cm です（−）。' }],
        },
      ];
    }
    const chunks: Buffer[] = [];
    for await (const c of errorFileChunks(
      { format: 'csv', encoding: 'cp932', bom: false, header: ['番号', '身長'] },
      pages(),
    ))
      chunks.push(c);
    const text = iconv.decode(Buffer.concat(chunks), 'cp932');
    expect(text).toContain('84～110cm です（－）');
    expect(text).not.toContain('?');
  });
});
