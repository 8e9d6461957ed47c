import type { Actor, AuditService } from '../audit/service.ts';
import { formatWareki, isValidDate, today } from '../calendar/index.ts';
import { type CsvColumn, type CsvEncoding, toCsv } from '../csv/export.ts';
import type { Database } from '../db/connect.ts';
import type {
  DocumentItem,
  DocumentTemplate,
  Recipient,
  RenderContext,
  Sender,
  TemplateRegistry,
} from '../documents/types.ts';
import { AppError, badRequest, conflict, notFound } from '../errors/app-error.ts';
import type { FileStore } from '../files/store.ts';
import type { JobContext, JobRow, JobRunner } from '../jobs/runner.ts';
import {
  type DestinationInput,
  type DestinationRow,
  type ItemListRow,
  type ItemRow,
  type MailingRow,
  mailingsRepository,
  type SendRecordInput,
} from './repository.ts';
import {
  type DestinationLike,
  decideItem,
  destinationKindOf,
  destinationOn,
  fileName,
  flatScalars,
  hiddenAddressText,
  isManualPullOut,
  maskRecipient,
  partFileName,
  periodsOverlap,
  recipientFor,
  recipientLine,
  sameDecision,
  scalarCell,
  seqWidth,
} from './rules.ts';
import {
  destinationKinds,
  type ItemStatus,
  type MailingCounts,
  type MailingOutput,
  type MailingPurpose,
  type PeoplePort,
  type PersonNow,
  pullOutReasons,
  returnReasons,
  sendMethods,
} from './types.ts';

/** The documents engine as the mailings engine uses it (the real one: ./render.ts; tests may fake it). */
export type Renderer = {
  renderToBuffer(
    template: DocumentTemplate<never>,
    items: DocumentItem[],
    ctx: RenderContext,
  ): Promise<Buffer>;
  renderBatch(opts: {
    registryUrl: URL;
    templateCode: string;
    items: AsyncIterable<DocumentItem>;
    ctx: RenderContext;
    chunkSize: number;
    workers: number;
    /** `from`/`to`: 1-based positions in the batch of the chunk's first and last item. */
    onChunk(c: {
      index: number;
      buffer: Buffer;
      from: number;
      to: number;
      pages: number;
      count: number;
    }): Promise<void>;
    onProgress?(done: number): void;
  }): Promise<unknown>;
  renderLabels(recipients: Recipient[], sheet: LabelSheet): Promise<Buffer>;
};

/** 宛名シール: 12面 or 21面 (A4). */
export type LabelSheet = '12' | '21';

export type MailingsDeps = {
  database: Database;
  audit: AuditService;
  files: FileStore;
  jobs: JobRunner;
  people: PeoplePort;
  sender: () => Promise<Sender>;
  templates: TemplateRegistry;
  registryUrl: URL;
  workers: number;
  /** The documents engine (default: src/server/platform/documents, loaded on first use). */
  renderer?: Renderer;
};

export const printJobKind = 'mailings.print';
export const checkJobKind = 'mailings.check';

/** People asked from the residents gateway at once. */
const batchSize = 5000;
/** Up to this many items the 引き抜き確認 runs in the request; above it, as a job. */
export const inlineCheckMax = 5000;
/** Pages (people) per generated PDF part. */
const printChunk = 1000;
/** 先頭N件プレビュー: at most this many. */
export const previewMax = 20;
/** Resident ids listed one by one in an audit entry (the audit service keeps 1,000). */
const auditIds = 1000;

type JobParams = { mailingId: number; userId: number | null; loginId: string; roleCode: string | null };

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

export type DestinationView = DestinationRow & { kindLabel: string; hidden: boolean };

export type SaveDestinationInput = {
  kind: string;
  name: string;
  postalCode: string;
  address: string;
  addressExtra?: string;
  validFrom: string;
  validUntil?: string | null;
  note?: string;
};

const jobActor = (p: JobParams): Actor => ({ userId: p.userId, loginId: p.loginId, roleCode: p.roleCode });
const jobParams = (actor: Actor, mailingId: number): JobParams => ({
  mailingId,
  userId: actor.userId,
  loginId: actor.loginId,
  roleCode: actor.roleCode,
});

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const pendingError = (n: number) =>
  new AppError(
    409,
    'SUPPORT_MEASURE_PENDING',
    `支援措置対象者の送付確認が済んでいない方が${n.toLocaleString('ja-JP')}人います。「要確認（支援措置）」タブで送付する・しないを確認してから、もう一度操作してください。`,
    { pending: n },
  );

function statusError(m: MailingRow): AppError {
  switch (m.status) {
    case 'sent':
      return new AppError(409, 'MAILING_SENT', '送付情報を登録済みのため、この郵送物は変更できません。');
    case 'printing':
      return new AppError(
        409,
        'MAILING_PRINTING',
        '印刷（PDF作成）中のため変更できません。印刷が終わってから、もう一度操作してください。',
      );
    case 'cancelled':
      return new AppError(409, 'MAILING_CANCELLED', 'この郵送物は取り消されています。');
    default:
      return new AppError(409, 'MAILING_STATE', 'この郵送物は今の状態ではこの操作ができません。');
  }
}

