import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const fy = fiscalYearOf(today());
const compact = (s: string) => s.replace(/\s+/g, '');

describe('結果票作成 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    await s.settings.ensureDefaults();
    ids = await addResidents(s, [
      { atenaNo: '0000000801', name: '結果 要精', birthDate: '1960-05-01', sex: '1' },
      { atenaNo: '0000000802', name: '結果 異常なし', birthDate: '1960-05-01', sex: '1' },
    ]);
    await s.database.query(
      `INSERT INTO medical_institutions (code, name, programs) VALUES ('1310000001', 'すこやか内科', '{colorectal}')`,
    );
    for (const [atena, positive] of [
      ['0000000801', true],
      ['0000000802', false],
    ] as const)
      await s.adult.results.save(actor, ids.get(atena)!, {
        program: 'colorectal',
        screenedOn: `${fy}-06-10`,
        mode: 'group',
        institutionId: null,
        method: null,
        result: positive ? 'needs_followup' : 'negative',
        items: { fobtDay1: positive ? 'positive' : 'negative', fobtDay2: 'negative' },
        note: '',
        bookingId: null,
        id: null,
        version: null,
      });
  });
  afterAll(async () => drop());

  it('prints one person’s 結果票 with the items and the 判定, and the 精密検査のご案内 when 要精検', async () => {
    const { pdf } = await s.adult.notices.issueOne(actor, ids.get('0000000801')!, fy, 'counter');
    const pages = (await pdfText(pdf)).map(compact);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('検診結果のお知らせ');
    expect(pages[0]).toContain('結果要精様');
    expect(pages[0]).toContain('便潜血1日目陽性（＋）');
    expect(pages[0]).toContain('判定:要精検（精密検査を受けてください）');
    expect(pages[1]).toContain('精密検査のご案内');
    expect(pages[1]).toContain('・すこやか内科');
    const other = (
      await pdfText((await s.adult.notices.issueOne(actor, ids.get('0000000802')!, fy, 'counter')).pdf)
    ).map(compact);
    expect(other).toHaveLength(1);
    expect(other[0]).toContain('判定:異常認めず');
  });

  it('searches, leaves out those already sent one, and makes a mailing of the rest as a job', async () => {
    expect((await s.adult.notices.search(actor, { fiscalYear: fy })).total).toBe(2);
    expect(
      (await s.adult.notices.search(actor, { fiscalYear: fy, onlyDetailed: true })).rows.map(
        (r) => r.atenaNo,
      ),
    ).toEqual(['0000000801']);
    expect((await s.adult.notices.search(actor, { fiscalYear: fy, notSent: true })).total).toBe(0);
    const job = await s.adult.notices.startMailing(
      actor,
      { fiscalYear: fy },
      { sendDate: today(), method: 'post' },
    );
    await s.jobs.runPending();
    const done = await s.jobs.get(job.id);
    expect(done).toMatchObject({ status: 'succeeded', message: '結果票の郵送物を作成しました（2人）' });
    const mailingId = (done.result as { mailingId: number }).mailingId;
    const [m] = await s.database.query<{ purpose: string; counts: { items: number } }>(
      'SELECT purpose, counts FROM mailings WHERE id = $1',
      [mailingId],
    );
    expect(m).toMatchObject({ purpose: 'adult-health.result-notice', counts: { items: 2 } });
  });

  it('refuses a 結果票 for someone without results of the 年度', async () => {
    await expect(
      s.adult.notices.issueOne(actor, ids.get('0000000801')!, fy - 3, 'counter'),
    ).rejects.toMatchObject({
      status: 400,
    });
  });
});
