import { describe, expect, it } from 'vitest';
import { nationalDefault, nationalDefaults } from '../programs/defaults.ts';
import type { ProgramCode } from '../programs/types.ts';
import { checkApplication, historySummary, intervalText } from './applications-rules.ts';
import { evaluateProgram, type HistoryEntry, type PersonFacts, withLabels } from './rules.ts';

// Sources: adult-health-statistics-bank-barcode.md §2.1 (指針: targets and intervals), §2.2 (年度末年齢, legal
// cohort), §2.3 (2年に1回 = not screened in the previous 年度), §2.4 (coupon: age reached in the previous 年度),
// §2.6 (節目年齢, 肝炎ウイルス once in a lifetime).
const fy = 2026; // 令和8年度: 年度末 = 2027-03-31

const woman = (birthDate: string): PersonFacts => ({ birthDate, sex: '2', status: 'resident' });
const man = (birthDate: string): PersonFacts => ({ birthDate, sex: '1', status: 'resident' });

function judged(person: PersonFacts, history: HistoryEntry[] = []) {
  return nationalDefaults().map((p) => ({
    ...withLabels(evaluateProgram(p, person, fy, history)),
    name: p.name,
  }));
}

type Row = {
  name: string;
  person: PersonFacts;
  history?: HistoryEntry[];
  requested: ProgramCode[];
  ok: boolean;
  /** per requested program: [ok, reasons] */
  results: [boolean, string[]][];
  message?: string;
};

const rows: Row[] = [
  {
    name: '§2.3 胃 2年に1回: screened in the previous 年度 → refused 前年度受診済',
    person: man('1960-05-01'),
    history: [{ program: 'stomach', method: 'xray', fiscalYear: fy - 1 }],
    requested: ['stomach'],
    ok: false,
    results: [[false, ['前年度受診済']]],
    message: '胃がん検診: 前年度受診済',
  },
  {
    name: '§2.3 胃: screened two 年度 ago → accepted',
    person: man('1960-05-01'),
    history: [{ program: 'stomach', method: 'xray', fiscalYear: fy - 2 }],
    requested: ['stomach'],
    ok: true,
    results: [[true, []]],
  },
  {
    name: '§2.1 大腸 年1回: screened this 年度 already → 今年度受診済',
    person: man('1970-05-01'),
    history: [{ program: 'colorectal', method: 'fobt', fiscalYear: fy }],
    requested: ['colorectal', 'lung'],
    ok: false,
    results: [
      [false, ['今年度受診済']],
      [true, []],
    ],
    message: '大腸がん検診: 今年度受診済',
  },
  {
    name: '§2.2 年度末年齢 39 (born 4/2) → 年齢対象外',
    person: man('1987-04-02'),
    requested: ['colorectal'],
    ok: false,
    results: [[false, ['年齢対象外']]],
  },
  {
    name: '§2.1 乳 women only: a man gets 性別対象外',
    person: man('1970-05-01'),
    requested: ['breast'],
    ok: false,
    results: [[false, ['性別対象外']]],
  },
  {
    name: '§2.4 乳 coupon at 41 (40 in the previous 年度): accepted, the coupon is not a refusal',
    person: woman('1985-05-01'),
    requested: ['breast'],
    ok: true,
    results: [[true, []]],
  },
  {
    name: '§2.6 肝炎ウイルス once in a lifetime → 生涯1回受診済',
    person: woman('1970-05-01'),
    history: [{ program: 'hepatitis', method: 'hbv_hcv', fiscalYear: 2015 }],
    requested: ['hepatitis'],
    ok: false,
    results: [[false, ['生涯1回受診済']]],
  },
  {
    name: '§2.6 骨粗鬆症 節目年齢 only: 51 → 節目年齢でない',
    person: woman('1975-05-01'),
    requested: ['osteoporosis'],
    ok: false,
    results: [[false, ['節目年齢でない']]],
  },
  {
    name: '健康診査 not run (disabled by default) → 実施していない',
    person: man('1960-05-01'),
    requested: ['health_checkup'],
    ok: false,
    results: [[false, ['実施していない']]],
  },
];

describe('checkApplication (受診歴の確認 at application)', () => {
  it.each(rows)('$name', (r) => {
    const c = checkApplication(judged(r.person, r.history), r.requested);
    expect(c.ok).toBe(r.ok);
    expect(c.results.map((x) => [x.ok, x.reasons])).toEqual(r.results);
    if (r.message) expect(c.message).toBe(r.message);
    if (r.ok) expect(c.message).toBe('');
  });

  it('nothing requested is not an application', () => {
    expect(checkApplication(judged(man('1960-05-01')), []).ok).toBe(false);
  });

  it('a program without a judgement is refused as 実施していない', () => {
    const c = checkApplication([], ['stomach']);
    expect(c.results).toEqual([
      { program: 'stomach', name: 'stomach', ok: false, reasons: ['実施していない'] },
    ]);
  });
});

describe('historySummary (受診歴 per program)', () => {
  const settings = [nationalDefault('stomach'), nationalDefault('hepatitis'), nationalDefault('colorectal')];
  const person = man('1960-05-01');
  const history: HistoryEntry[] = [
    { program: 'stomach', method: 'xray', fiscalYear: fy - 1, result: 'negative' },
    { program: 'stomach', method: 'xray', fiscalYear: fy - 3, result: 'needs_followup' },
  ];
  const judgements = settings.map((p) => withLabels(evaluateProgram(p, person, fy, history)));
  const rows = historySummary(settings, judgements, [
    { program: 'stomach', screenedOn: `${fy - 1}-06-10`, result: 'negative' },
    { program: 'stomach', screenedOn: `${fy - 3}-06-10`, result: 'needs_followup' },
  ]);

  it.each([
    ['stomach', '2025-06-10', '令和7年6月10日', '異常なし', '2年に1回', '今年度受診不可', ['前年度受診済']],
    ['hepatitis', null, '', '', '生涯1回', '今年度受診可', []],
    ['colorectal', null, '', '', '毎年度', '今年度受診可', []],
  ] as const)('%s: last %s, %s', (program, last, wareki, result, interval, verdict, reasons) => {
    expect(rows.find((r) => r.program === program)).toMatchObject({
      lastScreenedOn: last,
      lastScreenedWareki: wareki,
      resultLabel: result,
      intervalText: interval,
      verdict,
      reasons,
    });
  });
});

describe('intervalText', () => {
  it.each([
    [{ kind: 'interval', years: 1 } as const, '毎年度'],
    [{ kind: 'interval', years: 2 } as const, '2年に1回'],
    [{ kind: 'interval', years: 5 } as const, '5年に1回'],
    [{ kind: 'parity', parity: 'even' } as const, '偶数年齢（2年に1回）'],
    [{ kind: 'parity', parity: 'odd' } as const, '奇数年齢（2年に1回）'],
    [{ kind: 'once' } as const, '生涯1回'],
  ])('%j → %s', (rule, text) => expect(intervalText(rule)).toBe(text));
});
