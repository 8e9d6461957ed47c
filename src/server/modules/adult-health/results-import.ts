/**
 * 検診結果の取込 (F03-01/F03-02/F04 パンチデータ・OCR・医療機関の CSV/XML): the import target of 検診結果 for the
 * import engine (platform/imports). A row names the person by 受診票番号 or 宛名番号, the program (a column, or
 * the one chosen at upload for a file of one program), and the result as on the entry screen; the same check
 * (results-rules.ts) decides. Re-importing a file changes nothing; a row that changes a result is an update
 * with its changes, and one that overwrites a result a clerk entered or corrected by hand says so.
 */
import type { Actor } from '../../platform/audit/service.ts';
import { fiscalYearOf, parseDateInput, today } from '../../platform/calendar/index.ts';
import type { SqlRunner, SqlTransaction } from '../../platform/db/connect.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import type { Change, Classified, FieldError, ImportTarget } from '../../platform/imports/types.ts';
import { nationalDefault } from '../programs/index.ts';
import { type ProgramCode, type ProgramSettings, programCodes } from '../programs/types.ts';
import { ticketNo as ticketNoOf } from './payloads.ts';
import { parseTicketNo } from './results.ts';
import {
  parseResultRow,
  type ResultImportParams,
  type ResultRow,
  resultImportFields,
} from './results-import-row.ts';
import { type ResultItem, resultDefinitions } from './results-items.ts';
import { type CheckedResult, checkResult } from './results-rules.ts';

export const resultsImportKind = 'adult-health.results';

type Existing = {
  id: number;
  resident_id: number;
  program: string;
  fiscal_year: number;
  screened_on: string;
  method: string | null;
  result: string | null;
  mode: string | null;
  institution_id: number | null;
  items: Record<string, unknown>;
  note: string;
  source: string;
};
type Prepared = {
  residentId: number;
  program: ProgramCode;
  checked: CheckedResult;
  note: string;
  ticketNo: string;
};

/** The engine names the column before each message: 「受診日: …」 from the shared check loses its own label. */
const withoutLabel = (message: string) => message.replace(/^[^:：。]{1,30}: /, '');

const fieldOf: Record<string, string> = {
  screenedOn: 'screenedOn',
  mode: 'mode',
  institutionId: 'institutionCode',
  method: 'method',
  result: 'result',
};

/**
 * The 事業マスタ settings of 年度 fy read through `q` — in the commit, the chunk's transaction (on PGlite a read
 * on another connection would wait for it); a 年度 not set up yet reads the national defaults.
 */
async function settingsIn(q: SqlRunner, fy: number) {
  const rows = await q.query<{ code: string; settings: ProgramSettings }>(
    'SELECT code, settings FROM program_settings WHERE fiscal_year = $1',
    [fy],
  );
  return new Map(rows.map((r) => [r.code, r.settings]));
}

