/**
 * Text of each page of a PDF, via pdf.js (pdfjs-dist legacy build, which runs in Node) — for tests (Vitest and
 * Playwright). pdfkit writes a ToUnicode map for its subset fonts, so Japanese text extracts as written.
 *
 * Lines are separated by '\n' (pdf.js's end-of-line marks); runs on one line are joined without spaces.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(buffer: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of (and may detach) the array it is given: pass a copy.
  const data = new Uint8Array(buffer.byteLength);
  data.set(buffer);
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text.trimEnd());
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
