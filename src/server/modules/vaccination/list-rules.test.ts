/**
 * 対象者抽出の判定 (list-rules.ts, extraction-source.ts): who is on a 接種別発送 list or a 未接種者勧奨 list, with the
 * engine's periods of maternal-child-vaccination-pmh.md §1 (基準日 2026-11-24 unless said).
 */
import { describe, expect, it } from 'vitest';
import { demoChildren } from './demo-histories.ts';
import { decide, memoisedDecision } from './extraction-source.ts';
import {
  birthRange,
  type DoseListSettings,
  decideDose,
  type ReminderListSettings,
  relevantCodes,
  reminderDoses,
} from './list-rules.ts';
import type { VaccineCode } from './master-types.ts';
import { scheduleFor } from './rules.ts';
import { dose } from './test-helpers.ts';
import type { DoseSchedule, HistoryDose } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

const on = '2026-11-24';
const doseList = (over: Partial<DoseListSettings>): DoseListSettings => ({
  kind: 'vaccination.dose',
  on,
  vaccine: 'MR2',
  dose: '1回',
  startsBy: null,
  bornFrom: null,
  bornTo: null,
  ...over,
});

describe('接種別発送 (F10a-02): decision per person from the engine', () => {
  // [case, birth, sex, history, settings, included, exclusion, status]
  const cases: Array<
    [
      string,
      string,
      'M' | 'F',
      HistoryDose[],
      Partial<DoseListSettings>,
      boolean | null,
      string | null,
      string,
    ]
  > = [
    [
      '§1.3 MR2: 小学校就学の始期の1年前の日〜始期の前日 (年長) — in the period: due',
      '2020-06-15',
      'M',
      [],
      {},
      true,
      null,
      'due',
    ],
    [
      '§1.3 MR2: the next year-group is not in its period yet: not on the list',
      '2021-06-15',
      'M',
      [],
      {},
      null,
      null,
      '',
    ],
    [
      '§1.3 MR2: the next year-group, period starting by 2027-04-01 (入学前年度の案内): included as upcoming',
      '2021-06-15',
      'M',
      [],
      { startsBy: '2027-04-01' },
      true,
      null,
      'upcoming',
    ],
    [
      '§1.3 MR2 already given in the period: excluded 接種済',
      '2020-06-15',
      'F',
      [dose('MR2', '2026-06-01')],
      {},
      false,
      'auto:completed',
      'completed',
    ],
    [
      '§1.3 MR2: period ended (2026-03-31) — not the cohort of this mailing',
      '2019-06-15',
      'M',
      [],
      {},
      null,
      null,
      '',
    ],
    [
      '§1.3 HPV: 女子 only — a boy is not on the list',
      '2014-06-15',
      'M',
      [],
      { vaccine: 'HPV', dose: '1回目' },
      null,
      null,
      '',
    ],
    [
      '§1.3 HPV 1回目: 12歳となる日の属する年度の初日から (小6), standard 中1 — a girl in 中1 is due',
      '2013-06-15',
      'F',
      [],
      { vaccine: 'HPV', dose: '1回目' },
      true,
      null,
      'due',
    ],
    [
      '§1.3 DT2: 11歳以上13歳未満 (standard 11〜12歳) — due',
      '2015-05-01',
      'M',
      [],
      { vaccine: 'DT2', dose: null },
      true,
      null,
      'due',
    ],
    [
      '§1.3 FLU_ELD: B類 65歳以上, 毎年度1回 (回 = the 年度 of the 基準日)',
      '1950-05-01',
      'F',
      [],
      { vaccine: 'FLU_ELD', dose: null },
      true,
      null,
      'due',
    ],
    [
      '§1.3 FLU_ELD: had this 年度: excluded 接種済',
      '1950-05-01',
      'F',
      [dose('FLU_ELD', '2026-10-15')],
      { vaccine: 'FLU_ELD', dose: null },
      false,
      'auto:completed',
      'completed',
    ],
    [
      '§1.3 HZ: その年度に65歳となる者 (年度末年齢65)',
      '1961-06-01',
      'M',
      [],
      { vaccine: 'HZ', dose: null },
      true,
      null,
      'due',
    ],
    [
      '§1.3 JE2: 9歳以上13歳未満 — given: excluded 接種済',
      '2016-05-01',
      'M',
      [dose('JE2', '2026-05-10')],
      { vaccine: 'JE2', dose: null },
      false,
      'auto:completed',
      'completed',
    ],
  ];
  it.each(cases)('%s', (_case, birth, sex, history, over, included, exclusion, status) => {
    const d = decide(doseList(over), { birthDate: birth, sex }, history);
    if (included === null) {
      expect(d).toBeNull();
      return;
    }
    expect(d).toMatchObject({ included, exclusionReason: exclusion, programs: [over.vaccine ?? 'MR2'] });
    expect((d!.details as { status: string }).status).toBe(status);
  });

  it('without a chosen 回, the first 回 not given (§1.3 JE1 初回 2回 + 追加)', () => {
    const rows = scheduleFor({ birthDate: '2022-05-01', sex: 'M' }, [dose('JE1', '2025-06-01')], on).filter(
      (r) => r.vaccine === 'JE1',
    );
    const d = decideDose(rows, { on, dose: null, startsBy: null });
    expect(d?.detail.dose).toBe('初回2回目');
  });

  const row = (over: Partial<DoseSchedule>): DoseSchedule => ({
    vaccine: 'MR2',
    dose: '1回',
    legalFrom: '2026-04-01',
    legalTo: '2027-03-31',
    standardFrom: null,
    standardTo: null,
    earliest: null,
    givenOn: null,
    status: 'due',
    reasons: [],
    ...over,
  });
  it.each([
    ['overdue is still free as 定期接種 (§1.1): included', row({ status: 'overdue' }), true, null],
    [
      'not_eligible in the cohort (e.g. 既罹患 §1.7): excluded 対象外',
      row({ status: 'not_eligible' }),
      false,
      'not_eligible',
    ],
    [
      'expired but its period overlaps the 基準日 (interval cannot fit): 期間終了',
      row({ status: 'expired' }),
      false,
      'expired',
    ],
  ] as const)('%s', (_c, r, included, exclusion) => {
    expect(decideDose([r], { on, dose: '1回', startsBy: null })).toMatchObject({ included, exclusion });
  });
});

