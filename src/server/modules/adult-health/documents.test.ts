import { describe, expect, it } from 'vitest';
import { renderToBuffer } from '../../platform/documents/index.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { nationalDefaults } from '../programs/defaults.ts';
import { surveyTemplate, ticketTemplate } from './documents.ts';
import { surveyPayload, ticketPayload } from './payloads.ts';

const ctx = {
  sender: {
    municipalityName: 'すこやか市',
    mayorTitle: 'すこやか市長',
    mayorName: '健康 一郎',
    centerName: 'すこやか市保健センター',
    centerPostalCode: '1234500',
    centerAddress: 'すこやか県すこやか市本町一丁目1番1号',
    centerPhone: '0123-45-6789',
  },
  issueDate: '2026-06-01',
};
const recipient = {
  postalCode: '1234567',
  address: 'すこやか市中央一丁目2番3号',
  addressExtra: 'すこやかハイツ101',
  name: '乳検 花子',
};

describe('adult-health documents', () => {
  it('受診票（券）: name, address, programs with fees, coupon and ticket number are in the PDF text', async () => {
    const settings = nationalDefaults();
    settings.find((p) => p.code === 'breast')!.fees.amounts.mammography = 1500;
    const payload = ticketPayload(settings, 2026, {
      atenaNo: '0000000002',
      age: 41,
      programs: ['colorectal', 'breast'],
      coupons: ['breast'],
      details: { breast: { eligible: true, reasons: ['coupon'], methods: ['mammography'], age: 41 } },
    });
    const pdf = await renderToBuffer(ticketTemplate, [{ seq: 1, recipient, payload }], ctx);
    const [page] = await pdfText(pdf);
    const text = page!.replace(/\s+/g, '');
    for (const s of [
      '乳検花子様',
      'すこやか市中央一丁目2番3号',
      '令和8年度検診受診票（券）',
      '大腸がん検診',
      '乳がん検診（クーポン）',
      'がん検診無料クーポン券',
      '令和9年3月31日',
      '2026-0000000002',
      '令和8年6月1日',
      'すこやか市長',
    ])
      expect(text).toContain(s);
  });

  it('希望調査票: checkboxes per program, sessions and the reply date', async () => {
    const payload = surveyPayload(
      nationalDefaults(),
      2026,
      { atenaNo: '0000000001', age: 66, programs: ['stomach', 'lung'], details: {} },
      [{ id: 1, date: '2026-07-10', time: '09:00', venue: '北部公民館', programs: ['stomach'] }],
      '2026-06-22',
    );
    const [page] = await pdfText(await renderToBuffer(surveyTemplate, [{ seq: 1, recipient, payload }], ctx));
    const text = page!.replace(/\s+/g, '');
    for (const s of [
      '受診希望調査票',
      '胃がん検診',
      '肺がん検診',
      '令和8年7月10日',
      '北部公民館',
      '令和8年6月22日までに',
      'S2026-0000000001',
    ])
      expect(text).toContain(s);
  });
});
