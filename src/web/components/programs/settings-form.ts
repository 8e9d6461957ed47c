/**
 * The 事業 edit form's state (text as typed) ⇄ ProgramSettings, validated with the server's own schema so
 * the messages next to the fields are the server's messages (validate as you type, ux.md).
 */
import { nationalDefault } from '../../../server/modules/programs/defaults.ts';
import { programSettingsSchemaFor } from '../../../server/modules/programs/settings-schema.ts';
import type {
  FeeExemptionKind,
  IntervalRule,
  ProgramMethod,
  ProgramSettings,
} from '../../../server/modules/programs/types.ts';
import { parseDateInput } from '../../lib/wareki.ts';

/** 受診間隔 choices: 毎年 / N年に1回 / 偶数年齢 / 奇数年齢 / 生涯1回 (+ 事業と同じ for a method). */
export type IntervalChoice = 'every' | 'years' | 'even' | 'odd' | 'once';

export const intervalChoices: { value: IntervalChoice; label: string }[] = [
  { value: 'every', label: '毎年' },
  { value: 'years', label: 'N年に1回（前年度等に受診していない）' },
  { value: 'even', label: '2年に1回（偶数年齢）' },
  { value: 'odd', label: '2年に1回（奇数年齢）' },
  { value: 'once', label: '生涯1回' },
];

export type MethodForm = {
  code: string;
  name: string;
  enabled: boolean;
  ageMin: string;
  ageMax: string;
  interval: IntervalChoice | 'program';
  intervalYears: string;
  followUpYears: string;
  fee: string;
  /** one of the 指針's methods (cannot be removed, only switched off) */
  national: boolean;
};

export type SettingsForm = {
  code: ProgramSettings['code'];
  name: string;
  enabled: boolean;
  sex: ProgramSettings['sex'];
  ageMin: string;
  ageMax: string;
  /** 節目年齢 as typed ('40, 45, 50'); empty = every age in the range */
  ageList: string;
  refMonth: string;
  refDay: string;
  refYearOffset: '0' | '1';
  cohort: ProgramSettings['cohort'];
  interval: IntervalChoice;
  intervalYears: string;
  methods: MethodForm[];
  /** 自己負担金 for the whole program (used when a method has none) */
  programFee: string;
  exemptionNote: string;
  /** registered 免除 kinds that make this program free */
  exemptKinds: FeeExemptionKind[];
  couponOn: boolean;
  couponAges: string;
  couponBasis: NonNullable<ProgramSettings['coupon']>['basis'];
  delivery: ProgramSettings['delivery'];
  /** as typed in the DateField (和暦 or 西暦) */
  periodStart: string;
  periodEnd: string;
  notice: string;
};

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function intervalToChoice(i: IntervalRule): { choice: IntervalChoice; years: string } {
  if (i.kind === 'once') return { choice: 'once', years: '2' };
  if (i.kind === 'parity') return { choice: i.parity, years: '2' };
  return i.years === 1 ? { choice: 'every', years: '2' } : { choice: 'years', years: String(i.years) };
}

export function toForm(s: ProgramSettings): SettingsForm {
  const national = new Set(nationalDefault(s.code).methods.map((m) => m.code));
  const iv = intervalToChoice(s.interval);
  return {
    code: s.code,
    name: s.name,
    enabled: s.enabled,
    sex: s.sex,
    ageMin: str(s.ageMin),
    ageMax: str(s.ageMax),
    ageList: s.ageList ? s.ageList.join(', ') : '',
    refMonth: str(s.referenceDate.month),
    refDay: str(s.referenceDate.day),
    refYearOffset: s.referenceDate.yearOffset === 0 ? '0' : '1',
    cohort: s.cohort,
    interval: iv.choice,
    intervalYears: iv.years,
    methods: s.methods.map((m) => {
      const mi = m.interval ? intervalToChoice(m.interval) : { choice: 'program' as const, years: '2' };
      return {
        code: m.code,
        name: m.name,
        enabled: m.enabled,
        ageMin: str(m.ageMin),
        ageMax: str(m.ageMax),
        interval: mi.choice,
        intervalYears: mi.years,
        followUpYears: str(m.followUpYears),
        fee: str(s.fees.amounts[m.code]),
        national: national.has(m.code),
      };
    }),
    programFee: str(s.fees.amounts['*']),
    exemptionNote: s.fees.exemptionNote,
    exemptKinds: [...s.fees.exemptKinds],
    couponOn: Boolean(s.coupon),
    couponAges: s.coupon ? s.coupon.ages.join(', ') : '',
    couponBasis: s.coupon?.basis ?? 'previous_fiscal_year',
    delivery: s.delivery,
    periodStart: s.periodStart ?? '',
    periodEnd: s.periodEnd ?? '',
    notice: s.notice,
  };
}

