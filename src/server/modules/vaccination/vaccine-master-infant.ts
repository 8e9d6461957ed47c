/**
 * 予防接種マスタ（5種混合・4種混合・ヒブ・小児肺炎球菌） — plain data, no logic: the vaccines whose dose count
 * depends on the start age. Source: maternal-child-vaccination-pmh.md §1.3, §1.4 (branching), §1.6 (長期療養 caps).
 */
import type { AgeWindow, DoseRule, SeriesRule, VaccineDefinition } from './master-types.ts';
import { byDays, first, m, win, y } from './vaccine-master-helpers.ts';

const dptSeries = (firstStd: AgeWindow, boosterStd: [number, number]): SeriesRule => ({
  label: '初回3回・追加1回',
  doses: [
    { label: '初回1回目', standard: firstStd },
    byDays('初回2回目', 20, [20, 56]),
    byDays('初回3回目', 20, [20, 56]),
    {
      label: '追加',
      intervals: [
        {
          after: 2,
          min: { months: 6 },
          standard: { min: { months: boosterStd[0] }, max: { months: boosterStd[1] } },
          label: `初回終了後6月以上（標準${boosterStd[0]}〜${boosterStd[1]}月）`,
        },
      ],
    },
  ],
});

const firstStd25 = win(m(2), m(7), '生後2月から生後7月に至るまで');

const hibPrimary = (label: string): DoseRule => ({
  ...byDays(label, 27, [27, 56], '（医師が必要と認めた場合は20日以上）'),
  deadline: { at: y(1), label: '1歳に至るまで' },
});
const hibBooster: DoseRule = {
  label: '追加',
  intervals: [
    {
      after: 'previous',
      min: { months: 7 },
      minIfSkipped: { days: 27 },
      standard: { min: { months: 7 }, max: { months: 13 } },
      label: '初回終了後7月以上（標準7〜13月。初回が1歳までに終わらなかった場合は27日以上）',
    },
  ],
};

const pcvPrimary = (label: string, skipThird = false): DoseRule => ({
  ...byDays(label, 27),
  deadline: { at: m(24), label: '生後24月に至るまで' },
  ...(skipThird ? { skipIfPreviousAfter: { at: m(12), label: '初回2回目を生後12月を超えて接種した' } } : {}),
});
const pcvBooster: DoseRule = {
  label: '追加',
  intervals: [{ after: 'previous', min: { days: 60 }, label: '初回終了後60日以上' }],
  notBefore: { at: m(12), label: '生後12月以降' },
  standard: win(m(12), m(15), '生後12月から生後15月に至るまで'),
};

