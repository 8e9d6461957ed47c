import { describe, expect, it } from 'vitest';
import {
  ageWindow,
  ageWindowLabel,
  checkMunicipalDose,
  type MunicipalVaccineDef,
  municipalSchedule,
  subsidyWindow,
} from './municipal-rules.ts';

/** おたふくかぜ 1歳から3歳に至るまで 1回 3,000円 (the e2e's definition). */
const mumps: MunicipalVaccineDef = {
  code: 'MUMPS',
  name: 'おたふくかぜ',
  kind: 'INJ_LIVE',
  ageFromUnit: 'years',
  ageFromValue: 1,
  ageToUnit: 'years',
  ageToValue: 3,
  sex: null,
  doses: 1,
  minIntervalDays: 0,
  subsidyYen: 3000,
  validFrom: '2020-04-01',
  validTo: null,
};
/** 小児インフルエンザ 生後6月から13歳に至るまで 2回 (13日以上の間隔). */
const flu: MunicipalVaccineDef = {
  ...mumps,
  code: 'FLU_CHILD',
  name: '小児インフルエンザ',
  kind: 'INACT',
  ageFromUnit: 'months',
  ageFromValue: 6,
  ageToUnit: 'years',
  ageToValue: 13,
  doses: 2,
  minIntervalDays: 13,
  subsidyYen: 1000,
};

describe('助成対象期間 (§1.2: 生後N月・N歳に至った日 から …に至るまで, inclusive)', () => {
  it.each([
    // [definition, birth, from, to, source]
    [
      mumps,
      '2024-05-10',
      '2025-05-09',
      '2027-05-09',
      '§1.2 N歳に至った日 = 誕生日の前日; N歳に至るまで = 同日まで',
    ],
    [flu, '2018-12-31', '2019-06-30', '2031-12-30', '§1.2 生後N月: 応当日がなければその月の末日'],
    [flu, '2018-04-01', '2018-09-30', '2031-03-31', '§1.2 生後6月に至った日 = 応当日の前日'],
    [mumps, '2020-02-29', '2021-02-28', '2023-02-28', '§1.2 2/29生: 前日 = 2/28'],
  ] as const)('%#: %s born %s → %s〜%s (%s)', (def, birth, from, to, _source) => {
    expect(ageWindow(def, birth)).toEqual({ from, to });
  });

  it('cuts the age window to the valid period of the definition (valid_from / valid_to)', () => {
    const def = { ...mumps, validFrom: '2026-04-01', validTo: '2026-12-31' };
    expect(subsidyWindow(def, '2024-05-10')).toEqual({ from: '2026-04-01', to: '2026-12-31' });
    expect(subsidyWindow(def, '2020-01-01')).toBeNull();
  });

  it('words the age window as staff do', () => {
    expect(ageWindowLabel(mumps)).toBe('1歳から3歳に至るまで');
    expect(ageWindowLabel(flu)).toBe('生後6月から13歳に至るまで');
  });
});

