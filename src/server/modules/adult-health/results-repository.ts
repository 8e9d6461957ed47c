/** SQL of 検診結果 (screening_records as results) and 市町村独自の結果項目. */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { ResultItem } from './results-items.ts';
import type { CheckedResult } from './results-rules.ts';

export const RESULT_COLUMNS = `r.id, r.resident_id AS "residentId", r.program, r.method, r.fiscal_year AS "fiscalYear",
  r.screened_on AS "screenedOn", r.result, r.needs_detailed AS "needsDetailed", r.mode,
  r.institution_id AS "institutionId", i.name AS "institutionName", r.booking_id AS "bookingId",
  r.ticket_no AS "ticketNo", r.age_at_fiscal_year_end AS "ageAtFiscalYearEnd", r.age_on_date AS "ageOnDate",
  r.items, r.items_version AS "itemsVersion", r.note, r.source, r.version, r.updated_at AS "updatedAt"`;
const FROM = 'screening_records r LEFT JOIN medical_institutions i ON i.id = r.institution_id';

export type ResultRow = {
  id: number;
  residentId: number;
  program: string;
  method: string | null;
  fiscalYear: number;
  screenedOn: string;
  result: string | null;
  needsDetailed: boolean;
  mode: string | null;
  institutionId: number | null;
  institutionName: string | null;
  bookingId: number | null;
  ticketNo: string | null;
  ageAtFiscalYearEnd: number | null;
  ageOnDate: number | null;
  items: Record<string, unknown>;
  itemsVersion: number | null;
  note: string;
  source: string;
  version: number;
  updatedAt: string;
};

const fix = (r: ResultRow): ResultRow => ({
  ...r,
  id: Number(r.id),
  residentId: Number(r.residentId),
  institutionId: r.institutionId === null ? null : Number(r.institutionId),
  bookingId: r.bookingId === null ? null : Number(r.bookingId),
});

export type SaveValues = CheckedResult & { note: string; ticketNo: string | null; bookingId: number | null };

export const resultsRepository = {
  async ofPerson(q: SqlRunner, residentId: number, fy?: number) {
    const rows = await q.query<ResultRow>(
      `SELECT ${RESULT_COLUMNS} FROM ${FROM} WHERE r.resident_id = $1 AND ($2::int IS NULL OR r.fiscal_year = $2)
       ORDER BY r.fiscal_year DESC, r.program`,
      [residentId, fy ?? null],
    );
    return rows.map(fix);
  },

  async get(q: SqlRunner, id: number) {
    const [r] = await q.query<ResultRow>(`SELECT ${RESULT_COLUMNS} FROM ${FROM} WHERE r.id = $1`, [id]);
    return r ? fix(r) : null;
  },

  async find(q: SqlRunner, residentId: number, program: string, fy: number) {
    const [r] = await q.query<ResultRow>(
      `SELECT ${RESULT_COLUMNS} FROM ${FROM} WHERE r.resident_id = $1 AND r.program = $2 AND r.fiscal_year = $3`,
      [residentId, program, fy],
    );
    return r ? fix(r) : null;
  },

  /** New result; null when the person already has one for the program and 年度 (a clerk at the same time). */
  async insert(
    q: SqlRunner,
    residentId: number,
    program: string,
    v: SaveValues,
    source: string,
    userId: number | null,
  ) {
    const [r] = await q.query<{ id: number }>(
      `INSERT INTO screening_records (resident_id, program, method, fiscal_year, screened_on, result, needs_detailed,
         mode, institution_id, booking_id, ticket_no, age_at_fiscal_year_end, age_on_date, items, items_version, note,
         source, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
       ON CONFLICT (resident_id, program, fiscal_year) DO NOTHING RETURNING id`,
      [residentId, program, ...values(v), source, userId],
    );
    return r ? Number(r.id) : null;
  },

  /** Update at `version` (optimistic lock); false when someone saved in between. */
  async update(
    q: SqlRunner,
    id: number,
    version: number,
    v: SaveValues,
    source: string,
    userId: number | null,
  ) {
    const rows = await q.query(
      `UPDATE screening_records SET method = $3, fiscal_year = $4, screened_on = $5, result = $6, needs_detailed = $7,
         mode = $8, institution_id = $9, booking_id = $10, ticket_no = $11, age_at_fiscal_year_end = $12,
         age_on_date = $13, items = $14, items_version = $15, note = $16, source = $17, updated_by = $18,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, ...values(v), source, userId],
    );
    return rows.length === 1;
  },

  async remove(q: SqlRunner, id: number, version: number) {
    const rows = await q.query('DELETE FROM screening_records WHERE id = $1 AND version = $2 RETURNING id', [
      id,
      version,
    ]);
    return rows.length === 1;
  },

  /** 市町村独自の結果項目 in use, per program. */
  async extras(q: SqlRunner): Promise<Map<string, ResultItem[]>> {
    const rows = await q.query<{
      program: string;
      key: string;
      label: string;
      type: ResultItem['type'];
      options: string[];
      unit: string;
      required: boolean;
    }>(
      `SELECT program, key, label, type, options, unit, required FROM result_item_extras
       WHERE active ORDER BY program, sort_order, id`,
    );
    const out = new Map<string, ResultItem[]>();
    for (const r of rows)
      out.set(r.program, [
        ...(out.get(r.program) ?? []),
        {
          key: r.key,
          label: r.label,
          type: r.type,
          options: r.options.map((o) => ({ code: o, label: o })),
          unit: r.unit || undefined,
          required: r.required,
          extra: true,
        },
      ]);
    return out;
  },
};

function values(v: SaveValues) {
  return [
    v.method,
    v.fiscalYear,
    v.screenedOn,
    v.result,
    v.needsDetailed,
    v.mode,
    v.institutionId,
    v.bookingId,
    v.ticketNo,
    v.ageAtFiscalYearEnd,
    v.ageOnDate,
    JSON.stringify(v.items),
    v.itemsVersion,
    v.note,
  ];
}
