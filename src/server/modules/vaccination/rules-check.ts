/**
 * 接種記録の点検 (F11a-01): checks ONE recorded vaccination against the person's earlier history — interval too
 * short, 27-day rule after an injectable live vaccine, outside the legal window (→ 任意接種扱い), dose series
 * already complete. It never refuses the record: staff store what happened and see the issues.
 */
import { addDays, compareDates } from '../../platform/calendar/index.ts';
import type { VaccineMaster } from './master-types.ts';
import { isInjectableLive, scheduleVaccine } from './rules.ts';
import type { HistoryDose, VaccinationPerson } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

export type RecordIssueCode =
  | 'not_eligible'
  | 'outside_legal_window'
  | 'interval_too_short'
  | 'live_vaccine_interval'
  | 'dose_complete';

export interface RecordCheck {
  /** The dose this record fills (e.g. '初回2回目'), or null if none. */
  dose: string | null;
  /** True when the record is a valid 定期接種 (no issues). */
  routine: boolean;
  issues: Array<{ code: RecordIssueCode; message: string }>;
}

/**
 * Checks `record` against `history` (other records; the record itself, if included, is ignored). Same-day doses of
 * other vaccines count as given before (同時接種 is allowed).
 */
export function checkRecord(
  person: VaccinationPerson,
  history: HistoryDose[],
  record: HistoryDose,
  master: VaccineMaster = vaccineMaster,
): RecordCheck {
  const vaccine = master.vaccines.find((v) => v.code === record.vaccine);
  if (!vaccine) throw new RangeError(`Unknown vaccine code: ${record.vaccine}`);
  const before = history.filter((h) => {
    const c = compareDates(h.date, record.date);
    return c < 0 || (c === 0 && h.vaccine !== record.vaccine);
  });
  const rows = scheduleVaccine(vaccine, person, before, record.date, master);
  const result = (dose: string | null, issues: RecordCheck['issues']): RecordCheck => ({
    dose,
    routine: issues.length === 0,
    issues,
  });
  const only = rows[0];
  if (rows.length === 1 && only?.status === 'not_eligible' && only.dose === '—')
    return result(null, [
      { code: 'not_eligible', message: `${vaccine.name}: ${only.reasons[0]}（任意接種扱い）` },
    ]);
  const next = rows.find((r) => r.status !== 'completed' && r.status !== 'not_eligible');
  if (!next)
    return result(null, [
      {
        code: 'dose_complete',
        message: `${vaccine.name}の接種は完了しています（${rows.at(-1)?.dose}まで）。定期接種としては扱えません`,
      },
    ]);
  const window = next.legalFrom && next.legalTo ? `${next.legalFrom}〜${next.legalTo}` : '期間なし';
  const outside =
    next.status === 'expired' ||
    !next.legalFrom ||
    compareDates(record.date, next.legalFrom) < 0 ||
    (next.legalTo !== null && compareDates(record.date, next.legalTo) > 0);
  if (outside)
    return result(next.dose, [
      {
        code: 'outside_legal_window',
        message: `${vaccine.name} ${next.dose}: 定期接種の対象期間（${window}）外です（任意接種扱い）`,
      },
    ]);
  if (next.earliest && compareDates(record.date, next.earliest) < 0) {
    const live = isInjectableLive(record, master)
      ? before.find(
          (h) =>
            compareDates(h.date, record.date) < 0 &&
            compareDates(record.date, addDays(h.date, 27)) <= 0 &&
            isInjectableLive(h, master),
        )
      : undefined;
    return result(next.dose, [
      live
        ? {
            code: 'live_vaccine_interval',
            message: `${vaccine.name} ${next.dose}: 注射生ワクチン（${live.vaccine} ${live.date}）から27日以上の間隔が必要です（${next.earliest}以降）`,
          }
        : {
            code: 'interval_too_short',
            message: `${vaccine.name} ${next.dose}: 接種間隔が不足しています（${next.earliest}以降に接種できます）`,
          },
    ]);
  }
  return result(next.dose, []);
}
