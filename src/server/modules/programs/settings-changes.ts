/** How one program's settings change between years: carried over, reset to the 指針, compared for the log. */
import {
  clampedDate,
  daysInMonth,
  type LocalDate,
  lastDayOfMonth,
  parseIsoDate,
} from '../../platform/calendar/index.ts';
import { nationalDefault } from './defaults.ts';
import type { ProgramSettings } from './types.ts';

/** A date moved to the same day one year later; a month's last day stays the last day (2月末 → 2月末). */
function nextYearSameDay(d: LocalDate): LocalDate {
  const { y, m, d: day } = parseIsoDate(d);
  if (day === daysInMonth(y, m)) return lastDayOfMonth({ y: y + 1, m });
  return clampedDate(y + 1, m, day);
}

/** Last year's settings for a new 年度: same rules, 受診期間 moved by one year. */
export function carryOver(s: ProgramSettings, years = 1): ProgramSettings {
  let { periodStart, periodEnd } = s;
  for (let i = 0; i < years; i++) {
    periodStart = periodStart && nextYearSameDay(periodStart);
    periodEnd = periodEnd && nextYearSameDay(periodEnd);
  }
  return structuredClone({ ...s, periodStart, periodEnd });
}

/**
 * 国の指針に戻す: the 指針 rules (名称, 対象, 年齢基準日, 受診間隔, 検査方法, クーポン) from the defaults; what the city
 * decides itself (実施, 自己負担金, 実施方法, 受診期間, 受診券の案内) is kept.
 */
export function resetRules(current: ProgramSettings): ProgramSettings {
  const d = nationalDefault(current.code);
  const methods = new Set(d.methods.map((m) => m.code));
  const amounts = Object.fromEntries(
    Object.entries(current.fees.amounts).filter(([k]) => k === '*' || methods.has(k)),
  );
  return {
    ...d,
    enabled: current.enabled,
    fees: { ...current.fees, amounts },
    delivery: current.delivery,
    periodStart: current.periodStart,
    periodEnd: current.periodEnd,
    notice: current.notice,
  };
}

/** JSON with the object keys sorted (jsonb does not keep the key order). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** Top-level settings keys that differ (for the audit entry). */
export function changedKeys(a: ProgramSettings, b: ProgramSettings): string[] {
  return (Object.keys(b) as (keyof ProgramSettings)[]).filter((k) => canonical(a[k]) !== canonical(b[k]));
}
