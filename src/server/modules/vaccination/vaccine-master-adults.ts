/**
 * 予防接種マスタ（HPV・B類・妊婦） — plain data, no logic. Source: maternal-child-vaccination-pmh.md §1.3, §1.4 (HPV),
 * §1.7 (eligibility data). Seasons of the yearly programs are set by each municipality [U]: the values here are
 * defaults to be overridden (see docs/vaccination-rules.md).
 */
import { type DoseRule, OPEN_END, type VaccineDefinition } from './master-types.ts';
import { win, y } from './vaccine-master-helpers.ts';

const afterMonths = (
  label: string,
  rules: Array<[number | 'previous', number, string]>,
  half = false,
): DoseRule => ({
  label,
  intervals: rules.map(([after, months, text]) => ({
    after,
    min: half && after === 'previous' ? { months, half: true } : { months },
    label: text,
  })),
});

const hpvStandard = win(
  { fiscalYearOfAge: 13, edge: 'start' },
  { fiscalYearOfAge: 13, edge: 'end' },
  '13歳となる日の属する年度（中学1年生相当）',
);
const hpvThree = (third: DoseRule): DoseRule[] => [
  { label: '1回目', standard: hpvStandard },
  { ...afterMonths('2回目', [['previous', 1, '1回目から1月以上']]), standard: hpvStandard },
  { ...third, standard: hpvStandard },
];

const elderly = win(y(65), { date: OPEN_END }, '65歳以上');

