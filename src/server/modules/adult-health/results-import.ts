/**
 * 検診結果の取込 (F03-01/F03-02/F04 パンチデータ・OCR・医療機関の CSV/XML): the import target of 検診結果 for the
 * import engine (platform/imports). A row names the person by 受診票番号 or 宛名番号, the program (a column, or
 * the one chosen at upload for a file of one program), and the result as on the entry screen; the same check
 * (results-rules.ts) decides. Re-importing a file changes nothing; a row that changes a result is an update
 * with its changes, and one that overwrites a result a clerk entered or corrected by hand says so.
 */
import type { Actor } from '../../platform/audit/service.ts';
import type { SqlRunner, SqlTransaction } from '../../platform/db/connect.ts';
import { copyLine, copyPieces } from '../../platform/db/copy-text.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import type { Change, Classified, ImportTarget } from '../../platform/imports/types.ts';
import { type ProgramCode, programCodes } from '../programs/types.ts';
import { extrasOf, prepareRows, type ResultPayload } from './results-import-prepare.ts';
import {
  extraItemFields,
  parseResultRow,
  type ResultImportParams,
  type ResultRow,
  resultImportFields,
} from './results-import-row.ts';
import { resultDefinitions } from './results-items.ts';

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

const keyOf = (p: ResultPayload) => `${p.residentId}:${p.program}:${p.checked.fiscalYear}`;

/** The stored results of the rows' people, programs and 年度 (one query). */
async function existingOf(q: SqlRunner, ps: ResultPayload[]): Promise<Map<string, Existing>> {
  if (!ps.length) return new Map();
  // by the leading column of the unique index (= ANY stays an index scan however stale the statistics are,
  // e.g. inside the commit's transaction while the table fills)
  const rows = await q.query<Existing>(
    `SELECT r.id, r.resident_id, r.program, r.fiscal_year, r.screened_on, r.method, r.result, r.mode,
       r.institution_id, r.items, r.note, r.source
     FROM screening_records r
     WHERE r.resident_id = ANY($1::bigint[]) AND r.program = ANY($2::text[]) AND r.fiscal_year = ANY($3::int[])`,
    [
      [...new Set(ps.map((p) => p.residentId))],
      [...new Set(ps.map((p) => p.program))],
      [...new Set(ps.map((p) => p.checked.fiscalYear))],
    ],
  );
  return new Map(rows.map((e) => [`${e.resident_id}:${e.program}:${e.fiscal_year}`, e]));
}

/** The labels of the municipal items per program and key (for the changes of an update). */
type ExtraLabels = Map<string, Map<string, string>>;
const extraLabelsOf = async (q: SqlRunner): Promise<ExtraLabels> =>
  new Map(
    [...(await extrasOf(q))].map(([program, items]) => [
      program,
      new Map(items.map((i) => [i.key, i.label])),
    ]),
  );

/** New, update (with its changes; a warning when it overwrites a result entered by hand) or unchanged. */
function compare(
  p: ResultPayload,
  found: Map<string, Existing>,
  extras: ExtraLabels,
): Classified<ResultPayload> {
  const key = keyOf(p);
  const e = found.get(key);
  const base = { key, residentId: p.residentId, label: p.name, payload: p };
  if (!e) return { action: 'new', ...base };
  const changes = diff(e, p, extras.get(p.program));
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
}

const columns = `resident_id, program, method, fiscal_year, screened_on, result, needs_detailed, mode, institution_id,
  ticket_no, age_at_fiscal_year_end, age_on_date, items, items_version, note, source, created_by, updated_by`;

