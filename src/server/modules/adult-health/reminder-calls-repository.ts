/** SQL of 架電結果 (reminder_calls): add a call, one person's calls, the latest call per person (and program). */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { CallPurpose } from './reminder-calls-rules.ts';

export type CallRecord = {
  id: number;
  residentId: number;
  purpose: CallPurpose;
  program: string | null;
  fiscalYear: number;
  /** ISO instant */
  calledAt: string;
  outcome: string;
  note: string;
  /** who recorded it (表示名) */
  recordedBy: string;
};

/** The latest call of a person (for detailed: of a person and program). */
export type LatestCall = { calledAt: string; outcome: string; note: string };

export type CallScope = { purpose: CallPurpose; fiscalYear: number; program: string | null };

const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();

const COLUMNS = `c.id, c.resident_id AS "residentId", c.purpose, c.program, c.fiscal_year AS "fiscalYear",
  c.called_at AS "calledAt", c.outcome, c.note, coalesce(u.display_name, '') AS "recordedBy"`;

const fix = (r: CallRecord): CallRecord => ({
  ...r,
  id: Number(r.id),
  residentId: Number(r.residentId),
  calledAt: iso(r.calledAt),
});

export function reminderCallsRepository(db: SqlRunner) {
  return {
    async residentExists(residentId: number): Promise<boolean> {
      return (await db.query('SELECT 1 FROM residents WHERE id = $1', [residentId])).length > 0;
    },

    async insert(
      v: CallScope & {
        residentId: number;
        calledAt: Date | null;
        outcome: string;
        note: string;
        createdBy: number | null;
      },
    ): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO reminder_calls (resident_id, purpose, program, fiscal_year, called_at, outcome, note, created_by)
         VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, now()), $6, $7, $8) RETURNING id`,
        [
          v.residentId,
          v.purpose,
          v.program,
          v.fiscalYear,
          v.calledAt?.toISOString() ?? null,
          v.outcome,
          v.note,
          v.createdBy,
        ],
      );
      return Number(row!.id);
    },

    /** A person's calls of a 年度 and purpose (detailed: of the program), newest first. */
    async history(residentId: number, scope: CallScope): Promise<CallRecord[]> {
      const rows = await db.query<CallRecord>(
        `SELECT ${COLUMNS} FROM reminder_calls c LEFT JOIN users u ON u.id = c.created_by
         WHERE c.resident_id = $1 AND c.purpose = $2 AND c.fiscal_year = $3
           AND ($4::text IS NULL OR c.program = $4)
         ORDER BY c.called_at DESC, c.id DESC`,
        [residentId, scope.purpose, scope.fiscalYear, scope.program],
      );
      return rows.map(fix);
    },

    /**
     * The latest call of each of the people, keyed `residentId` (screening) or `residentId:program` (detailed).
     */
    async latest(
      purpose: CallPurpose,
      fiscalYear: number,
      residentIds: number[],
    ): Promise<Map<string, LatestCall>> {
      if (!residentIds.length) return new Map();
      const rows = await db.query<LatestCall & { residentId: number; program: string | null }>(
        `SELECT DISTINCT ON (c.resident_id, c.program) c.resident_id AS "residentId", c.program,
           c.called_at AS "calledAt", c.outcome, c.note
         FROM reminder_calls c
         WHERE c.purpose = $1 AND c.fiscal_year = $2 AND c.resident_id = ANY($3::bigint[])
         ORDER BY c.resident_id, c.program, c.called_at DESC, c.id DESC`,
        [purpose, fiscalYear, residentIds],
      );
      return new Map(
        rows.map((r) => [
          callKey(Number(r.residentId), r.program),
          { calledAt: iso(r.calledAt), outcome: r.outcome, note: r.note },
        ]),
      );
    },
  };
}

/** The key of `latest`: the person, and the program for 精検 calls. */
export const callKey = (residentId: number, program: string | null): string =>
  program ? `${residentId}:${program}` : String(residentId);
