import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import type { ExtraInput } from './result-extras-rules.ts';
import { checkExtra, nextExtraKey } from './result-extras-rules.ts';
import type { SaveResultInput } from './results.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'admin', roleCode: 'admin' } as const;
const fy = fiscalYearOf(today());

const input = (over: Partial<ExtraInput> = {}): ExtraInput => ({
  program: 'colorectal',
  key: '',
  label: '便潜血 定量値',
  type: 'number',
  options: [],
  unit: 'ng/mL',
  required: false,
  ...over,
});

describe('結果項目の検査 (rules)', () => {
  it('makes the first free extraN key when none is typed', () => {
    expect(nextExtraKey('colorectal', [])).toBe('extra1');
    expect(
      nextExtraKey('colorectal', [
        { key: 'Extra1', label: 'a', active: false },
        { key: 'extra3', label: 'b', active: true },
      ]),
    ).toBe('extra2');
  });

  it.each([
    [{ key: '1abc' }, 'key', 'キーは半角英字で始まる半角英数字30文字以内で入力してください'],
    [{ key: 'fobtday1' }, 'key', 'キー「fobtday1」は国の項目「便潜血 1日目」で使われています。'],
    [{ key: 'result' }, 'key', 'キー「result」は結果の欄の名前と同じなので使えません。'],
    [{ label: '  ' }, 'label', '項目名を入力してください'],
    [{ label: '便潜血 1日目' }, 'label', '項目名「便潜血 1日目」は既に国の項目にあります。'],
    [{ type: 'list' }, 'type', '型を選んでください（数値・文字・選択・有無・日付）。'],
    [{ type: 'select', options: ['陰性', ''] }, 'options', '選択肢を2つ以上入力してください'],
    [{ type: 'select', options: ['陰性', '陰性'] }, 'options', '選択肢「陰性」が重複しています。'],
    [{ type: 'select', options: ['+', '＋'] }, 'options', '選択肢「＋」が重複しています。'],
    [{ unit: 'とても長い単位の名前です' }, 'unit', '単位は10文字以内'],
  ])('%j → %s: %s', (over, path, message) => {
    const c = checkExtra(input(over), []);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.errors[0]).toMatchObject({ path, message: expect.stringContaining(message) });
  });

  it('normalises: full-width key, trimmed label, choices without blanks; unit only for numbers and text', () => {
    const c = checkExtra(
      input({ key: 'ｕｒｉｎｅ', type: 'select', options: [' －', '±', '', '＋'], unit: 'mg' }),
      [],
    );
    expect(c).toEqual({
      ok: true,
      value: {
        program: 'colorectal',
        key: 'urine',
        label: '便潜血 定量値',
        type: 'select',
        options: ['－', '±', '＋'],
        unit: '',
        required: false,
      },
    });
  });

  it('keeps the stored key and type when editing, whatever was sent', () => {
    const c = checkExtra(input({ key: 'other', type: 'text' }), [], { key: 'extra1', type: 'number' });
    expect(c.ok && c.value).toMatchObject({ key: 'extra1', type: 'number', unit: 'ng/mL' });
  });
});

