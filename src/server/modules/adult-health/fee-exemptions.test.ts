import { describe, expect, it } from 'vitest';
import { renderToBuffer } from '../../platform/documents/index.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { nationalDefault, nationalDefaults } from '../programs/defaults.ts';
import { ticketTemplate } from './documents.ts';
import { exemptionFor, type FeeExemption } from './fee-exemptions.ts';
import { ticketPayload } from './payloads.ts';

// Issue 3: 自己負担 fees "with exemptions e.g. 生活保護/非課税 flags". Which kinds exempt is the city's choice
// (FeeRule.exemptKinds, default 生活保護・非課税); a registration counts for a 年度 its period overlaps.
const fy = 2026; // 令和8年度 = 2026-04-01 … 2027-03-31
const reg = (
  kind: FeeExemption['kind'],
  validFrom: string,
  validUntil: string | null = null,
): FeeExemption => ({
  kind,
  validFrom,
  validUntil,
});

describe('exemptionFor', () => {
  const stomach = nationalDefault('stomach');
  const welfareOnly = nationalDefault('colorectal');
  welfareOnly.fees.exemptKinds = ['welfare'];
  const rows: [string, typeof stomach, FeeExemption[], string | null][] = [
    ['none registered', stomach, [], null],
    ['生活保護, open-ended', stomach, [reg('welfare', '2025-01-01')], 'welfare'],
    ['非課税 within the 年度', stomach, [reg('tax_exempt', '2026-08-01', '2026-12-31')], 'tax_exempt'],
    ['ended the day before the 年度', stomach, [reg('welfare', '2020-04-01', '2026-03-31')], null],
    ['starts on the last day of the 年度', stomach, [reg('welfare', '2027-03-31')], 'welfare'],
    ['starts after the 年度', stomach, [reg('welfare', '2027-04-01')], null],
    ['その他 is not exempt by default', stomach, [reg('other', '2026-04-01')], null],
    ['the program exempts 生活保護 only: 非課税 pays', welfareOnly, [reg('tax_exempt', '2026-04-01')], null],
    [
      'both registered: 生活保護 comes first',
      stomach,
      [reg('tax_exempt', '2026-04-01'), reg('welfare', '2026-04-01')],
      'welfare',
    ],
  ];
  it.each(rows)('%s', (_name, p, exemptions, expected) => {
    expect(exemptionFor(p, exemptions, fy)).toBe(expected);
  });
});

describe('受診票（券） of an exempt person', () => {
  it('prints 免除 with the kind instead of the fee, only for the programs that exempt it', async () => {
    const settings = nationalDefaults();
    settings.find((p) => p.code === 'colorectal')!.fees.amounts.fobt = 500;
    const lung = settings.find((p) => p.code === 'lung')!;
    lung.fees.amounts.xray = 800;
    lung.fees.exemptKinds = [];
    const payload = ticketPayload(
      settings,
      fy,
      { atenaNo: '0000000003', age: 66, programs: ['colorectal', 'lung'], coupons: [], details: {} },
      { exemptions: [reg('welfare', '2026-04-01')] },
    );
    expect(payload.exemption).toBe('生活保護受給者');
    expect(payload.programs.map((p) => [p.code, p.fees])).toEqual([
      ['colorectal', ['免除（生活保護受給者）']],
      ['lung', ['800円']],
    ]);
    const recipient = {
      postalCode: '1234567',
      address: 'すこやか市中央一丁目2番3号',
      addressExtra: '',
      name: '免除 太郎',
    };
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
    const [page] = await pdfText(await renderToBuffer(ticketTemplate, [{ seq: 1, recipient, payload }], ctx));
    const text = page!.replace(/\s+/g, '');
    expect(text).toContain('免除（生活保護受給者）');
    expect(text).toContain('800円');
  });
});
