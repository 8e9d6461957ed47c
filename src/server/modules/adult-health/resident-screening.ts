/**
 * 成人検診 on the resident page: this 年度's judgement per program with reasons, 受診歴, 送付不要登録
 * (registered in advance so extraction leaves the person out: F02-02 "judged in advance not to need a mailing")
 * and 自己負担金の免除.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { fiscalYearOf } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { ProgramCode, ProgramSettings } from '../programs/types.ts';
import { programCodes, programLabels } from '../programs/types.ts';
import { judge } from './extraction.ts';
import { feeExemptionsService } from './fee-exemptions.ts';
import { adultHealthRepository } from './repository.ts';
import { optOutReasons } from './rules.ts';

export type OptOutInput = {
  program: string | null;
  reason: keyof typeof optOutReasons;
  note: string;
  validFrom: string;
  validUntil: string | null;
};

export type RecordInput = {
  program: string;
  method: string | null;
  screenedOn: string;
  result: string | null;
};

const screen = '宛名画面 成人検診';

export function residentScreeningService(deps: {
  database: Database;
  audit: AuditService;
  programSettings: (fy: number) => Promise<ProgramSettings[]>;
}) {
  const { database, audit } = deps;
  const repo = adultHealthRepository(database);
  const exemptions = feeExemptionsService({ database, audit });

  function checkOptOut(v: OptOutInput) {
    if (!(v.reason in optOutReasons)) throw badRequest('送付不要の理由を選んでください。');
    if (v.program !== null && !(programCodes as readonly string[]).includes(v.program))
      throw badRequest('検診の種類が正しくありません。');
    if (v.validUntil && v.validUntil < v.validFrom)
      throw badRequest('終了日は開始日以降の日付を入力してください。', {
        fields: [{ path: 'validUntil', message: '終了日は開始日以降にしてください。' }],
      });
  }

  return {
    /** Judgement of every program for 年度 fy (default: this 年度), 受診歴 and 送付不要. */
    async overview(actor: Actor, residentId: number, fy: number) {
      const facts = await repo.personFacts(residentId, fy);
      if (!facts) throw notFound('宛名');
      const settings = await deps.programSettings(fy);
      const judgements = judge(settings, facts.person, fy, facts.history, facts.optOuts).map((j, i) => ({
        ...j,
        name: settings[i]!.name,
      }));
      const records = await database.query(
        `SELECT id, program, method, fiscal_year AS "fiscalYear", screened_on AS "screenedOn", result, source
         FROM screening_records WHERE resident_id = $1 ORDER BY screened_on DESC, id DESC`,
        [residentId],
      );
      const optOuts = await database.query(
        `SELECT id, program, reason, note, valid_from AS "validFrom", valid_until AS "validUntil", version
         FROM screening_opt_outs WHERE resident_id = $1 ORDER BY valid_from DESC, id DESC`,
        [residentId],
      );
      const feeExemptions = await exemptions.list(residentId);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [residentId],
        summary: `成人検診 ${fy}年度の判定`,
      });
      return { fiscalYear: fy, judgements, records, optOuts, feeExemptions };
    },

    /** 自己負担金の免除 (fee-exemptions.ts). */
    addFeeExemption: exemptions.add,
    deleteFeeExemption: exemptions.remove,

    async addOptOut(actor: Actor, residentId: number, v: OptOutInput) {
      checkOptOut(v);
      const [row] = await database.query<{ id: number }>(
        `INSERT INTO screening_opt_outs (resident_id, program, reason, note, valid_from, valid_until, created_by)
         SELECT id, $2, $3, $4, $5, $6, $7 FROM residents WHERE id = $1 RETURNING id`,
        [residentId, v.program, v.reason, v.note, v.validFrom, v.validUntil, actor.userId],
      );
      if (!row) throw notFound('宛名');
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: '送付不要を登録',
        detail: v,
      });
      return row;
    },

    async updateOptOut(actor: Actor, residentId: number, id: number, v: OptOutInput & { version: number }) {
      checkOptOut(v);
      const rows = await database.query(
        `UPDATE screening_opt_outs SET program = $3, reason = $4, note = $5, valid_from = $6, valid_until = $7,
           version = version + 1, updated_at = now()
         WHERE id = $1 AND resident_id = $2 AND version = $8 RETURNING id`,
        [id, residentId, v.program, v.reason, v.note, v.validFrom, v.validUntil, v.version],
      );
      if (rows.length === 0) {
        const [cur] = await database.query(
          'SELECT * FROM screening_opt_outs WHERE id = $1 AND resident_id = $2',
          [id, residentId],
        );
        if (!cur) throw notFound('送付不要登録');
        throw conflict('送付不要登録', cur);
      }
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: '送付不要を修正',
        detail: v,
      });
    },

    async deleteOptOut(actor: Actor, residentId: number, id: number) {
      const rows = await database.query(
        'DELETE FROM screening_opt_outs WHERE id = $1 AND resident_id = $2 RETURNING id',
        [id, residentId],
      );
      if (rows.length === 0) throw notFound('送付不要登録');
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: '送付不要を削除',
      });
    },

    /** A past screening entered by hand (e.g. from a 受診票 brought by a mover-in). Results entry is F03. */
    async addRecord(actor: Actor, residentId: number, v: RecordInput) {
      if (!(programCodes as readonly string[]).includes(v.program))
        throw badRequest('検診の種類が正しくありません。');
      const [row] = await database.query<{ id: number }>(
        `INSERT INTO screening_records (resident_id, program, method, fiscal_year, screened_on, result, needs_detailed,
           source, created_by)
         SELECT id, $2, $3, $4, $5, $6, coalesce($6::text IN ('needs_followup', 'hpv_positive_cytology_positive'), false), 'manual', $7
         FROM residents WHERE id = $1
         ON CONFLICT (resident_id, program, fiscal_year) DO NOTHING RETURNING id`,
        [residentId, v.program, v.method, fiscalYearOf(v.screenedOn), v.screenedOn, v.result, actor.userId],
      );
      if (!row) {
        const [person] = await database.query('SELECT id FROM residents WHERE id = $1', [residentId]);
        if (!person) throw notFound('宛名');
        throw new AppError(
          409,
          'RESULT_EXISTS',
          `この方の${fiscalYearOf(v.screenedOn)}年度の${programLabels[v.program as ProgramCode] ?? v.program}の受診歴は既にあります（1年度に1件）。内容を変えるときは検診結果の入力で直してください。`,
        );
      }
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: '受診歴を登録',
        detail: v,
      });
      return row;
    },

    /** Active 送付不要 reasons per person at print time (mailing re-check). */
    async optOutsFor(residentIds: number[], fy: number) {
      if (residentIds.length === 0) return new Map<number, { program: string | null; reason: string }[]>();
      const rows = await database.query<{ resident_id: number; program: string | null; reason: string }>(
        `SELECT resident_id, program, reason FROM screening_opt_outs
         WHERE resident_id = ANY($1::bigint[]) AND valid_from <= $3 AND (valid_until IS NULL OR valid_until >= $2)`,
        [residentIds, `${fy}-04-01`, `${fy + 1}-03-31`],
      );
      const out = new Map<number, { program: string | null; reason: string }[]>();
      for (const r of rows) {
        const id = Number(r.resident_id);
        out.set(id, [...(out.get(id) ?? []), { program: r.program, reason: r.reason }]);
      }
      return out;
    },
  };
}

export type ResidentScreeningService = ReturnType<typeof residentScreeningService>;
