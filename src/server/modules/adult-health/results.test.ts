import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import { parseTicketNo, type SaveResultInput } from './results.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const fy = fiscalYearOf(today());
const screenedOn = `${fy}-06-10`;

describe('parseTicketNo', () => {
  it.each([
    ['2026-0000012345', { fiscalYear: 2026, atenaNo: '0000012345' }],
    ['K2026-0000012345', { fiscalYear: 2026, atenaNo: '0000012345' }],
    ['ｋ２０２６－０００００１２３４５', { fiscalYear: 2026, atenaNo: '0000012345' }],
    ['0000012345', null],
    ['2026-ABC', null],
  ])('%s → %j', (text, out) => expect(parseTicketNo(text)).toEqual(out));
});

describe('検診結果入力 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;
  const colorectal = (over: Partial<SaveResultInput> = {}): SaveResultInput => ({
    program: 'colorectal',
    screenedOn,
    mode: 'group',
    institutionId: null,
    method: null,
    result: 'needs_followup',
    items: { fobtDay1: 'positive', fobtDay2: 'negative' },
    note: '',
    bookingId: null,
    id: null,
    version: null,
    ...over,
  });

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(s, [
      { atenaNo: '0000000501', name: '結果 花子', birthDate: '1970-05-01', sex: '2' },
    ]);
  });
  afterAll(async () => drop());

  it('finds the person by a scanned 受診票番号 and by 宛名番号 (leading zeros optional); an unknown one says so', async () => {
    const id = ids.get('0000000501');
    expect(await s.adult.results.lookup(actor, `K${fy}-0000000501`)).toEqual({
      residentId: id,
      fiscalYear: fy,
    });
    expect(await s.adult.results.lookup(actor, '501')).toEqual({ residentId: id, fiscalYear: null });
    await expect(s.adult.results.lookup(actor, `${fy}-0000000999`)).rejects.toMatchObject({
      status: 404,
      message: `受診票番号 ${fy}-0000000999 の方が見つかりません。番号を確かめてください。`,
    });
    await expect(s.adult.results.lookup(actor, '結果')).rejects.toMatchObject({ status: 400 });
  });

  it('saves a result with 要精検, 年度末年齢 and 受診票番号; a second new one for the 年度 is refused', async () => {
    const id = ids.get('0000000501')!;
    const r = await s.adult.results.save(actor, id, colorectal());
    expect(r).toMatchObject({
      program: 'colorectal',
      method: 'fobt',
      result: 'needs_followup',
      needsDetailed: true,
      fiscalYear: fy,
      ticketNo: `${fy}-0000000501`,
      ageOnDate: fy - 1970 - (screenedOn < `${fy}-05-01` ? 1 : 0),
      items: { fobtDay1: 'positive', fobtDay2: 'negative' },
      source: 'manual',
      version: 1,
    });
    await expect(s.adult.results.save(actor, id, colorectal())).rejects.toMatchObject({
      status: 409,
      code: 'RESULT_EXISTS',
    });
    const sheet = await s.adult.results.sheet(actor, id, fy);
    expect(sheet.results).toHaveLength(1);
    expect(sheet.ticketNo).toBe(`${fy}-0000000501`);
  });

  it('refuses a wrong result with every error per field, and saves nothing', async () => {
    const id = ids.get('0000000501')!;
    const e = await s.adult.results
      .save(
        actor,
        id,
        colorectal({ program: 'stomach', method: 'xray', screenedOn: '2099-01-01', result: '' }),
      )
      .catch((x) => x);
    expect(e).toMatchObject({ status: 400 });
    expect(e.details.fields.map((x: { path: string }) => x.path)).toEqual([
      'screenedOn',
      'result',
      'items.fobtDay1',
      'items.fobtDay2',
    ]);
    expect((await s.adult.results.sheet(actor, id, fy)).results).toHaveLength(1);
  });

  it('corrects at the version read; a stale version is a conflict; delete needs the current version', async () => {
    const id = ids.get('0000000501')!;
    const [r] = (await s.adult.results.sheet(actor, id, fy)).results;
    const fixed = await s.adult.results.save(
      actor,
      id,
      colorectal({
        id: r!.id,
        version: r!.version,
        result: 'negative',
        items: { fobtDay1: 'negative', fobtDay2: 'negative' },
      }),
    );
    expect(fixed).toMatchObject({ result: 'negative', needsDetailed: false, version: 2 });
    await expect(
      s.adult.results.save(actor, id, colorectal({ id: r!.id, version: 1 })),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    await expect(s.adult.results.remove(actor, r!.id, 1, '別人の結果')).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    await s.adult.results.remove(actor, r!.id, 2, '別人の結果');
    expect((await s.adult.results.sheet(actor, id, fy)).results).toEqual([]);
    const [log] = await s.database.query<{ summary: string }>(
      `SELECT summary FROM audit_log WHERE summary LIKE '%結果を削除%' ORDER BY id DESC LIMIT 1`,
    );
    expect(log!.summary).toContain('（別人の結果）');
  });
});
