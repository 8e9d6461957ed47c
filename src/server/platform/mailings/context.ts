/**
 * The shared core of the mailings engine: its dependencies, limits, errors and the helpers every part uses
 * (mailingsService in service.ts composes checks.ts, printing.ts, send-records.ts and destinations.ts on top
 * of it).
 */
import type { Actor, AuditService } from '../audit/service.ts';
import type { Database } from '../db/connect.ts';
import type {
  DocumentItem,
  DocumentTemplate,
  Recipient,
  RenderContext,
  Sender,
  TemplateRegistry,
} from '../documents/types.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import type { FileStore } from '../files/store.ts';
import type { JobRow, JobRunner } from '../jobs/runner.ts';
import { type DestinationRow, type MailingRow, mailingsRepository } from './repository.ts';
import { destinationOn, recipientFor } from './rules.ts';
import type { ItemStatus, MailingCounts, MailingPurpose, PeoplePort, PersonNow } from './types.ts';

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
export const batchSize = 5000;
/** Up to this many items the 引き抜き確認 runs in the request; above it, as a job. */
export const inlineCheckMax = 5000;
/**
 * Items (people) per generated PDF part: 500 keeps a print job with two worker threads under 512 MB on
 * 100,000 notices (BENCHMARKS.md); parts of 1,000 took ~510 MB.
 */
export const printChunk = 500;
/** 先頭N件プレビュー: at most this many. */
export const previewMax = 20;
/** Resident ids listed one by one in an audit entry (the audit service keeps 1,000). */
export const auditIds = 1000;

export type JobParams = {
  mailingId: number;
  userId: number | null;
  loginId: string;
  roleCode: string | null;
};

export const jobActor = (p: JobParams): Actor => ({
  userId: p.userId,
  loginId: p.loginId,
  roleCode: p.roleCode,
});
export const jobParams = (actor: Actor, mailingId: number): JobParams => ({
  mailingId,
  userId: actor.userId,
  loginId: actor.loginId,
  roleCode: actor.roleCode,
});

export const pendingError = (n: number) =>
  new AppError(
    409,
    'SUPPORT_MEASURE_PENDING',
    `支援措置対象者の送付確認が済んでいない方が${n.toLocaleString('ja-JP')}人います。「要確認（支援措置）」タブで送付する・しないを確認してから、もう一度操作してください。`,
    { pending: n },
  );

export function statusError(m: MailingRow): AppError {
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

export const countsOf = (by: Record<ItemStatus, number>, pages?: number): MailingCounts => ({
  items: by.included + by.pulled_out + by.pending,
  included: by.included,
  pulledOut: by.pulled_out,
  pendingConfirmation: by.pending,
  ...(pages !== undefined ? { pages } : {}),
});

/** The state and helpers shared by the parts of mailingsService (one per service). */
export function mailingsContext(deps: MailingsDeps) {
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

  async function activeJobs(kind: string, mailingId: number): Promise<JobRow[]> {
    return deps.jobs.findByParam(kind, 'mailingId', mailingId, ['queued', 'running']);
  }

  /** A resident as they are now (the 送付先 and 再発行 of one person). */
  async function mustPerson(residentId: number): Promise<PersonNow> {
    const p = (await deps.people.current([residentId])).get(residentId);
    if (!p) throw notFound('宛名');
    return p;
  }

  async function mustItem(m: MailingRow, residentId: number) {
    const item = await repo.item(m.id, residentId);
    if (!item) throw notFound('この郵送物の対象者');
    return item;
  }

  return {
    deps,
    audit,
    repo,
    purposeMap,
    renderer,
    mustMailing,
    mustPurpose,
    templateOf,
    assertChangeable,
    recount,
    resolve,
    includedBatches,
    activeJobs,
    mustItem,
    mustPerson,
  };
}

export type MailingsContext = ReturnType<typeof mailingsContext>;
