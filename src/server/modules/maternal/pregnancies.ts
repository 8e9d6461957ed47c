/**
 * 妊娠届・母子健康手帳交付（窓口等） (F06-01): register the 妊娠届 of a mother (住民 or 住登外者) with the 届出時アンケート,
 * issue the 母子健康手帳 (one per fetus; 追加交付, 再交付), issue the 受診券 (all at the counter, only those still
 * needed for a mover-in), void and reissue vouchers, record the outcome, confirm the risk flags / 特定妊婦 and register
 * the フォロー対象者. Every read and change is audited with the mother's resident id; edits at the version read.
 * The 個人番号 is never stored here: the mother's view (residents module) gives it masked, and the residents
 * module's reveal path shows it with a purpose.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { fiscalYearOf, gestationalAge, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest, notFound } from '../../platform/errors/app-error.ts';
import { followUpsOf } from './follow-ups.ts';
import { pregnancyChanges } from './pregnancy-changes.ts';
import { pregnancyScreen, pregnancySupport } from './pregnancy-support.ts';

export { pregnancyScreen };

import { pregnancyRepository as repo } from './pregnancy-repository.ts';
import {
  checkNotification,
  type FieldError,
  handbookKindLabels,
  handbookNo,
  outcomeLabels,
  type Source,
  sourceLabels,
} from './pregnancy-rules.ts';
import {
  checkAnswers,
  questionnaireVersion,
  questions,
  riskFlagLabels,
  riskFlagsOf,
} from './questionnaire.ts';
import type { MaternalSettingsService } from './settings.ts';
import { voucherKindLabel, vouchersToIssue } from './vouchers.ts';

export type RegisterInput = {
  motherResidentId: number;
  notifiedOn: string;
  dueDate: string | null;
  weeks: number | null;
  days: number | null;
  fetusCount: number;
  source: Source;
  /** 転入: the other city's 母子健康手帳 */
  movedIn: { city: string; handbookNo: string; issuedOn: string } | null;
  diagnosedBy: string;
  diagnosisInstitution: string;
  stdTbCheckup: 'yes' | 'no' | 'unknown';
  occupation: string;
  questionnaire: Record<string, unknown>;
  /** the flags staff confirmed (suggested ones not confirmed are not kept) */
  riskFlags: string[];
  specificPregnant: boolean;
  /** 面談 (妊娠届出時): e.g. { done_on, by } */
  interview: Record<string, unknown>;
  note: string;
  /** 電子申請の申請番号 (F06-02): kept in details, one pregnancy per 申請 */
  eApplicationNo?: string;
};

const invalid = (errors: FieldError[]) =>
  badRequest(`入力に誤りがあります（${errors.length}件）。${errors[0]!.message}`, {
    fields: errors.map((e) => ({ path: e.field, message: e.message })),
  });

/** The residents module's mother view (audited there) — only for the masked 個人番号. */
export type MotherViewPort = {
  view(actor: Actor, id: number, screen: string): Promise<{ myNumberMasked: string | null }>;
};

/** 母子保健の自治体設定: the 受診券 issued (回数・助成上限・交付しない種類). */
export type PregnancySettingsPort = Pick<MaternalSettingsService, 'effective'>;

