import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const fy = fiscalYearOf(today());

describe('未受診者勧奨 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    await s.settings.ensureDefaults();
    ids = await addResidents(
      s,
      ['0000000901', '0000000902', '0000000903', '0000000904'].map((atenaNo, i) => ({
        atenaNo,
        name: `勧奨 ${i + 1}`,
        birthDate: '1960-05-01',
        sex: '1' as const,
      })),
    );
    const apply = (atena: string) =>
      s.adult.applications.register(actor, {
        residentId: ids.get(atena)!,
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
    await apply('0000000901'); // applied, no result → reminded
    await apply('0000000902'); // applied, screened → not
    await apply('0000000904'); // applied, 送付不要 → not
    await s.adult.results.save(actor, ids.get('0000000902')!, {
      program: 'colorectal',
      screenedOn: `${fy}-06-10`,
      mode: 'group',
      institutionId: null,
      method: null,
      result: 'negative',
      items: { fobtDay1: 'negative', fobtDay2: 'negative' },
      note: '',
      bookingId: null,
      id: null,
      version: null,
    });
    await s.adult.screening.addOptOut(actor, ids.get('0000000904')!, {
      program: 'colorectal',
      reason: 'workplace',
      note: '職場で受診',
      validFrom: `${fy}-04-01`,
      validUntil: null,
    });
    // sent a 受診票 (再発行 = a send record of the ticket with its programs) → reminded for those programs
    await s.adult.mailings.reissueTicket(actor, {
      residentId: ids.get('0000000903')!,
      fiscalYear: fy,
      method: 'counter',
      reason: '転入',
    });
  });
  afterAll(async () => drop());

  it('finds who applied or was sent a 受診票 and has no result, leaving out 送付不要', async () => {
    const r = await s.adult.reminders.search(actor, { fiscalYear: fy, basis: 'both', asOf: today() });
    expect(r.rows.map((x) => [x.atenaNo, x.invited, x.applied])).toEqual([
      ['0000000901', false, true],
      ['0000000903', true, false],
    ]);
    expect(r.rows[1]!.programs).toContain('colorectal');
    const applied = await s.adult.reminders.search(actor, {
      fiscalYear: fy,
      basis: 'applied',
      asOf: today(),
      program: 'colorectal',
    });
    expect(applied.rows.map((x) => x.atenaNo)).toEqual(['0000000901']);
  });

  it('a result after the chosen date does not count (未受診 as of that day)', async () => {
    const r = await s.adult.reminders.search(actor, {
      fiscalYear: fy,
      basis: 'applied',
      asOf: `${fy}-06-01`,
      program: 'colorectal',
    });
    expect(r.rows.map((x) => x.atenaNo)).toEqual(['0000000901', '0000000902']);
  });

  it('gives the call list as CSV and makes the letters as a mailing', async () => {
    const csv = await s.adult.reminders.exportCsv(
      actor,
      { fiscalYear: fy, basis: 'applied', asOf: today() },
      'utf8',
    );
    const lines = csv.body
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      '宛名番号,氏名,氏名カナ,生年月日,電話番号,住所,未受診の検診,案内・申込,最終架電日,最終架電結果',
    );
    expect(lines[1]).toContain('0000000901,勧奨 1');
    expect(lines[1]).toContain('大腸がん検診,申込あり,');
    const job = await s.adult.reminders.startMailing(
      actor,
      { fiscalYear: fy, basis: 'both', asOf: today() },
      {
        sendDate: today(),
        method: 'post',
      },
    );
    await s.jobs.runPending();
    expect(await s.jobs.get(job.id)).toMatchObject({
      status: 'succeeded',
      message: '受診勧奨通知の郵送物を作成しました（2人）',
    });
  });
});
