/** SQL of 市町村独自の結果項目 (result_item_extras) as the admin screen manages them: all rows, active or not. */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { ResultItemType } from './results-items.ts';

export type ResultItemExtra = {
  id: number;
  program: string;
  key: string;
  label: string;
  type: ResultItemType;
  options: string[];
  unit: string;
  required: boolean;
  sortOrder: number;
  active: boolean;
  version: number;
  updatedAt: string;
};

/** What an administrator sets on an item (key and type are fixed once created: stored values use them). */
export type ExtraValues = { label: string; options: string[]; unit: string; required: boolean };

const COLUMNS = `id, program, key, label, type, options, unit, required, sort_order AS "sortOrder", active, version,
  updated_at AS "updatedAt"`;

const fix = (r: ResultItemExtra): ResultItemExtra => ({
  ...r,
  id: Number(r.id),
  options: r.options ?? [],
  updatedAt: new Date(r.updatedAt).toISOString(),
});

export const resultExtrasRepository = {
  async list(q: SqlRunner, program?: string): Promise<ResultItemExtra[]> {
    const rows = await q.query<ResultItemExtra>(
      `SELECT ${COLUMNS} FROM result_item_extras WHERE ($1::text IS NULL OR program = $1)
       ORDER BY program, sort_order, id`,
      [program ?? null],
    );
    return rows.map(fix);
  },

  async get(q: SqlRunner, id: number): Promise<ResultItemExtra | null> {
    const [r] = await q.query<ResultItemExtra>(`SELECT ${COLUMNS} FROM result_item_extras WHERE id = $1`, [
      id,
    ]);
    return r ? fix(r) : null;
  },

  /** A new item at the end of its program's list; null when the key was taken in between. */
  async insert(
    q: SqlRunner,
    v: ExtraValues & { program: string; key: string; type: ResultItemType },
    userId: number | null,
  ): Promise<ResultItemExtra | null> {
    const [r] = await q.query<ResultItemExtra>(
      `INSERT INTO result_item_extras (program, key, label, type, options, unit, required, sort_order, updated_by)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7,
         (SELECT coalesce(max(sort_order), 0) + 1 FROM result_item_extras WHERE program = $1), $8)
       ON CONFLICT (program, key) DO NOTHING RETURNING ${COLUMNS}`,
      [v.program, v.key, v.label, v.type, v.options, v.unit, v.required, userId],
    );
    return r ? fix(r) : null;
  },

  /** Update at `version` (optimistic lock); null when someone saved in between. */
  async update(
    q: SqlRunner,
    id: number,
    version: number,
    v: ExtraValues,
    userId: number | null,
  ): Promise<ResultItemExtra | null> {
    const [r] = await q.query<ResultItemExtra>(
      `UPDATE result_item_extras SET label = $3, options = $4::text[], unit = $5, required = $6, updated_by = $7,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
      [id, version, v.label, v.options, v.unit, v.required, userId],
    );
    return r ? fix(r) : null;
  },

  async setActive(
    q: SqlRunner,
    id: number,
    version: number,
    active: boolean,
    userId: number | null,
  ): Promise<ResultItemExtra | null> {
    const [r] = await q.query<ResultItemExtra>(
      `UPDATE result_item_extras SET active = $3, updated_by = $4, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
      [id, version, active, userId],
    );
    return r ? fix(r) : null;
  },

  /** The program's items in the order of `ids` (1, 2, …), in one statement. */
  async reorder(q: SqlRunner, program: string, ids: number[], userId: number | null): Promise<void> {
    await q.query(
      `UPDATE result_item_extras e SET sort_order = o.n, updated_by = $3, updated_at = now()
       FROM unnest($2::int[]) WITH ORDINALITY AS o(id, n)
       WHERE e.id = o.id AND e.program = $1 AND e.sort_order IS DISTINCT FROM o.n`,
      [program, ids, userId],
    );
  },
};
