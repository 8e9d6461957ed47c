import type { Actor } from '../audit/service.ts';
import { isValidDate } from '../calendar/index.ts';
import { badRequest } from '../errors/app-error.ts';
import { mailingsChecks } from './checks.ts';
import { auditIds, batchSize, checkJobKind, type MailingsDeps, mailingsContext } from './context.ts';
import { mailingsDestinations } from './destinations.ts';
import { mailingsPrinting } from './printing.ts';
import type { DestinationRow, ItemListRow, MailingRow } from './repository.ts';
import { type DestinationLike, hiddenAddressText, isManualPullOut, recipientFor } from './rules.ts';
import { mailingsSendRecords } from './send-records.ts';
import {
  destinationKinds,
  type ItemStatus,
  type MailingPurpose,
  type PersonNow,
  sendMethods,
} from './types.ts';

export {
  checkJobKind,
  inlineCheckMax,
  type LabelSheet,
  type MailingsDeps,
  previewMax,
  printJobKind,
  type Renderer,
} from './context.ts';
export type { DestinationView, SaveDestinationInput } from './destinations.ts';

export type CreateMailingInput = {
  purpose: string;
  title: string;
  fiscalYear: number | null;
  sourceListId: number | null;
  /** 発送日 YYYY-MM-DD */
  sendDate: string;
  method: keyof typeof sendMethods;
  items: { residentId: number; payload: unknown }[];
};

/** One row of the 対象者 tables of the 郵送物 screen. */
export type MailingItemView = {
  seq: number;
  residentId: number;
  status: ItemStatus;
  pullReason: string | null;
  pullLabel: string | null;
  pullNote: string;
  /** a staff pull-out (手作業 / 支援措置で送付しない) */
  manual: boolean;
  /** 「戻す」 is possible: a staff pull-out, and (after printing) one whose letter was printed */
  restorable: boolean;
  pulledBy: number | null;
  pulledByName: string | null;
  confirmedBy: number | null;
  confirmedByName: string | null;
  atenaNo: string;
  name: string;
  nameKana: string;
  residentStatus: string;
  residentStatusLabel: string;
  supportMeasure: boolean;
  postalCode: string;
  address: string;
  addressExtra: string;
  hidden: boolean;
  destination: { kind: string; kindLabel: string; name: string } | null;
};

/**
 * The mailings engine (郵送物: 引き抜き → 印刷 → 送付情報). Modules register their purposes and create
 * mailings from their target lists; staff check, pull out, print, export and register the send here.
 * Every read of residents' data is written to the access log.
 */
