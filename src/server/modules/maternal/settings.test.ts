import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addDays, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { addPregnancyWithVouchers } from './checkup-test-fixtures.ts';
import type { RegisterInput } from './pregnancies.ts';

// 母子保健の自治体設定 on a real database (PGlite, or PostgreSQL with DATABASE_URL): what the city sets changes what
// a new 妊娠届 issues (§4.3/§4.4/§4.5), whom the EPDS follows up (§4.4) and what is 低出生体重 (§4.2).
const actor = { userId: null, loginId: 'test', roleCode: 'admin' } as const;
const day = today();

const pregnancy = (motherResidentId: number): RegisterInput => ({
  motherResidentId,
  notifiedOn: day,
  dueDate: null,
  weeks: 10,
  days: 0,
  fetusCount: 1,
  source: 'counter',
  movedIn: null,
  diagnosedBy: '医師 一郎',
  diagnosisInstitution: 'すこやか産婦人科',
  stdTbCheckup: 'unknown',
  occupation: '',
  questionnaire: {},
  riskFlags: [],
  specificPregnant: false,
  interview: {},
  note: '',
});
const plan = {
  prenatal: { count: 16 },
  postpartum: { limitYen: 6000 },
  prenatal_dental: { enabled: false },
  hearing: { limitYen: 3700 },
};
const unset = { epdsFollowUpThreshold: null, epdsSelfHarmThreshold: null, lowBirthWeightGrams: null };
const kinds = <T extends { kind: string }>(vs: T[], kind: string) => vs.filter((v) => v.kind === kind);

