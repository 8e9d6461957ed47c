/**
 * 予防接種マスタ（国の既定値） — versioned data: every routine vaccine of maternal-child-vaccination-pmh.md §1.3 and
 * the special eligibility of §1.4/§1.6 (特例・経過措置). Change this file (and `version`) when a rule changes on
 * 4月1日; keep the old rule as a version with validTo so that history is judged by the rules of its time.
 */
import type { AgeWindow, SpecialRule, VaccineMaster } from './master-types.ts';
import { adultVaccines } from './vaccine-master-adults.ts';
import { childVaccines } from './vaccine-master-children.ts';
import { infantSeriesVaccines } from './vaccine-master-infant.ts';

const fyAge = (age: number): AgeWindow => ({
  from: { fiscalYearOfAge: age, edge: 'start' },
  to: { fiscalYearOfAge: age, edge: 'end' },
  label: `その年度に${age}歳となる者（経過措置）`,
});
const period = (from: string, to: string, label: string): AgeWindow => ({
  from: { date: from },
  to: { date: to },
  label,
});

const specialRules: SpecialRule[] = [
  {
    id: 'JE_TOKUREI_1995',
    label: '日本脳炎 特例（平成7年4月2日〜平成19年4月1日生まれ: 20歳に至るまで）',
    vaccines: ['JE1'],
    bornFrom: '1995-04-02',
    bornTo: '2007-04-01',
    windows: [{ from: { months: 6 }, to: { years: 20 }, label: '20歳に至るまで（1期の不足分、特例）' }],
    validFrom: null,
    validTo: null,
    confidence: 'C',
  },
  {
    id: 'JE_TOKUREI_1995_2',
    label: '日本脳炎 特例（平成7年4月2日〜平成19年4月1日生まれ: 20歳に至るまで）',
    vaccines: ['JE2'],
    bornFrom: '1995-04-02',
    bornTo: '2007-04-01',
    windows: [{ from: { years: 9 }, to: { years: 20 }, label: '9歳以上20歳に至るまで（2期、特例）' }],
    validFrom: null,
    validTo: null,
    confidence: 'C',
  },
  {
    id: 'JE_TOKUREI_2007',
    label: '日本脳炎 特例（平成19年4月2日〜平成21年10月1日生まれ: 1期の不足分を2期の期間に）',
    vaccines: ['JE1'],
    bornFrom: '2007-04-02',
    bornTo: '2009-10-01',
    windows: [{ from: { years: 9 }, to: { years: 13 }, label: '9歳以上13歳未満（1期の不足分、特例）' }],
    validFrom: null,
    validTo: null,
    confidence: 'C',
  },
  {
    id: 'MR1_SHORTAGE',
    label: 'MR 供給不足による延長（第1期、市町村長が認めた方）',
    vaccines: ['MR1'],
    bornFrom: '2022-04-02',
    bornTo: '2023-04-01',
    flag: 'mrShortage',
    windows: [
      period('2025-04-01', '2027-03-31', '令和7年4月1日から令和9年3月31日まで（供給不足による延長）'),
    ],
    validFrom: '2025-04-01',
    validTo: '2027-03-31',
    confidence: 'C',
  },
  {
    id: 'MR2_SHORTAGE',
    label: 'MR 供給不足による延長（第2期、市町村長が認めた方）',
    vaccines: ['MR2'],
    bornFrom: '2018-04-02',
    bornTo: '2019-04-01',
    flag: 'mrShortage',
    windows: [
      period('2025-04-01', '2027-03-31', '令和7年4月1日から令和9年3月31日まで（供給不足による延長）'),
    ],
    validFrom: '2025-04-01',
    validTo: '2027-03-31',
    confidence: 'C',
  },
  {
    id: 'RUBELLA_5',
    label: '風しん 第5期（昭和37年4月2日〜昭和54年4月1日生まれの男性、抗体価が不十分な方）',
    vaccines: ['MR1'],
    bornFrom: '1962-04-02',
    bornTo: '1979-04-01',
    sex: 'M',
    flag: 'rubella5',
    noStandard: true,
    windows: [
      { from: { weeks: 0, days: 0 }, to: { date: '2027-03-31' }, label: '令和9年3月31日まで（風しん第5期）' },
    ],
    validFrom: null,
    validTo: '2027-03-31',
    confidence: 'C',
  },
  {
    id: 'HPV_CATCHUP',
    label: 'HPV キャッチアップ接種（平成9年4月2日〜平成20年4月1日生まれの女性）',
    vaccines: ['HPV'],
    bornFrom: '1997-04-02',
    bornTo: '2008-04-01',
    sex: 'F',
    windows: [period('2022-04-01', '2025-03-31', '令和4年4月1日から令和7年3月31日まで（キャッチアップ）')],
    validFrom: '2022-04-01',
    validTo: '2025-03-31',
    confidence: 'C',
  },
  {
    id: 'HPV_KEIKA',
    label: 'HPV 経過措置（令和4年4月〜令和7年3月に1回以上接種した方の残り）',
    vaccines: ['HPV'],
    bornFrom: '1997-04-02',
    bornTo: '2009-04-01',
    sex: 'F',
    priorDoseBetween: { from: '2022-04-01', to: '2025-03-31' },
    windows: [period('2025-04-01', '2026-03-31', '令和8年3月31日まで（経過措置）')],
    validFrom: '2025-04-01',
    validTo: '2026-03-31',
    confidence: 'C',
  },
  {
    id: 'HZ_KEIKA',
    label: '帯状疱疹 経過措置（令和7〜11年度: 年度末年齢70・75・80・85・90・95・100歳）',
    vaccines: ['HZ'],
    windows: [70, 75, 80, 85, 90, 95, 100].map(fyAge),
    validFrom: '2025-04-01',
    validTo: '2030-03-31',
    confidence: 'C',
  },
  {
    id: 'HZ_KEIKA_100',
    label: '帯状疱疹 経過措置（令和7年度のみ: 100歳以上）',
    vaccines: ['HZ'],
    bornTo: '1926-04-01',
    windows: [period('2025-04-01', '2026-03-31', '令和7年度（100歳以上、経過措置）')],
    validFrom: '2025-04-01',
    validTo: '2026-03-31',
    confidence: 'C',
  },
];

/** The national default master. Municipal additions (任意接種の助成) come later from the database. */
export const vaccineMaster: VaccineMaster = {
  version: '2026-04-01',
  monthEndRule: 'mhlw',
  vaccines: [...infantSeriesVaccines, ...childVaccines, ...adultVaccines],
  specials: specialRules,
};