export function mailingsService(deps: MailingsDeps) {
  const core = mailingsContext(deps);
  const { audit, repo, purposeMap, mustMailing, mustPurpose, resolve, activeJobs } = core;
  // The parts register their jobs as they are made (the print job, then the check job).
  const printing = mailingsPrinting(core);
  const checks = mailingsChecks(core);
  const sendRecords = mailingsSendRecords(core);
  const destinations = mailingsDestinations(core);

  function itemView(
    m: MailingRow,
    r: ItemListRow,
    x: { person?: PersonNow; destination?: DestinationRow } | undefined,
  ): MailingItemView {
    const manual = r.status === 'pulled_out' && isManualPullOut(r.pullReason);
    const p = x?.person;
    const hidden = Boolean(p?.supportMeasure);
    const d = x?.destination;
    return {
      seq: r.seq,
      residentId: Number(r.residentId),
      status: r.status,
      pullReason: r.pullReason,
      pullLabel: r.pullLabel,
      pullNote: r.pullNote,
      manual,
      restorable:
        manual &&
        ['draft', 'checked', 'printed'].includes(m.status) &&
        (m.status !== 'printed' || r.changedAfterPrint),
      pulledBy: r.pulledBy,
      pulledByName: r.pulledByName,
      confirmedBy: r.confirmedBy,
      confirmedByName: r.confirmedByName,
      atenaNo: p?.atenaNo ?? '',
      name: p?.name ?? '（宛名なし）',
      nameKana: p?.nameKana ?? '',
      residentStatus: p?.status ?? '',
      residentStatusLabel: p?.statusLabel ?? '',
      supportMeasure: hidden,
      postalCode: hidden ? '' : (p?.postalCode ?? ''),
      address: hidden ? hiddenAddressText : (p?.address ?? ''),
      addressExtra: hidden ? '' : (p?.addressExtra ?? ''),
      hidden,
      destination: d
        ? {
            kind: d.kind,
            kindLabel: destinationKinds[d.kind as keyof typeof destinationKinds] ?? d.kind,
            name: d.name,
          }
        : null,
    };
  }

  return {
    // ---- purposes ----------------------------------------------------------------------------------

    /** A module offers a kind of mailing (call once at start-up, before jobs run). */
    registerPurpose(p: MailingPurpose): void {
      purposeMap.set(p.code, p);
    },

    purposes(): MailingPurpose[] {
      return [...purposeMap.values()];
    },

    // ---- mailings ----------------------------------------------------------------------------------

    /** A new mailing (status `draft`) with items seq 1..n in the given order. */
    async create(actor: Actor, input: CreateMailingInput): Promise<MailingRow> {
      const purpose = mustPurpose(input.purpose);
      if (!isValidDate(input.sendDate)) throw badRequest('発送日を正しく入力してください（例: R8.6.1）。');
      if (!(input.method in sendMethods))
        throw badRequest('送付方法は「郵送」「手渡し」「窓口」から選んでください。');
      if (!input.title.trim()) throw badRequest('郵送物の名前を入力してください。');
      if (!input.items.length)
        throw badRequest('対象者がいません。対象者を抽出してから郵送物を作成してください。');
      const seen = new Set<number>();
      for (const i of input.items) {
        if (seen.has(i.residentId)) {
          throw badRequest(
            `同じ方（宛名ID ${i.residentId}）が2回含まれています。対象者リストを確認してください。`,
          );
        }
        seen.add(i.residentId);
      }
      const n = input.items.length;
      const id = await repo.insertMailing(
        {
          purpose: purpose.code,
          title: input.title.trim(),
          fiscalYear: input.fiscalYear,
          sourceListId: input.sourceListId,
          sendDate: input.sendDate,
          method: input.method,
          createdBy: actor.userId,
          counts: { items: n, included: n, pulledOut: 0, pendingConfirmation: 0 },
        },
        input.items,
      );
      await audit.record(actor, {
        action: 'change',
        screen: '郵送物 作成',
        residentIds: input.items.slice(0, auditIds).map((i) => i.residentId),
        residentCount: n,
        summary: `${input.title} 作成 ${n}人`,
        detail: { mailingId: id, purpose: purpose.code },
      });
      return mustMailing(id);
    },

    get: mustMailing,

    /** Work list (newest 発送日 first). */
    list(f: { purpose?: string; fiscalYear?: number; status?: string; limit?: number } = {}) {
      return repo.mailings({ ...f, limit: Math.min(f.limit ?? 200, 1000) });
    },

    /** The mailing with its purpose and the print / check jobs that are queued or running (or the last print). */
    async detail(id: number) {
      const m = await mustMailing(id);
      const purpose = purposeMap.get(m.purpose);
      const [checkJobs, printJob] = await Promise.all([
        activeJobs(checkJobKind, id),
        m.printJobId ? deps.jobs.get(m.printJobId).catch(() => null) : Promise.resolve(null),
      ]);
      return {
        mailing: m,
        purposeTitle: purpose?.title ?? m.purpose,
        printJob,
        checkJob: checkJobs[0] ?? null,
      };
    },

    // ---- 引き抜き確認・引き抜き・支援措置確認 (checks.ts) ------------------------------------------------

    ...checks,

    /**
     * The 対象者 of a mailing, one page, with name / 宛名番号 / address from the register (支援措置: the
     * address hidden). `q`: 連番, 宛名番号, or part of the name or kana.
     */
    async items(
      actor: Actor,
      id: number,
      f: { status?: ItemStatus; q?: string; offset: number; limit: number },
    ): Promise<{ rows: MailingItemView[]; total: number }> {
      const m = await mustMailing(id);
      const limit = Math.min(Math.max(f.limit, 1), 500);
      const offset = Math.max(f.offset, 0);
      const q = (f.q ?? '').replace(/[\s\u3000]/g, '');
      let page: ItemListRow[];
      let total: number;
      if (q) {
        // Names live in the register: scan the mailing batch by batch through the residents gateway.
        const matches: number[] = [];
        let after = 0;
        for (;;) {
          const rows = await repo.itemsAfter(m.id, after, batchSize, f.status);
          if (!rows.length) break;
          after = rows[rows.length - 1]!.seq;
          const people = await deps.people.current(rows.map((r) => Number(r.residentId)));
          for (const r of rows) {
            const p = people.get(Number(r.residentId));
            const hit =
              String(r.seq) === q ||
              p?.atenaNo === q ||
              (p &&
                (p.name.replace(/[\s\u3000]/g, '').includes(q) ||
                  p.nameKana.replace(/[\s\u3000]/g, '').includes(q)));
            if (hit) matches.push(r.seq);
          }
        }
        total = matches.length;
        const seqs = matches.slice(offset, offset + limit);
        page = seqs.length ? (await repo.itemPage(m.id, { seqs, offset: 0, limit })).rows : [];
      } else {
        ({ rows: page, total } = await repo.itemPage(m.id, { status: f.status, offset, limit }));
      }
      const ids = page.map((r) => Number(r.residentId));
      const resolved = ids.length ? await resolve(ids, m.sendDate) : new Map();
      const rows = page.map((r) => itemView(m, r, resolved.get(Number(r.residentId))));
      await audit.record(actor, {
        action: 'view',
        screen: '郵送物 対象者一覧',
        residentIds: ids,
        summary: `${m.title} 対象者一覧${f.status ? ` (${f.status})` : ''}${q ? ` 検索「${q}」` : ''}`,
        detail: { mailingId: m.id },
      });
      return { rows, total };
    },

    recipientFor,

    // ---- プレビュー・印刷・宛名シール・CSV (printing.ts) -----------------------------------------------

    ...printing,

    // ---- 送付情報・返戻 (send-records.ts) -------------------------------------------------------------

    ...sendRecords,

    // ---- 送付先 (destinations.ts) ---------------------------------------------------------------------

    ...destinations,
  };
}

export type MailingsService = ReturnType<typeof mailingsService>;
export type { DestinationLike };
