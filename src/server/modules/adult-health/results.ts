/**
 * 検診結果入力 (F03-01 個別検診, F03-02 集団検診 手入力): find the person by 受診票番号 (as a barcode scanner types
 * it), 宛名番号 or name; the entry sheet of a 年度 (the person, the programs applied for, the results so far);
 * save one result (checked by results-rules.ts, one per person × program × 年度, optimistic locking by version);
 * delete a result entered for the wrong person (with the reason). Every read and change is audited.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { fiscalYearOf, parseDateInput, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { ReservationsService } from '../../platform/reservations/index.ts';
import { groupScreeningPurpose } from '../programs/index.ts';
import { type ProgramCode, type ProgramSettings, programLabels } from '../programs/types.ts';
import { fiscalYearLabel } from './documents.ts';
import { ticketNo } from './payloads.ts';
import { resultDefinitions } from './results-items.ts';
import { resultsRepository as repo, type SaveValues } from './results-repository.ts';
import { checkResult, type ResultInput } from './results-rules.ts';

const screen = '成人保健 検診結果入力';

export type SaveResultInput = ResultInput & {
  program: ProgramCode;
  note: string;
  bookingId: number | null;
  /** the result being corrected (null = a new result) and the version it was read at */
  id: number | null;
  version: number | null;
};

type Person = {
  id: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  status: string;
  address: string;
};

const topFields = new Set(['screenedOn', 'mode', 'institutionId', 'method', 'result']);
/** The request path of a checked field: the result's own fields, else `items.<key>`. */
const fieldPath = (field: string) => (topFields.has(field) ? field : `items.${field}`);

/** Stored values of items no longer on the form (a city item made 無効): kept when the result is corrected. */
function retiredValues(stored: Record<string, unknown>, program: ProgramCode, extras: { key: string }[]) {
  const current = [...resultDefinitions[program].items, ...extras];
  return Object.fromEntries(
    Object.entries(stored).filter(([k]) => !current.some((i) => i.key === k)),
  ) as Record<string, string | number | boolean>;
}

/** '受診票番号' as printed (2026-0000012345) or scanned (K2026-0000012345, full-width too) → 年度 and 宛名番号. */
export function parseTicketNo(text: string): { fiscalYear: number; atenaNo: string } | null {
  const s = text
    .normalize('NFKC')
    .trim()
    .replace(/^K/i, '')
    .replace(/[‐‑–—―−ー]/g, '-');
  const m = /^(\d{4})-(\d{1,15})$/.exec(s);
  return m ? { fiscalYear: Number(m[1]), atenaNo: m[2]! } : null;
}

