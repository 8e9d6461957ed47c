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

const entryColsWithoutDetails = `e.resident_id AS "residentId", r.atena_no AS "atenaNo", r.name,
  r.name_kana AS "nameKana", r.birth_date AS "birthDate", r.sex, r.postal_code AS "postalCode", r.address,
  r.address_extra AS "addressExtra", r.status, r.support_measure AS "supportMeasure", e.programs, e.coupons, e.age,
  e.included, e.exclusion_reason AS "exclusionReason", e.exclusion_note AS "exclusionNote",
  e.added_by_hand AS "addedByHand"`;

const entryCols = `${entryColsWithoutDetails}, d.details`;

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

/** "3,1,2" → Float64Array [3, 1, 2] without an intermediate array of strings. */
export function parseIds(text: string): Float64Array {
  if (text === '') return new Float64Array(0);
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) n++;
  const out = new Float64Array(n);
  let k = 0;
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out[k++] = v;
      v = 0;
    } else v = v * 10 + (c - 48);
  }
  out[k] = v;
  return out;
}

/** An entry with its person and its (interned) details. */
const entryFrom = `target_list_entries e JOIN residents r ON r.id = e.resident_id
  JOIN target_list_details d ON d.list_id = e.list_id AND d.id = e.details_id`;

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
        `SELECT ${entryCols} FROM ${entryFrom}
         WHERE ${w} ORDER BY ${orders[page.order ?? 'kana']} LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      );
      return { rows, total: t?.n ?? 0 };
    },

    async entry(listId: number, residentId: number): Promise<EntryRow | undefined> {
      const [row] = await database.query<EntryRow>(
        `SELECT ${entryCols} FROM ${entryFrom} WHERE e.list_id = $1 AND e.resident_id = $2`,
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
      return database.transaction(async (tx) => {
        // the list row is locked so that two additions cannot take the same details number
        await tx.query('SELECT id FROM target_lists WHERE id = $1 FOR UPDATE', [listId]);
        const json = JSON.stringify(v.details);
        let [d] = await tx.query<{ id: number }>(
          'SELECT id FROM target_list_details WHERE list_id = $1 AND details = $2::jsonb LIMIT 1',
          [listId, json],
        );
        if (!d)
          [d] = await tx.query<{ id: number }>(
            `INSERT INTO target_list_details (list_id, id, details)
             SELECT $1, coalesce(max(id), 0) + 1, $2::jsonb FROM target_list_details WHERE list_id = $1
             RETURNING id`,
            [listId, json],
          );
        const rows = await tx.query(
          `INSERT INTO target_list_entries (list_id, resident_id, programs, coupons, details_id, age, included,
             exclusion_note, added_by_hand, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, true, $7, true, $8) ON CONFLICT DO NOTHING RETURNING resident_id`,
          [listId, v.residentId, v.programs, v.coupons, d!.id, v.age, v.note, v.by],
        );
        return rows.length > 0;
      });
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
      // The order comes back as one comma-separated string, read into a typed array: a million-entry list
      // costs 8 MB here instead of a million row objects.
      const [order] = await database.query<{ ids: string | null }>(
        `SELECT string_agg(e.resident_id::text, ',' ORDER BY ${orders.postal}) AS ids
         FROM target_list_entries e JOIN residents r ON r.id = e.resident_id
         WHERE e.list_id = $1 AND ($2::boolean IS NULL OR e.included = $2)`,
        [listId, o.included ?? null],
      );
      const all = parseIds(order?.ids ?? '');
      // the list's few distinct details, parsed once and shared by the entries (not parsed per row)
      const dictionary = await database.query<{ id: number; details: Record<string, unknown> }>(
        'SELECT id, details FROM target_list_details WHERE list_id = $1',
        [listId],
      );
      const details = new Map(dictionary.map((d) => [Number(d.id), d.details]));
      for (let i = 0; i < all.length; i += pageSize) {
        const ids = Array.from(all.subarray(i, i + pageSize));
        const rows = await database.query<EntryRow & { detailsId: number }>(
          `SELECT ${entryColsWithoutDetails}, e.details_id AS "detailsId"
           FROM target_list_entries e JOIN residents r ON r.id = e.resident_id
           WHERE e.list_id = $1 AND e.resident_id = ANY($2::bigint[])`,
          [listId, ids],
        );
        const byId = new Map<number, EntryRow>();
        for (const r of rows) {
          const { detailsId, ...entry } = r;
          entry.details = details.get(detailsId) ?? {};
          byId.set(Number(r.residentId), entry);
        }
        yield ids.flatMap((id) => byId.get(id) ?? []);
      }
    },
  };
}

export type TargetListsRepository = ReturnType<typeof targetListsRepository>;
