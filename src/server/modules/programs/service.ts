import type { z } from 'zod';
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import {
  clampedDate,
  daysInMonth,
  fiscalYearRange,
  type LocalDate,
  lastDayOfMonth,
  parseIsoDate,
  today,
} from '../../platform/calendar/index.ts';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { ReservationsService, SessionInput, SessionView } from '../../platform/reservations/index.ts';
import { kanaSearchKey, nameSearchKey, toHalfWidthAscii } from '../../platform/text/index.ts';
import { nationalDefault, nationalDefaults } from './defaults.ts';
import { deliveryLabels, fiscalYearShortLabel } from './labels.ts';
import {
  type InstitutionInput,
  institutionInputSchema,
  sessionInputSchema,
  type VenueInput,
  venueInputSchema,
} from './masters-schema.ts';
import { type MedicalInstitution, type ProgramRow, programsRepository, type Venue } from './repository.ts';
import { type FieldIssue, fieldIssues, programSettingsSchemaFor } from './settings-schema.ts';
import { type ProgramCode, type ProgramSettings, programCodes, programLabels } from './types.ts';

export type { MedicalInstitution, ProgramRow, Venue };
/** A 集団検診日程 (a session of the reservations engine owned by adult-health). */
export type SessionRow = SessionView;

/** The reservations engine's purpose of 成人保健の集団検診 sessions. */
export const groupScreeningPurpose = 'adult-health.group';

/** A validation failure in the shape of the HTTP layer's (details.fields, shown next to each field). */
export function invalid(fields: FieldIssue[]): AppError {
  const first = fields[0];
  return new AppError(
    400,
    'VALIDATION',
    first ? `入力に誤りがあります: ${first.message}` : '入力に誤りがあります。',
    { fields },
  );
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(fieldIssues(r.error));
  return r.data;
}

const byMasterOrder = (a: ProgramRow, b: ProgramRow) =>
  programCodes.indexOf(a.code as ProgramCode) - programCodes.indexOf(b.code as ProgramCode);

/** A date moved to the same day one year later; a month's last day stays the last day (2月末 → 2月末). */
function nextYearSameDay(d: LocalDate): LocalDate {
  const { y, m, d: day } = parseIsoDate(d);
  if (day === daysInMonth(y, m)) return lastDayOfMonth({ y: y + 1, m });
  return clampedDate(y + 1, m, day);
}

/** Last year's settings for a new 年度: same rules, 受診期間 moved by one year. */
export function carryOver(s: ProgramSettings, years = 1): ProgramSettings {
  let { periodStart, periodEnd } = s;
  for (let i = 0; i < years; i++) {
    periodStart = periodStart && nextYearSameDay(periodStart);
    periodEnd = periodEnd && nextYearSameDay(periodEnd);
  }
  return structuredClone({ ...s, periodStart, periodEnd });
}

/**
 * 国の指針に戻す: the 指針 rules (名称, 対象, 年齢基準日, 受診間隔, 検査方法, クーポン) from the defaults; what the city
 * decides itself (実施, 自己負担金, 実施方法, 受診期間, 受診券の案内) is kept.
 */
export function resetRules(current: ProgramSettings): ProgramSettings {
  const d = nationalDefault(current.code);
  const methods = new Set(d.methods.map((m) => m.code));
  const amounts = Object.fromEntries(
    Object.entries(current.fees.amounts).filter(([k]) => k === '*' || methods.has(k)),
  );
  return {
    ...d,
    enabled: current.enabled,
    fees: { ...current.fees, amounts },
    delivery: current.delivery,
    periodStart: current.periodStart,
    periodEnd: current.periodEnd,
    notice: current.notice,
  };
}

/** JSON with the object keys sorted (jsonb does not keep the key order). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** Top-level settings keys that differ (for the audit entry). */
function changedKeys(a: ProgramSettings, b: ProgramSettings): string[] {
  return (Object.keys(b) as (keyof ProgramSettings)[]).filter((k) => canonical(a[k]) !== canonical(b[k]));
}

export type MasterFilter = { q?: string; active?: 'true' | 'false' | 'all' };

/** 会場・医療機関の絞り込み: コード・名称・カナ (ひらがな・半角・濁点の有無を区別しない). */
export function matchesText(row: { code: string; name: string; nameKana: string }, q: string | undefined) {
  const t = q?.trim();
  if (!t) return true;
  const code = toHalfWidthAscii(t).toUpperCase();
  const kana = kanaSearchKey(t);
  return (
    row.code.toUpperCase().includes(code) ||
    nameSearchKey(row.name).includes(nameSearchKey(t)) ||
    (kana !== '' && kanaSearchKey(row.nameKana).includes(kana))
  );
}