export function resultsImportTarget(): ImportTarget<ResultRow, ResultImportParams, ResultPayload> {
  return {
    kind: resultsImportKind,
    label: '成人検診の結果',
    fields: resultImportFields,
    /** The active 市町村独自の結果項目, so a file column can be mapped to them (results-import-row.ts). */
    extraFields: async (q) => extraItemFields(await extrasOf(q)),

    params(raw: unknown): ResultImportParams {
      const program = (raw as { program?: unknown } | null)?.program;
      if (program === undefined || program === null || program === '') return { program: null };
      if (!(programCodes as readonly unknown[]).includes(program))
        throw badRequest('取り込む検診の種類が正しくありません。一覧から選んでください。');
      return { program: program as ProgramCode };
    },

    parse: parseResultRow,

    async classify(q, values) {
      const prep = await prepareRows(q, values);
      const found = await existingOf(
        q,
        prep.flatMap((x) => (x.ok ? [x.p] : [])),
      );
      const extras = await extraLabelsOf(q);
      return prep.map((x) =>
        x.ok
          ? compare(x.p, found, extras)
          : { action: 'error', errors: x.errors, residentId: x.residentId, label: x.name },
      );
    },

    /** The commit: the rows as the dry run checked them, against the stored results as they are now. */
    async recheck(q, payloads) {
      const found = await existingOf(q, payloads);
      const extras = await extraLabelsOf(q);
      return payloads.map((p) => compare(p, found, extras));
    },

    /**
     * New results by COPY (the recheck in this transaction found none stored; a result stored meanwhile by
     * someone else fails the chunk on the unique index, and the resumed commit sees it as an update), updates in
     * one statement.
     */
    async apply(tx: SqlTransaction, rows, actor: Actor) {
      const by = actor.userId;
      const fresh = rows.filter((r) => r.action === 'new').map((r) => r.value);
      if (fresh.length)
        await tx.copyFrom(
          `COPY screening_records (${columns}) FROM STDIN`,
          copyPieces(
            fresh.map((p) => {
              const v = p.checked;
              return copyLine([
                p.residentId,
                p.program,
                v.method,
                v.fiscalYear,
                v.screenedOn,
                v.result,
                v.needsDetailed,
                v.mode,
                v.institutionId,
                p.ticketNo,
                v.ageAtFiscalYearEnd,
                v.ageOnDate,
                JSON.stringify(v.items),
                v.itemsVersion,
                p.note,
                'import',
                by,
                by,
              ]);
            }),
          ),
        );
      const ps = rows.filter((r) => r.action === 'update').map((r) => r.value);
      if (!ps.length) return;
      await tx.query(
        `UPDATE screening_records s SET method = t.method, screened_on = t.screened_on, result = t.result,
           needs_detailed = t.needs_detailed, mode = t.mode, institution_id = t.institution_id,
           ticket_no = t.ticket_no, age_at_fiscal_year_end = t.age_fy, age_on_date = t.age_on, items = t.items,
           items_version = t.items_version, note = t.note, source = 'import', updated_by = $16,
           version = s.version + 1, updated_at = now()
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::date[], $6::text[], $7::boolean[],
           $8::text[], $9::int[], $10::text[], $11::int[], $12::int[], $13::jsonb[], $14::int[], $15::text[])
           AS t(resident_id, program, method, fiscal_year, screened_on, result, needs_detailed, mode, institution_id,
                ticket_no, age_fy, age_on, items, items_version, note)
         WHERE s.resident_id = t.resident_id AND s.program = t.program AND s.fiscal_year = t.fiscal_year`,
        [
          ps.map((p) => p.residentId),
          ps.map((p) => p.program),
          ps.map((p) => p.checked.method),
          ps.map((p) => p.checked.fiscalYear),
          ps.map((p) => p.checked.screenedOn),
          ps.map((p) => p.checked.result),
          ps.map((p) => p.checked.needsDetailed),
          ps.map((p) => p.checked.mode),
          ps.map((p) => p.checked.institutionId),
          ps.map((p) => p.ticketNo),
          ps.map((p) => p.checked.ageAtFiscalYearEnd),
          ps.map((p) => p.checked.ageOnDate),
          ps.map((p) => JSON.stringify(p.checked.items)),
          ps.map((p) => p.checked.itemsVersion),
          ps.map((p) => p.note),
          by,
        ],
      );
    },
  };
}

/** What an imported row changes in the stored result (labels as staff know them). */
function diff(e: Existing, p: ResultPayload, extras: Map<string, string> | undefined): Change[] {
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
    add(`item.${k}`, items.find((i) => i.key === k)?.label ?? extras?.get(k) ?? k, e.items?.[k], v.items[k]);
  return out;
}
