import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { applyRecords, type ResidentRecord } from '../../modules/residents/index.ts';
import { freshServices } from '../../test/database.ts';
import type { Actor } from '../audit/service.ts';
import { AppError } from '../errors/app-error.ts';
import { mailingsService } from './service.ts';
import { templates } from './test-registry.ts';
import { pdfText as pdfPages, sqlPeople } from './testing.ts';
import type { PeoplePort } from './types.ts';

const actor: Actor = { userId: 1, loginId: 'tester', roleCode: 'clerk' };
const sender = {
  municipalityName: 'すこやか市',
  mayorTitle: 'すこやか市長',
  mayorName: '健康　太郎',
  centerName: 'すこやか市保健センター',
  centerPostalCode: '1234500',
  centerAddress: 'すこやか県すこやか市本町一丁目1番1号',
  centerPhone: '012-345-6789',
};
const registryUrl = new URL('./test-registry.ts', import.meta.url);

function record(atenaNo: string, name: string, over: Partial<ResidentRecord> = {}): ResidentRecord {
  return {
    atenaNo,
    householdNo: null,
    name,
    nameKana: 'スコヤカ',
    birthDate: '1960-04-01',
    sex: '2',
    relationship: '',
    postalCode: '1234567',
    address: `すこやか市本町${atenaNo}番地`,
    addressExtra: '',
    phone: '',
    status: 'resident',
    residentSince: '2000-01-01',
    residentUntil: null,
    supportMeasure: false,
    eventCode: 'full',
    eventDate: '2026-04-01',
    myNumber: null,
    ...over,
  };
}

async function expectError(p: Promise<unknown>, code: string, text?: string) {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (text) expect((e as AppError).message).toContain(text);
  return e as AppError;
}

