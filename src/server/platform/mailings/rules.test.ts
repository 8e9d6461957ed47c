import { describe, expect, it } from 'vitest';
import {
  decideItem,
  destinationOn,
  flatScalars,
  type ItemState,
  partFileName,
  periodsOverlap,
  recipientFor,
  recipientLine,
  seqWidth,
} from './rules.ts';
import type { PersonNow } from './types.ts';

const person = (over: Partial<PersonNow> = {}): PersonNow => ({
  residentId: 1,
  atenaNo: '100001',
  name: 'すこやか 太郎',
  nameKana: 'スコヤカ タロウ',
  birthDate: '1960-04-01',
  sex: '1',
  postalCode: '1234567',
  address: 'すこやか市本町1-1',
  addressExtra: 'すこやか荘101',
  status: 'resident',
  statusLabel: '住民',
  supportMeasure: false,
  ...over,
});

const item = (over: Partial<ItemState> = {}): ItemState => ({
  status: 'included',
  pullReason: null,
  pullLabel: null,
  confirmedBy: null,
  ...over,
});

const opts = { allowedStatuses: ['resident'], frozen: false };

describe('decideItem (引き抜き re-check)', () => {
  it.each([
    ['resident stays included', item(), person(), undefined, opts, ['included', null]],
    [
      'moved out',
      item(),
      person({ status: 'moved_out' }),
      undefined,
      opts,
      ['pulled_out', 'moved_out', '転出'],
    ],
    ['deceased', item(), person({ status: 'deceased' }), undefined, opts, ['pulled_out', 'deceased', '死亡']],
    ['erased', item(), person({ status: 'erased' }), undefined, opts, ['pulled_out', 'erased', '消除']],
    ['not found', item(), undefined, undefined, opts, ['pulled_out', 'not_found', '宛名なし']],
    [
      '住登外 when the purpose does not allow it',
      item(),
      person({ status: 'non_registered' }),
      undefined,
      opts,
      ['pulled_out', 'non_registered', '住登外'],
    ],
    [
      '住登外 allowed by the purpose',
      item(),
      person({ status: 'non_registered' }),
      undefined,
      { allowedStatuses: ['resident', 'non_registered'], frozen: false },
      ['included', null],
    ],
    [
      'module reason',
      item(),
      person(),
      { reason: 'no_send', label: '送付不要' },
      opts,
      ['pulled_out', 'no_send', '送付不要'],
    ],
    [
      'register reason wins over module reason',
      item(),
      person({ status: 'deceased' }),
      { reason: 'x', label: 'x' },
      opts,
      ['pulled_out', 'deceased', '死亡'],
    ],
    [
      '支援措置 unconfirmed → pending',
      item(),
      person({ supportMeasure: true }),
      undefined,
      opts,
      ['pending', null],
    ],
    [
      '支援措置 confirmed → included',
      item({ confirmedBy: 3 }),
      person({ supportMeasure: true }),
      undefined,
      opts,
      ['included', null],
    ],
    [
      '支援措置 confirmed but moved out → pulled out',
      item({ confirmedBy: 3 }),
      person({ supportMeasure: true, status: 'moved_out' }),
      undefined,
      opts,
      ['pulled_out', 'moved_out', '転出'],
    ],
    [
      'automatic reason gone → back to included',
      item({ status: 'pulled_out', pullReason: 'moved_out', pullLabel: '転出' }),
      person(),
      undefined,
      opts,
      ['included', null],
    ],
    [
      'manual pull-out stays even when moved out',
      item({ status: 'pulled_out', pullReason: 'manual', pullLabel: '手作業で引き抜き' }),
      person({ status: 'moved_out' }),
      undefined,
      opts,
      ['pulled_out', 'manual', '手作業で引き抜き'],
    ],
    [
      '支援措置「送付しない」 stays',
      item({
        status: 'pulled_out',
        pullReason: 'support_measure',
        pullLabel: '支援措置対象者（送付しない）',
      }),
      person({ supportMeasure: true }),
      undefined,
      opts,
      ['pulled_out', 'support_measure', '支援措置対象者（送付しない）'],
    ],
    [
      'printed mailing: an automatic pull-out does not come back (no letter printed)',
      item({ status: 'pulled_out', pullReason: 'moved_out', pullLabel: '転出' }),
      person(),
      undefined,
      { allowedStatuses: ['resident'], frozen: true },
      ['pulled_out', 'moved_out', '転出'],
    ],
    [
      'printed mailing: a new reason still pulls out',
      item(),
      person({ status: 'deceased' }),
      undefined,
      { allowedStatuses: ['resident'], frozen: true },
      ['pulled_out', 'deceased', '死亡'],
    ],
  ] as const)('%s', (_name, it_, p, own, o, [status, reason, label]) => {
    const d = decideItem(it_, p, own, o);
    expect(d.status).toBe(status);
    expect(d.pullReason).toBe(reason);
    if (label !== undefined) expect(d.pullLabel).toBe(label);
  });
});

