/**
 * `sukoyaka vaccination schedule`: one (hypothetical) person's schedule from the command line — for staff checking
 * "what is due for this child?" and for checking the engine against the 実施要領. Pure except for reading the
 * history file; cli.ts wires it to commander.
 */
import { readFile } from 'node:fs/promises';
import { formatWareki, type LocalDate, parseDateInput } from '../../platform/calendar/index.ts';
import { type VaccineCode, vaccineCodes } from './master-types.ts';
import { scheduleFor } from './rules.ts';
import {
  checkSpecial,
  type SpecialInput,
  type SpecialKind,
  type SpecialRow,
  specialsOf,
} from './specials-rules.ts';
import type { DoseSchedule, DoseStatus, HistoryDose, PersonSpecials } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

export interface ScheduleOptions {
  birth?: string;
  sex?: string;
  history?: string;
  /** 本人ごとの特例・除外 as registered on the screen: [{"kind", "vaccines"?, "disease"?, "reason"?, "date"?}] */
  specials?: string;
  on?: string;
  json?: boolean;
}

/** A bad argument: the command prints the message and exits with code 2. */
export class ScheduleArgumentError extends Error {}

const statusLabels: Record<DoseStatus, string> = {
  completed: '接種済',
  due: '接種時期',
  upcoming: '今後',
  overdue: '標準期間超過',
  expired: '期間終了',
  not_eligible: '対象外',
};

function dateArg(name: string, value: string | undefined): LocalDate {
  if (!value) throw new ScheduleArgumentError(`${name} を指定してください（YYYY-MM-DD、例: 2026-04-01）。`);
  const r = parseDateInput(value);
  if (!r.ok) throw new ScheduleArgumentError(`${name}: ${r.message}`);
  return r.date;
}

/** Reads the --history JSON: [{"vaccine","date","product"?}]. */
export function parseHistory(json: unknown): HistoryDose[] {
  if (!Array.isArray(json))
    throw new ScheduleArgumentError(
      '接種歴ファイルは配列のJSONです（例: [{"vaccine":"BCG","date":"2026-09-01"}]）。',
    );
  return json.map((h, i) => {
    const e = (h ?? {}) as { vaccine?: unknown; date?: unknown; product?: unknown };
    if (typeof e.vaccine !== 'string' || !(vaccineCodes as readonly string[]).includes(e.vaccine))
      throw new ScheduleArgumentError(
        `接種歴 ${i + 1}件目: vaccine は ${vaccineCodes.join(', ')} のいずれかです。`,
      );
    const d = parseDateInput(String(e.date ?? ''));
    if (!d.ok) throw new ScheduleArgumentError(`接種歴 ${i + 1}件目: date ${d.message}`);
    if (e.product !== undefined && typeof e.product !== 'string')
      throw new ScheduleArgumentError(`接種歴 ${i + 1}件目: product は文字列です（例: "PCV20"）。`);
    return { vaccine: e.vaccine as VaccineCode, date: d.date, ...(e.product ? { product: e.product } : {}) };
  });
}

/**
 * Reads the --specials JSON: the facts as staff register them (specials-rules.ts), each checked by the same rule
 * as the screen, → the engine's PersonSpecials.
 */
export function parseSpecials(json: unknown, on: LocalDate): PersonSpecials | undefined {
  if (!Array.isArray(json))
    throw new ScheduleArgumentError(
      '特例・除外ファイルは配列のJSONです（例: [{"kind":"exclusion","disease":"varicella","reason":"infected"}]）。',
    );
  const rows: SpecialRow[] = [];
  for (const [i, x] of json.entries()) {
    const e = (x ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const input: SpecialInput = {
      kind: str(e.kind) as SpecialKind,
      vaccines: Array.isArray(e.vaccines) ? e.vaccines.map(String) : [],
      disease: typeof e.disease === 'string' ? e.disease : null,
      reason: str(e.reason),
      date: typeof e.date === 'string' ? e.date : null,
      note: '',
    };
    const errors = checkSpecial(input, rows, on);
    if (errors.length) throw new ScheduleArgumentError(`特例・除外 ${i + 1}件目: ${errors[0]!.message}`);
    rows.push({ ...input, id: i + 1, endedAt: null });
  }
  return specialsOf(rows);
}

/** Reads a JSON file given on the command line (「接種歴ファイル」「特例・除外ファイル」 in the messages). */
async function readJson<T>(file: string, what: string, parse: (json: unknown) => T): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ScheduleArgumentError(`${what}が読めません: ${file}`);
  }
  try {
    return parse(JSON.parse(text));
  } catch (e) {
    if (e instanceof ScheduleArgumentError) throw e;
    throw new ScheduleArgumentError(`${what}がJSONとして読めません: ${file}（${(e as Error).message}）`);
  }
}

/** The JSON document: {"birth","on","doses":[…]} with exactly the documented keys. */
function scheduleJson(birth: LocalDate, on: LocalDate, doses: DoseSchedule[]) {
  return {
    birth,
    on,
    doses: doses.map((d) => ({
      vaccine: d.vaccine,
      dose: d.dose,
      legalFrom: d.legalFrom,
      legalTo: d.legalTo,
      standardFrom: d.standardFrom,
      standardTo: d.standardTo,
      earliest: d.earliest,
      status: d.status,
      reasons: d.reasons,
    })),
  };
}

/** A readable Japanese table (one line per dose). */
function scheduleTable(birth: LocalDate, on: LocalDate, doses: DoseSchedule[]): string {
  const names = new Map(vaccineMaster.vaccines.map((v) => [v.code, v.name]));
  const range = (a: string | null, b: string | null) => (a || b ? `${a ?? ''}〜${b ?? ''}` : '-');
  const lines = [
    `生年月日 ${formatWareki(birth)}（${birth}）  判定日 ${formatWareki(on)}（${on}）`,
    ['ワクチン', '回', '状態', '定期接種の期間', '標準的な接種期間', '最短', '理由'].join('\t'),
  ];
  for (const d of doses)
    lines.push(
      [
        `${names.get(d.vaccine) ?? d.vaccine}（${d.vaccine}）`,
        d.dose,
        statusLabels[d.status],
        range(d.legalFrom, d.legalTo),
        range(d.standardFrom, d.standardTo),
        d.earliest ?? '-',
        d.reasons.join('。'),
      ].join('\t'),
    );
  return lines.join('\n');
}

/** Runs the command; returns the text to print. Throws ScheduleArgumentError for bad arguments. */
export async function scheduleCommand(o: ScheduleOptions): Promise<string> {
  const birth = dateArg('--birth', o.birth);
  const on = dateArg('--on', o.on);
  if (o.sex !== undefined && o.sex !== 'M' && o.sex !== 'F')
    throw new ScheduleArgumentError('--sex は M（男性）または F（女性）です。');
  if (on < birth) throw new ScheduleArgumentError(`--on（${on}）が --birth（${birth}）より前です。`);
  const history = o.history ? await readJson(o.history, '接種歴ファイル', parseHistory) : [];
  const specials = o.specials
    ? await readJson(o.specials, '特例・除外ファイル', (j) => parseSpecials(j, on))
    : undefined;
  const person = {
    birthDate: birth,
    ...(o.sex ? { sex: o.sex as 'M' | 'F' } : {}),
    ...(specials ? { specials } : {}),
  };
  const doses = scheduleFor(person, history, on);
  return o.json ? JSON.stringify(scheduleJson(birth, on, doses), null, 2) : scheduleTable(birth, on, doses);
}
