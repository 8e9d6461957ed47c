import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { fiscalYearRange } from '../../platform/calendar/index.ts';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { ReservationsService, SessionInput, SessionView } from '../../platform/reservations/index.ts';
import { nationalDefault, nationalDefaults } from './defaults.ts';
import { deliveryLabels, fiscalYearShortLabel } from './labels.ts';
import { sessionInputSchema } from './masters-schema.ts';
import { mastersService } from './masters-service.ts';
import { type MedicalInstitution, type ProgramRow, programsRepository, type Venue } from './repository.ts';
import { carryOver, changedKeys, resetRules } from './settings-changes.ts';
import { type FieldIssue, programSettingsSchemaFor } from './settings-schema.ts';
import { type ProgramCode, type ProgramSettings, programCodes, programLabels } from './types.ts';
import { invalid, parse } from './validation.ts';

export type { MedicalInstitution, ProgramRow, Venue };
/** A 集団検診日程 (a session of the reservations engine owned by adult-health). */
export type SessionRow = SessionView;

/** The reservations engine's purpose of 成人保健の集団検診 sessions. */
export const groupScreeningPurpose = 'adult-health.group';

const byMasterOrder = (a: ProgramRow, b: ProgramRow) =>
  programCodes.indexOf(a.code as ProgramCode) - programCodes.indexOf(b.code as ProgramCode);

const screen = '事業マスタ';

/**
 * 事業マスタ: the settings of the 9 adult screening programs per 年度 (defaults = 指針, carried over from the
 * previous 年度), 会場, 医療機関 and 集団検診日程. Every change is validated, version-checked and audited.
 */
