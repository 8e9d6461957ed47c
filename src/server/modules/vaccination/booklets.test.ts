import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import type { BookletPayload } from './booklet-document.ts';
import type { BookletCriteria } from './booklet-rules.ts';
import { bookletPurpose } from './booklets.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'admin' } as const;
const compact = (s: string) => s.replace(/\s+/g, '');

const october: BookletCriteria = {
  basis: 'birth',
  from: '2026-10-01',
  to: '2026-10-31',
  includeNonRegistered: false,
  excludeSent: true,
};
/** reaching 生後2月 in December 2026 (§1.2 生後N月に至った日) */
const twoMonthsInDecember: BookletCriteria = {
  ...october,
  basis: 'age',
  months: 2,
  from: '2026-12-01',
  to: '2026-12-31',
};

describe('予診票一括発行（冊子渡し） F10a-01 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;
  let mailingId = 0;
  const atena = (names: string[]) => names.map((n) => `00000091${n}`);
  const atenaOf = (rows: { atenaNo: string }[]) => rows.map((r) => r.atenaNo);

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(s, [
      // 生後2月 reached 12/4 (応当日 12/5 の前日)
      { atenaNo: '0000009101', name: '冊子 一郎', birthDate: '2026-10-05', sex: '1' },
      // 生後2月 reached 11/30: in October, not in the December age run
      { atenaNo: '0000009102', name: '冊子 二葉', birthDate: '2026-10-01', sex: '2' },
      { atenaNo: '0000009103', name: '冊子 三郎', birthDate: '2026-10-20', sex: '1' },
      // 応当日 1/1 → 生後2月 reached 12/31
      { atenaNo: '0000009104', name: '冊子 四季', birthDate: '2026-11-01', sex: '2' },
      { atenaNo: '0000009105', name: '冊子 五郎', birthDate: '2026-09-30', sex: '1' },
      {
        atenaNo: '0000009106',
        name: '冊子 六花',
        birthDate: '2026-10-10',
        sex: '2',
        status: 'non_registered',
      },
      { atenaNo: '0000009107', name: '冊子 七海', birthDate: '2026-10-12', sex: '2', status: 'moved_out' },
    ]);
  });
  afterAll(async () => drop());

  it('extracts the residents born in the range (both ends), 住登外者 only when asked, audited', async () => {
    const p = await s.vaccination.booklets.preview(actor, october);
    expect(p.total).toBe(3);
    expect(atenaOf(p.rows)).toEqual(atena(['02', '01', '03']));
    expect(p.rows[0]).toMatchObject({
      name: '冊子 二葉',
      birthDate: '2026-10-01',
      sentOn: null,
      inMailing: false,
    });
    expect(p.label).toBe('令和8年10月1日〜令和8年10月31日生まれ');
    const withOthers = await s.vaccination.booklets.preview(actor, {
      ...october,
      includeNonRegistered: true,
    });
    expect(atenaOf(withOthers.rows)).toEqual(atena(['02', '01', '06', '03']));
    const [log] = await s.database.query<{ resident_count: number; summary: string }>(
      `SELECT resident_count, summary FROM audit_log WHERE screen = '予防接種 予診票冊子 対象児抽出'
       ORDER BY id LIMIT 1`,
    );
    expect(log).toMatchObject({ resident_count: 3, summary: expect.stringContaining('3人') });
  });

  it('extracts the children reaching 生後2月 in a period (§1.2: 応当日の前日, or the month end)', async () => {
    const p = await s.vaccination.booklets.preview(actor, twoMonthsInDecember);
    expect(atenaOf(p.rows)).toEqual(atena(['01', '03', '04']));
    expect(p.label).toBe('令和8年12月1日〜令和8年12月31日に生後2月に至る方');
  });

  it('refuses criteria that make no sense, saying what to fix', async () => {
    await expect(
      s.vaccination.booklets.preview(actor, { ...october, from: '2026-11-01', to: '2026-10-01' }),
    ).rejects.toThrow('出生日の開始日が終了日より後です。日付を入れ替えてください。');
  });

  it('makes the mailing of 予診票冊子 as a job, each child with the list of 予診票', async () => {
    const job = await s.vaccination.booklets.startMailing(actor, october, {
      sendDate: '2026-12-01',
      method: 'post',
    });
    await s.jobs.runPending();
    const done = await s.jobs.get(job.id);
    expect(done).toMatchObject({ status: 'succeeded', message: '予診票冊子の郵送物を作成しました（3人）' });
    mailingId = (done.result as { mailingId: number }).mailingId;
    const m = await s.mailings.get(mailingId);
    expect(m).toMatchObject({ purpose: bookletPurpose, sendDate: '2026-12-01', status: 'draft' });
    expect(m.title).toBe('予診票冊子（令和8年10月1日〜令和8年10月31日生まれ）（令和8年12月1日発送）');
    const [item] = await s.database.query<{ payload: BookletPayload }>(
      'SELECT payload FROM mailing_items WHERE mailing_id = $1 AND resident_id = $2',
      [mailingId, ids.get('0000009101')],
    );
    const p = item!.payload;
    expect(p).toMatchObject({
      atenaNo: '0000009101',
      name: '冊子 一郎',
      birthDate: '令和8年10月5日',
      formCount: 18,
    });
    expect(p.forms.filter((f) => f.vaccine === '5種混合（DPT-IPV-Hib）').map((f) => f.dose)).toEqual([
      '初回1回目',
      '初回2回目',
      '初回3回目',
      '追加',
    ]);
    expect(p.formsText).toContain('B型肝炎 1回目・2回目・3回目');
  });

  it('prints the 送付状 with the forms, the 宛名シール and the CSV for an outside printer', async () => {
    const sheet = (
      await pdfText(await s.mailings.preview(actor, mailingId, { residentId: ids.get('0000009101')! }))
    ).map(compact);
    const page = sheet.join('');
    expect(page).toContain('予防接種予診票（冊子）の送付について');
    expect(page).toContain('冊子一郎');
    expect(page).toContain('0000009101');
    expect(page).toContain('令和8年10月5日');
    for (const v of ['B型肝炎', 'BCG', '小児肺炎球菌', '麻しん風しん第1期', '水痘', '母子健康手帳'])
      expect(page).toContain(v);
    await s.mailings.check(actor, mailingId);
    for (const sheetKind of ['12', '21'] as const) {
      const labels = await s.mailings.labels(actor, mailingId, sheetKind);
      expect(labels.fileName).toContain(`宛名シール${sheetKind}面`);
      const text = (await pdfText(labels.pdf)).map(compact).join('');
      expect(text).toContain('冊子一郎');
      expect(text).toContain('冊子三郎');
      expect(text).toContain('すこやか市中央一丁目');
    }
    const csv = await s.mailings.exportCsv(actor, mailingId, 'utf8');
    const lines = csv.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toContain('お子さんの氏名,お子さんの氏名カナ,生年月日,予診票の枚数,同封する予診票');
    expect(lines.find((l) => l.includes('0000009101'))).toContain('令和8年10月5日,18,');
  });

  it('leaves out children in a booklet mailing or already sent, when asked', async () => {
    const open = await s.vaccination.booklets.preview(actor, october);
    expect(open).toMatchObject({ total: 0, leftOut: 3 });
    await s.mailings.registerSent(actor, mailingId, {});
    const all = await s.vaccination.booklets.preview(actor, { ...october, excludeSent: false });
    expect(all.rows.map((r) => [r.atenaNo, r.sentOn, r.inMailing])).toEqual([
      ['0000009102', '2026-12-01', false],
      ['0000009101', '2026-12-01', false],
      ['0000009103', '2026-12-01', false],
    ]);
    const rest = await s.vaccination.booklets.preview(actor, { ...october, includeNonRegistered: true });
    expect(atenaOf(rest.rows)).toEqual(atena(['06']));
    const records = await s.database.query<{ document_title: string }>(
      'SELECT document_title FROM send_records WHERE resident_id = $1 AND purpose = $2',
      [ids.get('0000009101'), bookletPurpose],
    );
    expect(records.map((r) => r.document_title)).toEqual(['予診票冊子']);
  });
});
