import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { applyRecords, type ResidentRecord } from '../../modules/residents/index.ts';
import { freshServices } from '../../test/database.ts';
import { type Caller, routesApp, signedIn } from '../../test/http.ts';
import type { ZApp } from '../http/app.ts';
import { registerJobRoutes } from '../jobs/routes.ts';
import { registerMailingRoutes } from './routes.ts';
import { mailingsService } from './service.ts';
import { templates } from './test-registry.ts';
import { pdfText, sqlPeople } from './testing.ts';

function record(atenaNo: string, name: string, over: Partial<ResidentRecord> = {}): ResidentRecord {
  return {
    atenaNo,
    householdNo: null,
    name,
    nameKana: 'テスト',
    birthDate: '1960-04-01',
    sex: '1',
    relationship: '',
    postalCode: '1234567',
    address: `すこやか市本町${atenaNo}`,
    addressExtra: '',
    phone: '',
    status: 'resident',
    residentSince: null,
    residentUntil: null,
    supportMeasure: false,
    eventCode: 'full',
    eventDate: '2026-04-01',
    myNumber: null,
    ...over,
  };
}

/** The HTTP app with the mailings routes (app.ts wires them once the engine is registered there). */
describe('mailings routes', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let app: ZApp;
  let mailingId: number;
  const ids: number[] = [];
  let clerk: Caller;
  let viewer: Caller;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const mailings = mailingsService({
      database: s.database,
      audit: s.audit,
      files: s.files,
      jobs: s.jobs,
      people: sqlPeople(s.database),
      sender: async () => {
        const m = await s.settings.get();
        return {
          municipalityName: m.name,
          mayorTitle: m.mayorTitle,
          mayorName: m.mayorName,
          centerName: m.centerName,
          centerPostalCode: m.centerPostalCode,
          centerAddress: m.centerAddress,
          centerPhone: m.centerPhone,
        };
      },
      templates,
      registryUrl: new URL('./test-registry.ts', import.meta.url),
      workers: 0,
    });
    mailings.registerPurpose({
      code: 'test.ticket',
      title: '受診票（券）',
      template: 'mailings-test.ticket',
    });
    app = await routesApp(s, (a) => {
      registerJobRoutes(a, { jobs: s.jobs });
      registerMailingRoutes(a, { mailings });
    });

    await applyRecords(
      s.database,
      [record('200001', '一ノ瀬 一'), record('200002', '二宮 二'), record('200003', '三田 三')],
      { jobId: null, userId: null, sealer: s.sealer },
    );
    const rows = await s.database.query<{ id: number }>('SELECT id FROM residents ORDER BY atena_no');
    ids.push(...rows.map((r) => Number(r.id)));
    const m = await mailings.create(
      { userId: null, loginId: 'test', roleCode: null },
      {
        purpose: 'test.ticket',
        title: '受診券',
        fiscalYear: 2026,
        sourceListId: null,
        sendDate: '2026-06-01',
        method: 'post',
        items: ids.map((id, i) => ({ residentId: id, payload: { ticketNo: `R-${i + 1}` } })),
      },
    );
    mailingId = m.id;

    clerk = await signedIn(app, s, 'clerk1', 'clerk');
    viewer = await signedIn(app, s, 'viewer1', 'viewer');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('a viewer can look but not change or download addresses', async () => {
    expect((await viewer({ url: `/api/mailings/${mailingId}` })).statusCode).toBe(200);
    expect((await viewer({ url: `/api/mailings/${mailingId}/items` })).statusCode).toBe(200);
    expect((await viewer({ url: '/api/mailings' })).json().mailings).toHaveLength(1);
    for (const [method, url] of [
      ['POST', `/api/mailings/${mailingId}/check`],
      ['POST', `/api/mailings/${mailingId}/items/${ids[0]}/pull-out`],
      ['POST', `/api/mailings/${mailingId}/print`],
      ['POST', `/api/mailings/${mailingId}/sent`],
      ['GET', `/api/mailings/${mailingId}/csv`],
      ['GET', `/api/mailings/${mailingId}/labels`],
      ['POST', `/api/residents/${ids[0]}/destinations`],
    ] as const) {
      const res = await viewer({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('check, pull-out, restore and the item list', async () => {
    const check = await clerk({ method: 'POST', url: `/api/mailings/${mailingId}/check` });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ job: null, mailing: { status: 'checked' } });
    const bad = await clerk({
      method: 'POST',
      url: `/api/mailings/${mailingId}/items/${ids[1]}/pull-out`,
      payload: { note: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('引き抜く理由');
    const ok = await clerk({
      method: 'POST',
      url: `/api/mailings/${mailingId}/items/${ids[1]}/pull-out`,
      payload: { note: '辞退' },
    });
    expect(ok.statusCode).toBe(200);
    const pulled = await clerk({ url: `/api/mailings/${mailingId}/items?status=pulled_out` });
    expect(pulled.json().rows).toMatchObject([
      { name: '二宮 二', pulledByName: 'clerk1 氏名', manual: true },
    ]);
    expect(
      (await clerk({ method: 'POST', url: `/api/mailings/${mailingId}/items/${ids[1]}/restore` })).statusCode,
    ).toBe(200);
    await clerk({
      method: 'POST',
      url: `/api/mailings/${mailingId}/items/${ids[1]}/pull-out`,
      payload: { note: '辞退' },
    });
  });

  it('preview is an inline PDF', async () => {
    const res = await clerk({ url: `/api/mailings/${mailingId}/preview?first=10` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^inline/);
    const pages = await pdfText(res.rawPayload);
    expect(pages).toHaveLength(2);
  });

  it('print → job → download the part; labels and CSV', async () => {
    const res = await clerk({ method: 'POST', url: `/api/mailings/${mailingId}/print` });
    expect(res.statusCode).toBe(200);
    const jobId = res.json().job.id as number;
    await s.jobs.runPending();
    expect((await clerk({ url: `/api/jobs/${jobId}` })).json().job.status).toBe('succeeded');
    const detail = (await clerk({ url: `/api/mailings/${mailingId}` })).json();
    expect(detail).toMatchObject({
      mailing: { status: 'printed', counts: { pages: 2 } },
      printJob: { id: jobId },
    });
    const fileId = detail.mailing.outputs[0].fileId as number;
    const pdf = await clerk({ url: `/api/mailings/${mailingId}/outputs/${fileId}` });
    expect(pdf.statusCode).toBe(200);
    expect(String(pdf.headers['content-disposition'])).toContain(
      encodeURIComponent('受診票（券）_令和8年6月1日_0001-0003.pdf'),
    );
    const text = (await pdfText(pdf.rawPayload)).join('\n');
    expect(text).toContain('一ノ瀬 一');
    expect(text).not.toContain('二宮 二');
    // a file of another mailing (or none) is not served
    expect((await clerk({ url: `/api/mailings/${mailingId}/outputs/${fileId + 1000}` })).statusCode).toBe(
      404,
    );
    const labels = await clerk({ url: `/api/mailings/${mailingId}/labels?sheet=21` });
    expect(labels.headers['content-type']).toBe('application/pdf');
    const csv = await clerk({ url: `/api/mailings/${mailingId}/csv?encoding=sjis` });
    expect(csv.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    expect(String(csv.headers['content-disposition'])).toMatch(/^attachment/);
  });

  it('送付情報登録 accepts a 和暦 date; 返戻 with version; history', async () => {
    const sent = await clerk({
      method: 'POST',
      url: `/api/mailings/${mailingId}/sent`,
      payload: { sentOn: 'R8.6.2' },
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ total: 2, inserted: 2, mailing: { status: 'sent' } });
    const h = await viewer({ url: `/api/residents/${ids[0]}/send-records` });
    expect(h.statusCode).toBe(200);
    const rec = h.json().records[0];
    expect(rec).toMatchObject({ sentOn: '2026-06-02', documentTitle: '受診票（券）', method: 'post' });
    expect(
      (
        await viewer({
          method: 'PUT',
          url: `/api/send-records/${rec.id}/return`,
          payload: { returnedOn: 'R8.6.10', reason: 'refused', version: rec.version },
        })
      ).statusCode,
    ).toBe(403);
    const put = await clerk({
      method: 'PUT',
      url: `/api/send-records/${rec.id}/return`,
      payload: { returnedOn: 'R8.6.10', reason: 'refused', note: '', version: rec.version },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().record).toMatchObject({ returnedOn: '2026-06-10', returnReason: 'refused' });
    const stale = await clerk({
      method: 'PUT',
      url: `/api/send-records/${rec.id}/return`,
      payload: { returnedOn: 'R8.6.11', reason: 'other', version: rec.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const del = await clerk({
      method: 'DELETE',
      url: `/api/send-records/${rec.id}/return?version=${rec.version + 1}`,
    });
    expect(del.statusCode).toBe(200);
    expect(del.json().record.returnedOn).toBeNull();
  });

  it('送付先: add, change with version, end', async () => {
    const url = `/api/residents/${ids[2]}/destinations`;
    const add = await clerk({
      method: 'POST',
      url,
      payload: {
        kind: 'proxy',
        name: '三田 花子',
        postalCode: '100-0001',
        address: '東京都千代田区1-1',
        validFrom: 'R8.4.1',
      },
    });
    expect(add.statusCode).toBe(200);
    const d = add.json().destination;
    expect(d).toMatchObject({ kindLabel: '代理人', postalCode: '1000001', validFrom: '2026-04-01' });
    const badDate = await clerk({
      method: 'POST',
      url,
      payload: { kind: 'proxy', name: 'x', address: 'y', validFrom: 'きのう' },
    });
    expect(badDate.statusCode).toBe(400);
    const put = await clerk({
      method: 'PUT',
      url: `${url}/${d.id}`,
      payload: { ...d, name: '三田 花子（長女）', validUntil: null, version: d.version },
    });
    expect(put.statusCode).toBe(200);
    const stale = await clerk({
      method: 'PUT',
      url: `${url}/${d.id}`,
      payload: { ...d, validUntil: null, version: d.version },
    });
    expect(stale.statusCode).toBe(409);
    const end = await clerk({
      method: 'POST',
      url: `${url}/${d.id}/end`,
      payload: { validUntil: 'R8.9.30', version: d.version + 1 },
    });
    expect(end.statusCode).toBe(200);
    expect(end.json().destination.validUntil).toBe('2026-09-30');
    const list = await viewer({ url });
    expect(list.json().destinations).toHaveLength(1);
  });
});