describe('未接種者勧奨 (F11a-02)', () => {
  const s: Pick<ReminderListSettings, 'on' | 'vaccines' | 'withinDays'> = {
    on,
    vaccines: ['MR1', 'VAR', 'DPT_IPV_HIB'],
    withinDays: 90,
  };
  it('overdue doses and due doses whose 定期接種の期間 ends within N days (§1.3 MR1 生後12〜24月)', () => {
    const rows = scheduleFor({ birthDate: '2025-01-10', sex: 'F' }, [], on);
    expect(reminderDoses(rows, s).map((d) => `${d.vaccine} ${d.dose} ${d.status} ${d.legalTo}`)).toEqual([
      'DPT_IPV_HIB 初回1回目 overdue 2032-07-09',
      'MR1 1回 due 2027-01-09',
      'VAR 1回目 overdue 2028-01-09',
    ]);
    // 30 days: MR1's period ends later than that, so it is not yet reminded
    expect(reminderDoses(rows, { ...s, withinDays: 30 }).map((d) => d.vaccine)).toEqual([
      'DPT_IPV_HIB',
      'VAR',
    ]);
  });
  it('a child with everything on time has nothing to remind (not on the list)', () => {
    const h = [dose('MR1', '2026-01-15'), dose('VAR', '2026-01-15'), dose('VAR', '2026-07-20')];
    const d = decide(
      { kind: 'vaccination.reminder', ...s, vaccines: ['MR1', 'VAR'], bornFrom: null, bornTo: null },
      { birthDate: '2025-01-10', sex: 'F' },
      h,
    );
    expect(d).toBeNull();
  });
});

describe('pre-filter and memo', () => {
  it.each([
    ['MR2', '§1.3 5歳以上7歳未満 (年長)', '2018-11-01', '2024-12-05'],
    ['DT2', '§1.3 11歳以上13歳未満', '2012-11-01', '2017-12-06'],
    ['FLU_ELD', '§1.3 65歳以上 (60〜64歳の障害 included)', null, '1963-12-06'],
  ] as const)('birthRange %s (%s) is a superset', (code, _src, from, to) => {
    expect(birthRange([code], on, on, vaccineMaster)).toEqual({ bornFrom: from, bornTo: to });
  });

  it('relevant records: own, the group (5種/4種/ヒブ), and 注射生 for a 注射生 vaccine (§1.5)', () => {
    expect(relevantCodes('HIB', vaccineMaster).sort()).toEqual(['DPT_IPV', 'DPT_IPV_HIB', 'HIB']);
    expect(relevantCodes('MR2', vaccineMaster)).toEqual(expect.arrayContaining(['MR1', 'VAR', 'BCG', 'HZ']));
    expect(relevantCodes('DT2', vaccineMaster)).toEqual(['DT2']);
  });

  it('the memoised decision with only the relevant records equals the direct one with every record', () => {
    const children = demoChildren(1500, on, 11);
    for (const vaccine of ['MR2', 'HIB', 'JE1', 'VAR', 'PCV'] as VaccineCode[]) {
      const s = doseList({ vaccine, dose: null, startsBy: '2027-04-01' });
      const codes = new Set(relevantCodes(vaccine, vaccineMaster));
      const memo = memoisedDecision(s);
      children.forEach((c, i) => {
        const relevant = c.history.filter((h) => codes.has(h.vaccine));
        const text = relevant
          .map((h) => [h.vaccine, h.date, h.product ?? ''].join('\u001f'))
          .sort()
          .join('\u001e');
        const sex = c.person.sex === 'F' ? '2' : '1';
        const got = memo({ residentId: i + 1, birthDate: c.person.birthDate, sex, history: text });
        const want = decide(s, c.person, c.history);
        expect(got === null ? null : { ...got, residentId: undefined }).toEqual(
          want === null ? null : { ...want, residentId: undefined },
        );
      });
    }
  });
});
