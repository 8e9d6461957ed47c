import { describe, expect, it } from 'vitest';
import { nationalDefault } from '../programs/defaults.ts';
import type { ProgramCode, ProgramSettings } from '../programs/types.ts';
import {
  evaluateProgram,
  type HistoryEntry,
  hpvFollowUpResult,
  type OptOut,
  type PersonFacts,
  withLabels,
} from './rules.ts';

// Sources: adult-health-statistics-bank-barcode.md §2.1 (指針 table), §2.2 (年度末年齢, legal cohort 4/2–4/1),
// §2.3 (2年に1回: previous 年度 or parity), §2.4 (coupon: age reached in the previous 年度), §2.6 (節目, once).
const fy = 2026; // 令和8年度: 年度末 = 2027-03-31

const woman = (birthDate: string): PersonFacts => ({ birthDate, sex: '2', status: 'resident' });
const man = (birthDate: string): PersonFacts => ({ birthDate, sex: '1', status: 'resident' });

function program(code: ProgramCode, edit: (p: ProgramSettings) => void = () => {}): ProgramSettings {
  const p = nationalDefault(code);
  edit(p);
  return p;
}

type Row = {
  name: string;
  program: ProgramSettings;
  person: PersonFacts;
  history?: HistoryEntry[];
  optOuts?: OptOut[];
  eligible: boolean;
  labels: string[];
  age?: number | null;
  coupon?: boolean;
  methods?: string[];
};

const rows: Row[] = [
  // 年度末年齢 (§2.2): born 1987-04-01 is 40 at the end of 2027-03-31 (legal rule), 1987-04-02 is 39.
  {
    name: '大腸 40歳 4/1生まれ',
    program: program('colorectal'),
    person: man('1987-04-01'),
    eligible: true,
    labels: [],
    age: 40,
  },
  {
    name: '大腸 39歳 4/2生まれ',
    program: program('colorectal'),
    person: man('1987-04-02'),
    eligible: false,
    labels: ['年齢対象外'],
    age: 39,
  },
  {
    name: '暦年齢 cohort: 4/1生まれ is still 39',
    program: program('colorectal', (p) => {
      p.cohort = 'naive';
    }),
    person: man('1987-04-01'),
    eligible: false,
    labels: ['年齢対象外'],
    age: 39,
  },
  {
    name: '2/29 birth, 基準日 2/29 in a common year (clamped to 2/28): legal age already 47',
    program: program('colorectal', (p) => {
      p.referenceDate = { month: 2, day: 29, yearOffset: 1 };
    }),
    person: man('1980-02-29'),
    eligible: true,
    labels: [],
    age: 47,
  },
  {
    name: '2/29 birth, naive on 2/28: still 46',
    program: program('colorectal', (p) => {
      p.referenceDate = { month: 2, day: 29, yearOffset: 1 };
      p.cohort = 'naive';
    }),
    person: man('1980-02-29'),
    eligible: true,
    labels: [],
    age: 46,
  },
  {
    name: '乳 男性',
    program: program('breast'),
    person: man('1970-05-05'),
    eligible: false,
    labels: ['性別対象外'],
  },
  {
    name: '乳 男性 30歳: both reasons',
    program: program('breast'),
    person: man('1996-05-05'),
    eligible: false,
    labels: ['性別対象外', '年齢対象外'],
  },
  {
    name: '住民でない',
    program: program('colorectal'),
    person: { birthDate: '1970-01-01', sex: '1', status: 'moved_out' },
    eligible: false,
    labels: ['住民でない'],
  },
  // 2年に1回 = not screened in the previous 年度 (§2.3)
  {
    name: '乳 前年度受診済',
    program: program('breast'),
    person: woman('1970-05-05'),
    history: [{ program: 'breast', fiscalYear: 2025 }],
    eligible: false,
    labels: ['前年度受診済'],
  },
  {
    name: '乳 前々年度受診 → 対象',
    program: program('breast'),
    person: woman('1970-05-05'),
    history: [{ program: 'breast', fiscalYear: 2024 }],
    eligible: true,
    labels: [],
  },
  {
    name: '大腸 今年度受診済',
    program: program('colorectal'),
    person: man('1970-05-05'),
    history: [{ program: 'colorectal', fiscalYear: 2026 }],
    eligible: false,
    labels: ['今年度受診済'],
  },
  {
    name: 'other programs do not count',
    program: program('colorectal'),
    person: man('1970-05-05'),
    history: [{ program: 'lung', fiscalYear: 2026 }],
    eligible: true,
    labels: [],
  },
  // parity (§2.3 堺市: 偶数年齢)
  {
    name: '胃 偶数年齢 rule, 57歳',
    program: program('stomach', (p) => {
      p.interval = { kind: 'parity', parity: 'even' };
    }),
    person: man('1969-06-01'),
    eligible: false,
    labels: ['隔年対象外(奇数年齢)'],
    age: 57,
  },
  {
    name: '胃 偶数年齢 rule, 58歳 (even if screened last year)',
    program: program('stomach', (p) => {
      p.interval = { kind: 'parity', parity: 'even' };
    }),
    person: man('1968-06-01'),
    history: [{ program: 'stomach', fiscalYear: 2025, method: 'xray' }],
    eligible: true,
    labels: [],
    age: 58,
    methods: ['xray', 'endoscopy'],
  },
  {
    name: '胃 X線 40歳以上・毎年 (当分の間): 45歳 gets X線 only',
    program: program('stomach', (p) => {
      p.ageMin = 40;
      p.methods[0]!.ageMin = 40;
      p.methods[0]!.interval = { kind: 'interval', years: 1 };
      p.methods[1]!.ageMin = 50;
    }),
    person: man('1981-06-01'),
    eligible: true,
    labels: [],
    methods: ['xray'],
  },
  // 節目 (§2.6)
  {
    name: '骨粗鬆症 41歳',
    program: program('osteoporosis'),
    person: woman('1985-06-01'),
    eligible: false,
    labels: ['節目年齢でない'],
  },
  {
    name: '骨粗鬆症 45歳',
    program: program('osteoporosis'),
    person: woman('1981-06-01'),
    eligible: true,
    labels: [],
  },
  {
    name: '歯周 20歳 (added 令和6年度)',
    program: program('periodontal'),
    person: man('2006-06-01'),
    eligible: true,
    labels: [],
  },
  // once in a lifetime (§2.6)
  {
    name: '肝炎 受診済',
    program: program('hepatitis'),
    person: man('1960-01-01'),
    history: [{ program: 'hepatitis', fiscalYear: 2008 }],
    eligible: false,
    labels: ['生涯1回受診済'],
  },
  {
    name: '肝炎 未受診 66歳',
    program: program('hepatitis'),
    person: man('1960-01-01'),
    eligible: true,
    labels: [],
  },
  {
    name: '健康診査 off by default',
    program: program('health_checkup'),
    person: man('1960-01-01'),
    eligible: false,
    labels: ['実施していない'],
  },
  // coupons (§2.4): 令和8年度 coupon = 20歳 (子宮頸) / 40歳 (乳) reached in 令和7年度 → 年度末年齢 21 / 41 now
  {
    name: '子宮頸 coupon 21歳 (born 2005-04-02 … 2006-04-01), invited despite last year',
    program: program('cervical'),
    person: woman('2006-04-01'),
    history: [{ program: 'cervical', fiscalYear: 2025, method: 'cytology' }],
    eligible: true,
    labels: ['クーポン対象'],
    coupon: true,
    age: 21,
  },
  {
    name: '子宮頸 22歳 no coupon',
    program: program('cervical'),
    person: woman('2004-06-01'),
    eligible: true,
    labels: [],
    coupon: false,
    age: 22,
  },
  {
    name: '乳 coupon 41歳',
    program: program('breast'),
    person: woman('1985-06-01'),
    eligible: true,
    labels: ['クーポン対象'],
    coupon: true,
    age: 41,
  },
  {
    name: '乳 40歳 no coupon yet',
    program: program('breast'),
    person: woman('1986-06-01'),
    eligible: true,
    labels: [],
    coupon: false,
    age: 40,
  },
  // 送付不要
  {
    name: '送付不要 (入院中) for all programs',
    program: program('colorectal'),
    person: man('1970-05-05'),
    optOuts: [{ program: null, reason: 'hospitalized', validFrom: '2026-01-10', validUntil: null }],
    eligible: false,
    labels: ['送付不要登録あり'],
  },
  {
    name: '送付不要 ended before the 年度',
    program: program('colorectal'),
    person: man('1970-05-05'),
    optOuts: [{ program: null, reason: 'hospitalized', validFrom: '2025-01-10', validUntil: '2026-03-31' }],
    eligible: true,
    labels: [],
  },
  {
    name: '送付不要 for another program',
    program: program('colorectal'),
    person: man('1970-05-05'),
    optOuts: [{ program: 'lung', reason: 'workplace', validFrom: '2026-04-01', validUntil: null }],
    eligible: true,
    labels: [],
  },
];

