/** SQL of the snapshot lists (target_lists / target_list_entries), shared by every module that extracts. */
import type { Database } from '../db/connect.ts';

export type TargetListRow = {
  id: number;
  purpose: string;
  title: string;
  fiscalYear: number;
  programs: string[];
  settings: unknown;
  criteria: Record<string, unknown>;
  status: string;
  jobId: number | null;
  counts: Record<string, unknown>;
  createdBy: number | null;
  createdAt: string;
  version: number;
};

/** An entry joined with the person's current register data (for screens and CSV). */
export type EntryRow = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  status: string;
  supportMeasure: boolean;
  programs: string[];
  coupons: string[];
  details: Record<string, unknown>;
  age: number;
  included: boolean;
  exclusionReason: string | null;
  exclusionNote: string;
  addedByHand: boolean;
};

export type EntryFilter = {
  included?: boolean;
  program?: string;
  coupon?: boolean;
  /** 宛名番号 */
  atenaNo?: string;
  /** name prefix as normalised search keys (platform/text kanaSearchKey / nameSearchKey) */
  kanaKey?: string;
  nameKey?: string;
};

const listCols = `id, purpose, title, fiscal_year AS "fiscalYear", programs, settings, criteria, status,
  job_id AS "jobId", counts, created_by AS "createdBy", created_at AS "createdAt", version`;

const entryCols = `e.resident_id AS "residentId", r.atena_no AS "atenaNo", r.name, r.name_kana AS "nameKana",
  r.birth_date AS "birthDate", r.sex, r.postal_code AS "postalCode", r.address, r.address_extra AS "addressExtra",
  r.status, r.support_measure AS "supportMeasure", e.programs, e.coupons, e.details, e.age, e.included,
  e.exclusion_reason AS "exclusionReason", e.exclusion_note AS "exclusionNote", e.added_by_hand AS "addedByHand"`;

function entryWhere(listId: number, f: EntryFilter, params: unknown[]): string {
  params.push(listId);
  const c = [`e.list_id = $${params.length}`];
  if (f.included !== undefined) {
    params.push(f.included);
    c.push(`e.included = $${params.length}`);
  }
  if (f.program) {
    params.push(f.program);
    c.push(`$${params.length} = ANY(e.programs)`);
  }
  if (f.coupon) c.push(`cardinality(e.coupons) > 0`);
  if (f.atenaNo) {
    params.push(f.atenaNo);
    c.push(`r.atena_no = $${params.length}`);
  }
  if (f.kanaKey) {
    params.push(`${f.kanaKey}%`);
    c.push(`r.kana_key LIKE $${params.length}`);
  }
  if (f.nameKey) {
    params.push(`${f.nameKey}%`);
    c.push(`r.name_key LIKE $${params.length}`);
  }
  return c.join(' AND ');
}

const orders = {
  kana: 'r.kana_key COLLATE "C", r.birth_date, r.id',
  /** 郵便番号順 (bulk mail is sorted by postal code) */
  postal: 'r.postal_code, r.address_key COLLATE "C", r.id',
} as const;

