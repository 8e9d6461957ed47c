/**
 * 自己負担金の免除 (issue 3, 事業マスタ fees "with exemptions e.g. 生活保護/非課税"): registered per person
 * with a period on the resident's 成人検診 tab; a program's settings say which kinds make it free
 * (FeeRule.exemptKinds). The ticket of an exempt person prints 「免除」 with the kind instead of the fee.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest, notFound } from '../../platform/errors/app-error.ts';
import { defaultExemptKinds } from '../programs/defaults.ts';
import { type FeeExemptionKind, feeExemptionKinds, type ProgramSettings } from '../programs/types.ts';

export type FeeExemption = { kind: FeeExemptionKind; validFrom: string; validUntil: string | null };

export type FeeExemptionInput = FeeExemption & { note: string };

/**
 * The kind that exempts the person from program `p` in 年度 fy (a registration overlapping the 年度 whose
 * kind the program exempts; the first by the kinds' order), or null.
 */
export function exemptionFor(
  p: ProgramSettings,
  exemptions: FeeExemption[],
  fy: number,
): FeeExemptionKind | null {
  const from = `${fy}-04-01`;
  const to = `${fy + 1}-03-31`;
  // lists extracted before 免除 kinds existed keep settings without them: the 指針 default then
  const exempt = p.fees.exemptKinds ?? defaultExemptKinds;
  for (const kind of Object.keys(feeExemptionKinds) as FeeExemptionKind[]) {
    if (!exempt.includes(kind)) continue;
    if (
      exemptions.some(
        (e) => e.kind === kind && e.validFrom <= to && (e.validUntil === null || e.validUntil >= from),
      )
    )
      return kind;
  }
  return null;
}

/** Registrations overlapping 年度 fy, per person (for printing tickets). */
export async function activeFeeExemptions(
  database: Database,
  residentIds: number[],
  fy: number,
): Promise<Map<number, FeeExemption[]>> {
  const out = new Map<number, FeeExemption[]>();
  if (residentIds.length === 0) return out;
  const rows = await database.query<FeeExemption & { residentId: number }>(
    `SELECT resident_id AS "residentId", kind, valid_from AS "validFrom", valid_until AS "validUntil"
     FROM screening_fee_exemptions
     WHERE resident_id = ANY($1::bigint[]) AND valid_from <= $3 AND (valid_until IS NULL OR valid_until >= $2)`,
    [residentIds, `${fy}-04-01`, `${fy + 1}-03-31`],
  );
  for (const r of rows) {
    const id = Number(r.residentId);
    out.set(id, [...(out.get(id) ?? []), { kind: r.kind, validFrom: r.validFrom, validUntil: r.validUntil }]);
  }
  return out;
}

const screen = '宛名画面 成人検診';

export function feeExemptionsService(deps: { database: Database; audit: AuditService }) {
  const { database, audit } = deps;
  return {
    /** One person's registrations (newest first). */
    list(residentId: number) {
      return database.query<FeeExemptionInput & { id: number }>(
        `SELECT id, kind, note, valid_from AS "validFrom", valid_until AS "validUntil"
         FROM screening_fee_exemptions WHERE resident_id = $1 ORDER BY valid_from DESC, id DESC`,
        [residentId],
      );
    },

    async add(actor: Actor, residentId: number, v: FeeExemptionInput) {
      if (!(v.kind in feeExemptionKinds)) throw badRequest('免除の種類を選んでください。');
      if (v.validUntil && v.validUntil < v.validFrom)
        throw badRequest('終了日は開始日以降の日付を入力してください。', {
          fields: [{ path: 'validUntil', message: '終了日は開始日以降にしてください。' }],
        });
      const [row] = await database.query<{ id: number }>(
        `INSERT INTO screening_fee_exemptions (resident_id, kind, note, valid_from, valid_until, created_by)
         SELECT id, $2, $3, $4, $5, $6 FROM residents WHERE id = $1 RETURNING id`,
        [residentId, v.kind, v.note, v.validFrom, v.validUntil, actor.userId],
      );
      if (!row) throw notFound('宛名');
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: `自己負担金の免除を登録（${feeExemptionKinds[v.kind]}）`,
        detail: v,
      });
      return row;
    },

    async remove(actor: Actor, residentId: number, id: number) {
      const rows = await database.query(
        'DELETE FROM screening_fee_exemptions WHERE id = $1 AND resident_id = $2 RETURNING id',
        [id, residentId],
      );
      if (rows.length === 0) throw notFound('自己負担金の免除');
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: '自己負担金の免除を削除',
      });
    },
  };
}

export type FeeExemptionsService = ReturnType<typeof feeExemptionsService>;
