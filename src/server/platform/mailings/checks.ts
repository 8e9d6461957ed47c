/**
 * 引き抜き確認 (the re-check of every item, in the request or as a job), 手作業の引き抜き / 戻す and the
 * 支援措置 send confirmation: the parts of mailingsService that change items.
 */
import type { Actor } from '../audit/service.ts';
import { AppError, badRequest, conflict } from '../errors/app-error.ts';
import type { JobRow } from '../jobs/runner.ts';
import {
  auditIds,
  batchSize,
  checkJobKind,
  countsOf,
  inlineCheckMax,
  type JobParams,
  jobActor,
  jobParams,
  type MailingsContext,
  statusError,
} from './context.ts';
import type { ItemRow, MailingRow } from './repository.ts';
import { decideItem, isManualPullOut, sameDecision } from './rules.ts';
import { type ItemStatus, type MailingCounts, pullOutReasons } from './types.ts';

/**
 * The 引き抜き re-check of every item (in batches): the register's status, the module's own rule and
 * the 支援措置 confirmation (see decideItem). Writes only what changed; returns the new counts.
 */
export async function runCheck(
  core: MailingsContext,
  m: MailingRow,
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<{ counts: MailingCounts; changedIds: number[] }> {
  const { deps, repo, mustPurpose } = core;
  const purpose = mustPurpose(m.purpose);
  const allowedStatuses = purpose.allowedStatuses ?? ['resident'];
  const frozen = m.status === 'printed';
  const total = m.counts.items;
  const changedIds: number[] = [];
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = await repo.itemsAfter(m.id, after, batchSize);
    if (!rows.length) break;
    after = rows[rows.length - 1]!.seq;
    const ids = rows.map((r) => Number(r.residentId));
    const people = await deps.people.current(ids);
    const own = purpose.recheck
      ? await purpose.recheck(
          rows.map((r) => ({ residentId: Number(r.residentId), payload: r.payload })),
          { fiscalYear: m.fiscalYear, sourceListId: m.sourceListId },
        )
      : new Map<number, { reason: string; label: string }>();
    const changes = [];
    for (const r of rows) {
      const id = Number(r.residentId);
      const next = decideItem(r, people.get(id), own.get(id), { allowedStatuses, frozen });
      if (!sameDecision(next, r)) {
        changes.push({ residentId: id, was: { status: r.status, pullReason: r.pullReason }, ...next });
        changedIds.push(id);
      }
    }
    await repo.applyDecisions(m.id, changes);
    done += rows.length;
    await onProgress?.(done, total);
  }
  return { counts: countsOf(await repo.countByStatus(m.id), m.counts.pages), changedIds };
}

