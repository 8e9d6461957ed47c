import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const fy = 2026;

describe('対象者抽出 (target lists) on the database', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(s, [
      { atenaNo: '0000000001', name: '胃検 太郎', birthDate: '1960-05-01', sex: '1' }, // 66: 胃 大腸 肺 肝炎
      { atenaNo: '0000000002', name: '乳検 花子', birthDate: '1985-06-01', sex: '2' }, // 41: 乳 coupon, 子宮, 大腸, 肺
      { atenaNo: '0000000003', name: '若者 一郎', birthDate: '2000-06-01', sex: '1' }, // 26: nothing of the five
      { atenaNo: '0000000004', name: '転出 次郎', birthDate: '1960-05-01', sex: '1', status: 'moved_out' },
      { atenaNo: '0000000005', name: '入院 三郎', birthDate: '1950-05-01', sex: '1' }, // opt-out
      { atenaNo: '0000000006', name: '前年 四子', birthDate: '1970-07-07', sex: '2' }, // breast last year
    ]);
    await s.adult.screening.addOptOut(actor, ids.get('0000000005')!, {
      program: null,
      reason: 'hospitalized',
      note: '長期入院',
      validFrom: '2026-03-01',
      validUntil: null,
    });
    await s.adult.screening.addRecord(actor, ids.get('0000000006')!, {
      program: 'breast',
      method: 'mammography',
      screenedOn: '2025-10-01',
      result: null,
    });
  });
  afterAll(async () => drop());

  async function extract(programs: string[]) {
    const list = await s.adult.lists.startExtraction(actor, {
      purpose: 'adult-health.invitation',
      fiscalYear: fy,
      programs: programs as never,
    });
    await s.jobs.runPending();
    return s.adult.lists.get(list.id);
  }

  it('extracts the five cancer programs combined, with coupons and reasons, as a job', async () => {
    const list = await extract(['stomach', 'colorectal', 'lung', 'breast', 'cervical']);
    expect(list.status).toBe('ready');
    expect(list.title).toBe(
      '令和8年度 受診票送付対象者（一括抽出）（胃がん・大腸がん・肺がん・乳がん・子宮頸がん）',
    );
    const { rows } = await s.adult.lists.entries(actor, list.id, {}, { offset: 0, limit: 100 });
    const byAtena = new Map(rows.map((r) => [r.atenaNo, r]));
    expect([...byAtena.keys()].sort()).toEqual(['0000000001', '0000000002', '0000000005', '0000000006']);
    expect(byAtena.get('0000000001')!.programs).toEqual(['stomach', 'colorectal', 'lung']);
    expect(byAtena.get('0000000002')!.coupons).toEqual(['breast']);
    expect(byAtena.get('0000000002')!.programs).toEqual(['colorectal', 'lung', 'breast', 'cervical']);
    expect(byAtena.get('0000000006')!.programs).not.toContain('breast');
    expect(byAtena.get('0000000006')!.reasons).toContain('乳がん検診: 前年度受診済');
    const optOut = byAtena.get('0000000005')!;
    expect(optOut.included).toBe(false);
    expect(optOut.exclusionLabel).toBe('送付不要登録（入院中）');
    expect(list.counts).toMatchObject({ included: 3, excluded: 1 });
  });

  it('excludes and restores with a reason, adds by hand, explains why someone is not listed', async () => {
    const list = await extract(['colorectal']);
    const id2 = ids.get('0000000002')!;
    await s.adult.lists.exclude(actor, list.id, id2, { reason: 'workplace', note: '会社の健診' });
    let page = await s.adult.lists.entries(actor, list.id, { included: false }, { offset: 0, limit: 10 });
    expect(page.rows.map((r) => [r.atenaNo, r.exclusionLabel, r.exclusionNote])).toContainEqual([
      '0000000002',
      '職場等で受診',
      '会社の健診',
    ]);
    await s.adult.lists.restore(actor, list.id, id2);
    await expect(s.adult.lists.restore(actor, list.id, ids.get('0000000005')!)).rejects.toThrow(
      /送付不要登録/,
    );

    const young = ids.get('0000000003')!;
    const why = await s.adult.lists.whyNot(actor, list.id, young);
    expect(why[0]).toMatchObject({ program: 'colorectal', eligible: false, labels: ['年齢対象外'] });
    await s.adult.lists.addByHand(actor, list.id, young, { programs: ['colorectal'], note: '本人希望' });
    page = await s.adult.lists.entries(actor, list.id, { q: '若者' }, { offset: 0, limit: 10 });
    expect(page.rows[0]).toMatchObject({ atenaNo: '0000000003', addedByHand: true, included: true });
    await expect(
      s.adult.lists.addByHand(actor, list.id, young, { programs: ['colorectal'], note: '' }),
    ).rejects.toThrow(/すでにこのリスト/);
  });

  it('exports the list as Shift_JIS CSV with chosen columns', async () => {
    const list = await extract(['breast']);
    const csv = await s.adult.lists.exportCsv(actor, list.id, {
      encoding: 'sjis',
      columns: ['atenaNo', 'name', 'programs', 'coupons', 'ticketNo'],
    });
    const text = iconv.decode(csv.body, 'cp932');
    expect(text.split('\r\n')[0]).toBe('宛名番号,氏名,対象検診,クーポン,受診券番号');
    expect(text).toContain('0000000002,乳検 花子,乳がん検診,乳がん検診,2026-0000000002');
    await expect(
      s.adult.lists.exportCsv(actor, list.id, { encoding: 'utf8', columns: ['nope'] }),
    ).rejects.toThrow(/出力できない列/);
  });

  it('refuses programs the 年度 does not run', async () => {
    await expect(
      s.adult.lists.startExtraction(actor, {
        purpose: 'adult-health.invitation',
        fiscalYear: fy,
        programs: ['health_checkup'],
      }),
    ).rejects.toThrow(/実施しない設定/);
  });

  it('resumes an interrupted extraction without duplicates', async () => {
    const list = await s.adult.lists.startExtraction(actor, {
      purpose: 'adult-health.invitation',
      fiscalYear: fy,
      programs: ['colorectal'],
    });
    // a first run that wrote part of the list, then crashed: the re-run must finish it without duplicates
    await s.database.query(`INSERT INTO target_list_details (list_id, id, details) VALUES ($1, 1, '{}')`, [
      list.id,
    ]);
    await s.database.query(
      `INSERT INTO target_list_entries (list_id, resident_id, programs, details_id, age)
       VALUES ($1, $2, '{colorectal}', 1, 66)`,
      [list.id, ids.get('0000000001')],
    );
    await s.jobs.runPending();
    const done = await s.adult.lists.get(list.id);
    expect(done.counts).toMatchObject({ included: 3 });
    // the resumed run numbered its details after the first run's, and every entry finds its details
    const { rows } = await s.adult.lists.entries(
      actor,
      list.id,
      { included: true },
      { offset: 0, limit: 10 },
    );
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => Object.keys(r.details).length > 0)).toHaveLength(2);
  });
});
