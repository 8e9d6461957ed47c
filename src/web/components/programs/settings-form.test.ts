import { describe, expect, it } from 'vitest';
import { nationalDefault, nationalDefaults } from '../../../server/modules/programs/defaults.ts';
import { fromForm, toForm } from './settings-form.ts';

describe('事業 edit form', () => {
  it.each(nationalDefaults().map((d) => [d.code, d] as const))('round-trips the default of %s', (_c, d) => {
    expect(fromForm(toForm(d), 2026)).toEqual({ settings: d, errors: {} });
  });

  it('reads what staff type: full-width digits, 和暦 dates, unsorted 節目, fees per method', () => {
    const f = toForm(nationalDefault('periodontal'));
    const r = fromForm(
      {
        ...f,
        ageMin: '２０',
        ageList: '30、20・40 50',
        periodStart: 'R8.6.1',
        periodEnd: '令和9年2月28日',
        methods: f.methods.map((m) => ({ ...m, fee: '500円' })),
        programFee: '',
      },
      2026,
    );
    expect(r.errors).toEqual({});
    expect(r.settings).toMatchObject({
      ageMin: 20,
      ageList: [20, 30, 40, 50],
      periodStart: '2026-06-01',
      periodEnd: '2027-02-28',
      fees: { amounts: { dental: 500 } },
    });
  });

  it('puts each message next to its field', () => {
    const f = toForm(nationalDefault('stomach'));
    const r = fromForm(
      {
        ...f,
        ageMax: '40',
        ageList: '50, x',
        interval: 'years',
        intervalYears: '0',
        periodStart: 'R8.2.30',
        methods: f.methods.map((m, i) => (i === 1 ? { ...m, fee: '-1' } : m)),
      },
      2026,
    );
    expect(r.settings).toBeNull();
    expect(r.errors).toMatchObject({
      ageMax: '対象年齢の上限は下限（50歳）以上にしてください（上限なしは空欄）。',
      ageList: '節目年齢は数字をカンマ区切りで入力してください（例: 40, 45, 50）。',
      'interval.years': '受診間隔は1〜10年で入力してください。',
      'methods.1.fee': '自己負担金は0以上の整数（円）で入力してください（無料は0）。',
    });
    expect(r.errors.periodStart).toMatch(/^受診期間の開始日: /);
  });
});
