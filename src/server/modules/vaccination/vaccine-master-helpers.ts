/** Small builders for the vaccine master data files (wording of §1.2 as data). */
import type { AgeWindow, DoseRule } from './master-types.ts';

export const m = (months: number) => ({ months });
export const y = (years: number) => ({ years });
export const win = (from: AgeWindow['from'], to: AgeWindow['to'], label: string): AgeWindow => ({
  from,
  to,
  label,
});

export const first: DoseRule = { label: '1回目' };
export const byDays = (label: string, days: number, std?: [number, number], extra = ''): DoseRule => ({
  label,
  intervals: [
    {
      after: 'previous',
      min: { days },
      ...(std ? { standard: { min: { days: std[0] }, max: { days: std[1] } } } : {}),
      label: `前回から${days}日以上${extra}${std ? `（標準${std[0]}〜${std[1]}日）` : ''}`,
    },
  ],
});