describe('mailings engine', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let mailings: ReturnType<typeof mailingsService>;
  const ids: Record<string, number> = {};
  const noSend = new Set<number>();

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const names = { a: '青木 一郎', b: '馬場 二郎', c: '千葉 三子', d: '堂本 四子', e: '江藤 五郎' };
    await applyRecords(
      s.database,
      Object.entries(names).map(([k, n], i) =>
        record(`10000${i + 1}`, n, k === 'd' ? { supportMeasure: true } : {}),
      ),
      { jobId: null, userId: null, sealer: s.sealer },
    );
    const rows = await s.database.query<{ id: number; name: string }>('SELECT id, name FROM residents');
    for (const [k, n] of Object.entries(names)) ids[k] = Number(rows.find((r) => r.name === n)!.id);
    mailings = mailingsService({
      database: s.database,
      audit: s.audit,
      files: s.files,
      jobs: s.jobs,
      people: sqlPeople(s.database),
      sender: async () => sender,
      templates,
      registryUrl,
      workers: 1,
    });
    mailings.registerPurpose({
      code: 'test.ticket',
      title: '受診票（券）',
      template: 'mailings-test.ticket',
      csvLabels: { ticketNo: '受診券番号' },
      recheck: async (items) =>
        new Map(
          items
            .filter((i) => noSend.has(i.residentId))
            .map((i) => [i.residentId, { reason: 'no_send', label: '送付不要' }]),
        ),
    });
  });
  afterAll(() => drop());

  let mailingId: number;

  it('creates a draft with items in the given order', async () => {
    const order = ['a', 'b', 'c', 'd', 'e'];
    const m = await mailings.create(actor, {
      purpose: 'test.ticket',
      title: '令和8年度 がん検診 受診券',
      fiscalYear: 2026,
      sourceListId: null,
      sendDate: '2026-06-01',
      method: 'post',
      items: order.map((k, i) => ({
        residentId: ids[k]!,
        payload: { ticketNo: `T-${i + 1}`, course: 'A', nested: { x: 1 } },
      })),
    });
    mailingId = m.id;
    expect(m.status).toBe('draft');
    expect(m.counts).toMatchObject({ items: 5, included: 5 });
    const page = await mailings.items(actor, m.id, { offset: 0, limit: 10 });
    expect(page.rows.map((r) => r.residentId)).toEqual(order.map((k) => ids[k]));
    expect(page.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('check pulls out a moved-out person and a module reason; 支援措置 is pending', async () => {
    await applyRecords(
      s.database,
      [
        record('100002', '馬場 二郎', {
          status: 'moved_out',
          eventCode: 'move_out',
          eventDate: '2026-05-01',
        }),
      ],
      { jobId: null, userId: null, sealer: s.sealer },
    );
    noSend.add(ids.c!);
    const { mailing, job } = await mailings.check(actor, mailingId);
    expect(job).toBeNull();
    expect(mailing.status).toBe('checked');
    expect(mailing.counts).toMatchObject({ items: 5, included: 2, pulledOut: 2, pendingConfirmation: 1 });
    const pulled = await mailings.items(actor, mailingId, { status: 'pulled_out', offset: 0, limit: 10 });
    expect(pulled.rows.map((r) => [r.name, r.pullReason, r.pullLabel, r.pulledBy, r.manual])).toEqual([
      ['馬場 二郎', 'moved_out', '転出', null, false],
      ['千葉 三子', 'no_send', '送付不要', null, false],
    ]);
    const pending = await mailings.items(actor, mailingId, { status: 'pending', offset: 0, limit: 10 });
    expect(pending.rows).toHaveLength(1);
    expect(pending.rows[0]).toMatchObject({
      name: '堂本 四子',
      hidden: true,
      address: '（支援措置のため非表示）',
    });
  });

  it('a person whose automatic reason disappeared comes back on the next check', async () => {
    noSend.delete(ids.c!);
    const { mailing } = await mailings.check(actor, mailingId);
    expect(mailing.counts).toMatchObject({ included: 3, pulledOut: 1, pendingConfirmation: 1 });
  });

  it('manual pull-out needs a reason, stays over a check, and can be restored', async () => {
    await expectError(mailings.pullOut(actor, mailingId, ids.e!, '  '), 'BAD_REQUEST', '理由');
    const r = await mailings.pullOut(actor, mailingId, ids.e!, '本人から辞退の電話');
    expect(r.counts.pulledOut).toBe(2);
    await expectError(mailings.pullOut(actor, mailingId, ids.e!, 'again'), 'BAD_REQUEST', '既に');
    await mailings.check(actor, mailingId);
    const page = await mailings.items(actor, mailingId, { q: '江藤', offset: 0, limit: 10 });
    expect(page.rows[0]).toMatchObject({
      status: 'pulled_out',
      pullReason: 'manual',
      pullNote: '本人から辞退の電話',
      pulledBy: 1,
      manual: true,
      restorable: true,
    });
    // automatic pull-outs cannot be restored by hand
    await expectError(mailings.restore(actor, mailingId, ids.b!), 'BAD_REQUEST');
    const back = await mailings.restore(actor, mailingId, ids.e!);
    expect(back.status).toBe('included');
    expect(back.counts).toMatchObject({ included: 3, pulledOut: 1 });
  });

  it('searches by 連番 and 宛名番号', async () => {
    expect(
      (await mailings.items(actor, mailingId, { q: '3', offset: 0, limit: 10 })).rows.map((r) => r.name),
    ).toEqual(['千葉 三子']);
    expect(
      (await mailings.items(actor, mailingId, { q: '100005', offset: 0, limit: 10 })).rows.map((r) => r.name),
    ).toEqual(['江藤 五郎']);
  });

  it('refuses to print while a 支援措置対象者 is unconfirmed', async () => {
    await expectError(mailings.print(actor, mailingId), 'SUPPORT_MEASURE_PENDING', '1人');
    await expectError(
      mailings.confirmSupport(actor, mailingId, ids.d!, { send: true, note: '' }),
      'BAD_REQUEST',
      '確認した内容',
    );
    const r = await mailings.confirmSupport(actor, mailingId, ids.d!, { send: true, note: '本人に確認済み' });
    expect(r.status).toBe('included');
    // a confirmation survives the re-check
    const { mailing } = await mailings.check(actor, mailingId);
    expect(mailing.counts).toMatchObject({ included: 4, pulledOut: 1, pendingConfirmation: 0 });
  });

  it('previews one person or the first N, with the 支援措置 address hidden', async () => {
    const one = await pdfPages(await mailings.preview(actor, mailingId, { residentId: ids.a! }));
    expect(one).toHaveLength(1);
    expect(one[0]).toContain('青木 一郎');
    const first = await pdfPages(await mailings.preview(actor, mailingId, { first: 10 }));
    expect(first).toHaveLength(4);
    const d = first.find((p) => p.includes('堂本 四子'))!;
    expect(d).toContain('支援措置のため非表示');
    expect(d).not.toContain('すこやか市本町100004番地');
  });

  it('print job renders the included people only, in PDF parts saved in the file store', async () => {
    const { job, mailing } = await mailings.print(actor, mailingId);
    expect(mailing.status).toBe('printing');
    expect(job.title).toBe('令和8年度 がん検診 受診券 の印刷');
    // changes are refused while printing
    await expectError(mailings.pullOut(actor, mailingId, ids.a!, 'x'), 'MAILING_PRINTING');
    await s.jobs.runPending();
    const done = await s.jobs.get(job.id);
    expect(done.status, String(done.error)).toBe('succeeded');
    const m = await mailings.get(mailingId);
    expect(m.status).toBe('printed');
    expect(m.counts.pages).toBe(4);
    expect(m.outputs).toHaveLength(1);
    expect(m.outputs[0]).toMatchObject({ from: 1, to: 5, pages: 4, count: 4 });
    expect(m.outputs[0]!.name).toBe('受診票（券）_令和8年6月1日_0001-0005.pdf');
    const out = await mailings.output(actor, mailingId, m.outputs[0]!.fileId);
    const chunks: Buffer[] = [];
    for await (const c of out.stream) chunks.push(c);
    const text = (await pdfPages(Buffer.concat(chunks))).join('\n');
    for (const n of ['青木 一郎', '千葉 三子', '堂本 四子', '江藤 五郎']) expect(text).toContain(n);
    expect(text).not.toContain('馬場 二郎');
    // the real address of a confirmed 支援措置対象者 is printed
    expect(text).toContain('すこやか市本町100004番地');
    await expectError(mailings.output(actor, mailingId, 999_999), 'NOT_FOUND');
  });

  it('a re-print replaces the earlier parts', async () => {
    const before = (await mailings.get(mailingId)).outputs[0]!.fileId;
    const { job } = await mailings.print(actor, mailingId);
    await s.jobs.runPending();
    expect((await s.jobs.get(job.id)).status).toBe('succeeded');
    const m = await mailings.get(mailingId);
    expect(m.outputs).toHaveLength(1);
    expect(m.outputs[0]!.fileId).not.toBe(before);
    const gone = await s.database.query('SELECT id FROM files WHERE id = $1', [before]);
    expect(gone).toHaveLength(0);
  });

  it('after printing, a pull-out keeps the print; one pulled out before printing cannot be restored', async () => {
    const r = await mailings.pullOut(actor, mailingId, ids.e!, '封入前に辞退');
    expect(r.counts.included).toBe(3);
    expect((await mailings.get(mailingId)).status).toBe('printed');
    const list = await mailings.items(actor, mailingId, { status: 'pulled_out', offset: 0, limit: 10 });
    expect(list.rows.map((r) => [r.name, r.restorable])).toEqual([
      ['馬場 二郎', false],
      ['江藤 五郎', true],
    ]);
    const back = await mailings.restore(actor, mailingId, ids.e!);
    expect(back.status).toBe('included');
    // B was pulled out automatically before the print and moves back: it has no letter, so it stays out
    await applyRecords(
      s.database,
      [record('100002', '馬場 二郎', { eventCode: 'move_in', eventDate: '2026-05-20' })],
      { jobId: null, userId: null, sealer: s.sealer },
    );
    const { mailing } = await mailings.check(actor, mailingId);
    expect(mailing.status).toBe('printed');
    expect(mailing.counts).toMatchObject({ included: 4, pulledOut: 1 });
  });

  it('labels and CSV list the included people with the payload fields', async () => {
    const labels = await mailings.labels(actor, mailingId, '12');
    const text = (await pdfPages(labels.pdf)).join('\n');
    expect(text).toContain('青木 一郎');
    expect(text).not.toContain('馬場 二郎');
    const csv = await mailings.exportCsv(actor, mailingId, 'utf8');
    const lines = csv.body
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '連番,宛名番号,氏名,氏名カナ,宛名,宛名の上の行（様分・気付）,郵便番号,住所,方書,送付先区分,受診券番号,course',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('1,100001,青木 一郎');
    expect(lines[1]).toContain('T-1,A');
    expect(csv.fileName).toBe('令和8年度_がん検診_受診券_令和8年6月1日_印刷業者向け.csv');
    const sjis = await mailings.exportCsv(actor, mailingId, 'sjis');
    expect(sjis.body.includes(Buffer.from('青木', 'utf8'))).toBe(false);
  });

  it('a 送付先 (facility) changes the address block; overlapping periods are refused', async () => {
    const d = await mailings.saveDestination(actor, ids.a!, {
      kind: 'facility',
      name: '特別養護老人ホームすこやか苑',
      postalCode: '123-4599',
      address: 'すこやか市山手3-1',
      validFrom: '2026-05-01',
    });
    expect(d.postalCode).toBe('1234599');
    await expectError(
      mailings.saveDestination(actor, ids.a!, {
        kind: 'proxy',
        name: '青木 花子',
        postalCode: '',
        address: '東京都千代田区1-1',
        validFrom: '2026-06-01',
      }),
      'BAD_REQUEST',
      '期間が重なる',
    );
    const list = await mailings.destinations(actor, ids.a!);
    expect(list.destinations.map((x) => x.kindLabel)).toEqual(['施設']);
    await expectError(
      mailings.endDestination(actor, ids.a!, d.id, { validUntil: '2026-04-01', version: d.version }),
      'BAD_REQUEST',
      '開始日',
    );
  });

  it('registerSent writes one record per included person, once', async () => {
    const first = await mailings.registerSent(actor, mailingId, {});
    expect(first).toMatchObject({ total: 4, inserted: 4, skipped: 0 });
    expect(first.mailing.status).toBe('sent');
    const again = await mailings.registerSent(actor, mailingId, {});
    expect(again).toMatchObject({ total: 4, inserted: 0 });
    const rows = await s.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM send_records WHERE mailing_id = $1',
      [mailingId],
    );
    expect(rows[0]!.n).toBe(4);
    const h = await mailings.sendHistory(actor, ids.a!);
    expect(h.records).toHaveLength(1);
    expect(h.records[0]).toMatchObject({
      documentTitle: '受診票（券）',
      sentOn: '2026-06-01',
      method: 'post',
      destinationKind: 'facility',
      recipientName: '特別養護老人ホームすこやか苑 気付 青木 一郎',
      address: 'すこやか市山手3-1',
      fiscalYear: 2026,
    });
    const hd = await mailings.sendHistory(actor, ids.d!);
    expect(hd.records[0]).toMatchObject({ hidden: true, address: '（支援措置のため非表示）' });
    // nothing changes once sent
    await expectError(mailings.pullOut(actor, mailingId, ids.a!, 'x'), 'MAILING_SENT');
    await expectError(mailings.check(actor, mailingId), 'MAILING_SENT');
  });

  it('reissue renders one document and links the earlier record', async () => {
    const earlier = (await mailings.sendHistory(actor, ids.a!)).records[0]!;
    const r = await mailings.reissue(actor, {
      purpose: 'test.ticket',
      residentId: ids.a!,
      payload: { ticketNo: 'T-1R' },
      fiscalYear: 2026,
      sentOn: '2026-06-15',
      method: 'counter',
      reason: '紛失のため',
    });
    expect(r.record.reissueOf).toBe(earlier.id);
    expect(r.record.mailingId).toBeNull();
    expect(r.record.payload).toEqual({ ticketNo: 'T-1R', reissueReason: '紛失のため' });
    expect((await pdfPages(r.pdf))[0]).toContain('T-1R');
    const second = await mailings.reissue(actor, {
      purpose: 'test.ticket',
      residentId: ids.a!,
      payload: { ticketNo: 'T-1R2' },
      fiscalYear: 2026,
      sentOn: '2026-06-20',
      method: 'post',
      reason: '再度紛失',
    });
    expect(second.record.reissueOf).toBe(r.record.id);
    // a moved-out person gets nothing
    await applyRecords(
      s.database,
      [
        record('100002', '馬場 二郎', {
          status: 'moved_out',
          eventCode: 'move_out',
          eventDate: '2026-06-01',
        }),
      ],
      { jobId: null, userId: null, sealer: s.sealer },
    );
    await expectError(
      mailings.reissue(actor, {
        purpose: 'test.ticket',
        residentId: ids.b!,
        payload: {},
        fiscalYear: 2026,
        sentOn: '2026-06-20',
        method: 'post',
        reason: '紛失',
      }),
      'BAD_REQUEST',
      '転出',
    );
    const history = await mailings.sendHistory(actor, ids.a!);
    expect(history.records.map((x) => x.sentOn)).toEqual(['2026-06-20', '2026-06-15', '2026-06-01']);
  });

  it('返戻 is recorded with an optimistic lock and can be cleared', async () => {
    const rec = (await mailings.sendHistory(actor, ids.e!)).records[0]!;
    const r = await mailings.recordReturn(actor, rec.id, {
      returnedOn: '2026-06-10',
      reason: 'unknown_address',
      note: '宛所に尋ねあたりません',
      version: rec.version,
    });
    expect(r).toMatchObject({
      returnedOn: '2026-06-10',
      returnReason: 'unknown_address',
      version: rec.version + 1,
    });
    const e = await expectError(
      mailings.recordReturn(actor, rec.id, {
        returnedOn: '2026-06-11',
        reason: 'refused',
        version: rec.version,
      }),
      'VERSION_CONFLICT',
    );
    expect((e.details as { current: { returnReason: string } }).current.returnReason).toBe('unknown_address');
    await expectError(
      mailings.recordReturn(actor, rec.id, {
        returnedOn: '2026-05-01',
        reason: 'refused',
        version: r.version,
      }),
      'BAD_REQUEST',
      '発送日',
    );
    const cleared = await mailings.clearReturn(actor, rec.id, r.version);
    expect(cleared.returnedOn).toBeNull();
  });

  it('writes the access log for views, prints and changes', async () => {
    const log = await s.audit.list({ limit: 500 });
    const screens = new Set(log.map((l) => `${l.action} ${l.screen}`));
    for (const x of [
      'change 郵送物 作成',
      'view 郵送物 引き抜き確認',
      'view 郵送物 対象者一覧',
      'change 郵送物 引き抜き',
      'change 郵送物 支援措置確認',
      'view 郵送物 プレビュー',
      'print 郵送物 印刷',
      'print 郵送物 宛名シール',
      'export 郵送物 CSV出力（印刷業者向け）',
      'change 郵送物 送付情報登録',
      'print 再発行',
      'view 送付履歴',
      'change 送付履歴 返戻登録',
    ]) {
      expect(screens, x).toContain(x);
    }
    const print = log.find((l) => l.screen === '郵送物 印刷')!;
    expect(print.sensitive).toBe(true);
  });
});