describe('結果項目 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let residentId: number;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000000601', name: '項目 花子', birthDate: '1970-05-01', sex: '2' },
    ]);
    residentId = ids.get('0000000601')!;
  });
  afterAll(async () => drop());

  const audits = async () =>
    (await s.audit.list({ action: 'admin', limit: 100 })).map((a) => a.summary).filter(Boolean);
  const colorectal = (
    items: Record<string, unknown>,
    over: Partial<SaveResultInput> = {},
  ): SaveResultInput => ({
    program: 'colorectal',
    screenedOn: `${fy}-06-10`,
    mode: 'group',
    institutionId: null,
    method: null,
    result: 'negative',
    items: { fobtDay1: 'negative', fobtDay2: 'negative', ...items },
    note: '',
    bookingId: null,
    id: null,
    version: null,
    ...over,
  });

  it('adds an item with a generated key; it is listed beside the national items and audited', async () => {
    const item = await s.adult.resultExtras.create(actor, input({ required: true }));
    expect(item).toMatchObject({
      program: 'colorectal',
      key: 'extra1',
      label: '便潜血 定量値',
      type: 'number',
      unit: 'ng/mL',
      required: true,
      active: true,
      sortOrder: 1,
      version: 1,
    });
    const list = await s.adult.resultExtras.list();
    const c = list.find((p) => p.code === 'colorectal')!;
    expect(c.name).toBe('大腸がん検診');
    expect(c.national.map((i) => i.key)).toEqual(['fobtDay1', 'fobtDay2']);
    expect(c.extras.map((e) => e.key)).toEqual(['extra1']);
    expect(list.find((p) => p.code === 'lung')!.extras).toEqual([]);
    expect(await audits()).toContain('結果項目の追加 大腸がん検診「便潜血 定量値」（extra1）');
  });

  it('refuses a key used by a national item or by another city item, with the field', async () => {
    await expect(
      s.adult.resultExtras.create(actor, input({ key: 'fobtDay2', label: 'x' })),
    ).rejects.toMatchObject({
      status: 400,
      message:
        '入力に誤りがあります: キー「fobtDay2」は国の項目「便潜血 2日目」で使われています。別のキーにしてください。',
      details: { fields: [{ path: 'key' }] },
    });
    await expect(
      s.adult.resultExtras.create(actor, input({ key: 'EXTRA1', label: 'x' })),
    ).rejects.toMatchObject({
      status: 400,
      details: { fields: [{ path: 'key', message: expect.stringContaining('既に項目「便潜血 定量値」で') }] },
    });
    // the same key in another program is another item
    const lung = await s.adult.resultExtras.create(
      actor,
      input({ program: 'lung', key: 'extra1', label: '痰' }),
    );
    expect(lung).toMatchObject({ program: 'lung', key: 'extra1', type: 'number' });
  });

  it('an active item shows on the entry sheet and is checked: required and a number', async () => {
    const meta = await s.adult.results.meta(fy);
    const items = meta.programs.find((p) => p.code === 'colorectal')!.items;
    expect(items.map((i) => i.key)).toEqual(['fobtDay1', 'fobtDay2', 'extra1']);
    expect(items[2]).toMatchObject({ label: '便潜血 定量値', type: 'number', required: true, extra: true });
    await expect(s.adult.results.save(actor, residentId, colorectal({}))).rejects.toMatchObject({
      status: 400,
      details: { fields: [{ path: 'items.extra1', message: '便潜血 定量値を入力してください。' }] },
    });
    await expect(
      s.adult.results.save(actor, residentId, colorectal({ extra1: 'abc' })),
    ).rejects.toMatchObject({
      details: {
        fields: [
          {
            path: 'items.extra1',
            message: '便潜血 定量値の「abc」は数字として読めません。数字で入力してください。',
          },
        ],
      },
    });
    const saved = await s.adult.results.save(actor, residentId, colorectal({ extra1: '８５' }));
    expect(saved.items).toEqual({ fobtDay1: 'negative', fobtDay2: 'negative', extra1: 85 });
  });

  it('updates at the version read; a stale version is a conflict with the stored item', async () => {
    const [item] = (await s.adult.resultExtras.list()).find((p) => p.code === 'colorectal')!.extras;
    const next = await s.adult.resultExtras.update(actor, item!.id, 1, {
      label: '便潜血 定量値（参考）',
      options: [],
      unit: 'ng/mL',
      required: false,
    });
    expect(next).toMatchObject({
      label: '便潜血 定量値（参考）',
      required: false,
      version: 2,
      key: 'extra1',
    });
    await expect(
      s.adult.resultExtras.update(actor, item!.id, 1, {
        label: '古い',
        options: [],
        unit: '',
        required: true,
      }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
      message: expect.stringContaining('この結果項目は他の利用者が先に更新しました。'),
      details: { current: { label: '便潜血 定量値（参考）', version: 2 } },
    });
    expect(await audits()).toContain('結果項目の変更 大腸がん検診「便潜血 定量値（参考）」（extra1）');
  });

  it('reorders the program’s items; a list that is not exactly them is refused', async () => {
    const second = await s.adult.resultExtras.create(
      actor,
      input({ label: '検体の状態', type: 'select', options: ['良', '不良'], unit: '' }),
    );
    expect(second).toMatchObject({ key: 'extra2', sortOrder: 2, options: ['良', '不良'] });
    const [first] = (await s.adult.resultExtras.list()).find((p) => p.code === 'colorectal')!.extras;
    const after = await s.adult.resultExtras.reorder(actor, 'colorectal', [second.id, first!.id]);
    expect(after.map((e) => [e.key, e.sortOrder])).toEqual([
      ['extra2', 1],
      ['extra1', 2],
    ]);
    await expect(s.adult.resultExtras.reorder(actor, 'colorectal', [second.id])).rejects.toMatchObject({
      status: 409,
    });
  });

  it('無効にする: gone from entry, the stored value stays (also when the result is corrected); 有効に戻す', async () => {
    const extras = (await s.adult.resultExtras.list()).find((p) => p.code === 'colorectal')!.extras;
    const item = extras.find((e) => e.key === 'extra1')!;
    const off = await s.adult.resultExtras.setActive(actor, item.id, item.version, false);
    expect(off).toMatchObject({ active: false, version: item.version + 1 });
    await expect(s.adult.resultExtras.setActive(actor, item.id, item.version, true)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    const meta = await s.adult.results.meta(fy);
    expect(meta.programs.find((p) => p.code === 'colorectal')!.items.map((i) => i.key)).toEqual([
      'fobtDay1',
      'fobtDay2',
      'extra2',
    ]);
    const [stored] = (await s.adult.results.sheet(actor, residentId, fy)).results;
    expect(stored!.items).toMatchObject({ extra1: 85 });
    // correcting the result keeps the value of the item no longer on the form
    const fixed = await s.adult.results.save(
      actor,
      residentId,
      colorectal({ extra2: '良' }, { id: stored!.id, version: stored!.version, note: '訂正' }),
    );
    expect(fixed.items).toEqual({ fobtDay1: 'negative', fobtDay2: 'negative', extra2: '良', extra1: 85 });
    // a value for it can no longer be entered
    await expect(
      s.adult.results.save(
        actor,
        residentId,
        colorectal({ extra1: '1' }, { id: fixed.id, version: fixed.version }),
      ),
    ).rejects.toMatchObject({ status: 400 });
    const on = await s.adult.resultExtras.setActive(actor, item.id, off.version, true);
    expect(on).toMatchObject({ active: true });
    expect(await audits()).toEqual(
      expect.arrayContaining([
        '結果項目を無効にする 大腸がん検診「便潜血 定量値（参考）」（extra1）',
        '結果項目を有効に戻す 大腸がん検診「便潜血 定量値（参考）」（extra1）',
      ]),
    );
  });

  it('keeps two active items from having the same label', async () => {
    const extras = (await s.adult.resultExtras.list()).find((p) => p.code === 'colorectal')!.extras;
    const state = extras.find((e) => e.key === 'extra2')!;
    const off = await s.adult.resultExtras.setActive(actor, state.id, state.version, false);
    await s.adult.resultExtras.create(actor, input({ label: '検体の状態', type: 'text', unit: '' }));
    await expect(s.adult.resultExtras.setActive(actor, state.id, off.version, true)).rejects.toMatchObject({
      status: 409,
      code: 'LABEL_IN_USE',
    });
  });
});