export function resultsService(deps: {
  database: Database;
  audit: AuditService;
  programSettings: (fy: number) => Promise<ProgramSettings[]>;
  reservations: ReservationsService;
}) {
  const { database, audit } = deps;

  async function person(residentId: number) {
    const [p] = await database.query<Person>(
      `SELECT id, atena_no AS "atenaNo", name, name_kana AS "nameKana", birth_date AS "birthDate", sex, status,
         trim(address || ' ' || address_extra) AS address
       FROM residents WHERE id = $1`,
      [residentId],
    );
    if (!p) throw notFound('宛名');
    return { ...p, id: Number(p.id) };
  }

  async function definitions(fy: number) {
    const [settings, extras] = await Promise.all([deps.programSettings(fy), repo.extras(database)]);
    return settings.map((s) => {
      const def = resultDefinitions[s.code];
      return {
        code: s.code,
        name: s.name,
        enabled: s.enabled,
        version: def.version,
        methods: s.methods.map((m) => ({ code: m.code, name: m.name })),
        referenceDate: s.referenceDate,
        cohort: s.cohort,
        judgements: def.judgements,
        items: [...def.items, ...(extras.get(s.code) ?? [])],
      };
    });
  }

  return {
    /** The programs' item definitions and the 医療機関 in use (code, name, programs) for the entry screen. */
    async meta(fy: number) {
      const institutions = await database.query<{
        id: number;
        code: string;
        name: string;
        programs: string[];
      }>('SELECT id, code, name, programs FROM medical_institutions WHERE active ORDER BY code');
      return {
        fiscalYear: fy,
        programs: await definitions(fy),
        institutions: institutions.map((i) => ({ ...i, id: Number(i.id) })),
      };
    },

    /** 受診票番号 or 宛名番号 → the person (name search goes through the 宛名検索). */
    async lookup(actor: Actor, q: string) {
      const ticket = parseTicketNo(q);
      const atenaNo = ticket?.atenaNo ?? q.normalize('NFKC').trim();
      if (!/^\d{1,15}$/.test(atenaNo))
        throw badRequest(
          '受診票番号（例: 2026-0000012345）か宛名番号（数字）を入力してください。氏名は「氏名で探す」から。',
        );
      const rows = await database.query<{ id: number }>(
        `SELECT id FROM residents WHERE atena_no = $1 OR ltrim(atena_no, '0') = ltrim($1, '0')
         ORDER BY (atena_no = $1) DESC LIMIT 1`,
        [atenaNo],
      );
      if (!rows[0])
        throw new AppError(
          404,
          'NOT_FOUND',
          ticket
            ? `受診票番号 ${ticket.fiscalYear}-${atenaNo} の方が見つかりません。番号を確かめてください。`
            : `宛名番号 ${atenaNo} の方が見つかりません。番号を確かめてください。`,
        );
      const residentId = Number(rows[0].id);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [residentId],
        summary: `受診票番号・宛名番号で検索（${q}）`,
      });
      return { residentId, fiscalYear: ticket?.fiscalYear ?? null };
    },

    /**
     * 集団検診 (F03-02): a session's roster for entering its results — the people booked (受付済 first), with the
     * programs of the session each already has a result for in the 年度.
     */
    async sessionRoster(actor: Actor, sessionId: number) {
      const { session, bookings } = await deps.reservations.sessions.detail(actor, sessionId);
      if (session.purpose !== groupScreeningPurpose)
        throw badRequest('この日程は集団検診の日程ではありません。');
      const people = bookings.filter((b) => b.status === 'booked');
      const fy = fiscalYearOf(session.sessionDate);
      const done = await database.query<{ resident_id: number; program: string; result: string }>(
        `SELECT resident_id, program, result FROM screening_records
         WHERE fiscal_year = $1 AND resident_id = ANY($2::bigint[]) AND program = ANY($3::text[])`,
        [fy, people.map((b) => b.residentId), session.programs],
      );
      return {
        session: {
          id: session.id,
          fiscalYear: fy,
          sessionDate: session.sessionDate,
          startTime: session.startTime,
          venueName: session.venueName,
          programs: session.programs,
        },
        people: people.map((b) => ({
          bookingId: b.id,
          residentId: b.residentId,
          atenaNo: b.atenaNo,
          name: b.name,
          nameKana: b.nameKana,
          reception: b.reception,
          results: Object.fromEntries(
            done.filter((d) => Number(d.resident_id) === b.residentId).map((d) => [d.program, d.result]),
          ),
        })),
      };
    },

    /** The entry sheet: the person, the programs applied for this 年度 and the results so far. */
    async sheet(actor: Actor, residentId: number, fy: number) {
      const p = await person(residentId);
      const results = await repo.ofPerson(database, residentId, fy);
      const applications = await database.query<{
        programs: string[];
        mode: string;
        institutionId: number | null;
        bookingId: number | null;
        sessionDate: string | null;
      }>(
        `SELECT a.programs, a.mode, a.institution_id AS "institutionId", a.booking_id AS "bookingId",
           s.session_date AS "sessionDate"
         FROM screening_applications a
         LEFT JOIN bookings b ON b.id = a.booking_id LEFT JOIN reservation_sessions s ON s.id = b.session_id
         WHERE a.resident_id = $1 AND a.fiscal_year = $2 AND a.status <> 'cancelled'`,
        [residentId, fy],
      );
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [residentId],
        summary: `${fiscalYearLabel(fy)}の検診結果を表示`,
      });
      return {
        fiscalYear: fy,
        person: p,
        ticketNo: ticketNo(fy, p.atenaNo),
        results,
        applications: applications.map((a) => ({
          ...a,
          institutionId: a.institutionId === null ? null : Number(a.institutionId),
          bookingId: a.bookingId === null ? null : Number(a.bookingId),
        })),
      };
    },

    /** Saves one result (new, or a correction at the version read); 400 with the errors per field. */
    async save(actor: Actor, residentId: number, v: SaveResultInput) {
      const p = await person(residentId);
      const date = parseDateInput(v.screenedOn ?? '');
      const fy = date.ok ? fiscalYearOf(date.date) : fiscalYearOf(today());
      const settings = (await deps.programSettings(fy)).find((s) => s.code === v.program);
      if (!settings) throw badRequest('検診の種類が正しくありません。');
      const extras = (await repo.extras(database)).get(v.program) ?? [];
      const checked = checkResult(
        { def: resultDefinitions[v.program], settings, extras, person: p, today: today() },
        v,
      );
      if (!checked.ok)
        throw badRequest(
          `入力に誤りがあります（${checked.errors.length}件）。${checked.errors[0]!.message}`,
          { fields: checked.errors.map((e) => ({ path: fieldPath(e.field), message: e.message })) },
        );
      const values: SaveValues = {
        ...checked.value,
        note: v.note.trim(),
        ticketNo: ticketNo(checked.value.fiscalYear, p.atenaNo),
        bookingId: v.bookingId,
      };
      const label = `${fiscalYearLabel(values.fiscalYear)}の${programLabels[v.program]}`;
      let id: number;
      if (v.id === null) {
        const made = await repo.insert(database, residentId, v.program, values, 'manual', actor.userId);
        if (made === null) {
          const had = await repo.find(database, residentId, v.program, values.fiscalYear);
          throw new AppError(
            409,
            'RESULT_EXISTS',
            `この方の${label}の結果は既に入力されています。画面を読み込み直し、その結果を直してください。`,
            { current: had },
          );
        }
        id = made;
      } else {
        const before = await repo.get(database, v.id);
        if (!before || before.residentId !== residentId) throw notFound('検診結果');
        values.items = { ...retiredValues(before.items, v.program, extras), ...values.items };
        try {
          if (!(await repo.update(database, v.id, v.version ?? -1, values, 'manual', actor.userId)))
            throw conflict('この検診結果', await repo.get(database, v.id));
        } catch (e) {
          if (e instanceof AppError || (e as { code?: string }).code !== '23505') throw e;
          // the new 受診日 moved the result into a 年度 that already has one
          throw new AppError(
            409,
            'RESULT_EXISTS',
            `この方の${label}の結果は既にあります。受診日（年度）を確かめてください。`,
          );
        }
        id = v.id;
      }
      const saved = (await repo.get(database, id))!;
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: `${label}の結果を${v.id === null ? '登録' : '修正'}（${saved.needsDetailed ? '要精検' : '精検不要'}）`,
        detail: { result: saved },
      });
      return saved;
    },

    /** A result entered for the wrong person: deleted with the reason (the audit keeps what it was). */
    async remove(actor: Actor, id: number, version: number, reason: string) {
      const r = await repo.get(database, id);
      if (!r) throw notFound('検診結果');
      const has = await database.query('SELECT 1 FROM detailed_exam_results WHERE screening_record_id = $1', [
        id,
      ]);
      if (has.length)
        throw new AppError(
          409,
          'HAS_DETAILED_EXAM',
          'この結果には精密検査の結果があります。先に精密検査の結果を削除してください。',
        );
      if (!(await repo.remove(database, id, version))) throw conflict('この検診結果', r);
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [r.residentId],
        summary: `${fiscalYearLabel(r.fiscalYear)}の${programLabels[r.program as ProgramCode] ?? r.program}の結果を削除（${reason}）`,
        detail: { result: r },
      });
    },
  };
}

export type ResultsService = ReturnType<typeof resultsService>;
