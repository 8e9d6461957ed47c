import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { freshServices } from '../../test/database.ts';
import { callSummary } from './reminder-calls-rules.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const fy = fiscalYearOf(today());
const compact = (s: string) => s.replace(/\s/g, '');
const csvLines = (b: Buffer) =>
  b
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n');

describe('架電結果と架電リスト、精密検査受診勧奨通知 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;
  const id = (atena: string) => ids.get(atena)!;
  const records = new Map<string, number>();

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(s, [
      { atenaNo: '0000000951', name: '架電 一郎', birthDate: '1960-05-01', sex: '1' },
      { atenaNo: '0000000952', name: '精検 二郎', birthDate: '1960-05-01', sex: '1' },
      { atenaNo: '0000000953', name: '精検 三郎', birthDate: '1960-05-01', sex: '1' },
    ]);
    await s.adult.applications.register(actor, {
      residentId: id('0000000951'),
      fiscalYear: fy,
      channel: 'phone',
      programs: ['colorectal'],
      mode: 'individual',
      institutionId: null,
      sessionId: null,
      slotId: null,
      appliedOn: today(),
      note: '',
    });
    for (const atena of ['0000000952', '0000000953']) {
      const r = await s.adult.results.save(actor, id(atena), {
        program: 'colorectal',
        screenedOn: `${fy}-06-10`,
        mode: 'group',
        institutionId: null,
        method: null,
        result: 'needs_followup',
        items: { fobtDay1: 'positive', fobtDay2: 'negative' },
        note: '',
        bookingId: null,
        id: null,
        version: null,
      });
      records.set(atena, r.id);
    }
  });
  afterAll(async () => drop());

  const screening = { fiscalYear: fy, basis: 'both' as const, asOf: today() };
  const pending = { fiscalYear: fy, status: 'pending' as const };

  it('records a call of 未受診者勧奨 (blank 架電日時 = now), lists it and shows the latest on the list and CSV', async () => {
    const first = await s.adult.calls.record(actor, {
      residentId: id('0000000951'),
      purpose: 'screening',
      fiscalYear: fy,
      program: 'colorectal',
      calledAt: '0:00',
      outcome: 'no_answer',
      note: '',
    });
    expect(first.calls).toHaveLength(1);
    const { calls } = await s.adult.calls.record(actor, {
      residentId: id('0000000951'),
      purpose: 'screening',
      fiscalYear: fy,
      program: null,
      calledAt: '',
      outcome: 'will_attend',
      note: '来週受診する',
    });
    // newest first; a 検診 call is about every program of the 年度 (program not kept)
    expect(calls.map((c) => [c.outcome, c.note, c.program])).toEqual([
      ['will_attend', '来週受診する', null],
      ['no_answer', '', null],
    ]);
    const found = await s.adult.reminders.search(actor, screening);
    const row = found.rows.find((r) => r.atenaNo === '0000000951')!;
    expect(row.lastCall).toMatchObject({ outcome: 'will_attend', note: '来週受診する' });
    const csv = csvLines((await s.adult.reminders.exportCsv(actor, screening, 'utf8')).body);
    expect(csv[0]).toBe(
      '宛名番号,氏名,氏名カナ,生年月日,電話番号,住所,未受診の検診,案内・申込,最終架電日,最終架電結果',
    );
    expect(csv.find((l) => l.startsWith('0000000951,'))).toMatch(/,令和\d+年\d+月\d+日 \d\d:\d\d,受診予定$/);
    const history = await s.adult.calls.history(actor, id('0000000951'), {
      purpose: 'screening',
      fiscalYear: fy,
      program: null,
    });
    expect(history.calls).toHaveLength(2);
  });

  it('refuses a call with what to fix: その他 without a memo, a 精検 call without its program, an unknown person', async () => {
    const base = {
      residentId: id('0000000951'),
      purpose: 'screening' as const,
      fiscalYear: fy,
      program: null,
      calledAt: '',
      note: '',
    };
    const e = await s.adult.calls.record(actor, { ...base, outcome: 'other' }).catch((x) => x);
    expect(e.status).toBe(400);
    expect(e.details.fields).toEqual([
      { path: 'note', message: '「その他」のときは、メモに内容を入力してください。' },
    ]);
    await expect(
      s.adult.calls.record(actor, { ...base, purpose: 'detailed', outcome: 'no_answer' }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      s.adult.calls.record(actor, { ...base, residentId: 99_999_999, outcome: 'no_answer' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('keeps 精検 calls per program: the 要精検 list and its CSV show the latest', async () => {
    await s.adult.calls.record(actor, {
      residentId: id('0000000952'),
      purpose: 'detailed',
      fiscalYear: fy,
      program: 'colorectal',
      calledAt: '',
      outcome: 'wrong_number',
      note: '',
    });
    const list = await s.adult.detailedExams.list(actor, pending, { offset: 0, limit: 50 });
    expect(list.rows.map((r) => [r.atenaNo, r.lastCall?.outcome ?? null])).toEqual([
      ['0000000952', 'wrong_number'],
      ['0000000953', null],
    ]);
    const csv = csvLines((await s.adult.detailedExams.exportCsv(actor, pending, 'utf8')).body);
    expect(csv[0]).toMatch(/,精検結果,備考,最終架電日,最終架電結果$/);
    expect(csv.find((l) => l.startsWith('0000000952,'))).toMatch(/,番号誤り・不通$/);
    expect(csv.find((l) => l.startsWith('0000000953,'))).toMatch(/,,$/);
  });

  it('prints both call lists as PDF with blank columns to write in and the latest call', async () => {
    const pdf = await s.adult.reminders.callListPdf(actor, screening);
    const [page] = (await pdfText(pdf.body)).map(compact);
    expect(page).toContain('架電リスト（未受診者勧奨）');
    expect(page).toContain('宛名番号氏名カナ年齢電話検診前回架電日結果メモ');
    expect(page).toContain('0000000951架電一郎');
    expect(page).toContain('0000000951架電一郎ケンコウタロウ');
    expect(page).toContain('大腸がん');
    expect(page).toContain(compact(callSummary({ calledAt: new Date(), outcome: 'will_attend' })));
    expect(pdf.fileName).toBe(`架電リスト（未受診者勧奨）_${today()}.pdf`);

    const detailed = await s.adult.detailedExams.callListPdf(actor, pending);
    const [d] = (await pdfText(detailed.body)).map(compact);
    expect(d).toContain('架電リスト（精検未受診者勧奨）');
    expect(d).toContain('精検未受診・未把握者');
    expect(d).toContain('精検二郎');
    expect(d).toContain('大腸がん未把握');
    expect(d).toContain(compact(callSummary({ calledAt: new Date(), outcome: 'wrong_number' })));
    await expect(
      s.adult.detailedExams.callListPdf(actor, { fiscalYear: fy, status: 'examined' }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('makes the 精密検査受診勧奨通知 as a mailing; a 精検受診 entered meanwhile pulls the person out', async () => {
    // 「すべて」 on the screen still sends letters only to the people to follow up
    const job = await s.adult.detailedReminders.startMailing(
      actor,
      { fiscalYear: fy },
      { sendDate: today(), method: 'post' },
    );
    await s.jobs.runPending();
    const done = await s.jobs.get(job.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      message: '精密検査受診勧奨通知の郵送物を作成しました（2人）',
    });
    const mailingId = (done!.result as { mailingId: number }).mailingId;
    const [letter] = (
      await pdfText(await s.mailings.preview(actor, mailingId, { residentId: id('0000000952') }))
    ).map(compact);
    expect(letter).toContain('精密検査の受診のおすすめ');
    expect(letter).toContain('精検二郎様（宛名番号0000000952）');
    expect(letter).toContain('大腸がん検診');
    expect(letter).toContain('要精密検査');

    await s.adult.detailedExams.save(actor, records.get('0000000953')!, {
      status: 'examined',
      examinedOn: `${fy}-07-01`,
      institutionId: null,
      institutionName: '県立がんセンター',
      method: 'colonoscopy',
      outcome: 'no_abnormality',
      reportedBy: 'person',
      lesion: null,
      stage: '',
      note: '',
      version: null,
    });
    await s.mailings.check(actor, mailingId);
    const out = await s.mailings.items(actor, mailingId, { status: 'pulled_out', offset: 0, limit: 10 });
    expect(out.rows.map((r) => [r.atenaNo, r.pullLabel])).toEqual([
      ['0000000953', '精検結果あり（精検受診）'],
    ]);
  });
});
