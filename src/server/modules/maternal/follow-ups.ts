/**
 * フォロー対象者の登録 (F06-01/02 step 7, F06-03…06, F07-01…06): every flow that finds someone to follow up
 * (特定妊婦・アンケートのリスク, 要精密, EPDS, 低出生体重, 聴覚 refer …) registers them here with the reasons and the
 * record that raised it; the follow-up flow (F08-06) works from this list. One open entry per person, source and
 * record: registering again adds the new reasons instead of a second entry. Audited by the caller's service.
 */
import type { SqlRunner } from '../../platform/db/connect.ts';

export const followUpSources = {
  pregnancy: '妊娠届（アンケート・面談）',
  maternal_checkup: '妊産婦健診',
  birth: '出生連絡票',
  hearing: '新生児聴覚検査',
  infant_checkup: '乳幼児健診',
  infant_detailed: '乳幼児精密健診',
  staff: '職員の判断',
} as const;
export type FollowUpSource = keyof typeof followUpSources;

export type FollowUpInput = {
  residentId: number;
  source: FollowUpSource;
  sourceId: number | null;
  /** Japanese reasons as shown to the 地区担当保健師 (「EPDS 12点」「低出生体重（2,300g）」) */
  reasons: string[];
  registeredOn: string;
  userId: number | null;
};

/** Registers (or adds reasons to) the open follow-up of this person, source and record; returns its id. */
export async function registerFollowUp(q: SqlRunner, v: FollowUpInput): Promise<number> {
  if (!v.reasons.length) throw new RangeError('registerFollowUp: no reasons');
  const [open] = await q.query<{ id: number }>(
    `UPDATE follow_up_targets
     SET reasons = ARRAY(SELECT DISTINCT unnest(reasons || $4::text[])), version = version + 1,
       updated_by = $5, updated_at = now()
     WHERE resident_id = $1 AND source = $2 AND source_id IS NOT DISTINCT FROM $3 AND status = 'open'
     RETURNING id`,
    [v.residentId, v.source, v.sourceId, v.reasons, v.userId],
  );
  if (open) return Number(open.id);
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO follow_up_targets (resident_id, source, source_id, reasons, registered_on, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [v.residentId, v.source, v.sourceId, v.reasons, v.registeredOn, v.userId],
  );
  return Number(r!.id);
}

export type FollowUpRow = {
  id: number;
  residentId: number;
  source: FollowUpSource;
  sourceId: number | null;
  reasons: string[];
  registeredOn: string;
  status: 'open' | 'closed';
};

/** The follow-ups of some people (open first, newest first). */
export async function followUpsOf(q: SqlRunner, residentIds: number[]): Promise<FollowUpRow[]> {
  if (!residentIds.length) return [];
  const rows = await q.query<FollowUpRow>(
    `SELECT id, resident_id AS "residentId", source, source_id AS "sourceId", reasons,
       registered_on AS "registeredOn", status
     FROM follow_up_targets WHERE resident_id = ANY($1::bigint[])
     ORDER BY status = 'closed', registered_on DESC, id DESC`,
    [residentIds],
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    residentId: Number(r.residentId),
    sourceId: r.sourceId === null ? null : Number(r.sourceId),
  }));
}
