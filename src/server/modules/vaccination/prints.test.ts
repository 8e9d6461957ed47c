import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addDays, formatWareki, today } from '../../platform/calendar/index.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import type { SaveRecordInput } from './records.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'nurse' } as const;
const compact = (s: string) => s.replace(/\s+/g, '');

const record = (over: Partial<SaveRecordInput>): SaveRecordInput => ({
  vaccine: 'HIB',
  dose: '',
  vaccinatedOn: '2024-02-05',
  product: '',
  lot: 'AB123',
  institutionId: null,
  institutionName: 'すこやか小児科',
  doctor: '健康 一郎',
  formNo: '',
  source: 'manual',
  note: '',
  id: null,
  version: null,
  ...over,
});

describe('予防接種済証・予診票 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let child: number;
  let empty: number;
  /** about 1歳2か月 today, no records: 麻しん風しん 第1期 is due */
  let infant: number;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    await s.settings.ensureDefaults();
    const ids = await addResidents(s, [
      { atenaNo: '0000000711', name: '証明 太郎', birthDate: '2023-12-01', sex: '1' },
      { atenaNo: '0000000712', name: '記録 なし', birthDate: '2023-12-01', sex: '1' },
      { atenaNo: '0000000713', name: '予診 花子', birthDate: addDays(today(), -440), sex: '2' },
    ]);
    infant = ids.get('0000000713')!;
    child = ids.get('0000000711')!;
    empty = ids.get('0000000712')!;
    await s.vaccination.records.save(actor, child, record({}));
    // too soon after the first: stored as 任意接種扱い
    await s.vaccination.records.save(actor, child, record({ vaccinatedOn: '2024-02-20', lot: 'AB124' }));
    const { record: wrong } = await s.vaccination.records.save(
      actor,
      child,
      record({ vaccine: 'BCG', vaccinatedOn: '2024-05-01', lot: 'DEL999' }),
    );
    await s.vaccination.records.remove(actor, wrong.id, wrong.version, '別の方の記録');
  });
  afterAll(async () => drop());

  it('prints the records (deleted ones apart) in 和暦 with the 市長, a send record and the audit', async () => {
    const sender = await s.settings.sender();
    const { pdf } = await s.vaccination.prints.issueCertificate(actor, child);
    const pages = (await pdfText(pdf)).map(compact);
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(page).toContain('予防接種済証（接種記録票）');
    expect(page).toContain('証明太郎');
    expect(page).toContain('令和5年12月1日');
    expect(page).toContain('ヒブ');
    expect(page).toContain('令和6年2月5日');
    expect(page).toContain('令和6年2月20日');
    expect(page).toContain('AB124');
    expect(page).toContain('すこやか小児科');
    expect(page).toContain('任意接種扱い');
    expect(page).not.toContain('DEL999');
    expect(page).toContain(compact(`${sender.municipalityName}の記録により予防接種を受けたことを証明します`));
    expect(page).toContain(compact(`${sender.mayorTitle} ${sender.mayorName}`));
    expect(page).toContain(formatWareki(today()));

    const sends = await s.database.query<{ purpose: string; method: string; document_title: string }>(
      'SELECT purpose, method, document_title FROM send_records WHERE resident_id = $1',
      [child],
    );
    expect(sends).toEqual([
      { purpose: 'vaccination.certificate', method: 'counter', document_title: '予防接種済証' },
    ]);
    const audits = await s.database.query<{ action: string; summary: string; resident_ids: number[] }>(
      `SELECT action, summary, resident_ids FROM audit_log WHERE action = 'print' ORDER BY id`,
    );
    expect(audits.at(-1)).toMatchObject({
      action: 'print',
      summary: expect.stringContaining('予防接種済証'),
    });
    expect(audits.at(-1)!.resident_ids.map(Number)).toEqual([child]);
  });

  it('names a 市町村独自の予防接種 as the city defined it (任意接種扱い: not 定期接種)', async () => {
    const admin = { userId: null, loginId: 'admin', roleCode: 'admin' } as const;
    await s.vaccination.municipal.create(admin, {
      code: 'MUMPS',
      name: 'おたふくかぜ',
      kind: 'INJ_LIVE',
      ageFromUnit: 'years',
      ageFromValue: '1',
      ageToUnit: 'years',
      ageToValue: '3',
      sex: null,
      doses: '1',
      minIntervalDays: '0',
      subsidyYen: '3000',
      validFrom: '2020-04-01',
      validTo: null,
      note: '',
    });
    await s.vaccination.records.save(
      actor,
      child,
      record({ vaccine: 'MUMPS', vaccinatedOn: '2025-01-10', lot: 'MU001' }),
    );
    const page = compact(
      (await pdfText((await s.vaccination.prints.issueCertificate(actor, child)).pdf)).join(''),
    );
    expect(page).toContain(compact('おたふくかぜ1回目令和7年1月10日MU001すこやか小児科任意接種扱い'));
    expect(page).not.toContain('MUMPS');
  });

  it('refuses a certificate for someone without records', async () => {
    await expect(s.vaccination.prints.issueCertificate(actor, empty)).rejects.toMatchObject({ status: 400 });
  });

  it('prints the 予診票 of a due dose with the person’s data, with a send record', async () => {
    const sender = await s.settings.sender();
    const { pdf } = await s.vaccination.prints.issueForm(actor, infant, { vaccine: 'MR1', dose: '1回' });
    const pages = (await pdfText(pdf)).map(compact);
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(page).toContain('予防接種予診票（麻しん風しん第1期1回）');
    expect(page).toContain('予診花子');
    expect(page).toContain(compact(`${formatWareki(addDays(today(), -440))}（1歳2か月）`));
    expect(page).toContain('宛名番号0000000713');
    expect(page).toContain('定期接種の期間');
    expect(page).toContain('保護者の署名');
    expect(page).toContain(compact(`${sender.mayorTitle} ${sender.mayorName}`));
    const sends = await s.database.query<{ purpose: string; method: string; document_title: string }>(
      'SELECT purpose, method, document_title FROM send_records WHERE resident_id = $1',
      [infant],
    );
    expect(sends).toEqual([{ purpose: 'vaccination.form', method: 'counter', document_title: '予診票' }]);
    const [audit] = await s.database.query<{ summary: string; resident_ids: number[] }>(
      `SELECT summary, resident_ids FROM audit_log WHERE action = 'print' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit!.summary).toContain('予診票の窓口発行（麻しん風しん 第1期 1回）');
    expect(audit!.resident_ids.map(Number)).toEqual([infant]);
  });

  it('refuses a 予診票 for a dose that is not due now or not in the schedule', async () => {
    await expect(
      s.vaccination.prints.issueForm(actor, infant, { vaccine: 'MR2', dose: '1回' }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('いま接種できる時期ではない') });
    await expect(
      s.vaccination.prints.issueForm(actor, infant, { vaccine: 'MR1', dose: '9回' }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('スケジュールにありません') });
  });
});
