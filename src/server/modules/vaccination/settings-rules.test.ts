import { describe, expect, it } from 'vitest';
import { scheduleFor } from './rules.ts';
import { checkSettings, configuredMaster, yearlyVaccines } from './settings-rules.ts';
import { vaccineMaster } from './vaccine-master.ts';

const national = { monthEndRule: 'mhlw' as const, seasons: {} };

describe('configuredMaster: the municipality’s settings over the national master', () => {
  it('is the national master itself when nothing differs (the engine’s caches stay warm)', () => {
    expect(configuredMaster(national)).toBe(vaccineMaster);
    expect(
      configuredMaster({ monthEndRule: 'mhlw', seasons: { FLU_ELD: { from: '10-01', to: '01-31' } } }),
    ).toBe(vaccineMaster);
  });

  it('is one object per distinct setting, and never changes the national master', () => {
    const a = configuredMaster({ monthEndRule: 'month-end', seasons: {} });
    expect(configuredMaster({ monthEndRule: 'month-end', seasons: {} })).toBe(a);
    expect(a).not.toBe(vaccineMaster);
    expect(vaccineMaster.monthEndRule).toBe('mhlw');
    expect(Object.isFrozen(a)).toBe(true);
  });

  // §1.2 N月以上の間隔: 11/30 + 3月 has no 応当日 → from 3/1 (MHLW); some municipalities allow the month-end 2/28 [P]
  it.each([
    ['mhlw', '2027-03-01'],
    ['month-end', '2027-02-28'],
  ] as const)('水痘 2回目 after 2026-11-30 (1回目から3月以上), %s → earliest %s (§1.2)', (rule, earliest) => {
    const master = configuredMaster({ monthEndRule: rule, seasons: {} });
    const rows = scheduleFor(
      { birthDate: '2025-10-15', sex: 'M' },
      [{ vaccine: 'VAR', date: '2026-11-30' }],
      '2026-12-10',
      master,
    );
    expect(rows.find((r) => r.vaccine === 'VAR' && r.dose === '2回目')?.earliest).toBe(earliest);
  });

  it('uses the season a municipality sets for 高齢者インフルエンザ ([U]: each municipality decides)', () => {
    const master = configuredMaster({
      monthEndRule: 'mhlw',
      seasons: { FLU_ELD: { from: '10-15', to: '02-28' } },
    });
    const row = (m = vaccineMaster) =>
      scheduleFor({ birthDate: '1950-06-01', sex: 'F' }, [], '2026-11-01', m).find(
        (r) => r.vaccine === 'FLU_ELD',
      );
    expect(row()).toMatchObject({ legalFrom: '2026-10-01', legalTo: '2027-01-31' });
    expect(row(master)).toMatchObject({ legalFrom: '2026-10-15', legalTo: '2027-02-28' });
  });
});

describe('checkSettings', () => {
  it('offers the yearly programs with the national default', () => {
    expect(yearlyVaccines().map((v) => [v.code, v.from, v.to])).toEqual([
      ['FLU_ELD', '10-01', '01-31'],
      ['COVID', '10-01', '03-31'],
    ]);
  });

  it.each([
    [{ FLU_ELD: { from: '10-1', to: '01-31' } }, '月と日で入力してください'],
    [{ FLU_ELD: { from: '02-30', to: '03-31' } }, '月と日で入力してください'],
    [{ FLU_ELD: { from: '02-01', to: '10-01' } }, '年度（4月〜3月）の中で選んでください'],
    [{ MR1: { from: '10-01', to: '01-31' } }, '毎年度の接種ではありません'],
  ])('%j → %s', (seasons, message) => {
    const errors = checkSettings({ monthEndRule: 'mhlw', seasons });
    expect(errors[0]?.message).toContain(message);
  });

  it('accepts a season crossing the new year within the 年度', () => {
    expect(
      checkSettings({ monthEndRule: 'month-end', seasons: { COVID: { from: '11-01', to: '03-31' } } }),
    ).toEqual([]);
  });
});
