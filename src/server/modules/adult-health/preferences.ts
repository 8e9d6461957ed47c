/**
 * 受診希望 (F02-01 step 7): the checkups a person asked for in the preference survey — typed by staff from
 * returned forms (paper) or phone calls, or imported from CSV/XML answers (電子申請, OCR vendors) — with the
 * 希望形態 (集団 / 個別) and the booked 集団検診 session when booking is done with the survey (集団 without a
 * session waits for 日程割当, allocation-service.ts). Imports are row-accounted: a dry run lists every wrong row
 * with what to fix; the commit saves the correct rows and reports the rest. The booked session is a booking of
 * the reservations engine (source 'adult-health.preference'), made or cancelled in the same transaction as the
 * answer: the engine locks the session and counts its bookings, so concurrent bookings cannot pass the 定員,
 * and screening_preferences.session_id always equals the answer's active booking.
 */

import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { fiscalYearOf, parseDateInput, today } from '../../platform/calendar/index.ts';
import type { Database, SqlRunner } from '../../platform/db/connect.ts';
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import { bookingRefusal, type ReservationsService } from '../../platform/reservations/index.ts';
import { groupScreeningPurpose } from '../programs/index.ts';
import type { ProgramCode } from '../programs/types.ts';
import {
  channelFromText,
  formFromText,
  type ImportError,
  type PreferenceChannel,
  programFromText,
  readAnswerFile,
} from './answer-file.ts';
import { type GroupSession, groupSessionSql, preferenceBookings, sessionOf } from './preference-bookings.ts';

export type PreferenceInput = {
  residentId: number;
  programs: ProgramCode[];
  /** 希望形態 集団 (always true with a session) */
  wantsGroup: boolean;
  sessionId: number | null;
  channel: PreferenceChannel;
  answeredOn: string;
  note: string;
  surveyListId?: number | null;
};

export { preferenceChannels, programFromText } from './answer-file.ts';
export { preferenceSource } from './preference-bookings.ts';