// HPV検査単独法 (§2.1): 30歳以上 5年に1回; HPV陽性・細胞診陰性 → 1年後に追跡検査. 細胞診 for 20代 only.
const hpvCity = program('cervical', (p) => {
  p.methods[0]!.ageMax = 29;
  p.methods[1]!.enabled = true;
});
rows.push(
  {
    name: 'HPV 35歳, HPV 3年度前 → 5年未満',
    program: hpvCity,
    person: woman('1991-06-01'),
    history: [{ program: 'cervical', method: 'hpv', fiscalYear: 2023, result: 'hpv_negative' }],
    eligible: false,
    labels: ['前回受診から5年未満'],
  },
  {
    name: 'HPV 35歳, HPV 5年度前 → 対象',
    program: hpvCity,
    person: woman('1991-06-01'),
    history: [{ program: 'cervical', method: 'hpv', fiscalYear: 2021, result: 'hpv_negative' }],
    eligible: true,
    labels: [],
    methods: ['hpv'],
  },
  {
    name: 'HPV 追跡 1年後',
    program: hpvCity,
    person: woman('1991-06-01'),
    history: [{ program: 'cervical', method: 'hpv', fiscalYear: 2025, result: hpvFollowUpResult }],
    eligible: true,
    labels: ['HPV追跡検査対象'],
    methods: ['hpv'],
  },
  {
    name: 'HPV city: 25歳 gets 細胞診 (2年に1回)',
    program: hpvCity,
    person: woman('2001-06-01'),
    eligible: true,
    labels: [],
    methods: ['cytology'],
  },
);

describe('evaluateProgram (adult screening eligibility)', () => {
  it.each(rows)('$name', (r) => {
    const e = withLabels(evaluateProgram(r.program, r.person, fy, r.history ?? [], r.optOuts ?? []));
    expect(e.eligible).toBe(r.eligible);
    expect(e.labels).toEqual(r.labels);
    if (r.age !== undefined) expect(e.ageAtFiscalYearEnd).toBe(r.age);
    if (r.coupon !== undefined) expect(e.coupon).toBe(r.coupon);
    if (r.methods) expect(e.methods).toEqual(r.methods);
  });

  it('born after the reference date: no age, 年齢対象外', () => {
    const e = withLabels(evaluateProgram(program('colorectal'), man('2027-05-01'), fy, []));
    expect(e).toMatchObject({ eligible: false, ageAtFiscalYearEnd: null, labels: ['年齢対象外'] });
  });
});
