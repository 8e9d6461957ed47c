/**
 * 妊娠届の変更 (F06-01): 母子健康手帳の追加交付・再交付, 受診券の無効化・再発行, 妊娠の結果, リスク要因・特定妊婦の確認
 * (フォロー対象者の登録). Each at the version read, in one transaction, audited with the mother's resident id.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest, conflict } from '../../platform/errors/app-error.ts';
import { pregnancyRepository as repo } from './pregnancy-repository.ts';
import {
  handbookKindLabels,
  handbookNo,
  type Outcome,
  outcomeLabels,
  voidedKindsOn,
} from './pregnancy-rules.ts';
import { pregnancySupport } from './pregnancy-support.ts';
import type { MaternalSettingsService } from './settings.ts';

export function pregnancyChanges<D>(
  deps: { database: Database; audit: AuditService; settings: Pick<MaternalSettingsService, 'effective'> },
  get: (actor: Actor, id: number) => Promise<D>,
) {
  const { database } = deps;
  const { mustGet, log, followUp, checkFlags } = pregnancySupport(deps.audit);
  return {
    /**
     * 追加交付 (胎児数 grows: one more handbook and the per-fetus vouchers the 自治体設定 issues now, numbered after
     * the other children's) or 再交付 (lost/damaged).
     */
    async issueHandbook(
      actor: Actor,
      id: number,
      v: { kind: 'additional' | 'reissue'; childIndex: number | null; reason: string; version: number },
    ) {
      const p = await mustGet(database, id);
      const on = today();
      await database.transaction(async (tx) => {
        const books = await repo.handbooks(tx, id);
        if (v.kind === 'additional') {
          const child = p.fetusCount + 1;
          if (child > 5) throw badRequest('胎児数は5までです。');
          if (!(await repo.update(tx, id, v.version, { fetus_count: child }, actor.userId)))
            throw conflict('妊娠届', p);
          await repo.insertHandbook(
            tx,
            id,
            {
              handbookNo: handbookNo(p.notificationNo, child),
              childIndex: child,
              kind: 'additional',
              issuedOn: on,
              replacesId: null,
              reason: v.reason,
            },
            actor.userId,
          );
          const { voucherTypes } = await deps.settings.effective(tx);
          await repo.issueVouchers(tx, {
            pregnancyId: id,
            residentId: p.motherResidentId,
            issuedOn: on,
            plans: voucherTypes
              .filter((t) => t.perFetus)
              .flatMap((t) =>
                Array.from({ length: t.count }, (_, i) => ({
                  kind: t.kind,
                  seq: (child - 1) * t.count + i + 1,
                  limitYen: t.limitYen,
                })),
              ),
          });
        } else {
          if (!v.reason.trim()) throw badRequest('再交付の理由（紛失・破損など）を入れてください。');
          const child = v.childIndex ?? 1;
          const current = books.filter((b) => b.childIndex === child).at(-1);
          if (!current) throw badRequest(`第${child}子の手帳がありません。`);
          if (!(await repo.update(tx, id, v.version, {}, actor.userId))) throw conflict('妊娠届', p);
          const n = books.filter((b) => b.childIndex === child && b.kind === 'reissue').length + 1;
          await repo.insertHandbook(
            tx,
            id,
            {
              handbookNo: handbookNo(p.notificationNo, child, n),
              childIndex: child,
              kind: 'reissue',
              issuedOn: on,
              replacesId: current.id,
              reason: v.reason.trim(),
            },
            actor.userId,
          );
        }
      });
      await log(
        actor,
        p.motherResidentId,
        'update',
        `母子健康手帳の${handbookKindLabels[v.kind]}（${p.notificationNo}）`,
      );
      return get(actor, id);
    },

    /** Voids vouchers (再発行: a new 受診券ID for the same kind and 回). */
    async voidVouchers(
      actor: Actor,
      id: number,
      v: { voucherIds: number[]; reason: string; reissue: boolean; version: number },
    ) {
      const p = await mustGet(database, id);
      if (!v.reason.trim()) throw badRequest('無効にする理由を入れてください（再発行・紛失など）。');
      await database.transaction(async (tx) => {
        const all = await repo.vouchers(tx, id);
        const picked = all.filter((x) => v.voucherIds.includes(x.id));
        const notIssued = picked.filter((x) => x.status !== 'issued');
        if (notIssued.length)
          throw badRequest(
            `受診券 ${notIssued[0]!.voucherNo} は${notIssued[0]!.status === 'used' ? '使用済み' : '無効'}のため無効にできません。`,
          );
        if (!picked.length) throw badRequest('無効にする受診券を選んでください。');
        if (!(await repo.update(tx, id, v.version, {}, actor.userId))) throw conflict('妊娠届', p);
        await repo.voidVouchers(
          tx,
          id,
          picked.map((x) => x.id),
          [],
          v.reason.trim(),
        );
        if (v.reissue)
          await repo.issueVouchers(tx, {
            pregnancyId: id,
            residentId: p.motherResidentId,
            issuedOn: today(),
            plans: picked.map((x) => ({ kind: x.kind as never, seq: x.seq, limitYen: x.limitYen })),
          });
      });
      await log(
        actor,
        p.motherResidentId,
        'update',
        `受診券の${v.reissue ? '再発行' : '無効化'} ${v.voucherIds.length}枚（${v.reason}）`,
      );
      return get(actor, id);
    },

    /** 出産・流産・死産・中絶・転出 (the birth itself is the 出生連絡票's record); unusable vouchers are voided. */
    async setOutcome(actor: Actor, id: number, v: { outcome: Outcome; outcomeOn: string; version: number }) {
      const p = await mustGet(database, id);
      if (v.outcomeOn > today()) throw badRequest('結果の日付が未来です。今日以前の日付を入れてください。');
      if (v.outcomeOn < p.notifiedOn) throw badRequest('結果の日付が届出日より前です。');
      await database.transaction(async (tx) => {
        if (
          !(await repo.update(
            tx,
            id,
            v.version,
            { outcome: v.outcome, outcome_on: v.outcomeOn },
            actor.userId,
          ))
        )
          throw conflict('妊娠届', p);
        await repo.voidVouchers(tx, id, 'kinds', voidedKindsOn(v.outcome), outcomeLabels[v.outcome]);
      });
      await log(
        actor,
        p.motherResidentId,
        'update',
        `妊娠の結果: ${outcomeLabels[v.outcome]}（${v.outcomeOn}）`,
      );
      return get(actor, id);
    },

    /** Confirms risk flags / 特定妊婦 and the 面談; registers the follow-up when there is a reason. */
    async setFlags(
      actor: Actor,
      id: number,
      v: {
        riskFlags: string[];
        specificPregnant: boolean;
        interview: Record<string, unknown> | null;
        note: string | null;
        version: number;
      },
    ) {
      const p = await mustGet(database, id);
      checkFlags(v.riskFlags);
      await database.transaction(async (tx) => {
        const set: Record<string, unknown> = {
          risk_flags: v.riskFlags,
          specific_pregnant: v.specificPregnant,
        };
        if (v.interview) set.interview = v.interview;
        if (v.note !== null) set.note = v.note;
        if (!(await repo.update(tx, id, v.version, set, actor.userId))) throw conflict('妊娠届', p);
        await followUp(tx, actor, p, v.riskFlags, v.specificPregnant);
      });
      await log(
        actor,
        p.motherResidentId,
        'update',
        `リスク要因・特定妊婦の確認（${v.specificPregnant ? '特定妊婦' : '—'}）`,
      );
      return get(actor, id);
    },
  };
}