const countsOf = (by: Record<ItemStatus, number>, pages?: number): MailingCounts => ({
  items: by.included + by.pulled_out + by.pending,
  included: by.included,
  pulledOut: by.pulled_out,
  pendingConfirmation: by.pending,
  ...(pages !== undefined ? { pages } : {}),
});

/**
 * The mailings engine (郵送物: 引き抜き → 印刷 → 送付情報). Modules register their purposes and create
 * mailings from their target lists; staff check, pull out, print, export and register the send here.
 * Every read of residents' data is written to the access log.
 */
export function mailingsService(deps: MailingsDeps) {
  const { audit } = deps;
  const repo = mailingsRepository(deps.database);
  const purposeMap = new Map<string, MailingPurpose>();
  let loaded: Promise<Renderer> | undefined;
  const renderer = (): Promise<Renderer> => {
    if (deps.renderer) return Promise.resolve(deps.renderer);
    loaded ??= import('./render.ts').then((m) => m.documentsRenderer);
    return loaded;
  };

  async function mustMailing(id: number): Promise<MailingRow> {
    const m = await repo.mailing(id);
    if (!m) throw notFound('郵送物');
    return m;
  }

  function mustPurpose(code: string): MailingPurpose {
    const p = purposeMap.get(code);
    if (!p) {
      throw new AppError(
        500,
        'UNKNOWN_PURPOSE',
        `郵送物の種類「${code}」が登録されていません。管理者に連絡してください。`,
      );
    }
    return p;
  }

  function templateOf(p: MailingPurpose): DocumentTemplate<never> {
    const t = deps.templates[p.template];
    if (!t) {
      throw new AppError(
        500,
        'UNKNOWN_TEMPLATE',
        `帳票「${p.title}」の様式（${p.template}）が登録されていません。管理者に連絡してください。`,
      );
    }
    return t;
  }

  /** Items can be changed (check, pull-out, restore, confirm) only before 送付情報登録 and not while printing. */
  function assertChangeable(m: MailingRow) {
    if (!['draft', 'checked', 'printed'].includes(m.status)) throw statusError(m);
  }

  async function recount(m: MailingRow): Promise<MailingCounts> {
    const counts = countsOf(await repo.countByStatus(m.id), m.counts.pages);
    await repo.setCounts(m.id, counts);
    return counts;
  }

  /** People now, their 送付先 on `date` and the address block, for a batch of residents. */
  async function resolve(ids: number[], date: string) {
    const [people, dests] = await Promise.all([deps.people.current(ids), repo.destinationsOn(ids, date)]);
    const byResident = new Map<number, DestinationRow[]>();
    for (const d of dests) {
      const list = byResident.get(Number(d.residentId)) ?? [];
      list.push(d);
      byResident.set(Number(d.residentId), list);
    }
    const out = new Map<number, { person: PersonNow; destination?: DestinationRow; recipient: Recipient }>();
    for (const id of ids) {
      const person = people.get(id);
      if (!person) continue;
      const destination = destinationOn(byResident.get(id) ?? [], date);
      out.set(id, { person, destination, recipient: recipientFor(person, destination) });
    }
    return out;
  }

  /** Included items in seq order with their person and address block, `size` at a time. */
  async function* includedBatches(m: MailingRow, size = batchSize) {
    let after = 0;
    for (;;) {
      const rows = await repo.itemsAfter(m.id, after, size, 'included');
      if (!rows.length) return;
      after = rows[rows.length - 1]!.seq;
      const resolved = await resolve(
        rows.map((r) => Number(r.residentId)),
        m.sendDate,
      );
      yield rows.map((item) => ({ item, ...resolved.get(Number(item.residentId)) }));
    }
  }

  /**
   * The 引き抜き re-check of every item (in batches): the register's status, the module's own rule and
   * the 支援措置 confirmation (see decideItem). Writes only what changed; returns the new counts.
   */
  async function runCheck(
    m: MailingRow,
    onProgress?: (done: number, total: number) => Promise<void>,
  ): Promise<{ counts: MailingCounts; changedIds: number[] }> {
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
    actor: Actor,
    m: MailingRow,
    onProgress?: (done: number, total: number) => Promise<void>,
  ): Promise<MailingRow> {
    const { counts, changedIds } = await runCheck(m, onProgress);
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

  /** The print job: re-check, then render every included item in seq order into PDF parts. */
  async function printRun(ctx: JobContext, actor: Actor, m: MailingRow) {
    const purpose = mustPurpose(m.purpose);
    const started = await repo.now();
    // A re-run (after a crash) starts over: earlier parts of this mailing are removed first.
    await repo.deleteFiles(m.outputs.map((o) => o.fileId));
    await repo.setOutputs(m.id, []);
    const { counts } = await runCheck(m, (done, total) =>
      ctx.progress(
        done,
        total,
        `引き抜き確認中（${done.toLocaleString('ja-JP')}/${total.toLocaleString('ja-JP')}件）`,
      ),
    );
    await repo.setCounts(m.id, counts);
    if (counts.pendingConfirmation) throw pendingError(counts.pendingConfirmation);
    if (!counts.included) throw badRequest('印刷対象の方がいません。引き抜きリストを確認してください。');

    const sender = await deps.sender();
    const r = await renderer();
    const width = seqWidth(counts.items);
    const outputs: MailingOutput[] = [];
    const printedIds: number[] = [];
    /** seq of each rendered item by position (the renderer counts positions 1..n; names use seq). */
    const seqs: number[] = [];
    let protectedCount = 0;
    let missing = 0;
    let cancelled: unknown;
    async function* documents(): AsyncGenerator<DocumentItem> {
      for await (const batch of includedBatches(m, printChunk)) {
        for (const x of batch) {
          if (!x.recipient) {
            missing++;
            continue;
          }
          seqs.push(x.item.seq);
          if (printedIds.length < auditIds) printedIds.push(Number(x.item.residentId));
          if (x.person?.supportMeasure) protectedCount++;
          yield { seq: x.item.seq, recipient: x.recipient, payload: x.item.payload };
        }
      }
    }
    const total = counts.included;
    await r.renderBatch({
      registryUrl: deps.registryUrl,
      templateCode: purpose.template,
      items: documents(),
      ctx: { sender, issueDate: m.sendDate },
      chunkSize: printChunk,
      workers: deps.workers,
      onChunk: async (c) => {
        if (cancelled) throw cancelled;
        const from = seqs[c.from - 1] ?? c.from;
        const to = seqs[c.to - 1] ?? c.to;
        const name = partFileName(purpose.title, m.sendDate, from, to, width);
        const saved = await deps.files.save([c.buffer], {
          name,
          contentType: 'application/pdf',
          createdBy: actor.userId,
        });
        outputs.push({ fileId: saved.id, name, from, to, pages: c.pages, count: c.count });
        outputs.sort((a, b) => a.from - b.from);
        await repo.setOutputs(m.id, outputs);
      },
      onProgress: (done) => {
        ctx
          .progress(
            done,
            total,
            `PDF作成中（${done.toLocaleString('ja-JP')}/${total.toLocaleString('ja-JP')}人）`,
          )
          .catch((e) => {
            cancelled ??= e;
          });
      },
    });
    if (cancelled) throw cancelled;
    const pages = outputs.reduce((s, o) => s + o.pages, 0);
    const people = outputs.reduce((s, o) => s + o.count, 0);
    const done = await repo.transition(m.id, ['printing'], 'printed', {
      printedAt: started,
      counts: { ...counts, pages },
      outputs,
    });
    if (!done) throw statusError(await mustMailing(m.id));
    await audit.record(actor, {
      action: 'print',
      screen: '郵送物 印刷',
      residentIds: printedIds,
      residentCount: people,
      sensitive: protectedCount > 0,
      summary: `${m.title} 印刷 ${people}人 ${pages}ページ（${outputs.length}ファイル）${protectedCount ? ` 支援措置対象者${protectedCount}人を含む` : ''}`,
      detail: { mailingId: m.id, files: outputs.map((o) => o.fileId), missing },
    });
    const message =
      `${people.toLocaleString('ja-JP')}人分（${pages.toLocaleString('ja-JP')}ページ、${outputs.length}ファイル）を作成しました。` +
      (missing ? `宛名が見つからない${missing}人は印刷していません。` : '');
    return {
      message,
      result: {
        mailingId: m.id,
        included: counts.included,
        pulledOut: counts.pulledOut,
        pages,
        files: outputs.length,
      },
    };
  }

  deps.jobs.register(printJobKind, async (ctx) => {
    const p = ctx.job.params as JobParams;
    const actor = jobActor(p);
    const m = await mustMailing(p.mailingId);
    if (m.status !== 'printing') {
      throw new AppError(
        409,
        'NOT_PRINTING',
        'この郵送物は印刷待ちの状態ではありません。郵送物の画面で状態を確かめてください。',
      );
    }
    try {
      return await printRun(ctx, actor, m);
    } catch (e) {
      // Failed or cancelled: no half-made print is left; the mailing goes back to 引き抜き確認済み.
      const cur = await repo.mailing(m.id);
      if (cur) {
        await repo.deleteFiles(cur.outputs.map((o) => o.fileId));
        const { pages: _p, ...counts } = cur.counts;
        await repo.transition(m.id, ['printing'], 'checked', { outputs: [], printedAt: null, counts });
      }
      throw e;
    }
  });

  deps.jobs.register(checkJobKind, async (ctx) => {
    const p = ctx.job.params as JobParams;
    const m = await mustMailing(p.mailingId);
    assertChangeable(m);
    const next = await checkNow(jobActor(p), m, (done, total) =>
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

  async function activeJobs(kind: string, mailingId: number): Promise<JobRow[]> {
    return deps.jobs.findByParam(kind, 'mailingId', mailingId, ['queued', 'running']);
  }

  async function mustItem(m: MailingRow, residentId: number) {
    const item = await repo.item(m.id, residentId);
    if (!item) throw notFound('この郵送物の対象者');
    return item;
  }

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

  /** 「（支援措置のため非表示）」 in place of a 支援措置対象者's addresses. */
  function maskRecord<T extends { postalCode: string; address: string; addressExtra: string }>(
    r: T,
    hidden: boolean,
  ) {
    return hidden ? { ...r, postalCode: '', address: hiddenAddressText, addressExtra: '' } : r;
  }

  async function personOrThrow(residentId: number): Promise<PersonNow> {
    const p = (await deps.people.current([residentId])).get(residentId);
    if (!p) throw notFound('宛名');
    return p;
  }

  function validateDestination(v: SaveDestinationInput): DestinationInput {
    const kind = v.kind;
    if (!(kind in destinationKinds) || kind === 'resident') {
      throw badRequest('送付先の種別は「代理人」「施設」「その他」から選んでください。');
    }
    const name = v.name.trim();
    if (!name) throw badRequest('送付先の宛名（代理人の氏名または施設名）を入力してください。');
    const postalCode = v.postalCode.replace(/[-－\s]/g, '');
    if (postalCode !== '' && !/^\d{7}$/.test(postalCode)) {
      throw badRequest('郵便番号は7桁の数字で入力してください（例: 123-4567）。');
    }
    const address = v.address.trim();
    if (!address || address === hiddenAddressText) throw badRequest('送付先の住所を入力してください。');
    if (!isValidDate(v.validFrom)) throw badRequest('開始日を正しく入力してください（例: R8.4.1）。');
    const validUntil = v.validUntil || null;
    if (validUntil !== null && !isValidDate(validUntil)) throw badRequest('終了日を正しく入力してください。');
    if (validUntil !== null && validUntil < v.validFrom) {
      throw badRequest('終了日は開始日と同じか、それより後の日付を入力してください。');
    }
    return {
      kind,
      name,
      postalCode,
      address,
      addressExtra: (v.addressExtra ?? '').trim(),
      validFrom: v.validFrom,
      validUntil,
      note: (v.note ?? '').trim(),
    };
  }

  async function assertNoOverlap(residentId: number, v: DestinationInput, exceptId?: number) {
    const others = (await repo.destinations(residentId)).filter((d) => d.active && d.id !== exceptId);
    const hit = others.find((d) => periodsOverlap(d, v));
    if (hit) {
      const until = hit.validUntil ? formatWareki(hit.validUntil) : '';
      throw badRequest(
        `期間が重なる送付先（${hit.name}、${formatWareki(hit.validFrom)}〜${until}）があります。先にその送付先を終了するか、期間を変えてください。`,
      );
    }
  }

  function destinationView(d: DestinationRow, hidden: boolean): DestinationView {
    return {
      ...maskRecord(d, hidden),
      kindLabel: destinationKinds[d.kind as keyof typeof destinationKinds] ?? d.kind,
      hidden,
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
      return { mailing: await checkNow(actor, m), job: null };
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

    /** PDF of one person (any status) or of the first N (≤ 20) included items; 支援措置: address hidden. */
    async preview(actor: Actor, id: number, opts: { residentId?: number; first?: number }): Promise<Buffer> {
      const m = await mustMailing(id);
      const purpose = mustPurpose(m.purpose);
      let rows: ItemRow[];
      if (opts.residentId !== undefined) rows = [await mustItem(m, opts.residentId)];
      else {
        const n = Math.min(Math.max(opts.first ?? 1, 1), previewMax);
        rows = await repo.itemsAfter(m.id, 0, n, 'included');
      }
      const resolved = await resolve(
        rows.map((r) => Number(r.residentId)),
        m.sendDate,
      );
      const items: DocumentItem[] = [];
      for (const r of rows) {
        const x = resolved.get(Number(r.residentId));
        if (!x) continue;
        items.push({
          seq: r.seq,
          recipient: x.person.supportMeasure ? maskRecipient(x.recipient) : x.recipient,
          payload: r.payload,
        });
      }
      if (!items.length)
        throw badRequest('プレビューできる方がいません（印刷対象の方がいないか、宛名が見つかりません）。');
      const pdf = await (await renderer()).renderToBuffer(templateOf(purpose), items, {
        sender: await deps.sender(),
        issueDate: m.sendDate,
      });
      await audit.record(actor, {
        action: 'view',
        screen: '郵送物 プレビュー',
        residentIds: rows.map((r) => Number(r.residentId)),
        summary: `${m.title} プレビュー ${items.length}人`,
        detail: { mailingId: m.id },
      });
      return pdf;
    },

    /** 印刷（PDF作成）: a job (`mailings.print`) re-checks and renders; refused while 支援措置 is unconfirmed. */
    async print(actor: Actor, id: number): Promise<{ job: JobRow; mailing: MailingRow }> {
      const m = await mustMailing(id);
      if (m.status === 'draft') {
        throw badRequest('先に「引き抜き確認」を行い、引き抜きリストを確認してから印刷してください。');
      }
      if (m.status !== 'checked' && m.status !== 'printed') throw statusError(m);
      if ((await activeJobs(checkJobKind, id)).length) {
        throw new AppError(409, 'CHECK_RUNNING', '引き抜き確認の実行中です。終わってから印刷してください。');
      }
      const by = await repo.countByStatus(id);
      if (by.pending) throw pendingError(by.pending);
      if (!by.included) throw badRequest('印刷対象の方がいません。引き抜きリストを確認してください。');
      const moved = await repo.transition(id, ['checked', 'printed'], 'printing', { printJobId: null });
      if (!moved) throw statusError(await mustMailing(id));
      let job: JobRow;
      try {
        job = await deps.jobs.enqueue(printJobKind, `${m.title} の印刷`, jobParams(actor, id), actor.userId);
      } catch (e) {
        await repo.transition(id, ['printing'], m.status);
        throw e;
      }
      const mailing = (await repo.transition(id, ['printing'], 'printing', { printJobId: job.id })) ?? moved;
      return { job, mailing };
    },

    /** A generated PDF part of the mailing (download). */
    async output(actor: Actor, id: number, fileId: number) {
      const m = await mustMailing(id);
      const o = m.outputs.find((x) => x.fileId === fileId);
      if (!o) throw notFound('この郵送物の印刷ファイル');
      await audit.record(actor, {
        action: 'export',
        screen: '郵送物 印刷ファイル',
        residentCount: o.count,
        summary: `${m.title} ${o.name}`,
        detail: { mailingId: m.id, fileId },
      });
      return { name: o.name, stream: deps.files.read(fileId) };
    },

    /** 宛名シール (12面/21面) of the included items, same address blocks as the print. */
    async labels(actor: Actor, id: number, sheet: LabelSheet) {
      const m = await mustMailing(id);
      if (!['checked', 'printed', 'sent'].includes(m.status)) {
        throw m.status === 'draft' ? badRequest('先に「引き抜き確認」を行ってください。') : statusError(m);
      }
      const by = await repo.countByStatus(id);
      if (by.pending) throw pendingError(by.pending);
      const recipients: Recipient[] = [];
      const ids: number[] = [];
      let protectedCount = 0;
      for await (const batch of includedBatches(m)) {
        for (const x of batch) {
          if (!x.recipient) continue;
          recipients.push(x.recipient);
          if (ids.length < auditIds) ids.push(Number(x.item.residentId));
          if (x.person?.supportMeasure) protectedCount++;
        }
      }
      if (!recipients.length) throw badRequest('印刷対象の方がいません。');
      const pdf = await (await renderer()).renderLabels(recipients, sheet);
      await audit.record(actor, {
        action: 'print',
        screen: '郵送物 宛名シール',
        residentIds: ids,
        residentCount: recipients.length,
        sensitive: protectedCount > 0,
        summary: `${m.title} 宛名シール${sheet}面 ${recipients.length}人`,
        detail: { mailingId: m.id },
      });
      return { pdf, fileName: fileName(m.title, m.sendDate, `宛名シール${sheet}面`, 'pdf') };
    },

    /** CSV of the included items for an outside printer (real addresses), UTF-8 with BOM or Shift_JIS. */
    async exportCsv(actor: Actor, id: number, encoding: CsvEncoding) {
      const m = await mustMailing(id);
      const purpose = mustPurpose(m.purpose);
      if (!['checked', 'printed', 'sent'].includes(m.status)) {
        throw m.status === 'draft' ? badRequest('先に「引き抜き確認」を行ってください。') : statusError(m);
      }
      const by = await repo.countByStatus(id);
      if (by.pending) throw pendingError(by.pending);
      type Row = {
        seq: number;
        person: PersonNow;
        recipient: Recipient;
        kind: string;
        payload: Map<string, ReturnType<typeof flatScalars>[number][1]>;
      };
      const rows: Row[] = [];
      const keys: string[] = [];
      const known = new Set<string>();
      let protectedCount = 0;
      for await (const batch of includedBatches(m)) {
        for (const x of batch) {
          if (!x.person || !x.recipient) continue;
          const fields = flatScalars(x.item.payload);
          for (const [k] of fields) {
            if (!known.has(k)) {
              known.add(k);
              keys.push(k);
            }
          }
          if (x.person.supportMeasure) protectedCount++;
          rows.push({
            seq: x.item.seq,
            person: x.person,
            recipient: x.recipient,
            kind: destinationKindOf(x.destination),
            payload: new Map(fields),
          });
        }
      }
      // jsonb does not keep key order: the purpose's csvLabels order first, then the other keys.
      const labels = purpose.csvLabels ?? {};
      const labelled = Object.keys(labels);
      keys.sort((a, b) => {
        const ia = labelled.indexOf(a);
        const ib = labelled.indexOf(b);
        return (ia < 0 ? labelled.length : ia) - (ib < 0 ? labelled.length : ib);
      });
      const columns: CsvColumn<Row>[] = [
        { key: 'seq', label: '連番', value: (r) => r.seq },
        { key: 'atenaNo', label: '宛名番号', value: (r) => r.person.atenaNo },
        { key: 'name', label: '氏名', value: (r) => r.person.name },
        { key: 'nameKana', label: '氏名カナ', value: (r) => r.person.nameKana },
        { key: 'recipientName', label: '宛名', value: (r) => r.recipient.name },
        { key: 'careOf', label: '宛名の上の行（様分・気付）', value: (r) => r.recipient.careOf ?? '' },
        { key: 'postalCode', label: '郵便番号', value: (r) => r.recipient.postalCode },
        { key: 'address', label: '住所', value: (r) => r.recipient.address },
        { key: 'addressExtra', label: '方書', value: (r) => r.recipient.addressExtra },
        {
          key: 'destinationKind',
          label: '送付先区分',
          value: (r) => destinationKinds[r.kind as keyof typeof destinationKinds] ?? r.kind,
        },
        ...keys.map((k) => ({
          key: `payload.${k}`,
          label: labels[k] ?? k,
          value: (r: Row) => scalarCell(r.payload.get(k)),
        })),
      ];
      const out = toCsv(rows, columns, encoding);
      await audit.record(actor, {
        action: 'export',
        screen: '郵送物 CSV出力（印刷業者向け）',
        residentIds: rows.slice(0, auditIds).map((r) => r.person.residentId),
        residentCount: rows.length,
        sensitive: protectedCount > 0,
        summary: `${m.title} CSV出力 ${rows.length}人${protectedCount ? ` 支援措置対象者${protectedCount}人を含む` : ''}`,
        detail: { mailingId: m.id, encoding },
      });
      return {
        ...out,
        fileName: fileName(m.title, m.sendDate, `印刷業者向け${encoding === 'sjis' ? '_sjis' : ''}`, 'csv'),
      };
    },

    /**
     * 送付情報の登録: one send record per included item (destination and address as of now), idempotent.
     * From `printed`, or from `checked` when the printing was done outside (CSV for a printer).
     */
    async registerSent(actor: Actor, id: number, v: { sentOn?: string } = {}) {
      const m = await mustMailing(id);
      const purpose = mustPurpose(m.purpose);
      if (!['checked', 'printed', 'sent'].includes(m.status)) {
        throw m.status === 'draft'
          ? badRequest(
              '先に「引き抜き確認」と印刷（またはCSV出力）を行ってから、送付情報を登録してください。',
            )
          : statusError(m);
      }
      const sentOn = v.sentOn ?? m.sendDate;
      if (!isValidDate(sentOn)) throw badRequest('発送日を正しく入力してください（例: R8.6.1）。');
      const by = await repo.countByStatus(id);
      if (by.pending) throw pendingError(by.pending);
      let inserted = 0;
      let total = 0;
      let skipped = 0;
      const ids: number[] = [];
      for await (const batch of includedBatches(m)) {
        const records: SendRecordInput[] = [];
        for (const x of batch) {
          if (!x.recipient) {
            skipped++;
            continue;
          }
          if (ids.length < auditIds) ids.push(Number(x.item.residentId));
          records.push({
            residentId: Number(x.item.residentId),
            mailingId: m.id,
            purpose: m.purpose,
            documentTitle: purpose.title,
            fiscalYear: m.fiscalYear,
            sentOn,
            method: m.method,
            destinationKind: destinationKindOf(x.destination),
            recipientName: recipientLine(x.recipient),
            postalCode: x.recipient.postalCode,
            address: x.recipient.address,
            addressExtra: x.recipient.addressExtra,
            reissueOf: null,
            payload: x.item.payload,
            createdBy: actor.userId,
          });
        }
        total += records.length;
        inserted += await repo.insertSendRecords(records);
      }
      const mailing = await repo.transition(id, ['checked', 'printed', 'sent'], 'sent', {
        sentAt: await repo.now(),
      });
      if (!mailing) throw statusError(await mustMailing(id));
      await audit.record(actor, {
        action: 'change',
        screen: '郵送物 送付情報登録',
        residentIds: ids,
        residentCount: total,
        summary: `${m.title} 送付情報登録 ${total}人（新規${inserted}件） 発送日${sentOn}`,
        detail: { mailingId: m.id, inserted, skipped },
      });
      return { mailing, total, inserted, skipped };
    },

    /**
     * 再発行 / 個別発行: one person's document rendered now plus a send record; `reissueOf` links the
     * latest earlier record of the same purpose and 年度 (if any). The reason is kept in the payload
     * (`reissueReason`) and the access log.
     */
    async reissue(
      actor: Actor,
      v: {
        purpose: string;
        residentId: number;
        payload: unknown;
        fiscalYear: number | null;
        sentOn: string;
        method: keyof typeof sendMethods;
        reason: string;
      },
    ) {
      const purpose = mustPurpose(v.purpose);
      const reason = v.reason.trim();
      if (!reason) throw badRequest('再発行の理由を入力してください（例: 紛失のため）。');
      if (!isValidDate(v.sentOn)) throw badRequest('発行日を正しく入力してください（例: R8.6.1）。');
      if (!(v.method in sendMethods))
        throw badRequest('送付方法は「郵送」「手渡し」「窓口」から選んでください。');
      const person = await personOrThrow(v.residentId);
      if (!(purpose.allowedStatuses ?? ['resident']).includes(person.status)) {
        throw badRequest(`この方は${person.statusLabel}のため、${purpose.title}を発行できません。`);
      }
      const dests = await repo.destinationsOn([v.residentId], v.sentOn);
      const destination = destinationOn(dests, v.sentOn);
      const recipient = recipientFor(person, destination);
      const pdf = await (await renderer()).renderToBuffer(
        templateOf(purpose),
        [{ seq: 1, recipient, payload: v.payload }],
        { sender: await deps.sender(), issueDate: v.sentOn },
      );
      const earlier = await repo.latestRecord(v.residentId, purpose.code, v.fiscalYear);
      const record = await repo.insertSendRecord({
        residentId: v.residentId,
        mailingId: null,
        purpose: purpose.code,
        documentTitle: purpose.title,
        fiscalYear: v.fiscalYear,
        sentOn: v.sentOn,
        method: v.method,
        destinationKind: destinationKindOf(destination),
        recipientName: recipientLine(recipient),
        postalCode: recipient.postalCode,
        address: recipient.address,
        addressExtra: recipient.addressExtra,
        reissueOf: earlier?.id ?? null,
        payload: isPlainObject(v.payload) ? { ...v.payload, reissueReason: reason } : v.payload,
        createdBy: actor.userId,
      });
      await audit.record(actor, {
        action: 'print',
        screen: '再発行',
        residentIds: [v.residentId],
        sensitive: person.supportMeasure,
        summary: `${purpose.title} ${earlier ? '再発行' : '発行'}: ${reason}`,
        detail: { sendRecordId: record.id, reissueOf: earlier?.id ?? null },
      });
      return { pdf, record: maskRecord(record, person.supportMeasure) };
    },

    // ---- 送付情報・返戻 ------------------------------------------------------------------------------

    /** 送付履歴 of a resident, newest first (支援措置: addresses hidden). */
    async sendHistory(actor: Actor, residentId: number) {
      const person = (await deps.people.current([residentId])).get(residentId);
      const hidden = Boolean(person?.supportMeasure);
      const records = await repo.sendRecords(residentId);
      await audit.record(actor, {
        action: 'view',
        screen: '送付履歴',
        residentIds: [residentId],
        summary: `送付履歴 ${records.length}件`,
      });
      return { hidden, records: records.map((r) => ({ ...maskRecord(r, hidden), hidden })) };
    },

    /** 返戻の登録 (optimistic lock on the record's version). */
    async recordReturn(
      actor: Actor,
      sendRecordId: number,
      v: { returnedOn: string; reason: string; note?: string; version: number },
    ) {
      const r = await repo.sendRecord(sendRecordId);
      if (!r) throw notFound('送付情報');
      if (!(v.reason in returnReasons)) throw badRequest('返戻理由を選んでください。');
      if (!isValidDate(v.returnedOn)) throw badRequest('返戻日を正しく入力してください（例: R8.6.20）。');
      if (v.returnedOn < r.sentOn) {
        throw badRequest(
          `返戻日は発送日（${formatWareki(r.sentOn)}）と同じか、それより後の日付を入力してください。`,
        );
      }
      if (v.returnedOn > today()) throw badRequest('返戻日に未来の日付は入力できません。');
      const next = await repo.setReturn(sendRecordId, v.version, {
        returnedOn: v.returnedOn,
        returnReason: v.reason,
        returnNote: (v.note ?? '').trim(),
      });
      const hidden = Boolean(
        (await deps.people.current([Number(r.residentId)])).get(Number(r.residentId))?.supportMeasure,
      );
      if (!next)
        throw conflict('この送付情報', maskRecord((await repo.sendRecord(sendRecordId)) ?? r, hidden));
      await audit.record(actor, {
        action: 'change',
        screen: '送付履歴 返戻登録',
        residentIds: [Number(r.residentId)],
        summary: `${r.documentTitle} 返戻 ${returnReasons[v.reason as keyof typeof returnReasons]}`,
        detail: { sendRecordId },
      });
      return maskRecord(next, hidden);
    },

    /** 返戻の取消 (registered by mistake). */
    async clearReturn(actor: Actor, sendRecordId: number, version: number) {
      const r = await repo.sendRecord(sendRecordId);
      if (!r) throw notFound('送付情報');
      const hidden = Boolean(
        (await deps.people.current([Number(r.residentId)])).get(Number(r.residentId))?.supportMeasure,
      );
      const next = await repo.setReturn(sendRecordId, version, {
        returnedOn: null,
        returnReason: null,
        returnNote: '',
      });
      if (!next)
        throw conflict('この送付情報', maskRecord((await repo.sendRecord(sendRecordId)) ?? r, hidden));
      await audit.record(actor, {
        action: 'change',
        screen: '送付履歴 返戻取消',
        residentIds: [Number(r.residentId)],
        summary: `${r.documentTitle} 返戻の取消`,
        detail: { sendRecordId },
      });
      return maskRecord(next, hidden);
    },

    // ---- 送付先 ------------------------------------------------------------------------------------

    /** 送付先 (代理人・施設) of a resident, newest first (支援措置: addresses hidden). */
    async destinations(
      actor: Actor,
      residentId: number,
    ): Promise<{ hidden: boolean; destinations: DestinationView[] }> {
      const person = await personOrThrow(residentId);
      const rows = await repo.destinations(residentId);
      await audit.record(actor, {
        action: 'view',
        screen: '送付先',
        residentIds: [residentId],
        summary: `送付先 ${rows.length}件`,
      });
      return {
        hidden: person.supportMeasure,
        destinations: rows.map((d) => destinationView(d, person.supportMeasure)),
      };
    },

    /** Adds a 送付先 (no id) or changes one (id + version); periods of one resident may not overlap. */
    async saveDestination(
      actor: Actor,
      residentId: number,
      input: SaveDestinationInput & { id?: number },
      version?: number,
    ): Promise<DestinationView> {
      const person = await personOrThrow(residentId);
      const v = validateDestination(input);
      let saved: DestinationRow;
      if (input.id === undefined) {
        await assertNoOverlap(residentId, v);
        saved = await repo.insertDestination(residentId, v, actor.userId);
      } else {
        const cur = await repo.destination(input.id);
        if (!cur || Number(cur.residentId) !== residentId) throw notFound('送付先');
        if (version === undefined)
          throw badRequest('送付先の版（version）がありません。画面を再読み込みしてください。');
        await assertNoOverlap(residentId, v, cur.id);
        const next = await repo.updateDestination(cur.id, version, v);
        if (!next) {
          throw conflict(
            'この送付先',
            destinationView((await repo.destination(cur.id)) ?? cur, person.supportMeasure),
          );
        }
        saved = next;
      }
      await audit.record(actor, {
        action: 'change',
        screen: '送付先',
        residentIds: [residentId],
        sensitive: person.supportMeasure,
        summary: `送付先${input.id === undefined ? '登録' : '修正'} ${destinationKinds[v.kind as keyof typeof destinationKinds]} ${v.name}`,
        detail: { destinationId: saved.id },
      });
      return destinationView(saved, person.supportMeasure);
    },

    /** Ends a 送付先 on `validUntil` (the day it last applies). */
    async endDestination(
      actor: Actor,
      residentId: number,
      destinationId: number,
      v: { validUntil: string; version: number },
    ): Promise<DestinationView> {
      const person = await personOrThrow(residentId);
      const cur = await repo.destination(destinationId);
      if (!cur || Number(cur.residentId) !== residentId) throw notFound('送付先');
      if (!isValidDate(v.validUntil)) throw badRequest('終了日を正しく入力してください（例: R8.6.30）。');
      if (v.validUntil < cur.validFrom) {
        throw badRequest(
          `終了日は開始日（${formatWareki(cur.validFrom)}）と同じか、それより後の日付を入力してください。`,
        );
      }
      const next = await repo.updateDestination(cur.id, v.version, { ...cur, validUntil: v.validUntil });
      if (!next) {
        throw conflict(
          'この送付先',
          destinationView((await repo.destination(cur.id)) ?? cur, person.supportMeasure),
        );
      }
      await audit.record(actor, {
        action: 'change',
        screen: '送付先',
        residentIds: [residentId],
        summary: `送付先終了 ${cur.name} ${v.validUntil}`,
        detail: { destinationId },
      });
      return destinationView(next, person.supportMeasure);
    },
  };
}

export type MailingsService = ReturnType<typeof mailingsService>;
export type { DestinationLike };
