import { describe, expect, it } from 'vitest';
import { nationalDefault, nationalDefaults } from './defaults.ts';
import { fiscalYearLabel, intervalLabel, targetLabel } from './labels.ts';
import { institutionInputSchema, sessionInputSchema, venueInputSchema } from './masters-schema.ts';
import { programSettingsSchema, validateProgramSettings } from './settings-schema.ts';
import type { ProgramSettings } from './types.ts';

const stomach = nationalDefault('stomach');

/** The first message for `path` when `patch` is applied to the 胃がん検診 defaults (年度 2026). */
function messageFor(patch: (s: ProgramSettings) => unknown, path: string): string | undefined {
  const r = validateProgramSettings(2026, patch(structuredClone(stomach)));
  if (r.ok) return undefined;
  return r.fields.find((f) => f.path === path)?.message;
}

describe('programSettingsSchema', () => {
  it.each(nationalDefaults().map((d) => [d.code, d] as const))('accepts the 指針 default of %s', (_c, d) => {
    expect(validateProgramSettings(2026, d)).toEqual({ ok: true, settings: d });
  });

  it('accepts a typical municipal set-up (fees, 受診期間, parity, coupon)', () => {
    const s: ProgramSettings = {
      ...nationalDefault('breast'),
      interval: { kind: 'parity', parity: 'even' },
      fees: { amounts: { mammography: 1500 }, exemptionNote: '', exemptKinds: ['welfare'] },
      delivery: 'both',
      periodStart: '2026-06-01',
      periodEnd: '2027-02-28',
      referenceDate: { month: 4, day: 1, yearOffset: 1 },
      cohort: 'naive',
    };
    expect(validateProgramSettings(2026, s).ok).toBe(true);
  });

  it('accepts 2月29日 as 年齢基準日 (falls on 2月28日 in common years)', () => {
    expect(
      validateProgramSettings(2026, { ...stomach, referenceDate: { month: 2, day: 29, yearOffset: 1 } }).ok,
    ).toBe(true);
  });

  it.each<[string, (s: ProgramSettings) => unknown, string, string]>([
    [
      '上限 < 下限',
      (s) => ({ ...s, ageMax: 40 }),
      'ageMax',
      '対象年齢の上限は下限（50歳）以上にしてください',
    ],
    [
      '年齢が負',
      (s) => ({ ...s, ageMin: -1 }),
      'ageMin',
      '対象年齢（下限）は0〜120の整数で入力してください。',
    ],
    ['年齢が小数', (s) => ({ ...s, ageMin: 40.5 }), 'ageMin', '対象年齢（下限）は整数で入力してください。'],
    [
      '年齢が文字',
      (s) => ({ ...s, ageMin: '40' }),
      'ageMin',
      '対象年齢（下限）は0〜120の整数で入力してください。',
    ],
    [
      '節目が範囲外',
      (s) => ({ ...s, ageList: [40, 50, 60] }),
      'ageList',
      '節目年齢 40歳 が対象年齢（50歳以上）の範囲外です。',
    ],
    [
      '節目が降順',
      (s) => ({ ...s, ageList: [60, 50] }),
      'ageList',
      '節目年齢は小さい順に、重複なく入力してください',
    ],
    [
      '節目が重複',
      (s) => ({ ...s, ageList: [50, 50] }),
      'ageList',
      '節目年齢は小さい順に、重複なく入力してください',
    ],
    ['節目が空', (s) => ({ ...s, ageList: [] }), 'ageList', '節目年齢を1つ以上入力してください。'],
    [
      '基準日 2月30日',
      (s) => ({ ...s, referenceDate: { month: 2, day: 30, yearOffset: 1 } }),
      'referenceDate.day',
      '年齢基準日 2月30日 は存在しません',
    ],
    [
      '基準日 4月31日',
      (s) => ({ ...s, referenceDate: { month: 4, day: 31, yearOffset: 1 } }),
      'referenceDate.day',
      '年齢基準日 4月31日 は存在しません',
    ],
    [
      '基準日 13月',
      (s) => ({ ...s, referenceDate: { month: 13, day: 1, yearOffset: 1 } }),
      'referenceDate.month',
      '年齢基準日の月は1〜12で入力してください。',
    ],
    [
      '基準日の年',
      (s) => ({ ...s, referenceDate: { month: 3, day: 31, yearOffset: 2 } }),
      'referenceDate.yearOffset',
      '年齢基準日の年は「年度の始まる年」か「翌年」を選んでください。',
    ],
    [
      '受診間隔 0年',
      (s) => ({ ...s, interval: { kind: 'interval', years: 0 } }),
      'interval.years',
      '受診間隔は1〜10年',
    ],
    [
      '受診間隔 11年',
      (s) => ({ ...s, interval: { kind: 'interval', years: 11 } }),
      'interval.years',
      '受診間隔は1〜10年',
    ],
    [
      '受診間隔の種類',
      (s) => ({ ...s, interval: { kind: 'weekly' } }),
      'interval.kind',
      '受診間隔を選んでください',
    ],
    [
      '検査方法の間隔 12年',
      (s) => ({ ...s, methods: s.methods.map((m) => ({ ...m, interval: { kind: 'interval', years: 12 } })) }),
      'methods.0.interval.years',
      '受診間隔は1〜10年',
    ],
    [
      '自己負担金が負',
      (s) => ({ ...s, fees: { ...s.fees, amounts: { xray: -100 } } }),
      'fees.amounts.xray',
      '自己負担金は0以上の整数（円）で入力してください（無料は0）。',
    ],
    [
      '自己負担金が小数',
      (s) => ({ ...s, fees: { ...s.fees, amounts: { xray: 10.5 } } }),
      'fees.amounts.xray',
      '自己負担金は円単位の整数で入力してください。',
    ],
    [
      '自己負担金の検査方法が無い',
      (s) => ({ ...s, fees: { ...s.fees, amounts: { mri: 100 } } }),
      'fees.amounts.mri',
      '自己負担金の検査方法「mri」は登録されていません。',
    ],
    [
      '検査方法コードの重複',
      (s) => ({ ...s, methods: [s.methods[0], { ...s.methods[1], code: 'xray' }] }),
      'methods.1.code',
      '検査方法コード「xray」が重複しています。',
    ],
    [
      '検査方法コードの形式',
      (s) => ({ ...s, methods: [{ ...s.methods[0], code: 'X線' }] }),
      'methods.0.code',
      '検査方法コードは半角英小文字で始まる',
    ],
    ['検査方法なし', (s) => ({ ...s, methods: [] }), 'methods', '検査方法を1つ以上登録してください。'],
    [
      '実施する検査方法なし',
      (s) => ({ ...s, methods: s.methods.map((m) => ({ ...m, enabled: false })) }),
      'methods',
      '実施する検査方法を1つ以上選んでください',
    ],
    [
      '検査方法の年齢 上限 < 下限',
      (s) => ({ ...s, methods: [{ ...s.methods[0], ageMin: 60, ageMax: 50 }] }),
      'methods.0.ageMax',
      '検査方法の対象年齢の上限は下限（60歳）以上にしてください。',
    ],
    [
      '受診期間 開始 > 終了',
      (s) => ({ ...s, periodStart: '2026-10-01', periodEnd: '2026-06-01' }),
      'periodEnd',
      '受診期間の終了日は開始日以降の日付にしてください。',
    ],
    [
      '受診期間が年度の前',
      (s) => ({ ...s, periodStart: '2026-03-31' }),
      'periodStart',
      '受診期間は令和8年度（令和8年4月1日〜令和9年3月31日）の中で指定してください。',
    ],
    [
      '受診期間が年度の後',
      (s) => ({ ...s, periodEnd: '2027-04-01' }),
      'periodEnd',
      '受診期間は令和8年度（令和8年4月1日〜令和9年3月31日）の中で指定してください。',
    ],
    [
      '受診期間が存在しない日',
      (s) => ({ ...s, periodStart: '2026-02-30' }),
      'periodStart',
      '受診期間の開始日が正しい日付ではありません',
    ],
    [
      'クーポン年齢が空',
      (s) => ({ ...s, coupon: { ages: [], basis: 'previous_fiscal_year' } }),
      'coupon.ages',
      'クーポンの対象年齢を1つ以上入力してください。',
    ],
    [
      'クーポン基準',
      (s) => ({ ...s, coupon: { ages: [40], basis: 'someday' } }),
      'coupon.basis',
      'クーポンの対象年齢の基準',
    ],
    ['性別', (s) => ({ ...s, sex: 'x' }), 'sex', '対象の性別を選んでください'],
    [
      '実施方法',
      (s) => ({ ...s, delivery: 'mail' }),
      'delivery',
      '実施方法（個別 / 集団 / 個別・集団）を選んでください。',
    ],
    [
      '年齢の数え方',
      (s) => ({ ...s, cohort: 'x' }),
      'cohort',
      '年齢の数え方（法定 / 暦年齢）を選んでください。',
    ],
    ['事業名が空', (s) => ({ ...s, name: ' ' }), 'name', '事業名を入力してください'],
    ['事業コード', (s) => ({ ...s, code: 'mri' }), 'code', '事業コードが正しくありません。'],
    ['設定なし', () => undefined, '', '事業の設定がありません。'],
  ])('%s → message', (_label, patch, path, message) => {
    expect(messageFor(patch, path)).toContain(message);
  });

  it('strips unknown keys and keeps the type ProgramSettings', () => {
    const r = programSettingsSchema.parse({ ...stomach, extra: 1 });
    expect('extra' in r).toBe(false);
  });
});

