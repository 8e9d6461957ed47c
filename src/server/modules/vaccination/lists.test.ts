/**
 * 予防接種の対象者抽出 (service): extraction as a job on a few synthetic children with histories, review,
 * exclusion and restore, CSV (list and 架電リスト), the mailings (予診票 / 接種勧奨通知) with the print-time re-check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addDays, today } from '../../platform/calendar/index.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import type { SaveRecordInput } from './records.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'nurse' } as const;
const compact = (s: string) => s.replace(/\s+/g, '');
const on = today();
/** a birth date `years` years and `days` days before today */
const born = (years: number, days = 0) => addDays(`${Number(on.slice(0, 4)) - years}${on.slice(4)}`, -days);

const record = (vaccine: string, vaccinatedOn: string): SaveRecordInput => ({
  vaccine,
  dose: '',
  vaccinatedOn,
  product: '',
  lot: 'L1',
  institutionId: null,
  institutionName: 'すこやか小児科',
  doctor: '',
  formNo: '',
  source: 'manual',
  note: '',
  id: null,
  version: null,
});

describe('予防接種の対象者リスト (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;
  const id = (n: string) => ids.get(`00000095${n}`)!;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    await s.settings.ensureDefaults();
    // 1歳8か月 with nothing: MR1 due (period ends within 4 months), 5種混合・小児肺炎球菌 … overdue
    // 1歳8か月 with MR1 given; 30歳 (not a child); 1歳8か月 moved out
    ids = await addResidents(s, [
      { atenaNo: '0000009501', name: '勧奨 一郎', birthDate: born(1, 240), sex: '1' },
      { atenaNo: '0000009502', name: '勧奨 二子', birthDate: born(1, 240), sex: '2' },
      { atenaNo: '0000009503', name: '大人 三郎', birthDate: born(30), sex: '1' },
      { atenaNo: '0000009504', name: '転出 四郎', birthDate: born(1, 240), sex: '1', status: 'moved_out' },
    ]);
    await s.vaccination.records.save(actor, id('02'), record('MR1', addDays(on, -30)));
  });
  afterAll(async () => drop());

  it('checks the request (400 with what to fix)', async () => {
    await expect(
      s.vaccination.lists.startExtraction(actor, {
        kind: 'vaccination.dose',
        on,
        vaccine: 'MR1',
        dose: '3回目',
        startsBy: null,
        bornFrom: null,
        bornTo: null,
      }),
    ).rejects.toThrow('麻しん風しん 第1期に「3回目」という回はありません');
  });

  let doseList: number;
  it('extracts a 接種別発送 list (MR1) as a job: due included, given excluded 接種済, others not listed', async () => {
    const list = await s.vaccination.lists.startExtraction(actor, {
      kind: 'vaccination.dose',
      on,
      vaccine: 'MR1',
      dose: '1回',
      startsBy: null,
      bornFrom: null,
      bornTo: null,
    });
    doseList = list.id;
    expect(list.status).toBe('extracting');
    await s.jobs.runPending();
    const l = await s.vaccination.lists.get(doseList);
    expect(l).toMatchObject({ status: 'ready', purpose: 'vaccination.dose', programs: ['MR1'] });
    expect(l.counts).toMatchObject({ total: 2, included: 1, excluded: 1 });
    const { rows } = await s.vaccination.lists.entries(actor, doseList, {}, { offset: 0, limit: 100 });
    const by = new Map(rows.map((r) => [r.atenaNo, r]));
    expect(by.get('0000009501')).toMatchObject({ included: true, age: 1 });
    expect(by.get('0000009501')!.what).toContain('1回 接種時期');
    expect(by.get('0000009502')).toMatchObject({ included: false, exclusionLabel: '接種済' });
    expect(by.has('0000009503') || by.has('0000009504')).toBe(false);
    await expect(s.vaccination.lists.restore(actor, doseList, id('02'))).rejects.toThrow(
      '抽出の判定による除外',
    );
  });

  it('excludes by hand with a reason and restores', async () => {
    await s.vaccination.lists.exclude(actor, doseList, id('01'), { reason: 'hospitalized', note: '入院中' });
    let l = await s.vaccination.lists.get(doseList);
    expect(l.counts).toMatchObject({ included: 0, excluded: 2 });
    const { rows } = await s.vaccination.lists.entries(
      actor,
      doseList,
      { included: false, q: '勧奨一' },
      { offset: 0, limit: 10 },
    );
    expect(rows.map((r) => [r.atenaNo, r.exclusionLabel, r.exclusionNote])).toEqual([
      ['0000009501', '入院・療養中', '入院中'],
    ]);
    await s.vaccination.lists.restore(actor, doseList, id('01'));
    l = await s.vaccination.lists.get(doseList);
    expect(l.counts).toMatchObject({ included: 1, excluded: 1 });
    const audits = await s.database.query<{ summary: string }>(
      `SELECT summary FROM audit_log WHERE summary LIKE '予防接種の対象者リスト%' ORDER BY id`,
    );
    expect(audits.map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        `予防接種の対象者リスト ${doseList} から除外（入院・療養中）`,
        `予防接種の対象者リスト ${doseList} に戻す`,
      ]),
    );
  });

  it('CSV of the list (UTF-8 with BOM, Shift_JIS)', async () => {
    const csv = await s.vaccination.lists.exportCsv(actor, doseList, { encoding: 'utf8', format: 'list' });
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\ufeff宛名番号,氏名,氏名カナ,生年月日,性別,年齢（基準日）')).toBe(true);
    expect(text).toContain('0000009501,勧奨 一郎');
    expect(text).toMatch(/0000009502,勧奨 二子.*,除外,接種済/);
    const sjis = await s.vaccination.lists.exportCsv(actor, doseList, { encoding: 'sjis', format: 'list' });
    expect(sjis.body.includes(Buffer.from('宛名番号', 'utf8'))).toBe(false);
    expect(sjis.unmappable).toEqual([]);
  });

  let reminderList: number;
  it('extracts a 未接種者勧奨 list with the doses to remind per child, and the 架電リスト', async () => {
    const list = await s.vaccination.lists.startExtraction(actor, {
      kind: 'vaccination.reminder',
      on,
      vaccines: [],
      withinDays: 180,
      bornFrom: null,
      bornTo: null,
    });
    reminderList = list.id;
    await s.jobs.runPending();
    const { rows } = await s.vaccination.lists.entries(actor, reminderList, {}, { offset: 0, limit: 100 });
    const one = rows.find((r) => r.atenaNo === '0000009501')!;
    expect(one.programs).toEqual(expect.arrayContaining(['MR1', 'DPT_IPV_HIB', 'VAR']));
    expect(one.what).toContain('麻しん風しん 第1期 1回');
    const two = rows.find((r) => r.atenaNo === '0000009502')!;
    expect(two.programs).not.toContain('MR1');
    expect(rows.map((r) => r.atenaNo)).not.toContain('0000009503');
    const calls = await s.vaccination.lists.exportCsv(actor, reminderList, {
      encoding: 'utf8',
      format: 'calls',
    });
    const lines = calls.body
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      '宛名番号,氏名,氏名カナ,生年月日,年齢（基準日）,電話番号,住所,勧奨する予防接種,最も早い期限,架電日,結果,メモ',
    );
    expect(lines.find((l) => l.startsWith('0000009501'))).toContain('麻しん風しん 第1期 1回');
    expect(calls.title).toContain('_架電リスト');
  });

  it('makes the 予診票 mailing (job); a dose recorded after the extraction pulls the person out at print time', async () => {
    const job = await s.vaccination.listMailings.startMailing(actor, doseList, {
      sendDate: on,
      method: 'post',
    });
    await s.jobs.runPending();
    const done = await s.jobs.get(job.id);
    expect(done.status).toBe('succeeded');
    const mailingId = (done.result as { mailingId: number }).mailingId;
    const m = await s.mailings.get(mailingId);
    expect(m).toMatchObject({ purpose: 'vaccination.form', sourceListId: doseList });
    const pdf = (await pdfText(await s.mailings.preview(actor, mailingId, { residentId: id('01') }))).map(
      compact,
    );
    expect(pdf.join('')).toContain('予防接種予診票（麻しん風しん第1期1回）');
    expect(pdf.join('')).toContain('勧奨一郎');

    await s.vaccination.records.save(actor, id('01'), record('MR1', on));
    await s.mailings.check(actor, mailingId);
    const pulled = await s.mailings.items(actor, mailingId, { status: 'pulled_out', offset: 0, limit: 10 });
    expect(pulled.rows.map((r) => [r.residentId, r.pullLabel])).toEqual([
      [id('01'), '接種済（抽出後に記録）'],
    ]);
  });

  it('makes the 接種勧奨通知 mailing and renders the letter', async () => {
    const job = await s.vaccination.listMailings.startMailing(actor, reminderList, {
      sendDate: on,
      method: 'post',
    });
    await s.jobs.runPending();
    const done = await s.jobs.get(job.id);
    expect(done.status, done.error ?? '').toBe('succeeded');
    const mailingId = (done.result as { mailingId: number }).mailingId;
    expect(await s.mailings.get(mailingId)).toMatchObject({ purpose: 'vaccination.reminder' });
    const page = (await pdfText(await s.mailings.preview(actor, mailingId, { residentId: id('02') })))
      .map(compact)
      .join('');
    expect(page).toContain('予防接種のおすすめ（定期接種）');
    expect(page).toContain('勧奨二子');
    expect(page).toContain('無料で受けられる期限');
    expect(page).toContain('水痘1回目');
  });
});