/** 引き抜き確認 in this call; the mailing becomes `checked` (a printed one stays `printed`). */
async function checkNow(
  core: MailingsContext,
  actor: Actor,
  m: MailingRow,
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<MailingRow> {
  const { audit, repo, mustMailing } = core;
  const { counts, changedIds } = await runCheck(core, m, onProgress);
  const checkedAt = await repo.now();
  const next =
    (await repo.transition(m.id, ['draft', 'checked'], 'checked', { checkedAt, counts })) ??
    (await repo.transition(m.id, ['printed'], 'printed', { checkedAt, counts }));
  if (!next) throw statusError(await mustMailing(m.id));
  await audit.record(actor, {
    action: 'view',
    screen: '郵送物 引き抜き確認',
    residentIds: changedIds.slice(0, auditIds),
    residentCount: counts.items,
    summary: `${m.title} 引き抜き確認 対象${counts.items}人 印刷対象${counts.included}人 引き抜き${counts.pulledOut}人 要確認${counts.pendingConfirmation}人`,
    detail: { mailingId: m.id, changed: changedIds.length },
  });
  return next;
}

/** 引き抜き確認 / 引き抜き / 戻す / 支援措置確認 of mailingsService (registers the check job). */
export function mailingsChecks(core: MailingsContext) {
  const { deps, audit, repo, mustMailing, mustPurpose, assertChangeable, recount, activeJobs, mustItem } =
    core;

  deps.jobs.register(checkJobKind, async (ctx) => {
    const p = ctx.job.params as JobParams;
    const m = await mustMailing(p.mailingId);
    assertChangeable(m);
    const next = await checkNow(core, jobActor(p), m, (done, total) =>
      ctx.progress(
        done,
        total,
        `引き抜き確認中（${done.toLocaleString('ja-JP')}/${total.toLocaleString('ja-JP')}件）`,
      ),
    );
    const c = next.counts;
    return {
      message: `印刷対象${c.included.toLocaleString('ja-JP')}人、引き抜き${c.pulledOut.toLocaleString('ja-JP')}人、要確認${c.pendingConfirmation.toLocaleString('ja-JP')}人です。`,
      result: { mailingId: m.id, ...c },
    };
  });

  /** One item re-evaluated now (after a 戻す or a confirmation): the automatic reasons still apply. */
  async function evaluate(
    m: MailingRow,
    item: Pick<ItemRow, 'residentId' | 'payload'>,
    confirmedBy: number | null,
  ) {
    const purpose = mustPurpose(m.purpose);
    const id = Number(item.residentId);
    const people = await deps.people.current([id]);
    const own = purpose.recheck
      ? await purpose.recheck([{ residentId: id, payload: item.payload }], {
          fiscalYear: m.fiscalYear,
          sourceListId: m.sourceListId,
        })
      : new Map<number, { reason: string; label: string }>();
    return decideItem(
      { status: 'included', pullReason: null, pullLabel: null, confirmedBy },
      people.get(id),
      own.get(id),
      { allowedStatuses: purpose.allowedStatuses ?? ['resident'], frozen: false },
    );
  }

  function assertPrintedLetterExists(
    m: MailingRow,
    item: { changedAfterPrint: boolean; status: ItemStatus },
  ) {
    if (m.status === 'printed' && item.status === 'pulled_out' && !item.changedAfterPrint) {
      throw new AppError(
        409,
        'NOT_PRINTED',
        '印刷前に引き抜いた方のため、印刷物がありません。この方に送るときは、1人分を再発行するか、もう一度「印刷（PDF作成）」を行ってください。',
      );
    }
  }

  return {
    /**
     * 引き抜き確認. Up to {@link inlineCheckMax} items it runs now; larger mailings get a job (returned),
     * whose progress the screen shows.
     */
    async check(actor: Actor, id: number): Promise<{ mailing: MailingRow; job: JobRow | null }> {
      const m = await mustMailing(id);
      assertChangeable(m);
      if (m.counts.items > inlineCheckMax) {
        const running = await activeJobs(checkJobKind, id);
        if (running[0]) return { mailing: m, job: running[0] };
        const job = await deps.jobs.enqueue(
          checkJobKind,
          `${m.title} の引き抜き確認`,
          jobParams(actor, id),
          actor.userId,
        );
        return { mailing: m, job };
      }
      return { mailing: await checkNow(core, actor, m), job: null };
    },

    /** 手作業の引き抜き (a reason is required). Allowed after printing too: the letter is taken out of the pile. */
    async pullOut(actor: Actor, id: number, residentId: number, note: string) {
      const m = await mustMailing(id);
      assertChangeable(m);
      const reason = note.trim();
      if (!reason) throw badRequest('引き抜く理由を入力してください。');
      const item = await mustItem(m, residentId);
      if (item.status === 'pulled_out') throw badRequest('この方は既に引き抜かれています。');
      const ok = await repo.updateItem(m.id, residentId, item, {
        status: 'pulled_out',
        pullReason: 'manual',
        pullLabel: pullOutReasons.manual,
        pullNote: reason,
        pulledBy: actor.userId,
        confirmedBy: item.confirmedBy,
      });
      if (!ok) throw conflict('この方の引き抜き状態');
      const counts = await recount(m);
      await audit.record(actor, {
        action: 'change',
        screen: '郵送物 引き抜き',
        residentIds: [residentId],
        summary: `${m.title} 連番${item.seq} 引き抜き: ${reason}`,
        detail: { mailingId: m.id },
      });
      return { counts };
    },

    /** 戻す: undoes a staff pull-out; the automatic reasons (転出 …) and the 支援措置 confirmation still apply. */
    async restore(actor: Actor, id: number, residentId: number) {
      const m = await mustMailing(id);
      assertChangeable(m);
      const item = await mustItem(m, residentId);
      if (item.status !== 'pulled_out' || !isManualPullOut(item.pullReason)) {
        throw badRequest(
          '手作業で引き抜いた方だけ戻せます（自動の引き抜きは、理由がなくなると引き抜き確認で戻ります）。',
        );
      }
      assertPrintedLetterExists(m, item);
      // 支援措置「送付しない」 undone → the send must be confirmed again.
      const confirmedBy = item.pullReason === 'support_measure' ? null : item.confirmedBy;
      const next = await evaluate(m, item, confirmedBy);
      const ok = await repo.updateItem(m.id, residentId, item, {
        ...next,
        pullNote: '',
        pulledBy: null,
        confirmedBy,
      });
      if (!ok) throw conflict('この方の引き抜き状態');
      const counts = await recount(m);
      await audit.record(actor, {
        action: 'change',
        screen: '郵送物 引き抜き',
        residentIds: [residentId],
        summary: `${m.title} 連番${item.seq} 引き抜きを戻す`,
        detail: { mailingId: m.id, status: next.status },
      });
      return { status: next.status, pullLabel: next.pullLabel, counts };
    },

    /** 支援措置対象者の送付確認: send → included (confirmed), do not send → pulled out (支援措置). */
    async confirmSupport(actor: Actor, id: number, residentId: number, v: { send: boolean; note: string }) {
      const m = await mustMailing(id);
      assertChangeable(m);
      const note = v.note.trim();
      if (!note) throw badRequest('確認した内容（例: 本人に送付先を確認済み）を入力してください。');
      const item = await mustItem(m, residentId);
      const decided = item.pullReason === 'support_measure' || item.confirmedBy !== null;
      if (item.status !== 'pending' && !decided) {
        throw badRequest('この方は支援措置の送付確認の対象ではありません。');
      }
      let next: { status: ItemStatus; pullReason: string | null; pullLabel: string | null };
      let confirmedBy: number | null;
      let pulledBy: number | null;
      if (v.send) {
        assertPrintedLetterExists(m, item);
        confirmedBy = actor.userId ?? 0;
        pulledBy = null;
        next = await evaluate(m, item, confirmedBy);
      } else {
        confirmedBy = null;
        pulledBy = actor.userId;
        next = {
          status: 'pulled_out',
          pullReason: 'support_measure',
          pullLabel: pullOutReasons.support_measure,
        };
      }
      const ok = await repo.updateItem(m.id, residentId, item, {
        ...next,
        pullNote: note,
        pulledBy,
        confirmedBy,
      });
      if (!ok) throw conflict('この方の送付確認');
      const counts = await recount(m);
      await audit.record(actor, {
        action: 'change',
        screen: '郵送物 支援措置確認',
        residentIds: [residentId],
        sensitive: true,
        summary: `${m.title} 連番${item.seq} 支援措置対象者 ${v.send ? '送付する' : '送付しない'}: ${note}`,
        detail: { mailingId: m.id, status: next.status },
      });
      return { status: next.status, pullLabel: next.pullLabel, counts };
    },
  };
}
