/**
 * `sukoyaka screening eligibility`: the judgement of every program for one (hypothetical) person, from the
 * command line — for staff answering "am I eligible this year?" and for checking the 事業マスタ settings.
 */
import { fiscalYearOf, parseDateInput } from '../../platform/calendar/index.ts';
import { type ProgramSettings, programCodes } from '../programs/types.ts';
import { judge } from './extraction.ts';
import type { HistoryEntry } from './rules.ts';

export type ReportRow = {
  program: string;
  eligible: boolean;
  reasons: string[];
  reasonCodes: string[];
  coupon: boolean;
  ageAtFiscalYearEnd: number | null;
  methods: string[];
};

/** Reads the --history JSON: [{ "program", "date", "method"?, "result"? }] → history entries. */
export function parseHistory(json: unknown): HistoryEntry[] {
  if (!Array.isArray(json))
    throw new Error('履歴ファイルは配列のJSONです（例: [{"program":"breast","date":"2025-06-01"}]）。');
  return json.map((h, i) => {
    const e = h as { program?: unknown; date?: unknown; method?: unknown; result?: unknown };
    if (typeof e.program !== 'string' || !(programCodes as readonly string[]).includes(e.program))
      throw new Error(`履歴 ${i + 1}件目: program は ${programCodes.join(', ')} のいずれかです。`);
    const d = parseDateInput(String(e.date ?? ''));
    if (!d.ok) throw new Error(`履歴 ${i + 1}件目: date ${d.message}`);
    return {
      program: e.program,
      method: typeof e.method === 'string' ? e.method : null,
      fiscalYear: fiscalYearOf(d.date),
      result: typeof e.result === 'string' ? e.result : null,
    };
  });
}

export function eligibilityReport(
  settings: ProgramSettings[],
  v: { birthDate: string; sex: 'M' | 'F'; fiscalYear: number; history: HistoryEntry[] },
): ReportRow[] {
  const person = { birthDate: v.birthDate, sex: v.sex === 'M' ? '1' : '2', status: 'resident' };
  return judge(settings, person, v.fiscalYear, v.history, []).map((j) => ({
    program: j.program,
    eligible: j.eligible,
    reasons: j.labels,
    reasonCodes: j.reasons,
    coupon: j.coupon,
    ageAtFiscalYearEnd: j.ageAtFiscalYearEnd,
    methods: j.methods,
  }));
}