export function resultsImportTarget(): ImportTarget<ResultRow, ResultImportParams> {
  // classify and apply of one commit chunk see the same row objects: apply reuses what classify worked out
  const prepared = new WeakMap<ResultRow, Prepared>();

  async function prepare(q: SqlRunner, rows: ResultRow[]) {
    const atenaOf = (r: ResultRow) => (r.ticketNo ? parseTicketNo(r.ticketNo)?.atenaNo : r.atenaNo) ?? '';
    // exact 宛名番号 through the index: as written, and zero-padded to the usual 10 and 15 digits
    const wanted = [
      ...new Set(
        rows.flatMap((r) => {
          const a = atenaOf(r);
          const bare = a.replace(/^0+/, '') || '0';
          return a ? [a, bare.padStart(10, '0'), bare.padStart(15, '0')] : [];
        }),
      ),
    ];
    const people = await q.query<{ id: number; atena_no: string; name: string; birth_date: string }>(
      'SELECT id, atena_no, name, birth_date FROM residents WHERE atena_no = ANY($1::text[])',
      [wanted],
    );
    const byAtena = new Map(people.map((p) => [p.atena_no.replace(/^0+/, ''), { ...p, id: Number(p.id) }]));
    const institutions = new Map(
      (await q.query<{ id: number; code: string }>('SELECT id, code FROM medical_institutions')).map((i) => [
        i.code,
        Number(i.id),
      ]),
    );
    const extras = new Map<string, ResultItem[]>();
    for (const e of await q.query<{
      program: string;
      key: string;
      label: string;
      type: ResultItem['type'];
      options: string[];
      unit: string;
      required: boolean;
    }>(
      'SELECT program, key, label, type, options, unit, required FROM result_item_extras WHERE active ORDER BY sort_order, id',
    ))
      extras.set(e.program, [
        ...(extras.get(e.program) ?? []),
        {
          ...e,
          options: e.options.map((o) => ({ code: o, label: o })),
          unit: e.unit || undefined,
          extra: true,
        },
      ]);
    const settingsOf = new Map<number, Map<string, ProgramSettings>>();
    const day = today();
    const out: (
      | { ok: true; p: Prepared; name: string }
      | { ok: false; errors: FieldError[]; residentId: number | null; name?: string }
    )[] = [];
    for (const r of rows) {
      const person = byAtena.get(atenaOf(r).replace(/^0+/, ''));
      if (!person) {
        out.push({
          ok: false,
          residentId: null,
          errors: [
            r.ticketNo
              ? {
                  field: 'ticketNo',
                  message: `受診票番号 ${r.ticketNo} の方が見つかりません。番号を確かめてください。`,
                }
              : {
                  field: 'atenaNo',
                  message: `宛名番号 ${r.atenaNo} の方が見つかりません。番号を確かめてください。`,
                },
          ],
        });
        continue;
      }
      const date = parseDateInput(r.screenedOn);
      const fy = date.ok ? fiscalYearOf(date.date) : fiscalYearOf(day);
      if (!settingsOf.has(fy)) settingsOf.set(fy, await settingsIn(q, fy));
      const settings = settingsOf.get(fy)!.get(r.program) ?? nationalDefault(r.program);
      const institutionId = r.institutionCode ? (institutions.get(r.institutionCode) ?? null) : null;
      const checked = checkResult(
        {
          def: resultDefinitions[r.program],
          settings,
          extras: extras.get(r.program),
          person: { birthDate: person.birth_date },
          today: day,
        },
        { ...r, institutionId },
      );
      const unknownInstitution = r.institutionCode !== null && institutionId === null;
      const errors: FieldError[] = checked.ok
        ? []
        : checked.errors
            .filter((e) => !(unknownInstitution && e.field === 'institutionId'))
            .map((e) => ({ field: fieldOf[e.field] ?? `item.${e.field}`, message: withoutLabel(e.message) }));
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
      const p: Prepared = {
        residentId: person.id,
        program: r.program,
        checked: checked.value,
        note: r.note,
        ticketNo: ticketNoOf(checked.value.fiscalYear, person.atena_no),
      };
      prepared.set(r, p);
      out.push({ ok: true, p, name: person.name });
    }
    return out;
  }

  return {
    kind: resultsImportKind,
    label: '成人検診の結果',
    fields: resultImportFields,

    params(raw: unknown): ResultImportParams {
      const program = (raw as { program?: unknown } | null)?.program;
      if (program === undefined || program === null || program === '') return { program: null };
      if (!(programCodes as readonly unknown[]).includes(program))
        throw badRequest('取り込む検診の種類が正しくありません。一覧から選んでください。');
      return { program: program as ProgramCode };
    },

    parse: parseResultRow,

    async classify(q: SqlRunner, values: ResultRow[]): Promise<Classified[]> {
      const prep = await prepare(q, values);
      const ok = prep.flatMap((x) => (x.ok ? [x.p] : []));
      // by the leading column of the unique index (= ANY stays an index scan however stale the statistics are,
      // e.g. inside the commit's transaction while the table fills)
      const existing = await q.query<Existing>(
        `SELECT r.id, r.resident_id, r.program, r.fiscal_year, r.screened_on, r.method, r.result, r.mode,
           r.institution_id, r.items, r.note, r.source
         FROM screening_records r
         WHERE r.resident_id = ANY($1::bigint[]) AND r.program = ANY($2::text[]) AND r.fiscal_year = ANY($3::int[])`,
        [
          [...new Set(ok.map((p) => p.residentId))],
          [...new Set(ok.map((p) => p.program))],
          [...new Set(ok.map((p) => p.checked.fiscalYear))],
        ],
      );
      const found = new Map(existing.map((e) => [`${e.resident_id}:${e.program}:${e.fiscal_year}`, e]));
      return prep.map((x): Classified => {
        if (!x.ok) return { action: 'error', errors: x.errors, residentId: x.residentId, label: x.name };
        const v = x.p.checked;
        const key = `${x.p.residentId}:${x.p.program}:${v.fiscalYear}`;
        const e = found.get(key);
        const base = { key, residentId: x.p.residentId, label: x.name };
        if (!e) return { action: 'new', ...base };
        const changes = diff(e, x.p);
        if (changes.length === 0) return { action: 'unchanged', ...base };
        return {
          action: 'update',
          ...base,
          changes,
          warning:
            e.source === 'manual'
              ? `手入力で登録・修正された結果を上書きします（${changes.map((c) => c.label).join('・')}）。`
              : undefined,
        };
      });
    },

    async apply(tx: SqlTransaction, rows, actor: Actor) {
      const ps = rows.map((r) => {
        const p = prepared.get(r.value);
        if (!p) throw new Error('results import: apply before classify');
        return { p, program: p.program };
      });
      await tx.query(
        `INSERT INTO screening_records AS s (resident_id, program, method, fiscal_year, screened_on, result,
           needs_detailed, mode, institution_id, ticket_no, age_at_fiscal_year_end, age_on_date, items, items_version,
           note, source, created_by, updated_by)
         SELECT t.resident_id, t.program, t.method, t.fiscal_year, t.screened_on, t.result, t.needs_detailed, t.mode,
           t.institution_id, t.ticket_no, t.age_fy, t.age_on, t.items, t.items_version, t.note, 'import', $16, $16
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::date[], $6::text[], $7::boolean[],
           $8::text[], $9::int[], $10::text[], $11::int[], $12::int[], $13::jsonb[], $14::int[], $15::text[])
           AS t(resident_id, program, method, fiscal_year, screened_on, result, needs_detailed, mode, institution_id,
                ticket_no, age_fy, age_on, items, items_version, note)
         ON CONFLICT (resident_id, program, fiscal_year) DO UPDATE SET method = EXCLUDED.method,
           screened_on = EXCLUDED.screened_on, result = EXCLUDED.result, needs_detailed = EXCLUDED.needs_detailed,
           mode = EXCLUDED.mode, institution_id = EXCLUDED.institution_id, ticket_no = EXCLUDED.ticket_no,
           age_at_fiscal_year_end = EXCLUDED.age_at_fiscal_year_end, age_on_date = EXCLUDED.age_on_date,
           items = EXCLUDED.items, items_version = EXCLUDED.items_version, note = EXCLUDED.note, source = 'import',
           updated_by = EXCLUDED.updated_by, version = s.version + 1, updated_at = now()`,
        [
          ps.map((x) => x.p.residentId),
          ps.map((x) => x.program),
          ps.map((x) => x.p.checked.method),
          ps.map((x) => x.p.checked.fiscalYear),
          ps.map((x) => x.p.checked.screenedOn),
          ps.map((x) => x.p.checked.result),
          ps.map((x) => x.p.checked.needsDetailed),
          ps.map((x) => x.p.checked.mode),
          ps.map((x) => x.p.checked.institutionId),
          ps.map((x) => x.p.ticketNo),
          ps.map((x) => x.p.checked.ageAtFiscalYearEnd),
          ps.map((x) => x.p.checked.ageOnDate),
          ps.map((x) => JSON.stringify(x.p.checked.items)),
          ps.map((x) => x.p.checked.itemsVersion),
          ps.map((x) => x.p.note),
          actor.userId,
        ],
      );
    },
  };
}

/** What an imported row changes in the stored result (labels as staff know them). */
function diff(e: Existing, p: Prepared): Change[] {
  const v = p.checked;
  const out: Change[] = [];
  const add = (field: string, label: string, before: unknown, after: unknown) => {
    if (String(before ?? '') !== String(after ?? ''))
      out.push({ field, label, before: String(before ?? ''), after: String(after ?? '') });
  };
  add('screenedOn', '受診日', e.screened_on, v.screenedOn);
  add('result', '判定', e.result, v.result);
  add('method', '検査方法', e.method, v.method);
  add('mode', '受診区分', e.mode, v.mode);
  add('institutionCode', '実施機関', e.institution_id, v.institutionId);
  add('note', '備考', e.note, p.note);
  const items = resultDefinitions[p.program].items;
  for (const k of new Set([...Object.keys(e.items ?? {}), ...Object.keys(v.items)]))
    add(`item.${k}`, items.find((i) => i.key === k)?.label ?? k, e.items?.[k], v.items[k]);
  return out;
}