describe('labels', () => {
  it.each([
    [2026, '令和8年度（2026年度）'],
    [2019, '令和元年度（2019年度）'],
    [2018, '平成30年度（2018年度）'],
  ])('fiscalYearLabel(%i) = %s', (fy, label) => expect(fiscalYearLabel(fy)).toBe(label));

  it('describes 対象 and 受診間隔', () => {
    expect(targetLabel(nationalDefault('breast'))).toBe('女性 40歳以上');
    expect(targetLabel(nationalDefault('osteoporosis'))).toBe('女性 40・45・50・55・60・65・70歳（節目）');
    expect(intervalLabel({ kind: 'interval', years: 1 })).toBe('毎年');
    expect(intervalLabel({ kind: 'interval', years: 2 })).toBe('2年に1回（前年度に受診していない）');
    expect(intervalLabel({ kind: 'parity', parity: 'even' })).toBe('2年に1回（偶数年齢）');
    expect(intervalLabel({ kind: 'once' })).toBe('生涯1回');
  });
});

describe('master input schemas', () => {
  const venue = { code: 'v01', name: '保健センター', nameKana: 'ほけんせんたー', postalCode: '123-4500' };
  it('normalises a venue (code upper-case, kana katakana, postal code digits)', () => {
    expect(venueInputSchema.parse(venue)).toMatchObject({
      code: 'V01',
      nameKana: 'ホケンセンター',
      postalCode: '1234500',
      active: true,
    });
  });

  it.each<[string, object, string, string]>([
    ['郵便番号 6桁', { ...venue, postalCode: '123-450' }, 'postalCode', '郵便番号は7桁の数字です'],
    ['カナに漢字', { ...venue, nameKana: '保健' }, 'nameKana', '会場名カナはカタカナで入力してください'],
    ['会場名なし', { ...venue, name: '' }, 'name', '会場名を入力してください。'],
    [
      '会場コード',
      { ...venue, code: 'ＶＥＲＹ－ＬＯＮＧ－ＣＯＤＥ' },
      'code',
      '会場コードは半角英数字10文字以内',
    ],
  ])('venue: %s', (_l, input, path, message) => {
    const r = venueInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path.join('.') === path)?.message).toContain(message);
  });

  it('checks 医療機関コード (10 digits; full-width and hyphens allowed)', () => {
    const base = { name: 'すこやか医院', programs: ['lung', 'stomach'] };
    expect(institutionInputSchema.parse({ ...base, code: '９９１－０１０００１１' })).toMatchObject({
      code: '9910100011',
      programs: ['stomach', 'lung'],
    });
    const r = institutionInputSchema.safeParse({ ...base, code: '991010001' });
    expect(r.error?.issues[0]?.message).toContain('医療機関コードは10桁の数字です');
    const p = institutionInputSchema.safeParse({ ...base, code: '9910100011', programs: ['mri'] });
    expect(p.error?.issues[0]?.message).toContain('実施する検診に不明な検診が含まれています。');
  });

  const session = {
    fiscalYear: 2026,
    programs: ['stomach'],
    venueId: 1,
    sessionDate: 'R8.6.10',
    startTime: '9:00',
    endTime: '１１：３０',
    capacity: 40,
  };
  it('normalises a session (和暦 date, H:MM times)', () => {
    expect(sessionInputSchema.parse(session)).toMatchObject({
      sessionDate: '2026-06-10',
      startTime: '09:00',
      endTime: '11:30',
      note: '',
    });
  });

  it.each<[string, object, string, string]>([
    ['終了 ≤ 開始', { ...session, endTime: '09:00' }, 'endTime', '終了時刻は開始時刻より後にしてください。'],
    ['時刻の形式', { ...session, startTime: '25:00' }, 'startTime', '開始時刻は 時:分 で入力してください'],
    ['定員 0', { ...session, capacity: 0 }, 'capacity', '定員は1人以上にしてください。'],
    ['検診なし', { ...session, programs: [] }, 'programs', '検診を1つ以上選んでください。'],
    ['実施日なし', { ...session, sessionDate: 'R8.2.30' }, 'sessionDate', '実施日: '],
  ])('session: %s', (_l, input, path, message) => {
    const r = sessionInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path.join('.') === path)?.message).toContain(message);
  });
});