export const emptyMethod = (): MethodForm => ({
  code: '',
  name: '',
  enabled: true,
  ageMin: '',
  ageMax: '',
  interval: 'program',
  intervalYears: '2',
  followUpYears: '',
  fee: '',
  national: false,
});

/** '40' → 40, '' → null, '４０' → 40; anything else stays text (the schema then says 「整数で」). */
function num(s: string): number | null | string {
  const t = s.normalize('NFKC').replace(/[,，円歳\s]/g, '');
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : s;
}

/** '40, 45、50・55' → sorted unique numbers; null when empty; text when something is not a number. */
function numberList(s: string): number[] | null | string {
  const parts = s
    .normalize('NFKC')
    .split(/[,、・\s]+/)
    .map((x) => x.replace(/歳$/, ''))
    .filter(Boolean);
  if (!parts.length) return null;
  if (!parts.every((p) => /^\d+$/.test(p))) return s;
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

function choiceToInterval(choice: IntervalChoice, years: string): unknown {
  switch (choice) {
    case 'every':
      return { kind: 'interval', years: 1 };
    case 'years':
      return { kind: 'interval', years: num(years) };
    case 'even':
    case 'odd':
      return { kind: 'parity', parity: choice };
    case 'once':
      return { kind: 'once' };
  }
}

export type FormResult = { settings: ProgramSettings | null; errors: Record<string, string> };

/** Builds the settings from the form and validates them for 年度 fy (first message per field path). */
export function fromForm(f: SettingsForm, fy: number): FormResult {
  const errors: Record<string, string> = {};
  const list = (s: string, path: string, what: string) => {
    const v = numberList(s);
    if (typeof v === 'string') {
      errors[path] = `${what}は数字をカンマ区切りで入力してください（例: 40, 45, 50）。`;
      return null;
    }
    return v;
  };
  const date = (s: string, path: string, what: string) => {
    if (!s.trim()) return null;
    const r = parseDateInput(s);
    if (!r.ok) {
      errors[path] = `${what}: ${r.message}`;
      return null;
    }
    return r.date;
  };
  const amounts: Record<string, unknown> = {};
  const programFee = num(f.programFee);
  if (programFee !== null) amounts['*'] = programFee;
  const methods = f.methods.map((m): Record<keyof ProgramMethod, unknown> => {
    const fee = num(m.fee);
    if (fee !== null && m.code) amounts[m.code] = fee;
    return {
      code: m.code.trim(),
      name: m.name,
      enabled: m.enabled,
      ageMin: num(m.ageMin),
      ageMax: num(m.ageMax),
      interval: m.interval === 'program' ? null : choiceToInterval(m.interval, m.intervalYears),
      followUpYears: num(m.followUpYears),
    };
  });
  const couponAges = f.couponOn ? list(f.couponAges, 'coupon.ages', 'クーポンの対象年齢') : null;
  const value = {
    code: f.code,
    name: f.name,
    enabled: f.enabled,
    sex: f.sex,
    ageMin: num(f.ageMin),
    ageMax: num(f.ageMax),
    ageList: list(f.ageList, 'ageList', '節目年齢'),
    referenceDate: { month: num(f.refMonth), day: num(f.refDay), yearOffset: Number(f.refYearOffset) },
    cohort: f.cohort,
    interval: choiceToInterval(f.interval, f.intervalYears),
    methods,
    fees: { amounts, exemptionNote: f.exemptionNote, exemptKinds: f.exemptKinds },
    coupon: f.couponOn ? { ages: couponAges ?? [], basis: f.couponBasis } : null,
    delivery: f.delivery,
    periodStart: date(f.periodStart, 'periodStart', '受診期間の開始日'),
    periodEnd: date(f.periodEnd, 'periodEnd', '受診期間の終了日'),
    notice: f.notice,
  };
  const r = programSettingsSchemaFor(fy).safeParse(value);
  if (!r.success) {
    for (const i of r.error.issues) {
      const path = errorPathForFee(f, i.path.map(String).join('.'));
      if (!(path in errors)) errors[path] = i.message;
    }
  }
  return { settings: r.success && Object.keys(errors).length === 0 ? r.data : null, errors };
}

/** Where a message for `path` is shown: fees per method sit on the method's row. */
export function errorPathForFee(f: SettingsForm, path: string): string {
  const m = /^fees\.amounts\.(.+)$/.exec(path);
  if (!m) return path;
  if (m[1] === '*') return 'programFee';
  const i = f.methods.findIndex((x) => x.code === m[1]);
  return i >= 0 ? `methods.${i}.fee` : 'programFee';
}
