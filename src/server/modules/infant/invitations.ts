/**
 * 乳幼児健診の案内 (F07-03): the checkup's group sessions (集団健診) in the reservations engine, the 健診対象児の抽出
 * as a job (a 対象者リスト: each child with the session allocated or a 受診票番号), review (exclude with a reason:
 * 入院中, 転出予定 …), and the mailing of 健診案内通知 + 健康診査票 as a job — the allocated children booked on their
 * sessions, then 引き抜き, printing and send records by the mailings engine. Every read and change is audited.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { dayOfWeek, fiscalYearOf, formatWareki, isValidDate, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest, notFound } from '../../platform/errors/app-error.ts';
import { type ListJobs, listLifecycle } from '../../platform/extraction/list-lifecycle.ts';
import type { EntryFilter, EntryRow } from '../../platform/extraction/repository.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
import { mailingFromList } from '../../platform/mailings/from-list.ts';
import type { ListMailingsPort } from '../../platform/mailings/ports.ts';
import type { PurposeRecheck, SendMethod } from '../../platform/mailings/types.ts';
import type { ReservationsService } from '../../platform/reservations/service.ts';
import { type InfantCheckup, infantCheckupItemLabels, infantCheckupOf, infantCheckups } from './checkups.ts';
import { type InvitationPayload, invitationPurpose } from './invitation-document.ts';
import { noSessionLabel } from './invitation-rules.ts';
import {
  checkupSessions,
  type InvitationDetail,
  type InvitationSettings,
  infantSessionPurpose,
  infantSessionPurposeDef,
  invitationSource,
} from './invitation-source.ts';

export const invitationExtractJobKind = 'infant.invitation-extract';
export const invitationMailingJobKind = 'infant.invitation-mailing';
const screen = '乳幼児健診の案内';
const bookingSource = 'infant.invitation';

/** 除外理由 staff choose (F07-03: children judged in advance not to need an invitation). */
export const invitationExclusionReasons = {
  hospitalized: '入院中',
  moving_out: '転出予定',
  elsewhere: '他市町村・医療機関で受診予定',
  examined: '受診済（記録未着）',
  other: 'その他',
} as const;
const exclusionLabel = (r: string | null) =>
  r === 'auto:no_session'
    ? noSessionLabel
    : ((invitationExclusionReasons as Record<string, string>)[r ?? ''] ?? r ?? '');

export const pulledOutExamined = { reason: 'examined', label: '受診済（抽出後に結果登録）' } as const;

const weekdays = ['日', '月', '火', '水', '木', '金', '土'];
/** 「令和8年10月6日（火） 13:00〜15:00」 */
export const sessionText = (d: { sessionDate: string; startTime: string; endTime: string }) =>
  d.sessionDate
    ? `${formatWareki(d.sessionDate)}（${weekdays[dayOfWeek(d.sessionDate)]}） ${d.startTime}〜${d.endTime}`
    : '';

/** The letter of one child (invitation and reminder alike). */
export function invitationPayload(
  c: InfantCheckup,
  e: Pick<EntryRow, 'atenaNo' | 'name' | 'birthDate'>,
  d: InvitationDetail,
): InvitationPayload {
  return {
    checkup: c.code,
    checkupName: c.name,
    atenaNo: e.atenaNo,
    childName: e.name,
    birthDate: formatWareki(e.birthDate),
    mode: d.mode,
    sessionText: sessionText(d),
    venue: d.venue,
    ticketNo: d.ticketNo,
    validFrom: formatWareki(d.windowFrom),
    validTo: formatWareki(d.windowTo),
    bring: [
      '母子健康手帳',
      '健康診査票（この通知の2枚目）',
      ...(d.mode === 'individual' ? ['資格確認書または保険証'] : []),
      ...(c.dental ? ['歯ブラシ'] : []),
    ],
    items: c.items.map((i) => infantCheckupItemLabels[i] ?? i),
    dental: c.dental,
  };
}