export function programsService(deps: { db: Db; audit: AuditService; reservations: ReservationsService }) {
  const { audit, reservations } = deps;
  const repo = programsRepository(deps.db);
  const listSessions = (f: { fiscalYear?: number; program?: ProgramCode; venueId?: number; from?: string }) =>
    reservations.sessions.list({ purpose: groupScreeningPurpose, ...f });

  async function forYear(fy: number): Promise<ProgramRow[]> {
    fiscalYearRange(fy); // throws on a non-integer
    let rows = await repo.settingsOfYear(fy);
    if (rows.length < programCodes.length) {
      const have = new Set(rows.map((r) => r.code));
      const previous = await repo.settingsOfYear(fy - 1);
      const source = previous.length
        ? programCodes.map((c) => {
            const p = previous.find((r) => r.code === c);
            return p ? carryOver(p.settings) : nationalDefault(c);
          })
        : nationalDefaults();
      await repo.insertMissing(
        fy,
        source.filter((s) => !have.has(s.code)),
      );
      rows = await repo.settingsOfYear(fy);
    }
    return rows.filter((r) => programCodes.includes(r.code as ProgramCode)).sort(byMasterOrder);
  }

  async function mustGet(fy: number, code: ProgramCode): Promise<ProgramRow> {
    const row = (await repo.setting(fy, code)) ?? (await forYear(fy)).find((r) => r.code === code);
    if (!row) throw notFound(`${fiscalYearShortLabel(fy)}の${programLabels[code]}の設定`);
    return row;
  }

  /** Writing settings must leave the year's 集団検診日程 valid (their programs stay run and group-capable). */
  async function checkSessionsStillValid(fy: number, s: ProgramSettings): Promise<void> {
    if (s.enabled && s.delivery !== 'individual') return;
    const sessions = await listSessions({ fiscalYear: fy, program: s.code });
    if (!sessions.length) return;
    const what = s.enabled ? `実施方法を「${deliveryLabels.individual}」に` : '「実施しない」に';
    throw invalid([
      {
        path: s.enabled ? 'delivery' : 'enabled',
        message: `${fiscalYearShortLabel(fy)}は${s.name}の集団検診日程が${sessions.length}件あるため、${what}できません。先に日程から${s.name}を外すか、日程を削除してください。`,
      },
    ]);
  }

  async function write(
    actor: Actor,
    fy: number,
    code: ProgramCode,
    version: number,
    settings: ProgramSettings,
    summary: string,
  ): Promise<ProgramRow> {
    const current = await mustGet(fy, code);
    await checkSessionsStillValid(fy, settings);
    const row = await repo.updateSetting(fy, code, version, settings, actor.userId);
    if (!row) throw conflict(`${programLabels[code]}の設定`, current);
    await audit.record(actor, {
      action: 'admin',
      screen,
      summary,
      detail: { fiscalYear: fy, code, changed: changedKeys(current.settings, settings), settings },
    });
    return row;
  }

  // ── 会場 / 医療機関 / 日程: checks that need the database ──────────────────

  /** The 集団検診 checks of a session (date, venue, times and 定員: the reservations engine). */
  async function checkPrograms(v: SessionInput): Promise<FieldIssue[]> {
    const fields: FieldIssue[] = [];
    const label = fiscalYearShortLabel(v.fiscalYear);
    const settings = await forYear(v.fiscalYear);
    for (const code of v.programs) {
      const s = settings.find((r) => r.code === code)?.settings;
      const name = programLabels[code as ProgramCode];
      if (!name) {
        fields.push({
          path: 'programs',
          message: `検診「${code}」は事業マスタにありません。検診を選び直してください。`,
        });
      } else if (!s?.enabled) {
        fields.push({
          path: 'programs',
          message: `${name}は${label}に実施しない設定です（事業マスタの「実施」を確かめてください）。`,
        });
      } else if (s.delivery === 'individual') {
        fields.push({
          path: 'programs',
          message: `${s.name}は${label}の実施方法が「個別」のため、集団検診の日程に入れられません。事業マスタで実施方法を「集団」か「個別・集団」にしてください。`,
        });
      }
    }
    return fields;
  }
  reservations.registerPurpose({ code: groupScreeningPurpose, label: '集団検診', check: checkPrograms });

  return {
    /** The settings of the 9 programs of 年度 fy (created on first use: from fy−1, or the 指針). */
    forYear,

    /** Just the settings (for the eligibility rules). */
    async settingsForYear(fy: number): Promise<ProgramSettings[]> {
      return (await forYear(fy)).map((r) => r.settings);
    },

    /** Whether 年度 fy has settings (without creating them). */
    hasYear: (fy: number) => repo.hasYear(fy),

    get: mustGet,

    /** Saves one program's settings of 年度 fy (validated, optimistic lock, audited). */
    async update(actor: Actor, fy: number, code: ProgramCode, input: unknown, version: number) {
      const settings = parse(programSettingsSchemaFor(fy), input);
      if (settings.code !== code) {
        throw invalid([
          { path: 'code', message: '事業コードが画面の事業と一致しません。画面を読み込み直してください。' },
        ]);
      }
      return write(
        actor,
        fy,
        code,
        version,
        settings,
        `事業マスタの変更 ${fiscalYearShortLabel(fy)} ${settings.name}`,
      );
    },

    /** 国の指針に戻す (the rules; the city's fees, delivery, period and notice stay). */
    async resetToNational(actor: Actor, fy: number, code: ProgramCode, version: number) {
      const current = await mustGet(fy, code);
      const settings = resetRules(current.settings);
      return write(
        actor,
        fy,
        code,
        version,
        settings,
        `事業マスタを国の指針に戻す ${fiscalYearShortLabel(fy)} ${programLabels[code]}`,
      );
    },

    /** 前年度の設定をコピー: overwrites this 年度's programs with last year's (受診期間 moved by a year). */
    async copyFromPreviousYear(actor: Actor, fy: number): Promise<ProgramRow[]> {
      fiscalYearRange(fy);
      const previous = await repo.settingsOfYear(fy - 1);
      if (!previous.length) {
        throw new AppError(
          409,
          'NO_PREVIOUS_YEAR',
          `${fiscalYearShortLabel(fy - 1)}の事業マスタがないため、コピーできません。この年度の設定を直接入力してください。`,
        );
      }
      const list = previous
        .filter((r) => programCodes.includes(r.code as ProgramCode))
        .map((r) => carryOver(r.settings));
      const sessions = await listSessions({ fiscalYear: fy });
      for (const s of list) {
        if (sessions.some((x) => x.programs.includes(s.code))) await checkSessionsStillValid(fy, s);
      }
      await repo.overwriteYear(fy, list, actor.userId);
      await audit.record(actor, {
        action: 'admin',
        screen,
        summary: `事業マスタ ${fiscalYearShortLabel(fy)}に${fiscalYearShortLabel(fy - 1)}の設定をコピー`,
        detail: { fiscalYear: fy, from: fy - 1, codes: list.map((s) => s.code) },
      });
      return forYear(fy);
    },

    ...mastersService({ repo, audit, listSessions }),

    /** 集団検診日程: sessions of the reservations engine, checked by 事業マスタ as well (registered purpose). */
    sessions: {
      list(f: { fiscalYear?: number; program?: ProgramCode; venueId?: number } = {}): Promise<SessionRow[]> {
        return listSessions(f);
      },
      get: (id: number) => reservations.sessions.get(id),
      create(actor: Actor, input: unknown): Promise<SessionRow> {
        const v = parse(sessionInputSchema, input);
        return reservations.sessions.create(actor, { ...v, purpose: groupScreeningPurpose });
      },
      update(actor: Actor, id: number, version: number, input: unknown): Promise<SessionRow> {
        return reservations.sessions.update(actor, id, version, parse(sessionInputSchema, input));
      },
      /** Deletes a session nobody has booked (a booked one must be changed or set to 中止, not deleted). */
      remove: (actor: Actor, id: number, version: number) => reservations.sessions.remove(actor, id, version),
    },

    /**
     * 集団検診の日程 of 年度 fy (optionally one program), with the venue and the capacity. Booked counts are
     * the business of the module that takes the bookings.
     */
    sessionsFor(fy: number, program?: ProgramCode): Promise<SessionRow[]> {
      return listSessions({ fiscalYear: fy, program });
    },
  };
}

export type ProgramsService = ReturnType<typeof programsService>;
