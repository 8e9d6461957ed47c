/**
 * The national guideline (指針) as the default 事業マスタ of every 年度. Sources (all in
 * adult-health-statistics-bank-barcode.md): §2.1 がん検診 table (がん予防重点健康教育及びがん検診実施のための指針),
 * §2.2 年度末年齢 (legal cohort 4/2–4/1 by default), §2.3 2年に1回 = no screening in the previous 年度,
 * §2.4 coupons, §2.6 other 健康増進事業 検診.
 *
 * Fees are municipal: the defaults carry none (the ticket then says to ask the clinic) and each city
 * enters its own. Where a fact is unconfirmed the default is the conservative choice, noted below.
 */
import type { FeeExemptionKind, ProgramCode, ProgramMethod, ProgramSettings } from './types.ts';
import { programLabels } from './types.ts';

const fiscalYearEnd = { month: 3, day: 31, yearOffset: 1 };
/** 自己負担金の免除 kinds every program exempts by default (生活保護受給者, 市町村民税非課税世帯). */
export const defaultExemptKinds: FeeExemptionKind[] = ['welfare', 'tax_exempt'];
const exemptionNote =
  '生活保護受給者・市民税非課税世帯の方は自己負担金が免除されます（受診時に証明書が必要です）。';

function method(code: string, name: string, v: Partial<ProgramMethod> = {}): ProgramMethod {
  return { code, name, enabled: true, ageMin: null, ageMax: null, interval: null, followUpYears: null, ...v };
}

function program(
  code: ProgramCode,
  v: Partial<ProgramSettings> & Pick<ProgramSettings, 'ageMin' | 'methods'>,
) {
  const base: ProgramSettings = {
    code,
    name: programLabels[code],
    enabled: true,
    sex: 'any',
    ageMax: null,
    ageList: null,
    referenceDate: fiscalYearEnd,
    cohort: 'legal',
    interval: { kind: 'interval', years: 1 },
    fees: { amounts: {}, exemptionNote, exemptKinds: [...defaultExemptKinds] },
    coupon: null,
    delivery: 'individual',
    periodStart: null,
    periodEnd: null,
    notice: '',
    ...v,
  };
  return base;
}

/** The 指針 defaults, one per program code (a fresh copy each call: callers may edit it). */
export function nationalDefaults(): ProgramSettings[] {
  return [
    // 胃: 50歳以上, 2年に1回 (X線 "当分の間" 40歳以上・年1回も可 — set the X線 method to 40 / 毎年 to use it).
    program('stomach', {
      ageMin: 50,
      interval: { kind: 'interval', years: 2 },
      methods: [method('xray', '胃部エックス線検査'), method('endoscopy', '胃内視鏡検査')],
    }),
    program('colorectal', { ageMin: 40, methods: [method('fobt', '便潜血検査（2日法）')] }),
    // 肺: 喀痰細胞診 (50歳以上・喫煙指数600以上) is off by default: the expert committee approved dropping it
    // from April 2026 (§2.1 "Pending change", rule text unconfirmed).
    program('lung', {
      ageMin: 40,
      methods: [
        method('xray', '胸部エックス線検査'),
        method('sputum', '喀痰細胞診（50歳以上の重喫煙者）', { enabled: false, ageMin: 50 }),
      ],
    }),
    program('breast', {
      sex: 'female',
      ageMin: 40,
      interval: { kind: 'interval', years: 2 },
      methods: [method('mammography', 'マンモグラフィ（乳房エックス線）')],
      coupon: { ages: [40], basis: 'previous_fiscal_year' },
    }),
    // 子宮頸: 細胞診 20歳以上 2年に1回; HPV検査単独法 30歳以上 5年に1回 (追跡 1年後) only where the city meets the
    // 要件 (§2.1), so off by default. A city that adopts it sets 細胞診 ageMax 29.
    program('cervical', {
      sex: 'female',
      ageMin: 20,
      interval: { kind: 'interval', years: 2 },
      methods: [
        method('cytology', '子宮頸部細胞診'),
        method('hpv', 'HPV検査単独法', {
          enabled: false,
          ageMin: 30,
          interval: { kind: 'interval', years: 5 },
          followUpYears: 1,
        }),
      ],
      coupon: { ages: [20], basis: 'previous_fiscal_year' },
    }),
    program('osteoporosis', {
      sex: 'female',
      ageMin: 40,
      ageMax: 70,
      ageList: [40, 45, 50, 55, 60, 65, 70],
      methods: [method('bone_density', '骨量測定')],
    }),
    // 歯周疾患: 20, 30 added from 令和6年度 (§2.6).
    program('periodontal', {
      ageMin: 20,
      ageMax: 70,
      ageList: [20, 30, 40, 50, 60, 70],
      methods: [method('dental', '歯周組織検査')],
    }),
    // 肝炎ウイルス: 40歳 and 41歳以上で過去に未受診 = once in a lifetime from 40.
    program('hepatitis', {
      ageMin: 40,
      interval: { kind: 'once' },
      methods: [method('hbv_hcv', 'B型・C型肝炎ウイルス検査')],
    }),
    // 健康診査 (施行規則第4条の2第4号) is for people outside 特定健診 (e.g. 生活保護); the register does not say
    // who they are, so it is off by default and offered by preference survey or application.
    program('health_checkup', {
      enabled: false,
      ageMin: 40,
      methods: [method('general', '健康診査（問診・身体計測・血液検査等）')],
    }),
  ];
}

export function nationalDefault(code: ProgramCode): ProgramSettings {
  return nationalDefaults().find((p) => p.code === code)!;
}