export function pregnanciesService(deps: {
  database: Database;
  audit: AuditService;
  residents: MotherViewPort;
  settings: PregnancySettingsPort;
}) {
  const { database, audit } = deps;

  const { mustGet, log, followUp, checkFlags } = pregnancySupport(audit);

  const base = {
    /** The choices of the 届 and the 受診券 issued now (自治体設定). */
    async meta() {
      const { voucherTypes } = await deps.settings.effective();
      return {
        questionnaireVersion,
        questions,
        riskFlags: riskFlagLabels,
        voucherTypes: voucherTypes.map(({ kind, label, count, perFetus, limitYen }) => ({
          kind,
          label,
          count,
          perFetus,
          limitYen,
        })),
        outcomes: outcomeLabels,
        sources: sourceLabels,
        handbookKinds: handbookKindLabels,
      };
    },

    /** 妊娠届 by the mother's 宛名番号・氏名・カナ. */
    async search(actor: Actor, text: string) {
      const rows = text.trim() ? await repo.search(database, text.trim().normalize('NFKC')) : [];
      if (rows.length)
        await audit.record(actor, {
          action: 'search',
          screen: pregnancyScreen,
          residentIds: [...new Set(rows.map((r) => r.motherResidentId))],
          summary: `妊娠届の検索（${rows.length}件）`,
        });
      return rows;
    },

    /** The mother and her pregnancies. */
    async ofMother(actor: Actor, motherId: number) {
      const mother = await repo.mother(database, motherId);
      if (!mother) throw notFound('宛名');
      const pregnancies = await repo.ofMother(database, motherId);
      await log(actor, motherId, 'view', `妊娠届 ${pregnancies.length}件`);
      return { mother, pregnancies };
    },

    /** One pregnancy with the mother (個人番号 masked), handbooks, vouchers and follow-ups. */
    async get(actor: Actor, id: number) {
      const p = await mustGet(database, id);
      const mother = await repo.mother(database, p.motherResidentId);
      const { myNumberMasked } = await deps.residents.view(actor, p.motherResidentId, pregnancyScreen);
      const [handbooks, vouchers, followUps] = await Promise.all([
        repo.handbooks(database, id),
        repo.vouchers(database, id),
        followUpsOf(database, [p.motherResidentId]),
      ]);
      const on = today();
      const age = p.outcome ? null : gestationalAge(p.dueDate, on);
      const suggested = mother
        ? riskFlagsOf({
            motherBirthDate: mother.birthDate,
            notifiedOn: p.notifiedOn,
            fetusCount: p.fetusCount,
            weeksAtNotification: p.weeksAtNotification,
            answers: p.questionnaire,
          })
        : [];
      return {
        pregnancy: p,
        mother: { ...mother, myNumberMasked },
        gestationalAgeToday: age,
        suggestedFlags: suggested,
        handbooks,
        vouchers: vouchers.map((v) => ({ ...v, kindLabel: voucherKindLabel(v.kind) })),
        followUps: followUps.filter((f) => f.source === 'pregnancy' && f.sourceId === id),
      };
    },

    /** The risk flags the 届 and answers raise (shown live while typing; staff confirm them). */
    async suggest(v: {
      motherResidentId: number;
      notifiedOn: string;
      fetusCount: number;
      weeks: number | null;
      answers: Record<string, unknown>;
    }) {
      const mother = await repo.mother(database, v.motherResidentId);
      if (!mother) throw notFound('宛名');
      return riskFlagsOf({
        motherBirthDate: mother.birthDate,
        notifiedOn: v.notifiedOn,
        fetusCount: v.fetusCount,
        weeksAtNotification: v.weeks,
        answers: v.answers,
      });
    },

    /** Registers a 妊娠届: the pregnancy, its handbook(s), its vouchers and (if flags are confirmed) the follow-up. */
    async register(actor: Actor, v: RegisterInput) {
      const mother = await repo.mother(database, v.motherResidentId);
      if (!mother) throw notFound('宛名');
      if (mother.status !== 'resident' && mother.status !== 'non_registered')
        throw badRequest(
          'この方は転出・死亡などで住民ではありません。住登外者として登録してから届け出てください。',
        );
      const on = today();
      const checked = checkNotification(v, on);
      const errors = [...(checked.ok ? [] : checked.errors), ...checkAnswers(v.questionnaire)];
      if (v.source === 'moved_in' && !v.movedIn?.city)
        errors.push({
          field: 'movedIn.city',
          message: '転入の場合は前の市町村名と手帳番号を入れてください。',
        });
      if (!checked.ok || errors.length) throw invalid(errors);
      checkFlags(v.riskFlags);
      const weeks = checked.value.age.weeks;
      const result = await database.transaction(async (tx) => {
        const created = await repo.insert(
          tx,
          fiscalYearOf(v.notifiedOn),
          {
            motherResidentId: v.motherResidentId,
            notifiedOn: v.notifiedOn,
            source: v.source,
            dueDate: checked.value.dueDate,
            weeksAtNotification: weeks,
            fetusCount: v.fetusCount,
            diagnosedBy: v.diagnosedBy,
            diagnosisInstitution: v.diagnosisInstitution,
            stdTbCheckup: v.stdTbCheckup,
            occupation: v.occupation,
            questionnaire: v.questionnaire,
            questionnaireVersion,
            riskFlags: v.riskFlags,
            specificPregnant: v.specificPregnant,
            interview: v.interview,
            details: {
              ...(v.movedIn ? { movedIn: v.movedIn } : {}),
              ...(v.eApplicationNo ? { eApplicationNo: v.eApplicationNo } : {}),
            },
            note: v.note,
          },
          actor.userId,
        );
        for (let child = 1; child <= v.fetusCount; child++)
          await repo.insertHandbook(
            tx,
            created.id,
            {
              handbookNo: handbookNo(created.notificationNo, child),
              childIndex: child,
              kind: v.source === 'moved_in' ? 'moved_in' : 'issue',
              issuedOn: v.source === 'moved_in' ? v.movedIn?.issuedOn || v.notifiedOn : v.notifiedOn,
              replacesId: null,
              reason: v.movedIn ? `${v.movedIn.city} 手帳番号 ${v.movedIn.handbookNo}` : '',
            },
            actor.userId,
          );
        const { voucherTypes } = await deps.settings.effective(tx);
        const voucherNos = await repo.issueVouchers(tx, {
          pregnancyId: created.id,
          residentId: v.motherResidentId,
          issuedOn: v.notifiedOn,
          plans: vouchersToIssue(v.fetusCount, v.source === 'moved_in' ? weeks : null, voucherTypes),
        });
        const followUpId = await followUp(
          tx,
          actor,
          { id: created.id, motherResidentId: v.motherResidentId },
          v.riskFlags,
          v.specificPregnant,
        );
        return { ...created, voucherCount: voucherNos.length, followUpId };
      });
      await log(
        actor,
        v.motherResidentId,
        'create',
        `妊娠届 ${result.notificationNo}（${sourceLabels[v.source]}・胎児${v.fetusCount}・受診券${result.voucherCount}枚）`,
      );
      return { ...(await base.get(actor, result.id)), id: result.id, notificationNo: result.notificationNo };
    },
  };
  return { ...base, ...pregnancyChanges(deps, (actor: Actor, id: number) => base.get(actor, id)) };
}

export type PregnanciesService = ReturnType<typeof pregnanciesService>;
