import { describe, expect, it } from 'vitest';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { renderToBuffer } from '../../platform/documents/renderer.ts';
import { testContext } from '../../platform/documents/test-templates.ts';
import { certificateTemplate } from './certificate-document.ts';
import type { CertificatePayload } from './certificate-payload.ts';

const compact = (s: string) => s.replace(/\s+/g, '');
const recipient = { postalCode: '', address: '', addressExtra: '', name: '長い 記録' };

describe('予防接種済証 (document)', () => {
  it('continues a long history on the next page and ends with the issuer', async () => {
    const payload: CertificatePayload = {
      atenaNo: '0000000001',
      name: '長い 記録',
      nameKana: 'ナガイ キロク',
      birthDate: '令和2年4月1日',
      address: 'すこやか市中央一丁目1番1号',
      records: Array.from({ length: 40 }, (_, i) => ({
        vaccine: 'インフルエンザ',
        dose: `${i + 1}回`,
        vaccinatedOn: '令和7年10月1日',
        product: '',
        lot: `L${String(i + 1).padStart(3, '0')}`,
        institution: 'すこやか内科',
        routine: i % 2 === 0,
      })),
    };
    const pages = (
      await pdfText(await renderToBuffer(certificateTemplate, [{ seq: 1, recipient, payload }], testContext))
    ).map(compact);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('L022');
    expect(pages[0]).not.toContain('L023');
    expect(pages[1]).toContain('長い記録様の接種記録（続き）');
    expect(pages[1]).toContain('L040');
    expect(pages[1]).toContain('任意接種扱い:');
    expect(pages[1]).toContain(compact(`${testContext.sender.mayorTitle} ${testContext.sender.mayorName}`));
  });
});
