import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addDays, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { addPregnancyWithVouchers } from './checkup-test-fixtures.ts';
import type { CheckupSaveInput } from './checkups.ts';
import { followUpsOf } from './follow-ups.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const day = today();
// a pregnancy at 30週 today; its birth (for the second one) 20 days ago
const due = addDays(day, 70);

const prenatalItems = {
  bpSystolic: 118,
  bpDiastolic: 72,
  weight: 60.2,
  fundalHeight: 27,
  abdominalGirth: 88,
  edema: '-',
  urineProtein: '-',
  urineGlucose: '±',
  fetalHeart: 'present',
  tests: ['blood_count', 'ultrasound'],
};
const input = (v: Partial<CheckupSaveInput>): CheckupSaveInput => ({
  voucherNo: '',
  category: 'checkup',
  examinedOn: addDays(day, -3),
  institution: 'すこやか産婦人科',
  judgement: 'normal',
  items: prenatalItems,
  note: '',
  resultId: null,
  version: null,
  ...v,
});

describe('妊婦健診・産婦健診の結果入力 (F06-03…F06-06)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let mother = 0;
  let second = 0;
  let v1: (suffix: string) => string;
  let v2: (suffix: string) => string;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000007001', name: '妊婦 一子', birthDate: '1994-04-02', sex: '2' },
      { atenaNo: '0000007002', name: '産婦 二美', birthDate: '1991-09-12', sex: '2' },
    ]);
    mother = ids.get('0000007001')!;
    second = ids.get('0000007002')!;
    ({ voucher: v1 } = await addPregnancyWithVouchers(s.database, {
      motherResidentId: mother,
      notificationNo: '2026-9001',
      notifiedOn: addDays(due, -200),
      dueDate: due,
    }));
    ({ voucher: v2 } = await addPregnancyWithVouchers(s.database, {
      motherResidentId: second,
      notificationNo: '2026-9002',
      notifiedOn: addDays(day, -250),
      dueDate: addDays(day, -25),
      outcomeOn: addDays(day, -20),
    }));
  }, 60_000);
  afterAll(() => drop());

  it('finds the visit by 受診券ID, saves it with the 妊娠週数 and marks the voucher used', async () => {
    const found = await s.maternalCheckups.lookup(actor, ` ${v1('P01')} `);
    expect(found).toMatchObject({ kind: 'prenatal', result: null, voucher: { name: '妊婦 一子', seq: 1 } });
    const { result } = await s.maternalCheckups.save(actor, input({ voucherNo: v1('P01') }));
    expect(result).toMatchObject({ kind: 'prenatal', gestationalWeeks: 29, gestationalDays: 4, version: 1 });
    expect(result.items).toMatchObject({ urineGlucose: '±', tests: ['blood_count', 'ultrasound'] });
    const [v] = await s.database.query<{ status: string; used_on: string }>(
      `SELECT status, to_char(used_on, 'YYYY-MM-DD') AS used_on FROM checkup_vouchers WHERE voucher_no = $1`,
      [v1('P01')],
    );
    expect(v).toEqual({ status: 'used', used_on: addDays(day, -3) });
  });

  it('refuses a voucher already used, naming the date and the result; edits at the version read', async () => {
    await expect(s.maternalCheckups.save(actor, input({ voucherNo: v1('P01') }))).rejects.toMatchObject({
      status: 409,
      code: 'VOUCHER_USED',
      message: expect.stringMatching(
        /^受診券ID 2026-9001-P01 は令和.+の妊婦健診（第1回、判定: 異常なし）で使用済みです。/,
      ),
    });
    const { result } = await s.maternalCheckups.lookup(actor, v1('P01'));
    const edited = await s.maternalCheckups.save(
      actor,
      input({ voucherNo: v1('P01'), resultId: result!.id, version: 1, judgement: 'detailed' }),
    );
    expect(edited.result).toMatchObject({ judgement: 'detailed', version: 2 });
    expect(edited.followUpReasons).toEqual(['妊婦健診 要精密']);
    await expect(
      s.maternalCheckups.save(actor, input({ voucherNo: v1('P01'), resultId: result!.id, version: 1 })),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('refuses an unknown voucher, another kind of voucher and a 受診日 outside the pregnancy', async () => {
    await expect(s.maternalCheckups.lookup(actor, '2026-9001-P99')).rejects.toMatchObject({
      status: 404,
      message: expect.stringMatching(/^受診券ID 2026-9001-P99 は登録されていません。/),
    });
    await expect(s.maternalCheckups.save(actor, input({ voucherNo: v1('C01') }))).rejects.toMatchObject({
      message: expect.stringMatching(/子宮頸がん検診の受診券です/),
    });
    await expect(
      s.maternalCheckups.save(actor, input({ voucherNo: v1('P02'), examinedOn: addDays(due, -300) })),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/妊娠0週より前です/) });
  });

  it('a 精密健診 is entered from the referring visit and linked to it (F06-04)', async () => {
    const none = input({
      voucherNo: v1('P02'),
      category: 'detailed',
      items: { diagnosis: '妊娠高血圧症候群' },
    });
    await expect(s.maternalCheckups.save(actor, none)).rejects.toMatchObject({
      message: expect.stringMatching(/結果がまだありません/),
    });
    const { result: ref } = await s.maternalCheckups.lookup(actor, v1('P01'));
    const d = await s.maternalCheckups.save(
      actor,
      input({
        voucherNo: v1('P01'),
        category: 'detailed',
        examinedOn: addDays(day, -1),
        judgement: 'treatment',
        institution: 'すこやか総合病院',
        items: { diagnosis: '妊娠高血圧症候群' },
      }),
    );
    expect(d.result).toMatchObject({
      kind: 'prenatal_detailed',
      referralFromId: ref!.id,
      voucherId: null,
      voucherNo: v1('P01'),
      items: { diagnosis: '妊娠高血圧症候群' },
    });
    const again = await s.maternalCheckups.lookup(actor, v1('P01'));
    expect(again.detailed?.id).toBe(d.result.id);
    expect(again.visits.map((x) => x.kind)).toEqual(['prenatal', 'prenatal_detailed']);
  });

  it('産婦健診 with EPDS 12 registers one follow-up (§4.4), however often it is saved', async () => {
    const items = {
      bpSystolic: 112,
      bpDiastolic: 70,
      weight: 54.5,
      urineProtein: '-',
      urineGlucose: '-',
      uterineInvolution: 'good',
      lochia: 'normal',
      breast: 'normal',
      epds: [1, 1, 2, 1, 1, 2, 1, 1, 1, 1],
    };
    const first = await s.maternalCheckups.save(
      actor,
      input({ voucherNo: v2('S01'), examinedOn: addDays(day, -6), items }),
    );
    expect(first.result).toMatchObject({ kind: 'postpartum', epdsScore: 12, gestationalDays: 14 });
    expect(first.result.items.daysAfterBirth).toBe(14);
    expect(first.followUpReasons).toEqual(['EPDS 12点', 'EPDS 問10（自分を傷つける考え）1点']);
    await s.maternalCheckups.save(
      actor,
      input({
        voucherNo: v2('S01'),
        examinedOn: addDays(day, -6),
        items,
        resultId: first.result.id,
        version: 1,
      }),
    );
    const follow = await followUpsOf(s.database, [second]);
    expect(follow).toHaveLength(1);
    expect(follow[0]).toMatchObject({
      source: 'maternal_checkup',
      sourceId: first.result.id,
      status: 'open',
    });
    const { followUps } = await s.maternalCheckups.lookup(actor, v2('S01'));
    expect(followUps).toHaveLength(1);
  });

  it('妊婦歯科健診 (flows.md F06-03 note): its own items, no 要精密 and no 精密健診, 要治療 is not a follow-up', async () => {
    const found = await s.maternalCheckups.lookup(actor, v1('D01'));
    expect(found.kind).toBe('prenatal_dental');
    const dental = {
      presentTeeth: 28,
      untreatedTeeth: 2,
      treatedTeeth: 5,
      missingTeeth: 0,
      gingiva: 'gingivitis',
      calculus: 'present',
      oralHygiene: 'fair',
    };
    await expect(
      s.maternalCheckups.save(actor, input({ voucherNo: v1('D01'), items: dental, judgement: '要精密' })),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('判定「要精密」は読めません') });
    await expect(
      s.maternalCheckups.save(
        actor,
        input({ voucherNo: v1('D01'), items: { ...dental, untreatedTeeth: 40 }, judgement: 'treatment' }),
      ),
    ).rejects.toMatchObject({ status: 400 });
    const { result } = await s.maternalCheckups.save(
      actor,
      input({ voucherNo: v1('D01'), items: dental, judgement: 'treatment', institution: 'すこやか歯科' }),
    );
    expect(result).toMatchObject({ kind: 'prenatal_dental', judgement: 'treatment' });
    expect(result.items).toMatchObject({ untreatedTeeth: 2, gingiva: 'gingivitis' });
    const after = await s.maternalCheckups.lookup(actor, v1('D01'));
    expect(after.followUps.flatMap((f) => f.reasons).filter((r) => r.includes('歯科'))).toEqual([]);
    await expect(
      s.maternalCheckups.save(actor, input({ voucherNo: v1('D01'), category: 'detailed', items: {} })),
    ).rejects.toMatchObject({
      message: expect.stringContaining('妊婦歯科健診には精密健診の結果はありません'),
    });
  });
});
