/**
 * 電子申請の登録 (F02-04 手順3〜4): one application of an imported file registered for a resident through the
 * applications service (受診歴の確認 and 定員 there). A 訂正のための再申込 (元申込番号, docs/interfaces/e-application.md
 * 「重複と訂正」) replaces the earlier application in the same transaction while its 受診票 is not yet issued;
 * once issued, or when it belongs to another person, the correction waits for review with the reason.
 */
import type { Actor } from '../../platform/audit/service.ts';
import { formatWareki, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest } from '../../platform/errors/app-error.ts';
import { bookingRefusal, type ReservationsService } from '../../platform/reservations/index.ts';
import { groupScreeningPurpose } from '../programs/index.ts';
import type { ApplicationsService } from './applications.ts';
import type { ApplicationRow } from './e-application-file.ts';

export type Registration =
  | { ok: true; applicationId: number; message: string }
  | { ok: false; code: string; message: string };

/** Refusals a clerk can settle (another application of the same 検診, a correction to check) → 確認待ち. */
export const reviewCodes = new Set([
  'ALREADY_APPLIED',
  'CORRECTION_TICKET_ISSUED',
  'CORRECTION_OTHER_PERSON',
  'VERSION_CONFLICT',
]);

type Earlier = { id: number; residentId: number; status: string; version: number };

export function eApplicationRegistrar(deps: {
  database: Database;
  reservations: ReservationsService;
  applications: ApplicationsService;
}) {
  const { database, applications } = deps;

  /** 集団: the bookable session of the 希望日 (at the 希望会場 when given), the first slot with places left. */
  async function sessionOf(fy: number, row: ApplicationRow) {
    if (!row.preferredDate)
      throw badRequest(
        '集団検診の希望日がありません。申込者に希望日を確かめ、窓口の受付で登録してください。',
      );
    const sessions = (
      await deps.reservations.sessions.list({ purpose: groupScreeningPurpose, fiscalYear: fy })
    )
      .filter((s) => s.sessionDate === row.preferredDate && bookingRefusal(s, today()) === null)
      .filter((s) => !row.venue || s.venueName.includes(row.venue) || row.venue.includes(s.venueName));
    const s = sessions[0];
    if (!s)
      throw badRequest(
        `希望日 ${formatWareki(row.preferredDate)}${row.venue ? `・${row.venue}` : ''}に申し込める集団検診の日程がありません。日程を確かめ、申込者と相談して窓口の受付で登録してください。`,
      );
    const slot = s.slots.find((t) => t.booked < t.capacity) ?? s.slots[0];
    return { sessionId: s.id, slotId: slot?.id ?? null };
  }

  /** The application registered under an 申込番号 (電子申請の申込番号 = external_no), if any. */
  async function byExternalNo(no: string): Promise<Earlier | null> {
    const [a] = await database.query<Earlier>(
      `SELECT id, resident_id AS "residentId", status, version FROM screening_applications WHERE external_no = $1`,
      [no],
    );
    return a ? { ...a, id: Number(a.id), residentId: Number(a.residentId) } : null;
  }

  /** What a correction does to the earlier application: replace it, or stop for review. */
  async function correction(row: ApplicationRow, residentId: number) {
    const earlier = row.originalNo ? await byExternalNo(row.originalNo) : null;
    if (!earlier || earlier.status === 'cancelled') return { replaces: null };
    const no = `訂正前の申込（申込番号 ${row.originalNo}・受付番号 ${earlier.id}）`;
    if (earlier.residentId !== residentId)
      throw new AppError(
        409,
        'CORRECTION_OTHER_PERSON',
        `${no}は別の方の申込です。訂正前の申込と申込者を確かめ、正しい方を選んでください。`,
      );
    if (earlier.status !== 'accepted')
      throw new AppError(
        409,
        'CORRECTION_TICKET_ISSUED',
        `${no}は受診票を発行済みです。申込一覧で訂正前の申込を取り消してから登録するか、申込者に確かめてください。`,
      );
    return {
      replaces: {
        id: earlier.id,
        version: earlier.version,
        reason: `訂正のための再申込（申込番号 ${row.applicationNo}）で置き換え`,
      },
    };
  }

  return {
    byExternalNo,

    /** Registers the application for the resident; a refusal (400/409) is returned with its message. */
    async register(actor: Actor, fy: number, row: ApplicationRow, residentId: number): Promise<Registration> {
      try {
        const { replaces } = await correction(row, residentId);
        const place = row.form === 'group' ? await sessionOf(fy, row) : { sessionId: null, slotId: null };
        const [inst] = row.clinic
          ? await database.query<{ id: number }>(
              'SELECT id FROM medical_institutions WHERE active AND name = $1',
              [row.clinic],
            )
          : [];
        const note = [row.note, row.clinic && !inst ? `希望医療機関: ${row.clinic}` : '']
          .filter(Boolean)
          .join(' ');
        const a = await applications.register(actor, {
          residentId,
          fiscalYear: fy,
          channel: 'e_application',
          programs: row.programs,
          mode: row.form,
          institutionId: row.form === 'individual' && inst ? Number(inst.id) : null,
          ...place,
          appliedOn: row.appliedAt.slice(0, 10),
          note,
          externalNo: row.applicationNo,
          replaces,
        });
        return {
          ok: true,
          applicationId: a.id,
          message: replaces ? `訂正前の申込（申込番号 ${row.originalNo}）を取り消して置き換え` : '',
        };
      } catch (e) {
        if (e instanceof AppError && (e.status === 400 || e.status === 409))
          return { ok: false, code: e.code, message: e.message };
        throw e;
      }
    },
  };
}
