/**
 * 乳幼児健診の結果入力 (F07-04 個別, F07-05 集団): 個別 — the child found by 宛名番号 or 受診票番号, the result with the
 * 医療機関 and 受診票番号; 集団 — the roster of a session of the reservations engine (the checkup is the session's
 * program) and each booked child's result in turn. The 月齢 on the 受診日 is stored, a 受診日 outside the checkup's
 * window is a warning, the 判定 is checked against the areas, 要観察・要精密・要治療 register a フォロー対象者 and a
 * 要精密 proposes the 精密健診依頼 (referrals.ts). Every read and change is audited; edits lock by version. The checks
 * and what is written are result-prepare.ts's, shared with the punch import (results-import.ts).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { compareDates, formatWareki, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { ReservationsService } from '../../platform/reservations/index.ts';
import { followUpsOf } from '../maternal/follow-ups.ts';
import { infantCheckupOf, infantCheckups, judgementLabels } from './checkups.ts';
import { referralPurpose } from './referral-document.ts';
import type { DentalValues } from './result-items.ts';
import {
  areaJudgements,
  dentalOf,
  findingItemsOf,
  findingLabels,
  fluorideLabels,
  measuresOf,
  occlusionLabels,
  plaqueLabels,
} from './result-items.ts';
import { type PrepareContext, prepareResult } from './result-prepare.ts';
import { type ChildRow, infantResultRepository as repo } from './result-repository.ts';
import { ageOnDay, ageText, type FieldError, type RawResult, referralAreas } from './result-rules.ts';

const screen = '母子保健 乳幼児健診の結果';

export type InfantResultInput = RawResult & {
  childResidentId: number;
  checkup: string;
  mode: 'individual' | 'group';
  sessionId: number | null;
  examinedOn: string;
  institutionName: string;
  ticketNo: string;
  judgement: string;
  note: string;
  resultId: number | null;
  version: number | null;
};

export const invalid = (errors: FieldError[]) =>
  badRequest(`入力に誤りがあります（${errors.length}件）。${errors[0]!.message}`, {
    fields: errors.map((e) => ({ path: e.field, message: e.message })),
  });

export function infantResultsService(deps: {
  database: Database;
  audit: AuditService;
  reservations: Pick<ReservationsService, 'sessions'>;
}) {
  const { database, audit } = deps;

  async function childOf(id: number): Promise<ChildRow> {
    const c = await repo.childById(database, id);
    if (!c) throw notFound('児');
    return c;
  }

  /** The child's card for the entry screen: results, referrals, open follow-ups. */
  async function view(child: ChildRow) {
    // a 要精密 result gets the areas its 依頼書 proposes (a result imported or saved before the 依頼書 was issued)
    const results = (await repo.ofChildren(database, [child.id])).map((r) => ({
      ...r,
      referralAreas:
        r.judgement === 'detailed'
          ? referralAreas(
              r.checkup,
              r.items,
              Object.keys(r.dental).length ? (r.dental as DentalValues) : null,
            )
          : [],
    }));
    const referrals = await repo.referralsOfChildren(database, [child.id]);
    const followUps = (await followUpsOf(database, [child.id])).filter(
      (f) => (f.source === 'infant_checkup' || f.source === 'infant_detailed') && f.status === 'open',
    );
    const sends = await repo.referralSends(database, child.id, referralPurpose);
    return { child, results, referrals, followUps, sends };
  }

  /** The session (its checkup) and who is booked on it. */
  async function sessionOf(actor: Actor, sessionId: number) {
    const { session, bookings } = await deps.reservations.sessions.detail(actor, sessionId);
    const checkup = session.programs.map(infantCheckupOf).find(Boolean);
    if (!checkup)
      throw badRequest(
        'この日程は乳幼児健診の日程ではありません（事業に健診の種類がありません）。日程を選び直してください。',
      );
    return { session, checkup, people: bookings.filter((b) => b.status === 'booked') };
  }

  return {
    meta: () => ({
      checkups: infantCheckups.map((c) => ({
        code: c.code,
        name: c.name,
        defaultMode: c.defaultMode,
        fromMonths: c.fromMonths,
        toMonths: c.toMonths,
        measures: measuresOf(c.code),
        findings: findingItemsOf(c.code),
        dental: dentalOf(c.code),
      })),
      judgements: judgementLabels,
      areaJudgements,
      findings: findingLabels,
      plaque: plaqueLabels,
      occlusion: occlusionLabels,
      fluoride: fluorideLabels,
    }),

    /** The 集団健診 sessions of the reservations engine whose program is a 乳幼児健診 (from … to). */
    async sessions(f: { from?: string; to?: string }) {
      const rows = await deps.reservations.sessions.list(f);
      return rows
        .filter((r) => r.programs.some((p) => infantCheckupOf(p)))
        .map((r) => ({
          id: r.id,
          sessionDate: r.sessionDate,
          weekday: r.weekday,
          startTime: r.startTime,
          venueName: r.venueName,
          checkup: r.programs.map((p) => infantCheckupOf(p)?.name).find(Boolean) ?? '',
          booked: r.booked,
        }));
    },

    /** 個別: the child by 宛名番号 or 受診票番号 (of a result already entered). Audited as a view. */
    async find(actor: Actor, q: { atenaNo?: string; ticketNo?: string }) {
      const atena = q.atenaNo?.normalize('NFKC').trim();
      const ticket = q.ticketNo?.normalize('NFKC').trim();
      let child: ChildRow | undefined;
      if (atena) child = await repo.childByAtena(database, atena);
      else if (ticket) {
        const r = await repo.byTicket(database, ticket);
        child = r ? await repo.childById(database, r.childResidentId) : undefined;
      } else throw badRequest('宛名番号か受診票番号を入れてください。');
      if (!child)
        throw new AppError(
          404,
          'CHILD_NOT_FOUND',
          atena
            ? `宛名番号 ${atena} の児が見つかりません。番号を確かめてください。`
            : `受診票番号 ${ticket} の結果はまだありません。宛名番号で探してください。`,
        );
      const out = await view(child);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [child.id],
        summary: `乳幼児健診の結果を表示（${child.atenaNo}）`,
      });
      return out;
    },

    async ofChild(actor: Actor, childId: number) {
      const out = await view(await childOf(childId));
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [childId],
        summary: '乳幼児健診の結果を表示',
      });
      return out;
    },

    /** 集団: the roster of a session — the booked children (受付済 first) with the result each already has. */
    async roster(actor: Actor, sessionId: number) {
      const { session, checkup, people } = await sessionOf(actor, sessionId);
      const results = await repo.ofChildren(
        database,
        people.map((p) => p.residentId),
      );
      const order = (b: (typeof people)[number]) =>
        b.reception === 'arrived' ? 0 : b.reception === 'none' ? 1 : 2;
      return {
        session: {
          id: session.id,
          sessionDate: session.sessionDate,
          startTime: session.startTime,
          venueName: session.venueName,
        },
        checkup: { code: checkup.code, name: checkup.name },
        people: [...people]
          .sort((a, b) => order(a) - order(b))
          .map((b) => {
            const r =
              results.find((x) => x.childResidentId === b.residentId && x.checkup === checkup.code) ?? null;
            const age =
              compareDates(session.sessionDate, b.birthDate) >= 0
                ? ageText(ageOnDay(b.birthDate, session.sessionDate))
                : '';
            return {
              bookingId: b.id,
              residentId: b.residentId,
              atenaNo: b.atenaNo,
              name: b.name,
              nameKana: b.nameKana,
              birthDate: b.birthDate,
              reception: b.reception,
              age,
              result: r,
            };
          }),
      };
    },

    /** Saves a result (new, or at the version read); returns it with the warnings and the proposed referral. */
    async save(actor: Actor, input: InfantResultInput) {
      const c = infantCheckupOf(input.checkup);
      if (!c) throw invalid([{ field: 'checkup', message: '健診の種類を選んでください。' }]);
      const child = await childOf(input.childResidentId);
      let session: PrepareContext['session'] = null;
      if (input.mode === 'group') {
        if (!input.sessionId)
          throw invalid([{ field: 'sessionId', message: '集団健診の日程を選んでください。' }]);
        const s = await sessionOf(actor, input.sessionId);
        session = {
          id: s.session.id,
          sessionDate: s.session.sessionDate,
          checkup: s.checkup,
          booked: s.people.some((p) => p.residentId === child.id),
        };
      }
      const p = prepareResult(input, {
        child,
        checkup: c,
        session,
        target: { id: input.resultId, version: input.version },
        today: today(),
      });
      if (!p.ok) throw invalid(p.errors);
      if (input.resultId !== null && input.version === null)
        throw badRequest('修正する結果の版がありません。画面を読み込み直してください。');
      const { write: w, age } = p;
      const code = w.checkup;
      const judgement = w.judgement;
      const reasons = w.followUpReasons;
      const id = await database.transaction((tx) => repo.write(tx, w, 'manual', actor.userId));
      if (id === null) {
        if (w.id !== null) throw conflict('この健診結果', await repo.one(database, w.id));
        const other = (await repo.ofChildren(database, [child.id])).find((r) => r.checkup === code);
        throw new AppError(
          409,
          'RESULT_EXISTS',
          `${child.name}さんの${c.name}の結果は${other ? formatWareki(other.examinedOn) : ''}受診分が登録済みです。修正するときはその結果を開いてください。`,
          { current: other },
        );
      }
      const saved = (await repo.one(database, id))!;
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [child.id],
        summary: `${c.name}（${formatWareki(saved.examinedOn)}、判定: ${judgementLabels[judgement]}）の結果を${w.id === null ? '登録' : '修正'}`,
        detail: { result: saved, followUp: reasons },
      });
      return {
        result: saved,
        name: child.name,
        age: ageText(age),
        warnings: p.warning ? [p.warning] : [],
        followUpReasons: reasons,
        referralAreas: p.referralAreas,
      };
    },
  };
}

export type InfantResultsService = ReturnType<typeof infantResultsService>;