/** Print-time re-check: a result of the checkup entered after the extraction pulls the child out. */
export function examinedRecheck(database: Database): PurposeRecheck {
  return async (items) => {
    const out = new Map<number, { reason: string; label: string }>();
    const byCheckup = new Map<string, number[]>();
    for (const i of items) {
      const code = (i.payload as { checkup?: string }).checkup ?? '';
      byCheckup.set(code, [...(byCheckup.get(code) ?? []), i.residentId]);
    }
    for (const [code, ids] of byCheckup) {
      const rows = await database.query<{ child_resident_id: number }>(
        `SELECT child_resident_id FROM infant_checkup_results WHERE checkup = $1 AND child_resident_id = ANY($2::bigint[])`,
        [code, ids],
      );
      for (const r of rows) out.set(Number(r.child_resident_id), pulledOutExamined);
    }
    return out;
  };
}

export type InvitationRequest = { checkup: string; mode?: 'group' | 'individual'; from: string; to: string };

export function infantInvitationsService(deps: {
  database: Database;
  audit: AuditService;
  jobs: ListJobs;
  mailings: ListMailingsPort;
  reservations: Pick<ReservationsService, 'registerPurpose' | 'bookAll' | 'sessions'>;
}) {
  const { database } = deps;
  deps.reservations.registerPurpose(infantSessionPurposeDef);
  deps.mailings.registerPurpose({
    code: invitationPurpose,
    title: '乳幼児健診 案内通知・健康診査票',
    template: invitationPurpose,
    recheck: examinedRecheck(database),
    allowedStatuses: ['resident', 'non_registered'],
  });
  const life = listLifecycle(deps, {
    purposePrefix: 'infant.invitation',
    jobKind: invitationExtractJobKind,
    screen,
    listName: '乳幼児健診の対象者リスト',
    exclusionReasons: invitationExclusionReasons,
    exclusionLabel,
    cannotRestore: (e) =>
      e.exclusionReason?.startsWith('auto:')
        ? `「${exclusionLabel(e.exclusionReason)}」は抽出の判定による除外です。日程を追加して抽出し直してください。`
        : null,
  });

  function settingsOf(r: InvitationRequest): { c: InfantCheckup; s: InvitationSettings } {
    const c = infantCheckupOf(r.checkup);
    const fields: { path: string; message: string }[] = [];
    if (!c) fields.push({ path: 'checkup', message: '健診を選んでください。' });
    if (!isValidDate(r.from))
      fields.push({ path: 'from', message: '期間の始まりの日付が正しくありません。' });
    if (!isValidDate(r.to)) fields.push({ path: 'to', message: '期間の終わりの日付が正しくありません。' });
    else if (isValidDate(r.from) && r.from > r.to)
      fields.push({ path: 'to', message: '期間の終わりが始まりより前です。' });
    if (fields.length || !c)
      throw badRequest(`入力に誤りがあります（${fields.length}件）。${fields[0]!.message}`, { fields });
    return {
      c,
      s: {
        kind: 'infant.invitation',
        checkup: c.code,
        mode: r.mode ?? c.defaultMode,
        from: r.from,
        to: r.to,
      },
    };
  }

  const view = (r: EntryRow) => {
    const d = r.details as unknown as InvitationDetail;
    return {
      ...r,
      ...(r.supportMeasure ? { postalCode: '', address: '（支援措置のため非表示）', addressExtra: '' } : {}),
      invitedAt: d.invitedAt,
      session: sessionText(d),
      venue: d.venue,
      ticketNo: d.ticketNo,
      exclusionLabel: exclusionLabel(r.exclusionReason),
    };
  };

  return {
    meta: () => ({
      checkups: infantCheckups.map((c) => ({
        code: c.code,
        name: c.name,
        defaultMode: c.defaultMode,
        inviteAtMonths: c.inviteAtMonths,
        basis: c.basis,
      })),
      exclusionReasons: invitationExclusionReasons,
      today: today(),
    }),

    /** The checkup's open sessions from a day on (集団健診の日程), with their bookings. */
    async sessions(code: string, from: string) {
      if (!infantCheckupOf(code)) throw badRequest('健診を選んでください。');
      return checkupSessions(database, code, isValidDate(from) ? from : today());
    },

    /** A group session of a checkup in the reservations engine (purpose 乳幼児健診, program = the checkup). */
    async createSession(actor: Actor, v: Record<string, unknown> & { checkup: string; sessionDate: string }) {
      const { checkup, ...rest } = v;
      if (!infantCheckupOf(checkup)) throw badRequest('健診を選んでください。');
      return deps.reservations.sessions.create(actor, {
        ...rest,
        purpose: infantSessionPurpose,
        programs: [checkup],
        fiscalYear: isValidDate(v.sessionDate) ? fiscalYearOf(v.sessionDate) : undefined,
      });
    },

    async startExtraction(actor: Actor, r: InvitationRequest) {
      const { c, s } = settingsOf(r);
      const mode = s.mode === 'group' ? '集団' : '個別';
      return life.start(
        actor,
        {
          purpose: 'infant.invitation',
          title: `${c.name}（${mode}） ${formatWareki(s.from)}〜${formatWareki(s.to)}に生後${c.inviteAtMonths}月`,
          fiscalYear: fiscalYearOf(s.from),
          programs: [c.code],
          settings: s,
          criteria: { extractedOn: today(), extractedAt: new Date().toISOString() },
          createdBy: actor.userId,
        },
        r,
      );
    },

    async runExtraction(ctx: JobContext) {
      const result = await life.run(ctx, (list) => {
        const s = list.settings as InvitationSettings;
        return invitationSource(database, list.id, list.fiscalYear, infantCheckupOf(s.checkup)!, s);
      });
      const { counts } = result;
      return {
        message: `対象児 ${counts.included.toLocaleString('ja-JP')}人、除外 ${counts.excluded.toLocaleString('ja-JP')}人`,
        result,
      };
    },

    list: () => life.list(),
    get: life.mustGet,

    async entries(
      actor: Actor,
      listId: number,
      f: EntryFilter & { q?: string },
      page: { offset: number; limit: number },
    ) {
      const { rows, total } = await life.entries(actor, listId, f, page);
      return { rows: rows.map(view), total };
    },

    async exclude(actor: Actor, listId: number, residentId: number, v: { reason: string; note: string }) {
      await life.exclude(actor, listId, residentId, { reason: v.reason, note: v.note.trim() });
    },
    restore: life.restore,

    /** Queues the mailing job of a ready list. */
    async startMailing(actor: Actor, listId: number, o: { sendDate: string; method: SendMethod }) {
      const list = await life.mustGet(listId);
      if (list.status !== 'ready') throw badRequest('抽出が終わってから郵送物を作成してください。');
      return deps.jobs.enqueue(
        invitationMailingJobKind,
        `健診案内通知の郵送物作成: ${list.title}`,
        { listId, ...o, actor },
        actor.userId,
      );
    },

    /** The job: books the allocated children on their sessions, then one letter per child. */
    async runMailingJob(ctx: JobContext) {
      const p = ctx.job.params as { listId: number; sendDate: string; method: SendMethod; actor: Actor };
      const list = await life.lists.get(p.listId);
      if (!list) throw notFound('対象者リスト');
      const s = list.settings as InvitationSettings;
      const c = infantCheckupOf(s.checkup)!;
      return mailingFromList(ctx, deps, {
        actor: p.actor,
        list,
        purpose: invitationPurpose,
        what: '健診案内通知',
        sendDate: p.sendDate,
        method: p.method,
        async payloads(rows) {
          const toBook = rows
            .map((e) => ({ residentId: e.residentId, sessionId: (e.details as InvitationDetail).sessionId }))
            .filter((b): b is { residentId: number; sessionId: number } => b.sessionId !== null);
          if (toBook.length)
            await database.transaction(async (tx) => {
              const already = await tx.query<{ resident_id: number; session_id: number }>(
                `SELECT resident_id, session_id FROM bookings WHERE status = 'booked' AND resident_id = ANY($1::bigint[])
                   AND session_id = ANY($2::bigint[])`,
                [toBook.map((b) => b.residentId), toBook.map((b) => b.sessionId)],
              );
              const booked = new Set(already.map((r) => `${r.resident_id}:${r.session_id}`));
              const items = toBook
                .filter((b) => !booked.has(`${b.residentId}:${b.sessionId}`))
                .map((b) => ({ ...b, sourceRef: list.id }));
              if (items.length) await deps.reservations.bookAll(tx, p.actor, bookingSource, items);
            });
          return rows.map((e) => ({
            residentId: e.residentId,
            payload: invitationPayload(c, e, e.details as unknown as InvitationDetail),
          }));
        },
      });
    },
  };
}

export type InfantInvitationsService = ReturnType<typeof infantInvitationsService>;