const activeFlag = (a: MasterFilter['active']) => (a === 'all' ? null : a !== 'false');

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

  async function getVenue(id: number): Promise<Venue> {
    const v = await repo.venue(id);
    if (!v) throw notFound('会場');
    return v;
  }
  async function getInstitution(id: number): Promise<MedicalInstitution> {
    const v = await repo.institution(id);
    if (!v) throw notFound('医療機関');
    return v;
  }
  async function codeTaken<T extends { id: number }>(
    find: (code: string) => Promise<T | undefined>,
    code: string,
    id: number | undefined,
  ) {
    const other = await find(code);
    return other && other.id !== id ? other : undefined;
  }

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

    venues: {
      async list(f: MasterFilter = {}): Promise<Venue[]> {
        return (await repo.listVenues(activeFlag(f.active))).filter((v) => matchesText(v, f.q));
      },
      get: getVenue,
      async create(actor: Actor, input: unknown): Promise<Venue> {
        const v: VenueInput = parse(venueInputSchema, input);
        const taken = await codeTaken(repo.venueByCode, v.code, undefined);
        const row = taken ? undefined : await repo.insertVenue(v);
        if (!row) throw invalid([{ path: 'code', message: `会場コード「${v.code}」は既に使われています。` }]);
        await audit.record(actor, {
          action: 'admin',
          screen,
          summary: `会場の登録 ${v.code} ${v.name}`,
          detail: { venue: row },
        });
        return row;
      },
      async update(actor: Actor, id: number, version: number, input: unknown): Promise<Venue> {
        const v: VenueInput = parse(venueInputSchema, input);
        const current = await getVenue(id);
        const taken = await codeTaken(repo.venueByCode, v.code, id);
        if (taken) {
          throw invalid([
            { path: 'code', message: `会場コード「${v.code}」は既に「${taken.name}」で使われています。` },
          ]);
        }
        if (current.active && !v.active) {
          const n = (await listSessions({ venueId: id, from: today() })).length;
          if (n > 0) {
            throw invalid([
              {
                path: 'active',
                message: `この会場では今日以降に集団検診日程が${n}件あります。無効にする前に、日程の会場を変更してください。`,
              },
            ]);
          }
        }
        const row = await repo.updateVenue(id, version, v);
        if (!row) throw conflict('この会場', current);
        await audit.record(actor, {
          action: 'admin',
          screen,
          summary: `会場の${current.active && !v.active ? '無効化' : '変更'} ${v.code} ${v.name}`,
          detail: { before: current, after: row },
        });
        return row;
      },
    },

    institutions: {
      async list(f: MasterFilter & { program?: ProgramCode } = {}): Promise<MedicalInstitution[]> {
        return (await repo.listInstitutions(activeFlag(f.active), f.program)).filter((v) =>
          matchesText(v, f.q),
        );
      },
      get: getInstitution,
      async create(actor: Actor, input: unknown): Promise<MedicalInstitution> {
        const v: InstitutionInput = parse(institutionInputSchema, input);
        const taken = await codeTaken(repo.institutionByCode, v.code, undefined);
        const row = taken ? undefined : await repo.insertInstitution(v);
        if (!row) {
          throw invalid([
            {
              path: 'code',
              message: `医療機関コード「${v.code}」は既に${taken ? `「${taken.name}」で` : ''}使われています。`,
            },
          ]);
        }
        await audit.record(actor, {
          action: 'admin',
          screen,
          summary: `医療機関の登録 ${v.code} ${v.name}`,
          detail: { institution: row },
        });
        return row;
      },
      async update(actor: Actor, id: number, version: number, input: unknown): Promise<MedicalInstitution> {
        const v: InstitutionInput = parse(institutionInputSchema, input);
        const current = await getInstitution(id);
        const taken = await codeTaken(repo.institutionByCode, v.code, id);
        if (taken) {
          throw invalid([
            { path: 'code', message: `医療機関コード「${v.code}」は既に「${taken.name}」で使われています。` },
          ]);
        }
        const row = await repo.updateInstitution(id, version, v);
        if (!row) throw conflict('この医療機関', current);
        await audit.record(actor, {
          action: 'admin',
          screen,
          summary: `医療機関の${current.active && !v.active ? '無効化' : '変更'} ${v.code} ${v.name}`,
          detail: { before: current, after: row },
        });
        return row;
      },
    },

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
