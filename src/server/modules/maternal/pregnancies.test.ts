import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { testApp } from '../../test/http.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { pregnancyRepository } from './pregnancy-repository.ts';
import { isValidVoucherNumber } from './vouchers.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const on = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const input = (motherResidentId: number, over: Record<string, unknown> = {}) => ({
  motherResidentId,
  notifiedOn: on,
  dueDate: null,
  weeks: 10,
  days: 0,
  fetusCount: 1,
  source: 'counter' as const,
  movedIn: null,
  diagnosedBy: '医師 一郎',
  diagnosisInstitution: 'すこやか産婦人科',
  stdTbCheckup: 'unknown' as const,
  occupation: '会社員',
  questionnaire: {},
  riskFlags: [],
  specificPregnant: false,
  interview: {},
  note: '',
  ...over,
});

describe(`妊娠届・母子健康手帳・受診券 (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let s: Services;
  let ids: Map<string, number>;
  beforeAll(async () => {
    t = await testApp();
    s = t.services;
    ids = await addResidents(
      s,
      Array.from({ length: 12 }, (_, i) => ({
        atenaNo: `M${String(i).padStart(4, '0')}`,
        name: `母 ${i}`,
        birthDate: '1995-05-05',
        sex: '2' as const,
      })),
    );
  });
  afterAll(() => t.close());

  it('twins: two handbooks, two 聴覚 vouchers, 14 妊婦健診; the 多胎 flag is suggested', async () => {
    const r = await s.maternal.pregnancies.register(actor, input(ids.get('M0000')!, { fetusCount: 2 }));
    expect(r.notificationNo).toMatch(/^\d{4}-\d{4}$/);
    expect(r.handbooks.map((h) => [h.childIndex, h.kind])).toEqual([
      [1, 'issue'],
      [2, 'issue'],
    ]);
    expect(r.vouchers.filter((v) => v.kind === 'prenatal')).toHaveLength(14);
    expect(r.vouchers.filter((v) => v.kind === 'hearing')).toHaveLength(2);
    expect(r.vouchers.every((v) => isValidVoucherNumber(v.voucherNo))).toBe(true);
    expect(r.suggestedFlags).toContain('multiple');
    expect(r.followUps).toEqual([]);
  });

  it('voucher IDs stay unique under concurrent registrations (and a forced collision is retried)', async () => {
    const mothers = Array.from({ length: 8 }, (_, i) => ids.get(`M${String(i + 1).padStart(4, '0')}`)!);
    const done = await Promise.all(mothers.map((m) => s.maternal.pregnancies.register(actor, input(m))));
    const nos = done.flatMap((d) => d.vouchers.map((v) => v.voucherNo));
    expect(nos).toHaveLength(8 * 19);
    expect(new Set(nos).size).toBe(nos.length);
    expect(new Set(done.map((d) => d.notificationNo)).size).toBe(8);
    // a serial generator that repeats: the second voucher collides with the first and draws again
    const serials = [42, 42, 43];
    const got = await pregnancyRepository.issueVouchers(
      s.database,
      {
        pregnancyId: done[0]!.id,
        residentId: mothers[0]!,
        issuedOn: on,
        plans: [
          { kind: 'cervical', seq: 2, limitYen: null },
          { kind: 'cervical', seq: 3, limitYen: null },
        ],
      },
      () => serials.shift()!,
    );
    expect(new Set(got).size).toBe(2);
  });

  it('a mover-in at 20週 gets only the vouchers still needed; the other city handbook is recorded', async () => {
    const r = await s.maternal.pregnancies.register(
      actor,
      input(ids.get('M0009')!, {
        source: 'moved_in',
        weeks: 20,
        movedIn: { city: 'となり市', handbookNo: 'T-123', issuedOn: '' },
      }),
    );
    expect(r.vouchers.filter((v) => v.kind === 'prenatal').map((v) => v.seq)).toEqual([
      4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]);
    expect(r.handbooks[0]).toMatchObject({ kind: 'moved_in', reason: 'となり市 手帳番号 T-123' });
  });

  it('confirmed risk answers register a follow-up; 追加交付, 再交付, void and outcome', async () => {
    const m = ids.get('M0010')!;
    const r = await s.maternal.pregnancies.register(
      actor,
      input(m, {
        questionnaire: { consultant: 'no', dv: 'yes' },
        riskFlags: ['noConsultant', 'dv'],
        specificPregnant: true,
      }),
    );
    expect(r.followUps[0]!.reasons.sort()).toEqual(['DV', '特定妊婦', '相談相手なし'].sort());
    let d = await s.maternal.pregnancies.issueHandbook(actor, r.id, {
      kind: 'additional',
      childIndex: null,
      reason: '多胎と判明',
      version: r.pregnancy.version,
    });
    expect(d.pregnancy.fetusCount).toBe(2);
    expect(d.vouchers.filter((v) => v.kind === 'hearing').map((v) => v.seq)).toEqual([1, 2]);
    await expect(
      s.maternal.pregnancies.issueHandbook(actor, r.id, {
        kind: 'reissue',
        childIndex: 1,
        reason: '紛失',
        version: r.pregnancy.version,
      }),
    ).rejects.toMatchObject({ status: 409 });
    d = await s.maternal.pregnancies.issueHandbook(actor, r.id, {
      kind: 'reissue',
      childIndex: 1,
      reason: '紛失',
      version: d.pregnancy.version,
    });
    expect(d.handbooks.at(-1)).toMatchObject({
      kind: 'reissue',
      handbookNo: `${r.notificationNo}-1-R1`,
      reason: '紛失',
    });
    const first = d.vouchers.find((v) => v.kind === 'prenatal' && v.seq === 1)!;
    d = await s.maternal.pregnancies.voidVouchers(actor, r.id, {
      voucherIds: [first.id],
      reason: '汚損',
      reissue: true,
      version: d.pregnancy.version,
    });
    expect(
      d.vouchers
        .filter((v) => v.kind === 'prenatal' && v.seq === 1)
        .map((v) => v.status)
        .sort(),
    ).toEqual(['issued', 'void']);
    d = await s.maternal.pregnancies.setOutcome(actor, r.id, {
      outcome: 'miscarriage',
      outcomeOn: on,
      version: d.pregnancy.version,
    });
    expect(d.pregnancy.outcome).toBe('miscarriage');
    expect(d.vouchers.filter((v) => v.kind === 'prenatal').every((v) => v.status === 'void')).toBe(true);
    expect(d.vouchers.filter((v) => v.kind === 'postpartum').every((v) => v.status === 'issued')).toBe(true);
  });

  it('routes: validation in Japanese, the 受診券 PDF with a send record, permissions', async () => {
    await t.user('clerk1', 'clerk');
    const as = t.as(await t.login('clerk1'));
    const bad = await as({
      method: 'POST',
      url: '/api/maternal/pregnancies',
      payload: { ...input(ids.get('M0011')!), weeks: 50 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('妊娠週数は0〜42週');
    const ok = await as({
      method: 'POST',
      url: '/api/maternal/pregnancies',
      payload: input(ids.get('M0011')!),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const id = ok.json().id;
    expect(ok.json().mother.myNumberMasked).toBeNull();
    const pdf = await as({
      method: 'POST',
      url: `/api/maternal/pregnancies/${id}/vouchers/print`,
      payload: {},
    });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const sheet = await as({
      method: 'POST',
      url: `/api/maternal/pregnancies/${id}/notification-sheet`,
      payload: {},
    });
    expect(sheet.statusCode, sheet.body).toBe(200);
    const [sent] = await s.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM send_records WHERE resident_id = $1`,
      [ids.get('M0011')],
    );
    expect(Number(sent!.n)).toBeGreaterThanOrEqual(2);
    const found = await as({ url: `/api/maternal/pregnancies?q=M0011` });
    expect(found.json()).toHaveLength(1);
    await t.user('viewer1', 'viewer');
    const viewer = t.as(await t.login('viewer1'));
    expect(
      (await viewer({ method: 'POST', url: '/api/maternal/pregnancies', payload: input(ids.get('M0011')!) }))
        .statusCode,
    ).toBe(403);
  });
});