describe(`母子保健の自治体設定 (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;
  let before: Awaited<ReturnType<Services['maternal']['pregnancies']['register']>>;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(s, [
      { atenaNo: '0000008101', name: '設定 前子', birthDate: '1994-04-02', sex: '2' },
      { atenaNo: '0000008102', name: '設定 後子', birthDate: '1993-06-12', sex: '2' },
      { atenaNo: '0000008103', name: '産婦 十子', birthDate: '1990-01-20', sex: '2' },
      { atenaNo: '0000008104', name: '出生 一郎', birthDate: addDays(day, -5), sex: '1' },
    ]);
  }, 60_000);
  afterAll(() => drop());

  it('starts at the defaults in code (no row: version 0)', async () => {
    const got = await s.maternalSettings.get();
    expect(got).toMatchObject({ voucherPlan: {}, ...unset, version: 0 });
    expect(got.effective).toMatchObject({
      epdsFollowUpThreshold: 9,
      epdsSelfHarmThreshold: 1,
      lowBirthWeightGrams: 2500,
    });
    expect(got.defaults.voucherTypes.find((t) => t.kind === 'prenatal')?.count).toBe(14);
    before = await s.maternal.pregnancies.register(actor, pregnancy(ids.get('0000008101')!));
    expect(kinds(before.vouchers, 'prenatal')).toHaveLength(14);
    expect(kinds(before.vouchers, 'prenatal_dental')).toHaveLength(1);
  });

  it('a changed plan changes what a new 妊娠届 issues; vouchers issued before keep their 助成上限; audited', async () => {
    const saved = await s.maternalSettings.update(actor, { voucherPlan: plan, ...unset, version: 0 });
    expect(saved).toMatchObject({ voucherPlan: plan, version: 1 });
    const meta = await s.maternal.pregnancies.meta();
    expect(meta.voucherTypes.map((t) => [t.kind, t.count, t.limitYen])).toEqual([
      ['prenatal', 16, null],
      ['postpartum', 2, 6000],
      ['cervical', 1, null],
      ['hearing', 1, 3700],
    ]);

    const r = await s.maternal.pregnancies.register(actor, pregnancy(ids.get('0000008102')!));
    expect(kinds(r.vouchers, 'prenatal').map((v) => v.seq)).toEqual(
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
    expect(kinds(r.vouchers, 'postpartum').map((v) => v.limitYen)).toEqual([6000, 6000]);
    expect(kinds(r.vouchers, 'prenatal_dental')).toEqual([]);
    const old = await s.maternal.pregnancies.get(actor, before.id);
    expect(kinds(old.vouchers, 'postpartum').map((v) => v.limitYen)).toEqual([5000, 5000]);

    // 追加交付 (胎児数 1 → 2): the second child's 聴覚 受診票 at the 助成上限 in force
    const added = await s.maternal.pregnancies.issueHandbook(actor, r.id, {
      kind: 'additional',
      childIndex: null,
      reason: '双胎と判明',
      version: r.pregnancy.version,
    });
    expect(kinds(added.vouchers, 'hearing').map((v) => [v.seq, v.limitYen])).toEqual([
      [1, 3700],
      [2, 3700],
    ]);

    const [a] = await s.database.query<{ summary: string }>(
      `SELECT summary FROM audit_log WHERE screen = '母子保健 自治体設定'`,
    );
    expect(a?.summary).toContain('母子保健の自治体設定を変更');
  });

  it('an EPDS threshold of 11 stops a 10-point follow-up (§4.4); the 健診 meta shows it', async () => {
    await s.maternalSettings.update(actor, {
      voucherPlan: plan,
      ...unset,
      epdsFollowUpThreshold: 11,
      version: 1,
    });
    expect((await s.maternalCheckups.meta()).epds).toEqual({ followUpThreshold: 11, selfHarmThreshold: 1 });
    const { voucher } = await addPregnancyWithVouchers(s.database, {
      motherResidentId: ids.get('0000008103')!,
      notificationNo: '2026-9101',
      notifiedOn: addDays(day, -250),
      dueDate: addDays(day, -25),
      outcomeOn: addDays(day, -20),
    });
    const saved = await s.maternalCheckups.save(actor, {
      voucherNo: voucher('S01'),
      category: 'checkup',
      examinedOn: addDays(day, -6),
      institution: 'すこやか産婦人科',
      judgement: 'normal',
      items: {
        bpSystolic: 112,
        bpDiastolic: 70,
        weight: 54.5,
        urineProtein: '-',
        urineGlucose: '-',
        epds: [1, 1, 2, 1, 1, 2, 1, 1, 0, 0],
      },
      note: '',
      resultId: null,
      version: null,
    });
    expect(saved.result.epdsScore).toBe(10);
    expect(saved.followUpReasons).toEqual([]);
  });

  it('a 低出生体重 threshold of 2,000 g: 2,300 g is not flagged, 1,900 g is (§4.2)', async () => {
    await s.maternalSettings.update(actor, {
      voucherPlan: plan,
      ...unset,
      epdsFollowUpThreshold: 11,
      lowBirthWeightGrams: 2000,
      version: 2,
    });
    const child = ids.get('0000008104')!;
    const input = {
      childResidentId: child,
      newChild: null,
      motherResidentId: null,
      pregnancyId: null,
      receivedOn: day,
      receivedVia: 'counter',
      birthTime: '',
      birthWeightG: 2300,
      heightCm: '47.0',
      headCm: '',
      chestCm: '',
      gestationalWeeks: 38,
      gestationalDays: 0,
      delivery: 'vaginal',
      birthOrder: null,
      apgar1: 8,
      apgar5: 9,
      birthPlace: '',
      institutionName: 'すこやか産院',
      details: {},
      note: '',
      version: null,
    };
    const ok = await s.infantBirths.births.register(actor, input);
    expect(ok).toMatchObject({ lowBirthWeight: false, followUpReasons: [] });
    const card = await s.infantBirths.births.get(actor, child);
    expect(card.lowBirthWeightG).toBe(2000);
    const low = await s.infantBirths.births.register(actor, {
      ...input,
      birthWeightG: 1900,
      version: card.birth!.version,
    });
    expect(low).toMatchObject({ lowBirthWeight: true, followUpReasons: ['低出生体重（1,900g）'] });
  });

  it('a stale version is a conflict; a value out of range says what to fix; unset keys return to the default', async () => {
    await expect(
      s.maternalSettings.update(actor, { voucherPlan: {}, ...unset, version: 1 }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      s.maternalSettings.update(actor, { voucherPlan: { prenatal: { count: 31 } }, ...unset, version: 3 }),
    ).rejects.toThrow(/妊婦健診の回数は0〜30の整数で入れてください/);
    const back = await s.maternalSettings.update(actor, {
      voucherPlan: { prenatal: {} },
      ...unset,
      version: 3,
    });
    expect(back).toMatchObject({ voucherPlan: {}, version: 4 });
    expect(back.effective.voucherTypes.map((t) => t.count)).toEqual([14, 2, 1, 1, 1]);
    expect(back.effective.lowBirthWeightGrams).toBe(2500);
  });
});
