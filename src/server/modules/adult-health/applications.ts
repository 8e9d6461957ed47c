/**
 * 個別受付 (F02-03 電話・はがき, F02-05 窓口; F02-04 電子申請 through e-application-import.ts): 受診歴の確認 (the eligibility
 * rules with reasons), 申込情報登録 (refused with the reasons when a program is not due; one application per
 * 年度 × person × program), for 集団 a booking of the reservations engine in the same transaction (the engine
 * locks the session and counts again, so the 定員 holds under concurrency), 受診票（券）の発行 now with a send
 * record (窓口交付 or 郵送), 取消 (with the booking), and the 申込一覧 with CSV.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki } from '../../platform/calendar/index.ts';
import { type CsvEncoding, toCsv } from '../../platform/csv/export.ts';
import type { Database, SqlRunner, SqlTransaction } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { SendMethod } from '../../platform/mailings/types.ts';
import type { ReservationsService } from '../../platform/reservations/index.ts';
import type { ProgramCode, ProgramSettings } from '../programs/types.ts';
import { applicationColumns } from './applications-csv.ts';
import { applicationPlaces, programNames as names } from './applications-places.ts';
import { type ApplicationFilter, applicationsRepository as repo } from './applications-repository.ts';
import {
  type ApplicationChannel,
  type ApplicationMode,
  applicationChannels,
  applicationStatuses,
  checkApplication,
  historySummary,
} from './applications-rules.ts';
import { fiscalYearLabel } from './documents.ts';
import { judge } from './extraction.ts';
import { adultHealthRepository } from './repository.ts';
import { issueOneTicket, type ReissueRequest } from './ticket-issue.ts';

export const applicationSource = 'adult-health.application';

export type ApplicationInput = {
  residentId: number;
  fiscalYear: number;
  channel: ApplicationChannel;
  programs: ProgramCode[];
  mode: ApplicationMode;
  institutionId: number | null;
  sessionId: number | null;
  slotId: number | null;
  appliedOn: string;
  note: string;
  externalNo?: string | null;
  /** 訂正のための再申込: the earlier application (not yet issued) cancelled in the same transaction */
  replaces?: { id: number; version: number; reason: string } | null;
};

const screen = '成人保健 個別受付';