describe('送付先', () => {
  const d = (id: number, validFrom: string, validUntil: string | null, over = {}) => ({
    id,
    kind: 'proxy',
    name: `代理 ${id}`,
    postalCode: '7654321',
    address: `東京都${id}`,
    addressExtra: '',
    validFrom,
    validUntil,
    active: true,
    ...over,
  });

  it('picks the destination valid on the date (latest start)', () => {
    const list = [
      d(1, '2026-01-01', '2026-05-31'),
      d(2, '2026-06-01', null),
      d(3, '2026-06-01', null, { active: false }),
    ];
    expect(destinationOn(list, '2026-05-31')?.id).toBe(1);
    expect(destinationOn(list, '2026-06-01')?.id).toBe(2);
    expect(destinationOn(list, '2025-12-31')).toBeUndefined();
  });

  it('overlap of periods', () => {
    expect(periodsOverlap(d(1, '2026-01-01', '2026-05-31'), d(2, '2026-06-01', null))).toBe(false);
    expect(periodsOverlap(d(1, '2026-01-01', '2026-06-01'), d(2, '2026-06-01', null))).toBe(true);
    expect(periodsOverlap(d(1, '2026-01-01', null), d(2, '2030-01-01', null))).toBe(true);
  });

  it('address block: own address, proxy (様 分) and facility (気付)', () => {
    expect(recipientFor(person())).toEqual({
      postalCode: '1234567',
      address: 'すこやか市本町1-1',
      addressExtra: 'すこやか荘101',
      name: 'すこやか 太郎',
    });
    const proxy = recipientFor(person(), d(1, '2026-01-01', null, { name: 'すこやか 花子' }));
    expect(proxy).toEqual({
      postalCode: '7654321',
      address: '東京都1',
      addressExtra: '',
      name: 'すこやか 花子',
      careOf: 'すこやか 太郎 様 分',
    });
    expect(recipientLine(proxy)).toBe('すこやか 太郎 様 分 すこやか 花子');
    const facility = recipientFor(
      person(),
      d(2, '2026-01-01', null, { kind: 'facility', name: 'すこやか苑' }),
    );
    expect(facility.name).toBe('すこやか 太郎');
    expect(facility.careOf).toBe('すこやか苑 気付');
  });
});

describe('file names and payload fields', () => {
  it('PDF part names', () => {
    expect(partFileName('受診票（券）', '2026-06-01', 1, 1000)).toBe(
      '受診票（券）_令和8年6月1日_0001-1000.pdf',
    );
    expect(partFileName('受診票（券）', '2026-06-01', 100001, 100500, seqWidth(100500))).toBe(
      '受診票（券）_令和8年6月1日_100001-100500.pdf',
    );
    expect(partFileName('a/b c', '2019-05-01', 1, 2)).toBe('a_b_c_令和元年5月1日_0001-0002.pdf');
  });

  it('flat scalar fields only', () => {
    expect(flatScalars({ a: 1, b: 'x', c: null, d: true, e: { f: 1 }, g: [1] })).toEqual([
      ['a', 1],
      ['b', 'x'],
      ['c', null],
      ['d', true],
    ]);
    expect(flatScalars([1, 2])).toEqual([]);
    expect(flatScalars(null)).toEqual([]);
  });
});
