/**
 * The life of a 対象者リスト that every area shares: created and extracted as a job, the job's end (or its
 * cancellation before it ran) reflected on the list, entries paged and searched, a person excluded with a reason
 * or put back, the counts following every hand change, every read and change audited. It knows no business:
 * the area gives its purpose prefix (e.g. 'adult-health.'), the job kind, the audit screen and list name, its
 * exclusion reasons and what may not be put back.
 */
import type { Actor, AuditService } from '../audit/service.ts';
import type { Database } from '../db/connect.ts';
import { badRequest, notFound } from '../errors/app-error.ts';
import { JobCancelledError, type JobContext } from '../jobs/runner.ts';
import { kanaSearchKey, nameSearchKey } from '../text/index.ts';
import { type ExtractionSource, extractionEngine, type ListCounts } from './engine.ts';
import { type EntryFilter, type EntryRow, type TargetListRow, targetListsRepository } from './repository.ts';

export type ListJobs = {
  enqueue(kind: string, title: string, params: unknown, createdBy: number | null): Promise<{ id: number }>;
};

export type ListLifecycleOptions = {
  /** e.g. 'adult-health.': the lists of the area are the ones whose purpose starts with it */
  purposePrefix: string;
  /** the job kind that runs an extraction */
  jobKind: string;
  /** the screen named in the audit log */
  screen: string;
  /** how the audit summaries name a list, e.g. 「対象者リスト」 */
  listName: string;
  /** the reasons staff may choose when they exclude a person by hand: code → label */
  exclusionReasons: Readonly<Record<string, string>>;
  /** the label of any exclusion reason (hand or automatic) */
  exclusionLabel: (reason: string) => string;
  /** why an excluded person may not be put back by hand (null: they may) */
  cannotRestore: (entry: EntryRow) => string | null;
};

type NewList = Parameters<ReturnType<typeof targetListsRepository>['create']>[0];

/** 宛名番号 (digits), カナ or 氏名: the search box of a list's entries. */
export function entrySearch(f: EntryFilter & { q?: string }): EntryFilter {
  const filter: EntryFilter = { ...f };
  const q = f.q?.trim();
  if (q) {
    if (/^\d+$/.test(q)) filter.atenaNo = q;
    else if (/^[\p{Script=Hiragana}\p{Script=Katakana}ー\s]+$/u.test(q)) filter.kanaKey = kanaSearchKey(q);
    else filter.nameKey = nameSearchKey(q);
  }
  return filter;
}

export function listLifecycle(
  deps: { database: Database; audit: AuditService; jobs: ListJobs },
  o: ListLifecycleOptions,
) {
  const { database, audit } = deps;
  const lists = targetListsRepository(database);
  const engine = extractionEngine(database);
  const { screen, listName } = o;

  async function mustGet(id: number): Promise<TargetListRow> {
    const l = await lists.get(id);
    if (!l?.purpose.startsWith(o.purposePrefix)) throw notFound('対象者リスト');
    if (l.status === 'extracting' && l.jobId) {
      // A job cancelled (or failed) before it ran never reached the handler: reflect it on the list.
      const [job] = await database.query<{ status: string }>('SELECT status FROM jobs WHERE id = $1', [
        l.jobId,
      ]);
      if (job && (job.status === 'cancelled' || job.status === 'failed')) {
        await lists.setState(id, { status: job.status });
        return { ...l, status: job.status };
      }
    }
    return l;
  }

  /** The counts shown on the list follow every hand change (除外・戻す・追加). */
  async function refreshCounts(listId: number) {
    await lists.setState(listId, { counts: await engine.counts(listId) });
  }

  return {
    lists,
    mustGet,
    refreshCounts,

    /** Creates the list (status extracting), queues the extraction job and audits the request. */
    async start(actor: Actor, list: NewList, request: Record<string, unknown>) {
      const created = await lists.create(list);
      const job = await deps.jobs.enqueue(
        o.jobKind,
        `対象者抽出: ${list.title}`,
        { listId: created.id },
        actor.userId,
      );
      await lists.setState(created.id, { jobId: job.id });
      await audit.record(actor, {
        action: 'change',
        screen,
        summary: `対象者抽出を開始: ${list.title}`,
        detail: request,
      });
      return { ...created, jobId: job.id };
    },

    /** The job handler's core: runs (or resumes) the extraction of params.listId; the list's status follows. */
    async run<C extends { residentId: number }>(
      ctx: JobContext,
      sourceOf: (list: TargetListRow) => ExtractionSource<C> | Promise<ExtractionSource<C>>,
    ): Promise<{ listId: number; counts: ListCounts }> {
      const { listId } = ctx.job.params as { listId: number };
      const list = await mustGet(listId);
      try {
        const counts = await engine.run(listId, await sourceOf(list), ctx);
        await lists.setState(listId, { status: 'ready', counts });
        return { listId, counts };
      } catch (e) {
        await lists.setState(listId, { status: e instanceof JobCancelledError ? 'cancelled' : 'failed' });
        throw e;
      }
    },

    list: (f: { fiscalYear?: number } = {}) => lists.list({ purposePrefix: o.purposePrefix, ...f }),

    /** A page of entries (search by 宛名番号, カナ or 氏名), audited as a view of those people. */
    async entries(
      actor: Actor,
      listId: number,
      f: EntryFilter & { q?: string },
      page: { offset: number; limit: number },
    ) {
      const list = await mustGet(listId);
      const { rows, total } = await lists.entries(listId, entrySearch(f), page);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: rows.map((r) => r.residentId),
        summary: `${listName} ${listId} の一覧`,
      });
      return { list, rows, total };
    },

    /** Leaves a person out of the list with a reason: they get nothing from it. */
    async exclude(
      actor: Actor,
      listId: number,
      residentId: number,
      v: { reason: string; note: string },
      detail: Record<string, unknown> = v,
    ) {
      await mustGet(listId);
      if (!(v.reason in o.exclusionReasons)) throw badRequest('除外理由を選んでください。');
      const ok = await lists.setIncluded(listId, residentId, {
        included: false,
        reason: v.reason,
        note: v.note,
        by: actor.userId,
      });
      if (!ok) throw notFound('リストの対象者');
      await refreshCounts(listId);
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: `${listName} ${listId} から除外（${o.exclusionLabel(v.reason)}）`,
        detail,
      });
    },

    /** Puts an excluded person back; a person added by hand is taken off the list instead. */
    async restore(actor: Actor, listId: number, residentId: number) {
      await mustGet(listId);
      const entry = await lists.entry(listId, residentId);
      if (!entry) throw notFound('リストの対象者');
      const refused = o.cannotRestore(entry);
      if (refused) throw badRequest(refused);
      if (entry.addedByHand) await lists.removeHandAdded(listId, residentId);
      else
        await lists.setIncluded(listId, residentId, {
          included: true,
          reason: null,
          note: '',
          by: actor.userId,
        });
      await refreshCounts(listId);
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: `${listName} ${listId} に戻す`,
      });
    },
  };
}

export type ListLifecycle = ReturnType<typeof listLifecycle>;