describe('schedule rows (status vocabulary of the national engine)', () => {
  const child = { birthDate: '2024-05-10' };
  it.each([
    // [on, own doses, expected statuses, earliest of the first open dose]
    ['2025-01-10', [], ['upcoming'], '2025-05-09'],
    ['2025-05-09', [], ['due'], '2025-05-09'],
    ['2027-05-09', [], ['due'], '2025-05-09'],
    ['2027-05-10', [], ['expired'], null],
    ['2026-01-10', ['2025-08-01'], ['completed'], null],
  ] as const)('mumps on %s with %j → %j', (on, own, statuses, earliest) => {
    const rows = municipalSchedule(mumps, child, [...own], on);
    expect(rows.map((r) => r.status)).toEqual(statuses);
    expect(rows.find((r) => r.status !== 'completed')?.earliest ?? null).toBe(earliest);
    expect(rows[0]).toMatchObject({
      vaccine: 'MUMPS',
      name: 'おたふくかぜ',
      municipal: true,
      subsidyYen: 3000,
    });
  });

  it('N日以上の間隔 = previous + N + 1 (§1.2): 13日 → 14 days later', () => {
    const rows = municipalSchedule(flu, child, ['2025-11-01'], '2025-11-05');
    expect(rows.map((r) => [r.dose, r.status, r.earliest])).toEqual([
      ['1回目', 'completed', null],
      ['2回目', 'upcoming', '2025-11-15'],
    ]);
    expect(municipalSchedule(flu, child, ['2025-11-01'], '2025-11-15')[1]!.status).toBe('due');
  });

  it('later doses wait for the open one', () => {
    const rows = municipalSchedule(flu, child, [], '2025-11-05');
    expect(rows.map((r) => r.status)).toEqual(['due', 'upcoming']);
    expect(rows[1]!.reasons[0]).toBe('1回目の接種後に接種します');
  });

  it('an injectable live vaccine within 27 days moves the earliest date (§1.5: +28)', () => {
    const rows = municipalSchedule(mumps, child, [], '2025-06-01', ['2025-05-20']);
    expect(rows[0]).toMatchObject({ status: 'upcoming', earliest: '2025-06-17' });
  });

  it('not eligible: other sex, or the age window outside the valid period', () => {
    expect(
      municipalSchedule({ ...mumps, sex: 'F' }, { birthDate: '2024-05-10', sex: 'M' }, [], '2025-06-01'),
    ).toEqual([
      expect.objectContaining({ dose: '—', status: 'not_eligible', reasons: ['女性が助成の対象です'] }),
    ]);
    const late = municipalSchedule({ ...mumps, validFrom: '2030-04-01' }, child, [], '2025-06-01');
    expect(late[0]).toMatchObject({ dose: '—', status: 'not_eligible' });
    expect(late[0]!.reasons[0]).toContain('より前に対象年齢');
  });

  it('a dose outside the subsidy does not use up a subsidised dose and is noted', () => {
    const rows = municipalSchedule(mumps, child, ['2025-01-10'], '2025-06-01');
    expect(rows[0]!.status).toBe('due');
    expect(rows[0]!.reasons.at(-1)).toContain('令和7年1月10日の接種は助成対象外');
  });
});

describe('check of one record (助成対象外 with the reason)', () => {
  const child = { birthDate: '2024-05-10' };
  it.each([
    // [def, earlier subsidised doses, date, other live, codes, dose]
    [mumps, [], '2025-08-01', [], [], '1回目'],
    [mumps, [], '2025-05-08', [], ['outside_age_window'], '1回目'],
    [mumps, [], '2027-05-10', [], ['outside_age_window'], '1回目'],
    [mumps, ['2025-08-01'], '2025-12-01', [], ['doses_exceeded'], null],
    [flu, ['2025-11-01'], '2025-11-14', [], ['interval_too_short'], '2回目'],
    [flu, ['2025-11-01'], '2025-11-15', [], [], '2回目'],
    [{ ...mumps, validTo: '2025-03-31' }, [], '2025-08-01', [], ['outside_valid_period'], '1回目'],
    [{ ...mumps, validFrom: '2025-09-01' }, [], '2025-08-01', [], ['outside_valid_period'], '1回目'],
    [mumps, [], '2025-08-01', ['2025-07-10'], ['live_vaccine_interval'], '1回目'],
    [mumps, [], '2025-08-01', ['2025-08-01', '2025-07-04'], [], '1回目'],
    [flu, [], '2025-08-01', ['2025-07-10'], [], '1回目'],
  ] as const)('%#: %s', (def, counted, date, live, codes, dose) => {
    const c = checkMunicipalDose(def, child, [...counted], date, [...live]);
    expect(c.issues.map((i) => i.code)).toEqual(codes);
    expect(c).toMatchObject({ dose, routine: false, subsidised: codes.length === 0 });
  });

  it('says why in Japanese', () => {
    const c = checkMunicipalDose(flu, child, ['2025-11-01'], '2025-11-14');
    expect(c.issues[0]!.message).toBe(
      '小児インフルエンザ: 前回（令和7年11月1日）から13日以上の間隔が必要です（令和7年11月15日以降、助成対象外）',
    );
    expect(
      checkMunicipalDose({ ...mumps, sex: 'F' }, { ...child, sex: 'M' }, [], '2025-08-01').issues[0]!.message,
    ).toBe('おたふくかぜ: 女性が助成の対象です（助成対象外）');
  });
});