export function applicationsService(deps: {
  database: Database;
  audit: AuditService;
  reservations: ReservationsService;
  programSettings: (fy: number) => Promise<ProgramSettings[]>;
  reissue: (actor: Actor, v: ReissueRequest) => Promise<{ pdf: Buffer; record: { id: number } }>;
}) {
  const { database, audit, reservations } = deps;
  const facts = adultHealthRepository(database);
  const { sessionChoices, checkInstitution, checkSession } = applicationPlaces(database, reservations);

  // staff cancelling or moving the booking on the reservations screens keep the application in step
  reservations.registerSource(applicationSource, {
    async cancelled(tx, b) {
      await tx.query(
        `UPDATE screening_applications SET status = 'cancelled', note = trim(note || ' 予約の取消により取消'),
           version = version + 1, updated_at = now()
         WHERE id = $1 AND booking_id = $2 AND status <> 'cancelled'`,
        [b.sourceRef, b.id],
      );
    },
    async moved(tx, from, to) {
      await tx.query(
        `UPDATE screening_applications SET booking_id = $3, version = version + 1, updated_at = now()
         WHERE id = $1 AND booking_id = $2`,
        [from.sourceRef, from.id, to.id],
      );
    },
  });

  async function judgements(residentId: number, fy: number) {
    const f = await facts.personFacts(residentId, fy);
    if (!f) throw notFound('宛名');
    const settings = await deps.programSettings(fy);
    const js = judge(settings, f.person, fy, f.history, f.optOuts).map((j, i) => ({
      ...j,
      name: settings[i]!.name,
    }));
    return { settings, judgements: js };
  }

  async function list(actor: Actor, f: ApplicationFilter, page: { offset: number; limit: number } | null) {
    const r = await repo.list(database, f, page);
    await audit.record(actor, {
      action: page ? 'view' : 'export',
      screen: '成人保健 申込一覧',
      residentIds: [...new Set(r.rows.map((x) => x.residentId))],
      summary: `${fiscalYearLabel(f.fiscalYear)}の申込一覧${page ? '' : 'のCSV出力'}（${r.total}件）`,
      detail: { filter: f },
    });
    return r;
  }

  async function mustGet(q: SqlRunner, id: number) {
    const a = await repo.get(q, id);
    if (!a) throw notFound('申込');
    return a;
  }

  /** 取消 inside a transaction: the application (at `version`) and its 集団検診 booking, whose place is freed. */
  async function cancelIn(tx: SqlTransaction, actor: Actor, id: number, reason: string, version: number) {
    const a = await mustGet(tx, id);
    if (a.status === 'cancelled')
      throw new AppError(409, 'APPLICATION_CANCELLED', 'この申込は既に取り消されています。');
    const note = `${a.note} 取消: ${reason}`.trim();
    const row = await repo.update(tx, id, version, { status: 'cancelled', note }, actor.userId);
    if (!row) throw conflict('この申込', a);
    if (a.bookingId !== null) {
      const [b] = await tx.query<{ session_id: number }>('SELECT session_id FROM bookings WHERE id = $1', [
        a.bookingId,
      ]);
      if (b)
        await reservations.cancelActive(tx, Number(b.session_id), a.residentId, `申込の取消（${reason}）`);
    }
    return row;
  }

  function bookingText(a: {
    sessionDate: string | null;
    startTime: string | null;
    venueName: string | null;
  }) {
    return a.sessionDate ? `${formatWareki(a.sessionDate)} ${a.startTime}〜 ${a.venueName}` : undefined;
  }

  return {
    applicationSource,

    /** The check screen: the person, 受診歴 and judgement per program, the person's applications, choices. */
    async prepare(actor: Actor, residentId: number, fy: number) {
      const [person] = await database.query<Record<string, unknown>>(
        `SELECT id, atena_no AS "atenaNo", name, name_kana AS "nameKana", birth_date AS "birthDate", sex, status
         FROM residents WHERE id = $1`,
        [residentId],
      );
      if (!person) throw notFound('宛名');
      const { settings, judgements: js } = await judgements(residentId, fy);
      const records = await database.query<{ program: string; screenedOn: string; result: string | null }>(
        `SELECT program, screened_on AS "screenedOn", result FROM screening_records
         WHERE resident_id = $1 AND fiscal_year <= $2`,
        [residentId, fy],
      );
      const history = historySummary(settings, js, records).map((h, i) => ({
        ...h,
        enabled: settings[i]!.enabled,
        delivery: settings[i]!.delivery,
        age: js[i]!.ageAtFiscalYearEnd,
      }));
      const applications = (await repo.list(database, { fiscalYear: fy, residentId }, null)).rows;
      const institutions = await database.query<{ id: number; name: string; programs: string[] }>(
        'SELECT id, name, programs FROM medical_institutions WHERE active ORDER BY code',
      );
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [residentId],
        summary: `${fiscalYearLabel(fy)}の受診歴の確認`,
      });
      return {
        fiscalYear: fy,
        person,
        history,
        applications,
        sessions: await sessionChoices(fy),
        institutions: institutions.map((i) => ({ ...i, id: Number(i.id) })),
      };
    },

    /** 申込情報登録: refused (400) with the reasons when a requested program is not due this 年度. */
    async register(actor: Actor, v: ApplicationInput) {
      const programs = [...new Set(v.programs)];
      if (programs.length === 0) throw badRequest('申し込む検診を1つ以上選んでください。');
      if (v.mode === 'group' && v.sessionId === null) throw badRequest('集団検診の日程を選んでください。');
      if (v.mode === 'individual' && v.sessionId !== null)
        throw badRequest('個別検診の申込では日程を選べません。受診形態を「集団」にしてください。');
      const { judgements: js } = await judgements(v.residentId, v.fiscalYear);
      const check = checkApplication(js, programs);
      if (!check.ok)
        throw badRequest(`今年度受診できない検診があるため申し込めません（${check.message}）。`, {
          refused: check.results.filter((r) => !r.ok),
        });
      if (v.institutionId !== null) await checkInstitution(v.institutionId, programs);
      if (v.sessionId !== null) await checkSession(v.sessionId, programs);

      const saved = await database.transaction(async (tx) => {
        // one application per 年度 × person × program: the person's row locked so two clerks cannot both pass
        await tx.query('SELECT id FROM residents WHERE id = $1 FOR UPDATE', [v.residentId]);
        if (v.replaces) await cancelIn(tx, actor, v.replaces.id, v.replaces.reason, v.replaces.version);
        const [had] = await repo.overlapping(tx, v.fiscalYear, v.residentId, programs);
        if (had)
          throw new AppError(
            409,
            'ALREADY_APPLIED',
            `この方は${fiscalYearLabel(v.fiscalYear)}の${names(had.programs.filter((p) => (programs as string[]).includes(p)))}を既に申し込んでいます` +
              `（申込番号 ${had.id}・${formatWareki(had.appliedOn)} ${applicationChannels[had.channel]}受付・${applicationStatuses[had.status]}）。` +
              '申込一覧で確かめ、変えるときはその申込を取り消してから登録してください。',
            { current: had },
          );
        const a = await repo.insert(
          tx,
          {
            fiscalYear: v.fiscalYear,
            residentId: v.residentId,
            channel: v.channel,
            programs,
            mode: v.mode,
            institutionId: v.mode === 'individual' ? v.institutionId : null,
            appliedOn: v.appliedOn,
            externalNo: v.externalNo ?? null,
            note: v.note,
          },
          actor.userId,
        );
        if (v.sessionId === null) return a;
        const b = await reservations.book(
          actor,
          {
            sessionId: v.sessionId,
            slotId: v.slotId,
            residentId: v.residentId,
            source: applicationSource,
            sourceRef: a.id,
            asOf: v.appliedOn,
          },
          tx,
        );
        return (await repo.update(tx, a.id, a.version, { bookingId: b.id }, actor.userId))!;
      });
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [v.residentId],
        summary: `申込を登録（${applicationChannels[v.channel]}・${names(programs)}）${v.replaces ? `・申込番号${v.replaces.id}を訂正により取消` : ''}`,
        detail: { application: saved, replaced: v.replaces?.id ?? null },
      });
      return mustGet(database, saved.id);
    },

    /**
     * 受診票（券）の発行: exactly the applied programs (coupon where due, 免除, the booked session or the
     * institution), through the mailings engine (PDF + send record: 窓口交付 or 郵送).
     */
    async issueTicket(actor: Actor, id: number, o: { method: Extract<SendMethod, 'counter' | 'post'> }) {
      const a = await mustGet(database, id);
      if (a.status === 'cancelled')
        throw new AppError(
          409,
          'APPLICATION_CANCELLED',
          '取り消した申込には受診票を発行できません。新しく申込を登録してください。',
        );
      const { pdf, record } = await issueOneTicket(
        { database, programSettings: deps.programSettings, reissue: deps.reissue },
        actor,
        {
          residentId: a.residentId,
          fiscalYear: a.fiscalYear,
          method: o.method,
          reason: `個別受付（${applicationChannels[a.channel]}）申込番号${a.id}`,
          programs: a.programs,
          booking: bookingText(a),
          institution: a.institutionName ?? undefined,
        },
      );
      const updated = await repo.update(
        database,
        id,
        null,
        { status: 'ticket_issued', ticketSendRecordId: record.id },
        actor.userId,
      );
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [a.residentId],
        summary: `申込の受診票を発行（${o.method === 'counter' ? '窓口交付' : '郵送'}）`,
        detail: { applicationId: id, sendRecordId: record.id },
      });
      return { pdf, application: updated! };
    },

    /** 取消 (with the 集団検診 booking). */
    async cancel(actor: Actor, id: number, reason: string, version: number) {
      const done = await database.transaction((tx) => cancelIn(tx, actor, id, reason, version));
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [done.residentId],
        summary: `申込を取消（${reason}）`,
        detail: { application: done },
      });
      return done;
    },

    /** 申込一覧 (年度, 検診, 受付方法, 状態, 氏名・宛名番号) with paging; the read is audited with the ids. */
    list: (actor: Actor, f: ApplicationFilter, page: { offset: number; limit: number }) =>
      list(actor, f, page),

    /** 申込一覧のCSV (all rows of the filter): UTF-8 with BOM or Shift_JIS. */
    async exportCsv(actor: Actor, f: ApplicationFilter, encoding: CsvEncoding) {
      const { rows } = await list(actor, f, null);
      return {
        ...toCsv(rows, applicationColumns, encoding),
        title: `${fiscalYearLabel(f.fiscalYear)}_申込一覧`,
      };
    },
  };
}

export type ApplicationsService = ReturnType<typeof applicationsService>;