export const adultVaccines: VaccineDefinition[] = [
  {
    code: 'HPV',
    name: 'HPV（2価・4価・9価）',
    category: 'A',
    kind: 'INACT',
    diseases: ['hpv'],
    pastInfectionExcludes: true,
    sex: 'F',
    beforeWindow: 'upcoming',
    longTermCare: { years: 2 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [
          win(
            { fiscalYearOfAge: 12, edge: 'start' },
            { fiscalYearOfAge: 16, edge: 'end' },
            '12歳となる日の属する年度の初日から16歳となる日の属する年度の末日まで（小6〜高1相当）',
          ),
        ],
        products: [
          { code: 'HPV2', name: '2価（サーバリックス）' },
          { code: 'HPV4', name: '4価（ガーダシル）' },
          { code: 'HPV9', name: '9価（シルガード9）' },
        ],
        defaultProduct: 'HPV9',
        series: [
          {
            label: '9価 2回（1回目を15歳に至るまでに接種）',
            products: ['HPV9'],
            startTo: y(15),
            doses: [
              { label: '1回目', standard: hpvStandard },
              {
                ...afterMonths('2回目', [['previous', 5, '1回目から5月以上（標準6月）']]),
                standard: hpvStandard,
              },
            ],
          },
          {
            label: '9価 3回（1回目が15歳以降）',
            products: ['HPV9'],
            doses: hpvThree(afterMonths('3回目', [['previous', 3, '2回目から3月以上']])),
          },
          {
            label: '2価 3回',
            products: ['HPV2'],
            doses: hpvThree({
              label: '3回目',
              intervals: [
                { after: 0, min: { months: 5 }, label: '1回目から5月以上' },
                { after: 1, min: { months: 2, half: true }, label: '2回目から2月半以上' },
              ],
            }),
          },
          {
            label: '4価 3回',
            products: ['HPV4'],
            doses: hpvThree(afterMonths('3回目', [['previous', 3, '2回目から3月以上']])),
          },
        ],
        note: '9価2回接種で2回目が1回目から5月未満の場合の扱いは未確認 [U]（3回目が必要と仮定）。2価/4価から9価への切替は 1→2 1月以上、2→3 3月以上。',
      },
    ],
  },
  {
    code: 'FLU_ELD',
    name: '高齢者インフルエンザ',
    category: 'B',
    kind: 'INACT',
    diseases: ['influenza'],
    pastInfectionExcludes: false,
    beforeWindow: 'not_eligible',
    yearly: {
      seasonFrom: '10-01',
      seasonTo: '01-31',
      label: '毎年度1回（接種期間は自治体が定める。既定 10月1日〜1月31日 [U]）',
    },
    longTermCare: null,
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [elderly],
        disabilityFrom60: ['organ', 'hiv'],
        series: [{ label: '毎年度1回', doses: [{ label: '1回' }] }],
      },
    ],
  },
  {
    code: 'COVID',
    name: '新型コロナ（B類）',
    category: 'B',
    kind: 'INACT',
    diseases: ['covid19'],
    pastInfectionExcludes: false,
    beforeWindow: 'not_eligible',
    yearly: {
      seasonFrom: '10-01',
      seasonTo: '03-31',
      label: '毎年度1回（接種期間は毎年定められる。既定 10月1日〜3月31日 [U]）',
    },
    longTermCare: null,
    versions: [
      {
        validFrom: '2024-04-01',
        validTo: null,
        legal: [elderly],
        disabilityFrom60: ['organ', 'hiv'],
        series: [{ label: '毎年度1回', doses: [{ label: '1回' }] }],
        note: '定期接種としての最初の接種期間は 2024-10-01 から。',
      },
    ],
  },
  {
    code: 'PNEU_ELD',
    name: '高齢者肺炎球菌',
    category: 'B',
    kind: 'INACT',
    diseases: ['pneumococcus'],
    pastInfectionExcludes: true,
    beforeWindow: 'not_eligible',
    longTermCare: { years: 1 },
    versions: [
      {
        validFrom: null,
        validTo: '2026-03-31',
        legal: [win(y(65), y(66), '65歳の者（65歳の誕生日の前日から66歳の誕生日の前日まで）')],
        disabilityFrom60: ['organ', 'hiv'],
        products: [{ code: 'PPSV23', name: '23価莢膜ポリサッカライド' }],
        defaultProduct: 'PPSV23',
        series: [{ label: '生涯1回', doses: [{ label: '1回' }] }],
        note: '70歳・75歳…の経過措置は 2024-03-31 で終了。',
      },
      {
        validFrom: '2026-04-01',
        validTo: null,
        legal: [win(y(65), y(66), '65歳の者（65歳の誕生日の前日から66歳の誕生日の前日まで）')],
        disabilityFrom60: ['organ', 'hiv'],
        products: [{ code: 'PCV20', name: '20価結合型' }],
        defaultProduct: 'PCV20',
        series: [{ label: '生涯1回', doses: [{ label: '1回' }] }],
        excludedAfterProducts: {
          products: ['PPSV23'],
          label: '23価（PPSV23）を接種したことがあるため、20価は定期接種の対象外です',
        },
      },
    ],
  },
  {
    code: 'HZ',
    name: '帯状疱疹（生・組換え）',
    category: 'B',
    kind: 'INACT',
    diseases: ['herpes_zoster'],
    pastInfectionExcludes: false,
    beforeWindow: 'not_eligible',
    longTermCare: null,
    versions: [
      {
        validFrom: '2025-04-01',
        validTo: null,
        legal: [
          win(
            { fiscalYearOfAge: 65, edge: 'start' },
            { fiscalYearOfAge: 65, edge: 'end' },
            'その年度に65歳となる者（年度末年齢65歳）',
          ),
        ],
        disabilityFrom60: ['hiv'],
        products: [
          { code: 'HZ_LIVE', name: '乾燥弱毒生水痘ワクチン（生）', kind: 'INJ_LIVE' },
          { code: 'HZ_RZV', name: '乾燥組換え帯状疱疹ワクチン（組換え）' },
        ],
        defaultProduct: 'HZ_RZV',
        series: [
          { label: '生ワクチン 1回', products: ['HZ_LIVE'], doses: [{ label: '1回' }] },
          {
            label: '組換えワクチン 2回',
            products: ['HZ_RZV'],
            doses: [
              { label: '1回目' },
              {
                label: '2回目',
                intervals: [
                  {
                    after: 'previous',
                    min: { months: 2 },
                    standard: { min: { months: 2 }, max: { months: 6 } },
                    label: '1回目から2月以上（標準2月。遅れた場合も6月までに）',
                  },
                ],
              },
            ],
          },
        ],
        note: '組換え2回目が年度をまたぐ場合の扱いは未確認 [U]（対象期間内として判定）。帯状疱疹の既罹患は除外理由にならない。',
      },
    ],
  },
  {
    code: 'RSV_PREG',
    name: 'RSウイルス 母子免疫（妊婦）',
    category: 'A',
    kind: 'INACT',
    diseases: ['rsv'],
    pastInfectionExcludes: false,
    sex: 'F',
    beforeWindow: 'not_eligible',
    perPregnancy: true,
    longTermCare: null,
    versions: [
      {
        validFrom: '2026-04-01',
        validTo: null,
        legal: [
          win(
            { pregnancyWeeks: 28, days: 0 },
            { pregnancyWeeks: 36, days: 6 },
            '接種時に妊娠28週0日から36週6日まで',
          ),
        ],
        series: [{ label: '妊娠ごとに1回', doses: [{ label: '1回' }] }],
        note: '妊娠ごとに1回 [P]。前回の妊娠で接種した方も対象。',
      },
    ],
  },
];
