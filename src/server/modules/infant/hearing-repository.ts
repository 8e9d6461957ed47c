/** SQL of 新生児聴覚スクリーニング検査 (F07-02): a child's tests, one test, insert/update at a version, a period's tests. */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { EarResult, HearingKind } from './hearing-rules.ts';

export type HearingRow = {
  id: number;
  childResidentId: number;
  kind: HearingKind;
  method: string;
  testedOn: string;
  institutionName: string;
  rightResult: EarResult;
  leftResult: EarResult;
  referred: boolean;
  source: string;
  note: string;
  version: number;
};

export type HearingWrite = Omit<HearingRow, 'id' | 'version'>;

const columns = `id, child_resident_id AS "childResidentId", kind, method, tested_on AS "testedOn",
  institution_name AS "institutionName", right_result AS "rightResult", left_result AS "leftResult", referred, source,
  note, version`;
const toRow = (r: HearingRow): HearingRow => ({
  ...r,
  id: Number(r.id),
  childResidentId: Number(r.childResidentId),
});
const params = (v: HearingWrite) => [
  v.childResidentId,
  v.kind,
  v.method,
  v.testedOn,
  v.institutionName,
  v.rightResult,
  v.leftResult,
  v.referred,
  v.source,
  v.note,
];

export const hearingRepository = {
  async ofChildren(q: SqlRunner, childResidentIds: number[]): Promise<HearingRow[]> {
    const rows = await q.query<HearingRow>(
      `SELECT ${columns} FROM hearing_screenings WHERE child_resident_id = ANY($1::bigint[])
       ORDER BY tested_on, id`,
      [childResidentIds],
    );
    return rows.map(toRow);
  },

  async byId(q: SqlRunner, id: number): Promise<HearingRow | undefined> {
    const [r] = await q.query<HearingRow>(`SELECT ${columns} FROM hearing_screenings WHERE id = $1`, [id]);
    return r ? toRow(r) : undefined;
  },

  async insert(q: SqlRunner, v: HearingWrite, userId: number | null) {
    const [r] = await q.query<{ id: number; version: number }>(
      `INSERT INTO hearing_screenings (child_resident_id, kind, method, tested_on, institution_name, right_result,
         left_result, referred, source, note, created_by, updated_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11) RETURNING id, version`,
      [...params(v), userId],
    );
    return { id: Number(r!.id), version: r!.version };
  },

  /** Update at the version read; undefined when someone else changed it first. */
  async update(q: SqlRunner, id: number, version: number, v: HearingWrite, userId: number | null) {
    const [r] = await q.query<{ version: number }>(
      `UPDATE hearing_screenings SET child_resident_id = $1, kind = $2, method = $3, tested_on = $4,
         institution_name = $5, right_result = $6, left_result = $7, referred = $8, source = $9, note = $10,
         version = version + 1, updated_by = $11, updated_at = now()
       WHERE id = $12 AND version = $13 RETURNING version`,
      [...params(v), userId, id, version],
    );
    return r?.version;
  },

  /** The tests of a period (検査日 from … to), for the aggregate. */
  async inPeriod(q: SqlRunner, from: string, to: string): Promise<HearingRow[]> {
    const rows = await q.query<HearingRow>(
      `SELECT ${columns} FROM hearing_screenings WHERE tested_on BETWEEN $1 AND $2 ORDER BY tested_on, id`,
      [from, to],
    );
    return rows.map(toRow);
  },
};
