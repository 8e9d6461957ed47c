/**
 * 毎年度1回の接種 (高齢者インフルエンザ, 新型コロナ): the dose of the 年度 containing `on`, within the season the
 * municipality sets (master data, default [U]) and the person's legal windows. §1.3
 */
import { compareDates, fiscalYearOf, type LocalDate } from '../../platform/calendar/index.ts';
import type { VaccineDefinition } from './master-types.ts';
import { earlier, later } from './rules-dates.ts';
import type { LegalWindow } from './rules-windows.ts';
import type { DoseSchedule, HistoryDose } from './types.ts';

/** The season of 年度 fy: 'MM-DD' from April on belongs to fy, January–March to fy + 1. */
function seasonOf(
  fy: number,
  season: { seasonFrom: string; seasonTo: string },
): { from: LocalDate; to: LocalDate } {
  const at = (md: string): LocalDate => `${Number(md.slice(0, 2)) >= 4 ? fy : fy + 1}-${md}`;
  return { from: at(season.seasonFrom), to: at(season.seasonTo) };
}

export function yearlyDose(
  vaccine: VaccineDefinition,
  own: HistoryDose[],
  windows: LegalWindow[],
  on: LocalDate,
): DoseSchedule {
  const yearly = vaccine.yearly as NonNullable<VaccineDefinition['yearly']>;
  const fy = fiscalYearOf(on);
  const season = seasonOf(fy, yearly);
  const base = {
    vaccine: vaccine.code,
    dose: `${fy}年度`,
    standardFrom: null,
    standardTo: null,
    givenOn: null,
  };
  const overlap = windows
    .map((w) => ({
      w,
      from: later(w.from, season.from) as LocalDate,
      to: earlier(w.to, season.to) as LocalDate,
    }))
    .find((x) => compareDates(x.from, x.to) <= 0);
  if (!overlap)
    return {
      ...base,
      legalFrom: null,
      legalTo: null,
      earliest: null,
      status: 'not_eligible',
      reasons: [`${fy}年度の接種期間（${season.from}〜${season.to}）に対象年齢ではありません`],
    };
  const range = { legalFrom: overlap.from, legalTo: overlap.to, earliest: overlap.from };
  const period = `${yearly.label}。対象: ${overlap.w.label}`;
  const done = own.find((h) => fiscalYearOf(h.date) === fy);
  if (done)
    return {
      ...range,
      ...base,
      givenOn: done.date,
      status: 'completed',
      reasons: [`${done.date} 接種済`, period],
    };
  if (compareDates(on, overlap.from) < 0)
    return { ...range, ...base, status: 'upcoming', reasons: [`${overlap.from}から接種できます`, period] };
  if (compareDates(on, overlap.to) > 0)
    return { ...range, ...base, status: 'expired', reasons: [`${fy}年度の接種期間は終了しました`, period] };
  return { ...range, ...base, status: 'due', reasons: [`接種の時期です（${overlap.to}まで）`, period] };
}