describe('large mailings', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let mailings: ReturnType<typeof mailingsService>;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    // everyone exists; every 100th person has moved out
    const people: PeoplePort = {
      async current(idList) {
        return new Map(
          idList.map((id) => [
            id,
            {
              residentId: id,
              atenaNo: String(id),
              name: `住民${id}`,
              nameKana: 'ジュウミン',
              birthDate: '1960-01-01',
              sex: '1',
              postalCode: '1234567',
              address: 'すこやか市',
              addressExtra: '',
              status: id % 100 === 0 ? 'moved_out' : 'resident',
              statusLabel: id % 100 === 0 ? '転出' : '住民',
              supportMeasure: false,
            },
          ]),
        );
      },
    };
    mailings = mailingsService({
      database: s.database,
      audit: s.audit,
      files: s.files,
      jobs: s.jobs,
      people,
      sender: async () => sender,
      templates,
      registryUrl,
      workers: 0,
    });
    mailings.registerPurpose({
      code: 'test.ticket',
      title: '受診票（券）',
      template: 'mailings-test.ticket',
    });
  });
  afterAll(() => drop());

  it('creates 100,000 items and checks them in a job', async () => {
    const n = 100_000;
    const t0 = Date.now();
    const m = await mailings.create(actor, {
      purpose: 'test.ticket',
      title: '大量',
      fiscalYear: 2026,
      sourceListId: null,
      sendDate: '2026-06-01',
      method: 'post',
      items: Array.from({ length: n }, (_, i) => ({ residentId: i + 1, payload: { ticketNo: `T${i + 1}` } })),
    });
    const created = Date.now() - t0;
    expect(m.counts.items).toBe(n);
    const { job } = await mailings.check(actor, m.id);
    expect(job?.kind).toBe('mailings.check');
    await s.jobs.runPending();
    const done = await s.jobs.get(job!.id);
    expect(done.status, String(done.error)).toBe('succeeded');
    const after = await mailings.get(m.id);
    expect(after.status).toBe('checked');
    expect(after.counts).toMatchObject({ items: n, included: n - n / 100, pulledOut: n / 100 });
    console.info(`100,000 items: create ${created} ms, check job ${Date.now() - t0 - created} ms`);
  });

  it('prints in parts of 500 named by the first and last 連番', async () => {
    const m = await mailings.create(actor, {
      purpose: 'test.ticket',
      title: '分割',
      fiscalYear: 2026,
      sourceListId: null,
      sendDate: '2026-06-01',
      method: 'post',
      items: Array.from({ length: 1015 }, (_, i) => ({
        residentId: i + 1,
        payload: { ticketNo: `T${i + 1}` },
      })),
    });
    await mailings.check(actor, m.id);
    const { job } = await mailings.print(actor, m.id);
    await s.jobs.runPending();
    const done = await s.jobs.get(job.id);
    expect(done.status, String(done.error)).toBe('succeeded');
    expect(done.result).toMatchObject({ included: 1005, pulledOut: 10, pages: 1005, files: 3 });
    const after = await mailings.get(m.id);
    expect(after.outputs.map((o) => [o.name, o.from, o.to, o.count])).toEqual([
      ['受診票（券）_令和8年6月1日_0001-0505.pdf', 1, 505, 500],
      ['受診票（券）_令和8年6月1日_0506-1010.pdf', 506, 1010, 500],
      ['受診票（券）_令和8年6月1日_1011-1015.pdf', 1011, 1015, 5],
    ]);
  });
});