export function targetListsRepository(database: Database) {
  return {
    async create(v: {
      purpose: string;
      title: string;
      fiscalYear: number;
      programs: string[];
      settings: unknown;
      criteria: Record<string, unknown>;
      createdBy: number | null;
    }): Promise<TargetListRow> {
      const [row] = await database.query<TargetListRow>(
        `INSERT INTO target_lists (purpose, title, fiscal_year, programs, settings, criteria, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, 'extracting', $7) RETURNING ${listCols}`,
        [
          v.purpose,
          v.title,
          v.fiscalYear,
          v.programs,
          JSON.stringify(v.settings),
          JSON.stringify(v.criteria),
          v.createdBy,
        ],
      );
      return row!;
    },

    async get(id: number): Promise<TargetListRow | undefined> {
      const [row] = await database.query<TargetListRow>(
        `SELECT ${listCols} FROM target_lists WHERE id = $1`,
        [id],
      );
      return row;
    },

    async list(f: { purposePrefix?: string; fiscalYear?: number }): Promise<TargetListRow[]> {
      const params: unknown[] = [];
      const c: string[] = ['true'];
      if (f.purposePrefix) {
        params.push(`${f.purposePrefix}%`);
        c.push(`purpose LIKE $${params.length}`);
      }
      if (f.fiscalYear) {
        params.push(f.fiscalYear);
        c.push(`fiscal_year = $${params.length}`);
      }
      return database.query<TargetListRow>(
        `SELECT ${listCols} FROM target_lists WHERE ${c.join(' AND ')} ORDER BY id DESC LIMIT 200`,
        params,
      );
    },

    async setState(id: number, v: { status?: string; jobId?: number; counts?: unknown }): Promise<void> {
      await database.query(
        `UPDATE target_lists SET status = coalesce($2, status), job_id = coalesce($3, job_id),
           counts = coalesce($4::jsonb, counts), version = version + 1 WHERE id = $1`,
        [id, v.status ?? null, v.jobId ?? null, v.counts === undefined ? null : JSON.stringify(v.counts)],
      );
    },

    async entries(
      listId: number,
      f: EntryFilter,
      page: { offset: number; limit: number; order?: keyof typeof orders },
    ): Promise<{ rows: EntryRow[]; total: number }> {
      const params: unknown[] = [];
      const w = entryWhere(listId, f, params);
      const [t] = await database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM target_list_entries e JOIN residents r ON r.id = e.resident_id WHERE ${w}`,
        params,
      );
      params.push(page.limit, page.offset);
      const rows = await database.query<EntryRow>(
        `SELECT ${entryCols} FROM target_list_entries e JOIN residents r ON r.id = e.resident_id
         WHERE ${w} ORDER BY ${orders[page.order ?? 'kana']} LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      );
      return { rows, total: t?.n ?? 0 };
    },

    async entry(listId: number, residentId: number): Promise<EntryRow | undefined> {
      const [row] = await database.query<EntryRow>(
        `SELECT ${entryCols} FROM target_list_entries e JOIN residents r ON r.id = e.resident_id
         WHERE e.list_id = $1 AND e.resident_id = $2`,
        [listId, residentId],
      );
      return row;
    },

    async setIncluded(
      listId: number,
      residentId: number,
      v: { included: boolean; reason: string | null; note: string; by: number | null },
    ): Promise<boolean> {
      const rows = await database.query(
        `UPDATE target_list_entries SET included = $3, exclusion_reason = $4, exclusion_note = $5, updated_by = $6,
           updated_at = now() WHERE list_id = $1 AND resident_id = $2 RETURNING resident_id`,
        [listId, residentId, v.included, v.reason, v.note, v.by],
      );
      return rows.length > 0;
    },

    async removeHandAdded(listId: number, residentId: number): Promise<void> {
      await database.query(
        'DELETE FROM target_list_entries WHERE list_id = $1 AND resident_id = $2 AND added_by_hand',
        [listId, residentId],
      );
    },

    async addByHand(
      listId: number,
      v: {
        residentId: number;
        programs: string[];
        coupons: string[];
        details: unknown;
        age: number;
        note: string;
        by: number | null;
      },
    ): Promise<boolean> {
      const rows = await database.query(
        `INSERT INTO target_list_entries (list_id, resident_id, programs, coupons, details, age, included,
           exclusion_note, added_by_hand, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, true, $7, true, $8) ON CONFLICT DO NOTHING RETURNING resident_id`,
        [listId, v.residentId, v.programs, v.coupons, JSON.stringify(v.details), v.age, v.note, v.by],
      );
      return rows.length > 0;
    },

    /**
     * Entries (default: the included ones) in print order (郵便番号順), in pages: the order is sorted once (ids only), then
     * each page is read by id — no OFFSET re-sorting of the whole list per page.
     */
    async *includedInOrder(
      listId: number,
      o: { included?: boolean; pageSize?: number } = { included: true },
    ): AsyncGenerator<EntryRow[]> {
      const pageSize = o.pageSize ?? 5000;
      const order = await database.query<{ id: number }>(
        `SELECT e.resident_id AS id FROM target_list_entries e JOIN residents r ON r.id = e.resident_id
         WHERE e.list_id = $1 AND ($2::boolean IS NULL OR e.included = $2) ORDER BY ${orders.postal}`,
        [listId, o.included ?? null],
      );
      for (let i = 0; i < order.length; i += pageSize) {
        const ids = order.slice(i, i + pageSize).map((o) => Number(o.id));
        const rows = await database.query<EntryRow>(
          `SELECT ${entryCols} FROM target_list_entries e JOIN residents r ON r.id = e.resident_id
           WHERE e.list_id = $1 AND e.resident_id = ANY($2::bigint[])`,
          [listId, ids],
        );
        const byId = new Map(rows.map((r) => [Number(r.residentId), r]));
        yield ids.flatMap((id) => byId.get(id) ?? []);
      }
    },
  };
}

export type TargetListsRepository = ReturnType<typeof targetListsRepository>;
