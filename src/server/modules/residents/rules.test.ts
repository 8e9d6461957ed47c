import { describe, expect, it } from 'vitest';
import { type ColumnKey, columns, mapHeader, parseResidentRow } from './rules.ts';
import { toCriteria } from './search-criteria.ts';

// Rules of docs/interfaces/residents.md (住民記録ファイル取込仕様).
const base: Record<ColumnKey, string> = {
  atenaNo: '0000000001',
  householdNo: '1000000001',
  name: '山田　太郎',
  nameKana: 'ヤマダ　タロウ',
  birthDate: '1985-01-01',
  sex: '男',
  relationship: '世帯主',
  postalCode: '123-4501',
  address: 'すこやか市本町1-2-3',
  addressExtra: '',
  phone: '',
  status: '住民',
  eventCode: '',
  eventDate: '',
  residentSince: '2010-04-01',
  residentUntil: '',
  supportMeasure: '',
  myNumber: '',
};
const parse = (patch: Partial<Record<ColumnKey, string>>, mode: 'full' | 'delta' = 'full') =>
  parseResidentRow((k) => ({ ...base, ...patch })[k], mode, '2026-11-24');

describe('住民記録 row rules (docs/interfaces/residents.md)', () => {
  it('maps headers including aliases and reports missing required columns', () => {
    expect(mapHeader(['\ufeff宛名番号', 'カナ氏名']).index).toEqual({ atenaNo: 0, nameKana: 1 });
    expect(mapHeader(['宛名番号']).missing).toContain('氏名');
    expect(mapHeader(Object.values(columns).map((c) => c[0])).missing).toEqual([]);
  });

  it.each([
    ['西暦 ISO', { birthDate: '1985-01-01' }, '1985-01-01'],
    ['和暦 略号', { birthDate: 'S60.1.1' }, '1985-01-01'],
    ['和暦 漢字', { birthDate: '昭和60年1月1日' }, '1985-01-01'],
    ['8桁', { birthDate: '19850101' }, '1985-01-01'],
  ])('accepts 生年月日 as %s', (_l, patch, expected) => {
    expect(parse(patch).record?.birthDate).toBe(expected);
  });

  it.each([
    ['半角カナ', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ　タロウ'],
    ['ひらがな', 'やまだ　たろう', 'ヤマダ　タロウ'],
  ])('normalises 氏名カナ given in %s to full-width katakana', (_l, kana, expected) => {
    expect(parse({ nameKana: kana }).record?.nameKana).toBe(expected);
  });

  it.each([
    ['宛名番号 not digits', { atenaNo: 'A1' }, '宛名番号', '数字'],
    ['氏名 missing', { name: '' }, '氏名', '入力'],
    ['氏名カナ with kanji', { nameKana: '山田' }, '氏名カナ', 'カタカナ'],
    ['impossible date', { birthDate: '2021-02-29' }, '生年月日', '存在しません'],
    ['平成 after its end', { birthDate: 'H31.5.1' }, '生年月日', '平成は31年4月30日まで'],
    ['future birth', { birthDate: '2027-01-01' }, '生年月日', '未来'],
    ['性別', { sex: 'X' }, '性別', '男・女'],
    ['郵便番号', { postalCode: '12345' }, '郵便番号', '7桁'],
    ['状態', { status: '不明' }, '住民状態', 'いずれか'],
    ['住登外 via file', { status: '住登外' }, '住民状態', '宛名画面から登録'],
    ['event vs status', { eventCode: '転出', eventDate: '2026-04-01', status: '住民' }, '住民状態', '転出'],
    ['unknown event', { eventCode: '婚姻', eventDate: '2026-04-01' }, '異動事由', '使えません'],
    ['event date before birth', { eventCode: '転入', eventDate: '1980-01-01' }, '異動日', '生年月日より前'],
    ['my number check digit', { myNumber: '123456789012' }, '個人番号', '検査用数字'],
    ['until before since', { residentUntil: '2009-01-01', status: '転出' }, '住民でなくなった日', '前です'],
  ])('rejects %s with a Japanese message naming the column', (_l, patch, column, text) => {
    const r = parse(patch);
    expect(r.record).toBeUndefined();
    const e = r.errors.find((x) => x.column === column);
    expect(e?.message).toContain(text);
  });

  it('requires 異動事由 and 異動日 in a delta file', () => {
    const r = parse({}, 'delta');
    expect(r.errors.map((e) => e.column)).toContain('異動事由');
    const ok = parse({ eventCode: '転入', eventDate: 'R8.4.1' }, 'delta');
    expect(ok.record).toMatchObject({ eventCode: 'move_in', eventDate: '2026-04-01', status: 'resident' });
  });

  it('treats a full-load row without 異動事由 as 全件 dated 住民となった日', () => {
    expect(parse({}).record).toMatchObject({ eventCode: 'full', eventDate: '2010-04-01' });
  });

  it('fills 住民でなくなった日 from 異動日 for 転出/死亡', () => {
    expect(parse({ eventCode: '死亡', eventDate: '2026-05-01', status: '死亡' }).record?.residentUntil).toBe(
      '2026-05-01',
    );
  });

  it.each([
    ['1', true],
    ['○', true],
    ['', false],
    ['0', false],
  ])('reads 支援措置 %s as %s', (v, expected) => {
    expect(parse({ supportMeasure: v }).record?.supportMeasure).toBe(expected);
  });
});

describe('search input → criteria', () => {
  it.each([
    ['0000000001', { atenaNo: '0000000001' }],
    ['S60.1.1', { birthDate: '1985-01-01' }],
    ['令和2年4月1日', { birthDate: '2020-04-01' }],
    ['20200401', { birthDate: '2020-04-01' }],
    ['やまだ', { kanaKey: 'ヤマタ' }],
    ['ﾔﾏﾀﾞ', { kanaKey: 'ヤマタ' }],
    ['山田', { nameKey: '山田' }],
  ])('reads the free box %s', (q, expected) => {
    const c = toCriteria({ q });
    expect('criteria' in c && c.criteria).toEqual(expected);
  });

  it('explains what to fix', () => {
    expect(toCriteria({})).toEqual({ error: expect.stringContaining('検索条件を入力してください') });
    expect(toCriteria({ birth: 'H31.5.1' })).toEqual({ error: expect.stringContaining('生年月日') });
    expect(toCriteria({ status: 'alive' })).toEqual({ error: expect.stringContaining('状態') });
  });
});
