import { describe, expect, it } from 'vitest';
import { scheduleFor } from './rules.ts';
import { checkSpecial, type SpecialInput, type SpecialRow, specialsOf } from './specials-rules.ts';

const input = (over: Partial<SpecialInput>): SpecialInput => ({
  kind: 'mr_shortage',
  vaccines: [],
  disease: null,
  reason: '',
  date: null,
  note: '',
  ...over,
});
const row = (over: Partial<SpecialRow>, id = 1): SpecialRow => ({
  ...input(over),
  id,
  endedAt: null,
  ...over,
});
const today = '2026-11-24';

describe('specialsOf: registered facts → the engine’s PersonSpecials (§1.6, §1.7)', () => {
  it.each([
    [
      '長期療養特例 with the day the reason ended',
      [row({ kind: 'long_term_care', vaccines: ['HIB'], reason: '白血病', date: '2026-03-31' })],
      { longTermCare: [{ vaccines: ['HIB'], reason: '白血病', endDate: '2026-03-31' }] },
    ],
    [
      '長期療養特例 still ill (no end date): nothing yet',
      [row({ kind: 'long_term_care', vaccines: ['HIB'], reason: '白血病' })],
      undefined,
    ],
    [
      '既罹患 per disease',
      [row({ kind: 'exclusion', disease: 'varicella', reason: 'infected' })],
      { exclusions: [{ disease: 'varicella', reason: 'infected' }] },
    ],
    [
      'flags',
      [row({ kind: 'mr_shortage' }), row({ kind: 'rubella5' }, 2)],
      { mrShortage: true, rubella5: true },
    ],
    ['60〜64歳の障害', [row({ kind: 'disability60', reason: 'hiv' })], { disability60to64: 'hiv' }],
    [
      '妊娠: 出産予定日',
      [row({ kind: 'pregnancy', date: '2027-02-01' })],
      { pregnancy: { dueDate: '2027-02-01' } },
    ],
    [
      'ended rows do nothing',
      [{ ...row({ kind: 'mr_shortage' }), endedAt: '2026-01-01T00:00:00Z' }],
      undefined,
    ],
  ] as const)('%s', (_, rows, expected) => {
    expect(specialsOf(rows as unknown as SpecialRow[])).toEqual(expected);
  });

  it('a 既罹患 of 水痘 takes 水痘 out of the schedule (施行令第3条: 既罹患 excludes)', () => {
    const specials = specialsOf([row({ kind: 'exclusion', disease: 'varicella', reason: 'infected' })]);
    const rows = scheduleFor(
      { birthDate: '2025-06-01', sex: 'M', ...(specials ? { specials } : {}) },
      [],
      today,
    );
    const varicella = rows.filter((r) => r.vaccine === 'VAR');
    expect(varicella.every((r) => r.status === 'not_eligible')).toBe(true);
  });
});

describe('checkSpecial: what staff must give for each kind', () => {
  it.each([
    ['long_term_care without vaccines', input({ kind: 'long_term_care', reason: '白血病' }), 'vaccines'],
    [
      'long_term_care for ロタ (not covered)',
      input({ kind: 'long_term_care', vaccines: ['ROTA1'], reason: '白血病' }),
      'vaccines',
    ],
    ['long_term_care without the illness', input({ kind: 'long_term_care', vaccines: ['HIB'] }), 'reason'],
    [
      'long_term_care ended in the future',
      input({ kind: 'long_term_care', vaccines: ['HIB'], reason: '白血病', date: '2027-01-01' }),
      'date',
    ],
    ['exclusion without the disease', input({ kind: 'exclusion', reason: 'infected' }), 'disease'],
    ['exclusion without the reason', input({ kind: 'exclusion', disease: 'measles' }), 'reason'],
    ['disability60 without the kind', input({ kind: 'disability60' }), 'reason'],
    ['pregnancy without the due date', input({ kind: 'pregnancy' }), 'date'],
    ['a bad date', input({ kind: 'pregnancy', date: '2027-02-30' }), 'date'],
  ] as const)('%s → an error on %s', (_, v, path) => {
    const errors = checkSpecial(v, [], today);
    expect(errors.map((e) => e.path)).toContain(path);
    for (const e of errors) expect(e.message).toMatch(/。$/);
  });

  it('accepts complete entries', () => {
    expect(
      checkSpecial(
        input({ kind: 'long_term_care', vaccines: ['HIB', 'PCV'], reason: '白血病', date: '2026-03-31' }),
        [],
        today,
      ),
    ).toEqual([]);
    expect(
      checkSpecial(input({ kind: 'exclusion', disease: 'measles', reason: 'infected' }), [], today),
    ).toEqual([]);
  });

  it('refuses a second flag or a second exclusion of the same disease while the first is current', () => {
    expect(checkSpecial(input({ kind: 'mr_shortage' }), [row({ kind: 'mr_shortage' })], today)[0]?.path).toBe(
      'kind',
    );
    const measles = row({ kind: 'exclusion', disease: 'measles', reason: 'infected' });
    expect(
      checkSpecial(input({ kind: 'exclusion', disease: 'measles', reason: 'other' }), [measles], today)[0]
        ?.path,
    ).toBe('disease');
    expect(
      checkSpecial(
        input({ kind: 'mr_shortage' }),
        [{ ...row({ kind: 'mr_shortage' }), endedAt: 'x' }],
        today,
      ),
    ).toEqual([]);
  });
});
