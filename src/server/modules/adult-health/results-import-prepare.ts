/**
 * 検診結果の取込 — the dry run's work on a chunk of parsed rows: finds each person (受診票番号 or 宛名番号), the
 * institution, the 事業マスタ settings and the municipal items, and checks the result exactly as the entry screen
 * does (results-rules.ts). What it works out for a good row (ResultPayload) is what the commit writes.
 */
import { fiscalYearOf, parseDateInput, today } from '../../platform/calendar/index.ts';
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { FieldError } from '../../platform/imports/types.ts';
import { nationalDefault } from '../programs/index.ts';
import { type ProgramCode, type ProgramSettings, programLabels } from '../programs/types.ts';
import { ticketNo as ticketNoOf } from './payloads.ts';
import { parseTicketNo } from './results.ts';
import type { ResultRow } from './results-import-row.ts';
import { resultDefinitions } from './results-items.ts';
import { resultsRepository } from './results-repository.ts';
import { type CheckedResult, checkResult } from './results-rules.ts';

/** A good row as the commit writes it (JSON, kept in the run's ledger between the dry run and the commit). */
export type ResultPayload = {
  residentId: number;
  /** 氏名, for the dry-run list and the audit */
  name: string;
  program: ProgramCode;
  checked: CheckedResult;
  note: string;
  ticketNo: string;
};

export type Prepared =
  | { ok: true; p: ResultPayload }
  | { ok: false; errors: FieldError[]; residentId: number | null; name?: string };

/** The engine names the column before each message: 「受診日: …」 from the shared check loses its own label. */
const withoutLabel = (message: string) => message.replace(/^[^:：。]{1,30}: /, '');

const fieldOf: Record<string, string> = {
  screenedOn: 'screenedOn',
  mode: 'mode',
  institutionId: 'institutionCode',
  method: 'method',
  result: 'result',
};

const atenaOf = (r: ResultRow) => (r.ticketNo ? parseTicketNo(r.ticketNo)?.atenaNo : r.atenaNo) ?? '';
const bare = (a: string) => a.replace(/^0+/, '') || '0';

type Person = { id: number; atena_no: string; name: string; birth_date: string };

/**
 * The people of the rows by 宛名番号 through the unique index: as written first; numbers not found that way are
 * tried zero-padded to the usual 10 and 15 digits (a vendor that drops or adds leading zeros).
 */
async function peopleOf(q: SqlRunner, rows: ResultRow[]): Promise<Map<string, Person>> {
  const byAtena = new Map<string, Person>();
  const find = async (numbers: string[]) => {
    if (!numbers.length) return;
    const found = await q.query<Person>(
      'SELECT id, atena_no, name, birth_date FROM residents WHERE atena_no = ANY($1::text[])',
      [numbers],
    );
    for (const p of found) byAtena.set(bare(p.atena_no), { ...p, id: Number(p.id) });
  };
  const written = [...new Set(rows.map(atenaOf).filter((a) => a !== ''))];
  await find(written);
  const missing = written.filter((a) => !byAtena.has(bare(a)));
  await find([...new Set(missing.flatMap((a) => [bare(a).padStart(10, '0'), bare(a).padStart(15, '0')]))]);
  return byAtena;
}

/** Municipal items (市町村独自の結果項目) per program, active ones in their order (read through `q`). */
export const extrasOf = (q: SqlRunner) => resultsRepository.extras(q);

/**
 * The 事業マスタ settings per 年度 and program, read through `q` (in the commit, the chunk's transaction: on PGlite
 * a read on another connection would wait for it); a 年度 not set up yet reads the national defaults.
 */
function settingsReader(q: SqlRunner) {
  const byYear = new Map<number, Map<string, ProgramSettings>>();
  return async (fy: number, program: ProgramCode): Promise<ProgramSettings> => {
    let year = byYear.get(fy);
    if (!year) {
      const rows = await q.query<{ code: string; settings: ProgramSettings }>(
        'SELECT code, settings FROM program_settings WHERE fiscal_year = $1',
        [fy],
      );
      year = new Map(rows.map((r) => [r.code, r.settings]));
      byYear.set(fy, year);
    }
    let s = year.get(program);
    if (!s) {
      s = nationalDefault(program);
      year.set(program, s);
    }
    return s;
  };
}