export function preferencesService(deps: {
  database: Database;
  audit: AuditService;
  reservations: ReservationsService;
}) {
  const { database, audit, reservations } = deps;
  const screen = '成人保健 受診希望';

  const { rebook } = preferenceBookings(reservations);

  async function sessionsOf(fy: number, q: SqlRunner = database): Promise<GroupSession[]> {
    return q.query<GroupSession>(`${groupSessionSql} ORDER BY s.session_date, s.start_time, s.id`, [fy]);
  }

  const prefCols = `resident_id AS "residentId", fiscal_year AS "fiscalYear", programs, wants_group AS "wantsGroup",
    session_id AS "sessionId", channel, answered_on AS "answeredOn", note, survey_list_id AS "surveyListId", version`;

  async function current(q: SqlRunner, fy: number, residentId: number) {
    const [row] = await q.query(
      `SELECT ${prefCols} FROM screening_preferences WHERE fiscal_year = $1 AND resident_id = $2`,
      [fy, residentId],
    );
    return row;
  }

  /**
   * upsert: imports overwrite (the latest answer counts); by hand, a new answer must not overwrite one.
   * `q`: the caller's transaction.
   */
  async function save(q: SqlRunner, actor: Actor, fy: number, v: PreferenceInput, version?: number | 'new') {
    if (v.programs.length === 0) throw badRequest('希望する検診を1つ以上選んでください。');
    if (fiscalYearOf(v.answeredOn) < fy - 1) throw badRequest('回答日が年度と合いません。');
    const wantsGroup = v.wantsGroup || v.sessionId !== null;
    const insert = `INSERT INTO screening_preferences (fiscal_year, resident_id, survey_list_id, programs, wants_group,
        session_id, channel, answered_on, note, updated_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
    const values = [
      fy,
      v.residentId,
      v.surveyListId ?? null,
      v.programs,
      wantsGroup,
      v.sessionId,
      v.channel,
      v.answeredOn,
      v.note,
      actor.userId,
    ];
    if (version === 'new') {
      const rows = await q.query<{ id: number; version: number }>(
        `${insert} ON CONFLICT (fiscal_year, resident_id) DO NOTHING RETURNING id, version`,
        values,
      );
      if (rows.length === 0) throw conflict('受診希望', await current(q, fy, v.residentId));
      return rows[0]!;
    }
    if (version === undefined) {
      const rows = await q.query<{ id: number; version: number }>(
        `${insert}
         ON CONFLICT (fiscal_year, resident_id) DO UPDATE SET programs = EXCLUDED.programs,
           wants_group = EXCLUDED.wants_group, session_id = EXCLUDED.session_id, channel = EXCLUDED.channel,
           answered_on = EXCLUDED.answered_on, note = EXCLUDED.note,
           survey_list_id = coalesce(EXCLUDED.survey_list_id, screening_preferences.survey_list_id),
           version = screening_preferences.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING id, version`,
        values,
      );
      return rows[0]!;
    }
    const rows = await q.query<{ id: number; version: number }>(
      `UPDATE screening_preferences SET programs = $3, wants_group = $4, session_id = $5, channel = $6,
         answered_on = $7, note = $8, version = version + 1, updated_by = $9, updated_at = now()
       WHERE fiscal_year = $1 AND resident_id = $2 AND version = $10 RETURNING id, version`,
      [
        fy,
        v.residentId,
        v.programs,
        wantsGroup,
        v.sessionId,
        v.channel,
        v.answeredOn,
        v.note,
        actor.userId,
        version,
      ],
    );
    if (rows.length === 0) {
      const cur = await current(q, fy, v.residentId);
      if (!cur) throw notFound('受診希望');
      throw conflict('受診希望', cur);
    }
    return rows[0]!;
  }

  return {
    sessionsOf,

    /** One person's answer of the 年度 (for editing), or null. */
    async get(actor: Actor, fy: number, residentId: number) {
      const row = await current(database, fy, residentId);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [residentId],
        summary: `${fy}年度 受診希望`,
      });
      return row ?? null;
    },

    /**
     * Registers one person's answer: without `version` it must be new (an existing answer is a 409 with the
     * stored one, so nobody's answer is overwritten unseen); with `version` it edits with optimistic locking.
     */
    async register(actor: Actor, fy: number, v: PreferenceInput, version?: number) {
      const row = await database.transaction(async (tx) => {
        const [person] = await tx.query('SELECT id FROM residents WHERE id = $1', [v.residentId]);
        if (!person) throw notFound('宛名');
        if (v.sessionId !== null) {
          const [s] = await tx.query<GroupSession>(`${groupSessionSql} AND s.id = $2`, [fy, v.sessionId]);
          if (!s) throw badRequest('集団検診の日程が見つかりません。');
          if (!s.programs.some((p) => v.programs.includes(p as ProgramCode)))
            throw badRequest('選んだ日程では希望の検診を行いません。日程を選び直してください。');
          if (s.session_date < v.answeredOn)
            throw badRequest('選んだ日程は回答日より前に終わっています。これからの日程を選んでください。');
        }
        const before = await current(tx, fy, v.residentId);
        const saved = await save(tx, actor, fy, v, version ?? 'new');
        await rebook(
          tx,
          actor,
          v,
          Number(saved.id),
          before ? ((before.sessionId as number | null) ?? null) : null,
        );
        return saved;
      });
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [v.residentId],
        summary: '受診希望を登録',
        detail: v,
      });
      return row;
    },

    /** Deletes the answer and cancels its booking. */
    async remove(actor: Actor, fy: number, residentId: number) {
      const rows = await database.transaction(async (tx) => {
        const rows = await tx.query<{ session_id: number | null }>(
          'DELETE FROM screening_preferences WHERE fiscal_year = $1 AND resident_id = $2 RETURNING session_id',
          [fy, residentId],
        );
        const sessionId = rows[0]?.session_id;
        if (sessionId) await reservations.cancelActive(tx, Number(sessionId), residentId, '受診希望の削除');
        return rows;
      });
      if (rows.length === 0) throw notFound('受診希望');
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: '受診希望を削除',
      });
    },

    async list(
      actor: Actor,
      fy: number,
      f: { sessionId?: number; program?: string; offset: number; limit: number },
    ) {
      const params: unknown[] = [fy];
      const c = ['p.fiscal_year = $1'];
      if (f.sessionId) {
        params.push(f.sessionId);
        c.push(`p.session_id = $${params.length}`);
      }
      if (f.program) {
        params.push(f.program);
        c.push(`$${params.length} = ANY(p.programs)`);
      }
      const [t] = await database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM screening_preferences p WHERE ${c.join(' AND ')}`,
        params,
      );
      params.push(f.limit, f.offset);
      const rows = await database.query<{ residentId: number }>(
        `SELECT p.resident_id AS "residentId", r.atena_no AS "atenaNo", r.name, r.name_kana AS "nameKana",
           r.birth_date AS "birthDate", p.programs, p.wants_group AS "wantsGroup", p.session_id AS "sessionId", p.channel,
           p.answered_on AS "answeredOn", p.note, p.version
         FROM screening_preferences p JOIN residents r ON r.id = p.resident_id
         WHERE ${c.join(' AND ')} ORDER BY p.updated_at DESC, p.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      );
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: rows.map((r) => r.residentId),
        summary: `${fy}年度 受診希望一覧`,
      });
      return { rows, total: t?.n ?? 0 };
    },

    /**
     * CSV/XML answers: validates every row (宛名番号 known, 希望検診 and 希望形態 readable, 集団検診日 matching a
     * session of the 年度 for one of the programs, dates) and, unless dryRun, saves the correct rows in one
     * transaction.
     */
    async importAnswers(actor: Actor, fy: number, file: Buffer, o: { kind: 'csv' | 'xml'; dryRun: boolean }) {
      const rows = readAnswerFile(file, o.kind);
      if (rows.length === 0) throw badRequest('取り込む行がありません。');
      const { valid, errors } = await database.transaction(async (tx) => {
        const atenaNos = [...new Set(rows.map((r) => r.atenaNo).filter(Boolean))];
        const people = await tx.query<{ id: number; atena_no: string }>(
          'SELECT id, atena_no FROM residents WHERE atena_no = ANY($1::text[])',
          [atenaNos],
        );
        const idOf = new Map(people.map((p) => [p.atena_no, Number(p.id)]));
        // 定員: bookings already made (the sessions locked when saving), kept up to date row by row
        if (!o.dryRun)
          await tx.query(
            `SELECT id FROM reservation_sessions WHERE fiscal_year = $1 AND purpose = $2 ORDER BY id FOR UPDATE`,
            [fy, groupScreeningPurpose],
          );
        const sessions = await sessionsOf(fy, tx);
        const existing = await tx.query<{ resident_id: number; session_id: number }>(
          'SELECT resident_id, session_id FROM screening_preferences WHERE fiscal_year = $1 AND session_id IS NOT NULL',
          [fy],
        );
        const bookedBy = new Map(existing.map((b) => [Number(b.resident_id), Number(b.session_id)]));
        const counts = await tx.query<{ session_id: number; n: number }>(
          `SELECT session_id, count(*)::int AS n FROM bookings
           WHERE status = 'booked' AND session_id = ANY($1::bigint[]) GROUP BY session_id`,
          [sessions.map((x) => Number(x.id))],
        );
        const booked = new Map(counts.map((c) => [Number(c.session_id), c.n]));
        const errors: ImportError[] = [];
        const valid: PreferenceInput[] = [];
        const fallback: PreferenceChannel = o.kind;
        for (const r of rows) {
          const fail = (message: string) => errors.push({ line: r.line, atenaNo: r.atenaNo, message });
          const residentId = idOf.get(r.atenaNo);
          if (!r.atenaNo) {
            fail('宛名番号が空です。');
            continue;
          }
          if (!residentId) {
            fail(`宛名番号 ${r.atenaNo} の方が見つかりません。宛名番号を確かめてください。`);
            continue;
          }
          const parts = r.programs.split(/[・、,;／/\s]+/).filter(Boolean);
          const programs = parts.map(programFromText);
          const unknown = parts.filter((_, i) => programs[i] === null);
          if (parts.length === 0) {
            fail('希望検診が空です（例: 胃がん・大腸がん）。');
            continue;
          }
          if (unknown.length) {
            fail(
              `希望検診「${unknown.join('、')}」が読めません。検診名（例: 胃がん検診）かコード（例: stomach）で書いてください。`,
            );
            continue;
          }
          const answered = r.answeredOn ? parseDateInput(r.answeredOn) : { ok: true as const, date: today() };
          if (!answered.ok) {
            fail(`回答日: ${answered.message}`);
            continue;
          }
          const channel = channelFromText(r.channel, fallback);
          if (!channel) {
            fail(`受付方法「${r.channel}」が読めません（紙・電話・窓口・電子申請）。`);
            continue;
          }
          const form = r.form ? formFromText(r.form) : null;
          if (r.form && !form) {
            fail(`希望形態「${r.form}」が読めません（集団・個別）。`);
            continue;
          }
          if (form === 'individual' && r.sessionDate) {
            fail('希望形態が「個別」ですが集団検診日が書かれています。どちらかを直してください。');
            continue;
          }
          let sessionId: number | null = null;
          if (r.sessionDate) {
            const d = parseDateInput(r.sessionDate);
            if (!d.ok) {
              fail(`集団検診日: ${d.message}`);
              continue;
            }
            const match = sessions.filter(
              (s) =>
                s.session_date === d.date &&
                s.programs.some((p) => programs.includes(p as ProgramCode)) &&
                (!r.venue || s.venue === r.venue),
            );
            if (match.length !== 1) {
              fail(
                match.length === 0
                  ? `${r.sessionDate} に希望の検診を行う集団検診の日程がありません。`
                  : `${r.sessionDate} は会場が複数あります。会場の列に会場名を書いてください。`,
              );
              continue;
            }
            sessionId = Number(match[0]!.id);
            const had = bookedBy.get(residentId);
            const refusal = had === sessionId ? null : bookingRefusal(sessionOf(match[0]!), answered.date);
            if (refusal) {
              fail(`${r.sessionDate} ${match[0]!.venue}: ${refusal}`);
              continue;
            }
            if (had !== sessionId) {
              const n = booked.get(sessionId) ?? 0;
              if (n >= match[0]!.capacity) {
                fail(`${r.sessionDate} ${match[0]!.venue} は定員（${match[0]!.capacity}人）に達しています。`);
                continue;
              }
              booked.set(sessionId, n + 1);
              if (had !== undefined) booked.set(had, (booked.get(had) ?? 1) - 1);
              bookedBy.set(residentId, sessionId);
            }
          }
          valid.push({
            residentId,
            programs: [...new Set(programs as ProgramCode[])],
            wantsGroup: form === 'group' || sessionId !== null,
            sessionId,
            channel,
            answeredOn: answered.date,
            note: r.note,
          });
        }
        if (!o.dryRun)
          for (const v of valid) {
            const before = await current(tx, fy, v.residentId);
            const saved = await save(tx, actor, fy, v);
            await rebook(
              tx,
              actor,
              v,
              Number(saved.id),
              before ? ((before.sessionId as number | null) ?? null) : null,
            );
          }
        return { valid, errors };
      });
      await audit.record(actor, {
        action: o.dryRun ? 'view' : 'import',
        screen,
        residentIds: valid.map((v) => v.residentId),
        summary: `受診希望の${o.dryRun ? '取込確認' : '取込'}（${o.kind.toUpperCase()} ${rows.length}行: 正常 ${valid.length} / エラー ${errors.length}）`,
      });
      return { total: rows.length, valid: valid.length, saved: o.dryRun ? 0 : valid.length, errors };
    },
  };
}

export type PreferencesService = ReturnType<typeof preferencesService>;
