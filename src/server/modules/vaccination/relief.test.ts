/** 予防接種健康被害救済 (F11a-05) service: case file, numbering, steps, locking, audit, documents and send record. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import type { ReliefClaimInput } from './relief.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'nurse' } as const;
const compact = (s: string) => s.replace(/\s+/g, '');

async function rejects(p: Promise<unknown>, code: string, message: RegExp) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect((e as AppError).message).toMatch(message);
  return e as AppError;
}

describe('予防接種健康被害救済 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let child: number;
  let elder: number;
  let hibRecord: number;
  let otherRecord: number;

  const claim = (over: Partial<ReliefClaimInput> = {}): ReliefClaimInput => ({
    residentId: child,
    claimantName: '救済 花子',
    claimantRelation: '母',
    claimantPostalCode: '765-4321',
    claimantAddress: 'となり市南町二丁目3番4号',
    claimantPhone: '0000-11-2222',
    vaccine: 'HIB',
    vaccinatedOn: 'R6.2.5',
    recordIds: [hibRecord],
    benefits: ['medical_cost', 'medical_allowance'],
    symptoms: '接種翌日に発熱とけいれん。入院3日。',
    receivedOn: '2026-05-10',
    note: '',
    ...over,
  });

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000000951', name: '救済 太郎', birthDate: '2023-12-01', sex: '1' },
      { atenaNo: '0000000952', name: '救済 一郎', birthDate: '1950-04-01', sex: '1' },
      { atenaNo: '0000000953', name: '他人 次郎', birthDate: '2023-10-01', sex: '1' },
    ]);
    child = ids.get('0000000951')!;
    elder = ids.get('0000000952')!;
    const rec = (residentId: number) =>
      s.vaccination.records.save(actor, residentId, {
        vaccine: 'HIB',
        dose: '',
        vaccinatedOn: '2024-02-05',
        product: '',
        lot: 'RL01',
        institutionId: null,
        institutionName: 'すこやか小児科',
        doctor: '',
        formNo: '',
        source: 'manual',
        note: '',
        id: null,
        version: null,
      });
    hibRecord = (await rec(child)).record.id;
    otherRecord = (await rec(ids.get('0000000953')!)).record.id;
  });
  afterAll(async () => drop());

  const audits = async () =>
    s.database.query<{ action: string; summary: string; resident_ids: number[] }>(
      `SELECT action, summary, resident_ids::int[] AS resident_ids FROM audit_log WHERE screen = '予防接種 健康被害救済' ORDER BY id`,
    );

  it('予防接種歴照会 shows the person and their records (audited)', async () => {
    const h = await s.vaccination.relief.history(actor, child);
    expect(h.person.name).toBe('救済 太郎');
    expect(h.records.map((r) => r.id)).toEqual([hibRecord]);
    expect((await audits()).at(-1)).toMatchObject({ action: 'view', resident_ids: [child] });
  });

  it('creates cases numbered per 年度 of the 受理日 (2026-0001, 2026-0002, 2025-0001)', async () => {
    const a = await s.vaccination.relief.create(actor, claim());
    expect(a).toMatchObject({
      caseNo: '2026-0001',
      category: 'A',
      status: 'received',
      vaccinatedOn: '2024-02-05',
      claimantPostalCode: '7654321',
      recordIds: [hibRecord],
      version: 1,
    });
    expect((await s.vaccination.relief.create(actor, claim())).caseNo).toBe('2026-0002');
    expect((await s.vaccination.relief.create(actor, claim({ receivedOn: '2026-03-31' }))).caseNo).toBe(
      '2025-0001',
    );
    expect((await audits()).at(-1)).toMatchObject({ action: 'change', resident_ids: [child] });
    expect((await audits()).at(-1)!.summary).toMatch(
      /^2025-0001 健康被害救済の請求を受理（ヒブ（単独）、医療費・医療手当）/,
    );
  });

  it('gives distinct numbers to concurrent claims', async () => {
    const made = await Promise.all(
      Array.from({ length: 6 }, () =>
        s.vaccination.relief.create(actor, claim({ receivedOn: '2024-06-01' })),
      ),
    );
    expect(new Set(made.map((c) => c.caseNo))).toEqual(
      new Set(['2024-0001', '2024-0002', '2024-0003', '2024-0004', '2024-0005', '2024-0006']),
    );
  });

  it('refuses what does not fit, in Japanese, per field', async () => {
    const e = await rejects(
      s.vaccination.relief.create(
        actor,
        claim({
          claimantAddress: ' ',
          benefits: ['death_lump_sum'],
          vaccine: 'FLU_ELD',
          residentId: elder,
          recordIds: [],
          vaccinatedOn: '2025-11-01',
        }),
      ),
      'BAD_REQUEST',
      /入力に誤りがあります（2件）。請求者の住所を入力してください/,
    );
    expect((e.details as { fields: { path: string; message: string }[] }).fields).toEqual([
      { path: 'claimantAddress', message: expect.stringMatching(/通知の送付先/) },
      { path: 'benefits', message: expect.stringMatching(/B類の予防接種では「死亡一時金」は請求できません/) },
    ]);
    await rejects(
      s.vaccination.relief.create(actor, claim({ recordIds: [otherRecord] })),
      'BAD_REQUEST',
      /この方の接種記録でないもの/,
    );
    await rejects(
      s.vaccination.relief.create(
        actor,
        claim({ vaccine: 'HZ', vaccinatedOn: '2024-06-01', residentId: elder, recordIds: [] }),
      ),
      'BAD_REQUEST',
      /定期接種の期間外です/,
    );
    await rejects(
      s.vaccination.relief.create(actor, claim({ receivedOn: '2024-02-01' })),
      'BAD_REQUEST',
      /接種日が受理日より後/,
    );
  });

  it('walks a case: documents → 進達 → 認定, refusing skips, early dates and stale versions', async () => {
    const r = s.vaccination.relief;
    const c = await r.create(actor, claim({ receivedOn: '2026-05-12' }));
    await rejects(
      r.decide(actor, c.id, c.version, {
        result: 'recognized',
        decidedOn: '2026-08-01',
        resultReceivedOn: '2026-08-05',
        recognizedBenefits: ['medical_cost'],
        note: '',
      }),
      'BAD_REQUEST',
      /進達がまだです/,
    );
    const d = await r.saveDocuments(actor, c.id, c.version, [
      { code: 'claim_form', label: '請求書', receivedOn: 'R8.5.12' },
      { code: '', label: '母子健康手帳の写し', receivedOn: '2026-05-12' },
      { code: 'receipts', label: '医療費の領収書', receivedOn: null },
    ]);
    expect(d.documents).toEqual([
      { code: 'claim_form', label: '請求書', receivedOn: '2026-05-12' },
      { code: 'other-2', label: '母子健康手帳の写し', receivedOn: '2026-05-12' },
      { code: 'receipts', label: '医療費の領収書', receivedOn: null },
    ]);
    // the version read before the documents were saved is stale now
    const stale = await rejects(
      r.forward(actor, c.id, c.version, { forwardedOn: '2026-06-01', note: '' }),
      'VERSION_CONFLICT',
      /他の利用者が先に更新しました/,
    );
    expect((stale.details as { current: { version: number } }).current.version).toBe(2);
    await rejects(
      r.forward(actor, c.id, d.version, { forwardedOn: '2026-05-11', note: '' }),
      'BAD_REQUEST',
      /進達日は受理日（令和8年5月12日）と同じか、それより後/,
    );
    const f = await r.forward(actor, c.id, d.version, { forwardedOn: 'R8.6.1', note: '県保健所経由' });
    expect(f).toMatchObject({ status: 'forwarded', forwardedOn: '2026-06-01', version: 3 });
    await rejects(
      r.forward(actor, c.id, f.version, { forwardedOn: '2026-06-02', note: '' }),
      'BAD_REQUEST',
      /すでに進達済み/,
    );
    await rejects(
      r.decide(actor, c.id, f.version, {
        result: 'recognized',
        decidedOn: '2026-09-01',
        resultReceivedOn: '2026-09-05',
        recognizedBenefits: ['funeral'],
        note: '',
      }),
      'BAD_REQUEST',
      /請求していない給付（葬祭料）は認定に選べません/,
    );
    const done = await r.decide(actor, c.id, f.version, {
      result: 'recognized',
      decidedOn: '2026-09-01',
      resultReceivedOn: '2026-09-05',
      recognizedBenefits: ['medical_cost'],
      note: '',
    });
    expect(done).toMatchObject({ status: 'recognized', recognizedBenefits: ['medical_cost'], version: 4 });
    await rejects(
      r.withdraw(actor, c.id, done.version, { withdrawnOn: '2026-10-01', reason: 'x' }),
      'BAD_REQUEST',
      /「認定」の請求には取下げ/,
    );

    const file = await r.view(actor, c.id);
    expect(file.timeline.map((t) => [t.step, t.date])).toEqual([
      ['received', '2026-05-12'],
      ['forwarded', '2026-06-01'],
      ['decided', '2026-09-01'],
      ['result', '2026-09-05'],
    ]);
    expect(file.steps).toEqual([]);
    expect(file.records).toEqual([
      expect.objectContaining({ id: hibRecord, attached: true, vaccineName: 'ヒブ（単独）' }),
    ]);
    expect(file.checklist.find((x) => x.code === 'claim_form')?.receivedOn).toBe('2026-05-12');
    expect(file.warnings).toEqual([expect.stringMatching(/A類の請求期限は確認できていません/)]);
    const summaries = (await audits()).map((a) => a.summary).filter((x) => x.startsWith(c.caseNo));
    expect(summaries).toEqual([
      expect.stringMatching(/請求を受理/),
      expect.stringMatching(/請求書類を記録（受理2件／3件）/),
      expect.stringMatching(/進達（2026-06-01）/),
      expect.stringMatching(/認定を登録（決定日2026-09-01、医療費）/),
      expect.stringMatching(/請求記録を表示/),
    ]);
  });

  it('withdraws from 受理 with the date and reason in the timeline', async () => {
    const r = s.vaccination.relief;
    const c = await r.create(actor, claim({ receivedOn: '2026-07-01' }));
    await rejects(
      r.withdraw(actor, c.id, c.version, { withdrawnOn: '2026-07-02', reason: '' }),
      'BAD_REQUEST',
      /取下げの理由/,
    );
    const w = await r.withdraw(actor, c.id, c.version, {
      withdrawnOn: '2026-07-02',
      reason: '請求者からの取下書による',
    });
    expect(w).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: '2026-07-02',
      withdrawReason: '請求者からの取下書による',
      decisionNote: '',
    });
    const file = await r.view(actor, c.id);
    expect(file.case.withdrawnOn).toBe('2026-07-02');
    expect(file.timeline.at(-1)).toMatchObject({
      step: 'withdrawn',
      date: '2026-07-02',
      note: '請求者からの取下書による',
    });
  });

  it('corrects the claimant at the version read; the benefits only before the 進達', async () => {
    const r = s.vaccination.relief;
    const c = await r.create(actor, claim({ receivedOn: '2026-08-01' }));
    const edit = { ...claim(), claimantAddress: 'となり市北町1番', benefits: ['medical_cost'] };
    const e = await r.edit(actor, c.id, c.version, edit);
    expect(e).toMatchObject({ claimantAddress: 'となり市北町1番', benefits: ['medical_cost'], version: 2 });
    await rejects(r.edit(actor, c.id, c.version, edit), 'VERSION_CONFLICT', /先に更新/);
    const f = await r.forward(actor, c.id, e.version, { forwardedOn: '2026-08-02', note: '' });
    await rejects(
      r.edit(actor, c.id, f.version, { ...edit, benefits: ['medical_cost', 'funeral'] }),
      'BAD_REQUEST',
      /進達した後は、請求する給付を変えられません/,
    );
    expect((await r.edit(actor, c.id, f.version, { ...edit, claimantPhone: '1' })).claimantPhone).toBe('1');
  });

  it('lists by status and search text', async () => {
    const all = await s.vaccination.relief.list(actor, {});
    expect(all.total).toBeGreaterThanOrEqual(11);
    const rec = await s.vaccination.relief.list(actor, { status: 'recognized' });
    expect(rec.rows.map((x) => x.statusLabel)).toEqual(['認定']);
    expect((await s.vaccination.relief.list(actor, { q: '2025-0001' })).rows.map((x) => x.caseNo)).toEqual([
      '2025-0001',
    ]);
    expect((await s.vaccination.relief.list(actor, { q: '0000000951' })).total).toBe(all.total);
    expect((await s.vaccination.relief.list(actor, { q: '救済花子', status: 'withdrawn' })).total).toBe(1);
  });

  it('prints the 進達書 and the notice to the claimant of a deceased person, with a send record', async () => {
    const r = s.vaccination.relief;
    const c = await r.create(
      actor,
      claim({
        receivedOn: '2026-04-20',
        benefits: ['death_lump_sum', 'funeral'],
        claimantRelation: '父',
        claimantName: '救済 父',
      }),
    );
    await s.database.query(
      `UPDATE residents SET status = 'deceased', resident_until = '2026-03-01' WHERE id = $1`,
      [child],
    );
    await r.saveDocuments(actor, c.id, 1, [
      { code: 'death_certificate', label: '死亡診断書（死体検案書）の写し', receivedOn: '2026-04-20' },
    ]);
    await rejects(
      s.vaccination.reliefPrints.forwardLetter(actor, c.id),
      'BAD_REQUEST',
      /進達日がまだ登録されていません/,
    );
    const f = await r.forward(actor, c.id, 2, { forwardedOn: '2026-05-01', note: '' });
    const letter = (
      await pdfText(
        (
          await s.vaccination.reliefPrints.forwardLetter(actor, c.id, { addressee: 'すこやか県知事' })
        ).pdf,
      )
    ).map(compact);
    expect(letter[0]).toContain('すこやか県知事様');
    expect(letter[0]).toContain(compact('予防接種健康被害救済給付の請求について（進達）'));
    expect(letter[0]).toContain(c.caseNo);
    expect(letter[0]).toContain(compact('死亡診断書（死体検案書）の写し'));
    expect(letter[0]).toContain('令和8年5月1日');
    await rejects(
      s.vaccination.reliefPrints.notice(actor, c.id, { version: f.version }),
      'BAD_REQUEST',
      /認定・否認がまだ登録されていません/,
    );
    const d = await r.decide(actor, c.id, f.version, {
      result: 'denied',
      decidedOn: '2026-10-01',
      resultReceivedOn: '2026-10-10',
      recognizedBenefits: [],
      note: '',
    });
    await rejects(
      s.vaccination.reliefPrints.notice(actor, c.id, { version: f.version }),
      'VERSION_CONFLICT',
      /先に更新/,
    );
    const n = await s.vaccination.reliefPrints.notice(actor, c.id, {
      version: d.version,
      sentOn: '2026-10-15',
      method: 'post',
    });
    expect((await audits()).at(-1)).toMatchObject({ action: 'print', resident_ids: [child] });
    const pages = (await pdfText(n.pdf)).map(compact);
    const m = await s.settings.get();
    expect(pages[0]).toContain('救済父様');
    expect(pages[0]).toContain('となり市南町二丁目3番4号');
    expect(pages[0]).toContain(compact('予防接種健康被害救済給付の否認について（通知）'));
    expect(pages[0]).toContain('ヒブ');
    expect(pages[0]).toContain('審査請求');
    expect(pages[0]).toContain(compact(`${m.mayorTitle} ${m.mayorName}`));
    const file = await r.view(actor, c.id);
    expect(file.case.noticeSentOn).toBe('2026-10-15');
    expect(file.notices).toEqual([
      expect.objectContaining({
        sentOn: '2026-10-15',
        method: 'post',
        recipientName: '救済 父',
        address: 'となり市南町二丁目3番4号',
      }),
    ]);
    const { records } = await s.mailings.sendHistory(actor, child);
    expect(records.filter((x) => x.purpose === 'vaccination.relief-notice')).toEqual([
      expect.objectContaining({
        destinationKind: 'other',
        documentTitle: '予防接種健康被害救済 認定・否認通知',
      }),
    ]);
  });
});