/** The row error of a 受診票番号 or 宛名番号 that names nobody (shared by the result imports). */
export const personNotFound = (r: { ticketNo: string | null; atenaNo: string | null }): FieldError =>
  r.ticketNo
    ? {
        field: 'ticketNo',
        message: `受診票番号 ${r.ticketNo} の方が見つかりません。番号を確かめてください。`,
      }
    : { field: 'atenaNo', message: `宛名番号 ${r.atenaNo} の方が見つかりません。番号を確かめてください。` };

/** Checks a chunk of parsed rows against the people and the settings (read-only). */
export async function prepareRows(q: SqlRunner, rows: ResultRow[]): Promise<Prepared[]> {
  const byAtena = await peopleOf(q, rows);
  const codes = [...new Set(rows.flatMap((r) => (r.institutionCode ? [r.institutionCode] : [])))];
  const institutions = new Map(
    codes.length
      ? (
          await q.query<{ id: number; code: string }>(
            'SELECT id, code FROM medical_institutions WHERE code = ANY($1::text[])',
            [codes],
          )
        ).map((i) => [i.code, Number(i.id)])
      : [],
  );
  const extras = await extrasOf(q);
  const settingsOf = settingsReader(q);
  const day = today();
  const out: Prepared[] = [];
  for (const r of rows) {
    const person = byAtena.get(bare(atenaOf(r)));
    if (!person) {
      out.push({ ok: false, residentId: null, errors: [personNotFound(r)] });
      continue;
    }
    const date = parseDateInput(r.screenedOn);
    const fy = date.ok ? fiscalYearOf(date.date) : fiscalYearOf(day);
    const institutionId = r.institutionCode ? (institutions.get(r.institutionCode) ?? null) : null;
    const checked = checkResult(
      {
        def: resultDefinitions[r.program],
        settings: await settingsOf(fy, r.program),
        extras: extras.get(r.program),
        person: { birthDate: person.birth_date },
        today: day,
      },
      { ...r, institutionId },
    );
    const unknownInstitution = r.institutionCode !== null && institutionId === null;
    // a required municipal item the 取込設定 has no column for: one error saying which column to add
    const unmapped = (extras.get(r.program) ?? []).filter(
      (i) => i.required && !r.itemColumns.includes(i.key),
    );
    const errors: FieldError[] = checked.ok
      ? []
      : checked.errors
          .filter((e) => !(unknownInstitution && e.field === 'institutionId'))
          .filter((e) => !unmapped.some((i) => i.key === e.field))
          .map((e) => ({ field: fieldOf[e.field] ?? `item.${e.field}`, message: withoutLabel(e.message) }));
    for (const i of unmapped)
      errors.push({
        field: null,
        message: `${programLabels[r.program]}の必須の項目「${i.label}」（市町村独自の項目）の列が取込設定にありません。取込設定の対応づけに「${programLabels[r.program]}: ${i.label}」の列を追加してください。`,
      });
    if (unknownInstitution)
      errors.push({
        field: 'institutionCode',
        message: `医療機関コード ${r.institutionCode} は医療機関マスタにありません。`,
      });
    const ticket = r.ticketNo ? parseTicketNo(r.ticketNo) : null;
    if (date.ok && ticket && ticket.fiscalYear !== fy)
      errors.push({
        field: 'ticketNo',
        message: `受診票番号の年度（${ticket.fiscalYear}年度）と受診日の年度（${fy}年度）が違います。受診票番号か受診日を確かめてください。`,
      });
    if (!checked.ok || errors.length) {
      out.push({ ok: false, errors, residentId: person.id, name: person.name });
      continue;
    }
    out.push({
      ok: true,
      p: {
        residentId: person.id,
        name: person.name,
        program: r.program,
        checked: checked.value,
        note: r.note,
        ticketNo: ticketNoOf(checked.value.fiscalYear, person.atena_no),
      },
    });
  }
  return out;
}