export const infantSeriesVaccines: VaccineDefinition[] = [
  {
    code: 'DPT_IPV_HIB',
    name: '5種混合（DPT-IPV-Hib）',
    category: 'A',
    kind: 'INACT',
    diseases: ['diphtheria', 'pertussis', 'tetanus', 'polio', 'hib'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    group: { id: 'DPT', role: 'default' },
    longTermCare: { years: 2, capYears: 15 },
    versions: [
      {
        validFrom: '2024-04-01',
        validTo: null,
        legal: [win(m(2), m(90), '生後2月から生後90月に至るまで')],
        series: [dptSeries(firstStd25, [6, 18])],
        note: '生後7月以降に開始した場合の回数の分岐は未確認 [U]。4種混合と同じ4回で扱う。',
      },
    ],
  },
  {
    code: 'DPT_IPV',
    name: '4種混合（DPT-IPV）',
    category: 'A',
    kind: 'INACT',
    diseases: ['diphtheria', 'pertussis', 'tetanus', 'polio'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    group: { id: 'DPT', role: 'continuation' },
    longTermCare: { years: 2, capYears: 15 },
    versions: [
      {
        validFrom: null,
        validTo: '2023-03-31',
        legal: [win(m(3), m(90), '生後3月から生後90月に至るまで')],
        series: [dptSeries(win(m(3), m(12), '生後3月から生後12月に至るまで'), [12, 18])],
        note: 'この版の標準的な接種期間（生後3〜12月）は未確認 [U]。',
      },
      {
        validFrom: '2023-04-01',
        validTo: null,
        legal: [win(m(2), m(90), '生後2月から生後90月に至るまで')],
        series: [dptSeries(win(m(2), m(12), '生後2月から生後12月に至るまで'), [12, 18])],
        note: '初回の標準的な接種期間（生後2〜12月）は [P]。',
      },
    ],
  },
  {
    code: 'HIB',
    name: 'ヒブ（単独）',
    category: 'A',
    kind: 'INACT',
    diseases: ['hib'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    group: { id: 'DPT', role: 'continuation' },
    longTermCare: { years: 2, capYears: 10 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [win(m(2), m(60), '生後2月から生後60月に至るまで')],
        series: [
          {
            label: '初回3回・追加1回（生後2月〜7月に開始）',
            startFrom: m(2),
            startTo: m(7),
            doses: [
              { label: '初回1回目', standard: firstStd25 },
              hibPrimary('初回2回目'),
              hibPrimary('初回3回目'),
              hibBooster,
            ],
          },
          {
            label: '初回2回・追加1回（生後7月の翌日〜1歳に開始）',
            startFrom: { months: 7, dayAfter: true },
            startTo: y(1),
            doses: [{ label: '初回1回目' }, hibPrimary('初回2回目'), hibBooster],
          },
          {
            label: '1回（1歳の翌日〜5歳に開始）',
            startFrom: { years: 1, dayAfter: true },
            startTo: m(60),
            doses: [{ label: '1回' }],
          },
        ],
        note: '生後7月〜1歳開始の初回回数は自治体により1回とする例あり [P]。2回で扱う。',
      },
    ],
  },
  {
    code: 'PCV',
    name: '小児肺炎球菌（PCV15/PCV20）',
    category: 'A',
    kind: 'INACT',
    diseases: ['pneumococcus'],
    pastInfectionExcludes: true,
    beforeWindow: 'upcoming',
    longTermCare: { years: 2, capYears: 6 },
    versions: [
      {
        validFrom: null,
        validTo: null,
        legal: [win(m(2), m(60), '生後2月から生後60月に至るまで')],
        products: [
          { code: 'PCV13', name: '13価（2024-09-30まで）' },
          { code: 'PCV15', name: '15価' },
          { code: 'PCV20', name: '20価' },
        ],
        defaultProduct: 'PCV20',
        series: [
          {
            label: '初回3回・追加1回（生後2月〜7月に開始）',
            startFrom: m(2),
            startTo: m(7),
            doses: [
              { label: '初回1回目', standard: firstStd25 },
              pcvPrimary('初回2回目'),
              pcvPrimary('初回3回目', true),
              pcvBooster,
            ],
          },
          {
            label: '初回2回・追加1回（生後7月の翌日〜12月に開始）',
            startFrom: { months: 7, dayAfter: true },
            startTo: m(12),
            doses: [{ label: '初回1回目' }, pcvPrimary('初回2回目'), pcvBooster],
          },
          {
            label: '2回（生後12月の翌日〜24月に開始）',
            startFrom: { months: 12, dayAfter: true },
            startTo: m(24),
            doses: [
              first,
              {
                label: '2回目',
                intervals: [{ after: 'previous', min: { days: 60 }, label: '前回から60日以上' }],
              },
            ],
          },
          {
            label: '1回（生後24月の翌日〜60月に開始）',
            startFrom: { months: 24, dayAfter: true },
            startTo: m(60),
            doses: [{ label: '1回' }],
          },
        ],
        note: '15価で開始した方は15価で完了。15価と20価の交互接種は不可。13価で開始した方は20価へ切替。',
      },
    ],
  },
];
