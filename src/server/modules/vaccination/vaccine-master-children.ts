/**
 * 予防接種マスタ（B型肝炎・ロタ・BCG・MR・水痘・日本脳炎・二種混合） — plain data, no logic. Source:
 * maternal-child-vaccination-pmh.md §1.3 (master table) and §1.6 (長期療養特例 caps). Items marked [P]/[U] there are
 * noted in `note` and listed in docs/vaccination-rules.md.
 */
import type { VaccineDefinition } from './master-types.ts';
import { byDays, m, win, y } from './vaccine-master-helpers.ts';

export const childVaccines: VaccineDefinition[] = [
  {
    code: 'HEPB',
    name: 'B型肝炎',
    category: 'A',
    kind: 'INACT',
    diseases: ['hepatitis_b'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    longTermCare: { years: 2 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [win({ weeks: 0, days: 0 }, y(1), '出生から1歳に至るまで')],
        series: [
          {
            label: '3回',
            doses: [
              { label: '1回目', standard: win(m(2), m(9), '生後2月から生後9月に至るまで') },
              { ...byDays('2回目', 27), standard: win(m(2), m(9), '生後2月から生後9月に至るまで') },
              {
                label: '3回目',
                intervals: [{ after: 0, min: { days: 139 }, label: '1回目から139日以上' }],
                standard: win(m(2), m(9), '生後2月から生後9月に至るまで'),
              },
            ],
          },
        ],
        note: '「3回目は2回目から6日以上」を加える自治体あり [P]（既定では使わない）。母子感染予防で接種した方は対象外。',
      },
    ],
  },
  ...(['ROTA1', 'ROTA5'] as const).map(
    (code): VaccineDefinition => ({
      code,
      name: code === 'ROTA1' ? 'ロタ 1価（ロタリックス）' : 'ロタ 5価（ロタテック）',
      category: 'A',
      kind: 'ORAL_LIVE',
      diseases: ['rotavirus'],
      pastInfectionExcludes: true,
      beforeWindow: 'upcoming',
      group: { id: 'ROTA', role: 'choice' },
      longTermCare: null,
      versions: [
        {
          validFrom: '2020-10-01',
          validTo: null,
          bornFrom: '2020-08-01',
          legal: [
            code === 'ROTA1'
              ? win({ weeks: 6, days: 0 }, { weeks: 24, days: 0 }, '出生6週0日後から出生24週0日後まで')
              : win({ weeks: 6, days: 0 }, { weeks: 32, days: 0 }, '出生6週0日後から出生32週0日後まで'),
          ],
          series: [
            {
              label: code === 'ROTA1' ? '2回' : '3回',
              doses: [
                {
                  label: '1回目',
                  standard: win(m(2), { weeks: 14, days: 6 }, '生後2月から出生14週6日後まで'),
                },
                byDays('2回目', 27),
                ...(code === 'ROTA5' ? [byDays('3回目', 27)] : []),
              ],
            },
          ],
          note: '初回を出生15週0日後以降に接種することは推奨されない。原則として同じワクチンで完了。',
        },
      ],
    }),
  ),
  {
    code: 'BCG',
    name: 'BCG',
    category: 'A',
    kind: 'INJ_LIVE',
    diseases: ['tuberculosis'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    longTermCare: { years: 2, capYears: 4 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [win({ weeks: 0, days: 0 }, y(1), '出生から1歳に至るまで')],
        series: [
          {
            label: '1回',
            doses: [{ label: '1回', standard: win(m(5), m(8), '生後5月から生後8月に達するまで') }],
          },
        ],
      },
    ],
  },
  {
    code: 'MR1',
    name: '麻しん風しん 第1期',
    category: 'A',
    kind: 'INJ_LIVE',
    diseases: ['measles', 'rubella'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    longTermCare: { years: 2 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [win(m(12), m(24), '生後12月から生後24月に至るまで')],
        series: [
          {
            label: '1回',
            doses: [{ label: '1回', standard: win(m(12), m(24), '生後12月から生後24月に至るまで') }],
          },
        ],
      },
    ],
  },
  {
    code: 'MR2',
    name: '麻しん風しん 第2期',
    category: 'A',
    kind: 'INJ_LIVE',
    diseases: ['measles', 'rubella'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    longTermCare: { years: 2 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [
          win(
            { schoolEntry: 'yearBefore' },
            { schoolEntry: 'dayBefore' },
            '小学校就学の始期に達する日の1年前の日から始期の前日まで（年長相当）',
          ),
        ],
        series: [{ label: '1回', doses: [{ label: '1回' }] }],
      },
    ],
  },
  {
    code: 'VAR',
    name: '水痘',
    category: 'A',
    kind: 'INJ_LIVE',
    diseases: ['varicella'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    longTermCare: { years: 2 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [win(m(12), m(36), '生後12月から生後36月に至るまで')],
        series: [
          {
            label: '2回',
            doses: [
              { label: '1回目', standard: win(m(12), m(15), '生後12月から生後15月に至るまで') },
              {
                label: '2回目',
                intervals: [
                  {
                    after: 'previous',
                    min: { months: 3 },
                    standard: { min: { months: 6 }, max: { months: 12 } },
                    label: '1回目から3月以上（標準6〜12月）',
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    code: 'JE1',
    name: '日本脳炎 第1期',
    category: 'A',
    kind: 'INACT',
    diseases: ['japanese_encephalitis'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    longTermCare: { years: 2 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [win(m(6), m(90), '生後6月から生後90月に至るまで')],
        series: [
          {
            label: '初回2回・追加1回',
            doses: [
              { label: '初回1回目', standard: win(y(3), y(4), '3歳から4歳に達するまで') },
              { ...byDays('初回2回目', 6, [6, 28]), standard: win(y(3), y(4), '3歳から4歳に達するまで') },
              {
                label: '追加',
                intervals: [{ after: 1, min: { months: 6 }, label: '初回終了後6月以上（概ね1年）' }],
                standard: win(y(4), y(5), '4歳から5歳に達するまで'),
              },
            ],
          },
        ],
      },
    ],
  },
  {
    code: 'JE2',
    name: '日本脳炎 第2期',
    category: 'A',
    kind: 'INACT',
    diseases: ['japanese_encephalitis'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    longTermCare: { years: 2 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [win(y(9), y(13), '9歳以上13歳未満')],
        series: [
          { label: '1回', doses: [{ label: '1回', standard: win(y(9), y(10), '9歳から10歳に達するまで') }] },
        ],
      },
    ],
  },
  {
    code: 'DT2',
    name: '二種混合（DT）第2期',
    category: 'A',
    kind: 'INACT',
    diseases: ['diphtheria', 'tetanus'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    longTermCare: { years: 2 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [win(y(11), y(13), '11歳以上13歳未満')],
        series: [
          {
            label: '1回',
            doses: [{ label: '1回', standard: win(y(11), y(12), '11歳から12歳に達するまで') }],
          },
        ],
      },
    ],
  },
];
