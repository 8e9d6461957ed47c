/**
 * 母子保健の自治体設定 (maternal_settings, one row; settings-schema.ts): read by the services that issue 受診券 (妊娠届・
 * 追加交付), judge the EPDS (健診結果の入力・取込) and flag 低出生体重 (出生連絡票) — from the database each time, so
 * every app node issues and judges alike — and changed by an administrator (事業マスタの変更) at the version read;
 * changes are audited. Vouchers already issued keep the 助成上限 stored with them.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import type { SqlRunner } from '../../platform/db/connect.ts';
import { badRequest, conflict } from '../../platform/errors/app-error.ts';
import type { EpdsThresholds } from './checkup-rules.ts';
import {
  checkMaternalSettings,
  type EffectiveMaternalSettings,
  effectiveMaternalSettings,
  type MaternalSettings,
  maternalDefaults,
  noSettings,
  settingLimits,
  type VoucherPlanEntry,
} from './settings-rules.ts';

type Row = MaternalSettings & { version: number; updatedAt: string | null };

async function read(q: SqlRunner): Promise<Row> {
  const [r] = await q.query<Row>(
    `SELECT voucher_plan AS "voucherPlan", epds_follow_up_threshold AS "epdsFollowUpThreshold",
       epds_self_harm_threshold AS "epdsSelfHarmThreshold", low_birth_weight_grams AS "lowBirthWeightGrams",
       version, updated_at AS "updatedAt"
     FROM maternal_settings WHERE id = 1`,
  );
  return r ?? { ...noSettings, version: 0, updatedAt: null };
}

/** The settings in force (the defaults in code for what is not set). */
export async function maternalSettingsOf(q: SqlRunner): Promise<EffectiveMaternalSettings> {
  return effectiveMaternalSettings(await read(q));
}

/** The EPDS cut-offs in force (健診結果の入力・取込). */
export async function epdsThresholdsOf(q: SqlRunner): Promise<EpdsThresholds> {
  const s = await maternalSettingsOf(q);
  return { followUpThreshold: s.epdsFollowUpThreshold, selfHarmThreshold: s.epdsSelfHarmThreshold };
}

/** Only the keys a plan entry sets (an empty entry is dropped: the default). */
function tidyPlan(plan: MaternalSettings['voucherPlan']): MaternalSettings['voucherPlan'] {
  const out: Record<string, VoucherPlanEntry> = {};
  for (const [kind, p] of Object.entries(plan)) {
    if (!p) continue;
    const e: VoucherPlanEntry = {};
    if (p.count !== undefined) e.count = p.count;
    if (p.limitYen !== undefined) e.limitYen = p.limitYen;
    if (p.enabled === false) e.enabled = false;
    if (Object.keys(e).length) out[kind] = e;
  }
  return out;
}

export function maternalSettingsService(deps: { database: SqlRunner; audit: AuditService }) {
  const { database, audit } = deps;

  /** The settings as stored, the defaults beside them, the ranges and what is in force (for the screen). */
  async function get() {
    const row = await read(database);
    return {
      ...row,
      defaults: maternalDefaults,
      limits: settingLimits,
      effective: effectiveMaternalSettings(row),
    };
  }

  return {
    get,

    /** What the services issue and judge with (`q`: the transaction that issues, if any). */
    effective: (q: SqlRunner = database) => maternalSettingsOf(q),

    async update(actor: Actor, v: MaternalSettings & { version: number }) {
      const input: MaternalSettings = {
        voucherPlan: tidyPlan(v.voucherPlan),
        epdsFollowUpThreshold: v.epdsFollowUpThreshold,
        epdsSelfHarmThreshold: v.epdsSelfHarmThreshold,
        lowBirthWeightGrams: v.lowBirthWeightGrams,
      };
      const errors = checkMaternalSettings(input);
      if (errors.length)
        throw badRequest(`入力に誤りがあります（${errors.length}件）。${errors[0]!.message}`, {
          fields: errors,
        });
      const before = await read(database);
      const values = [
        JSON.stringify(input.voucherPlan),
        input.epdsFollowUpThreshold,
        input.epdsSelfHarmThreshold,
        input.lowBirthWeightGrams,
        actor.userId,
        v.version,
      ];
      // version 0 = no row yet: the first save inserts it (a concurrent first save is a conflict)
      const rows =
        v.version === 0
          ? await database.query(
              `INSERT INTO maternal_settings (id, voucher_plan, epds_follow_up_threshold, epds_self_harm_threshold,
                 low_birth_weight_grams, version, updated_by, updated_at)
               SELECT 1, $1::jsonb, $2, $3, $4, 1, $5, now() WHERE $6::int = 0
               ON CONFLICT (id) DO NOTHING RETURNING id`,
              values,
            )
          : await database.query(
              `UPDATE maternal_settings SET voucher_plan = $1::jsonb, epds_follow_up_threshold = $2,
                 epds_self_harm_threshold = $3, low_birth_weight_grams = $4, version = version + 1,
                 updated_by = $5, updated_at = now()
               WHERE id = 1 AND version = $6 RETURNING id`,
              values,
            );
      if (!rows.length) throw conflict('母子保健の自治体設定', await read(database));
      await audit.record(actor, {
        action: 'change',
        screen: '母子保健 自治体設定',
        summary: '母子保健の自治体設定を変更（受診券の回数・助成上限、EPDS の基準、低出生体重の基準）',
        detail: { before, after: input },
      });
      return get();
    },
  };
}

export type MaternalSettingsService = ReturnType<typeof maternalSettingsService>;
