/**
 * 予防接種の自治体設定 (vaccination_settings, one row): read by every service that judges schedules — `masterOf`
 * gives the master to judge with — and changed by an administrator (事業マスタの変更) with optimistic locking;
 * changes are audited. Read from the database each time, so every app node judges alike.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import type { SqlRunner } from '../../platform/db/connect.ts';
import { badRequest, conflict } from '../../platform/errors/app-error.ts';
import type { VaccineMaster } from './master-types.ts';
import {
  checkSettings,
  configuredMaster,
  monthEndRuleLabels,
  type VaccinationSettings,
  yearlyVaccines,
} from './settings-rules.ts';

type Row = VaccinationSettings & { version: number; updatedAt: string | null };

async function read(q: SqlRunner): Promise<Row> {
  const [r] = await q.query<Row>(
    `SELECT month_end_rule AS "monthEndRule", seasons, version, updated_at AS "updatedAt"
     FROM vaccination_settings WHERE id = 1`,
  );
  return r ?? { monthEndRule: 'mhlw', seasons: {}, version: 0, updatedAt: null };
}

/** The master with this municipality's settings (the national master when nothing is set). */
export async function masterOf(q: SqlRunner): Promise<VaccineMaster> {
  return configuredMaster(await read(q));
}

export function vaccinationSettingsService(deps: { database: SqlRunner; audit: AuditService }) {
  const { database, audit } = deps;
  return {
    /** The setting with the choices and the national defaults (for the admin screen). */
    async get() {
      return { ...(await read(database)), monthEndRules: monthEndRuleLabels, yearly: yearlyVaccines() };
    },

    async update(actor: Actor, v: VaccinationSettings & { version: number }) {
      const seasons = Object.fromEntries(
        Object.entries(v.seasons).map(([code, s]) => [code, { from: s.from.trim(), to: s.to.trim() }]),
      );
      const input: VaccinationSettings = { monthEndRule: v.monthEndRule, seasons };
      const errors = checkSettings(input);
      if (errors.length)
        throw badRequest(`入力に誤りがあります（${errors.length}件）。${errors[0]!.message}`, {
          fields: errors,
        });
      const before = await read(database);
      const rows = await database.query(
        `INSERT INTO vaccination_settings AS s (id, month_end_rule, seasons, version, updated_by, updated_at)
         VALUES (1, $1, $2, 1, $4, now())
         ON CONFLICT (id) DO UPDATE SET month_end_rule = $1, seasons = $2, version = s.version + 1,
           updated_by = $4, updated_at = now()
         WHERE s.version = $3 RETURNING id`,
        [input.monthEndRule, JSON.stringify(input.seasons), v.version, actor.userId],
      );
      if (!rows.length) throw conflict('予防接種の自治体設定', await read(database));
      await audit.record(actor, {
        action: 'change',
        screen: '予防接種 自治体設定',
        summary: '予防接種の自治体設定を変更（月末の扱い・毎年度の接種期間）',
        detail: { before, after: input },
      });
      return read(database);
    },
  };
}

export type VaccinationSettingsService = ReturnType<typeof vaccinationSettingsService>;
