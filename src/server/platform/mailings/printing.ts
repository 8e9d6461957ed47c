/**
 * 印刷: the print job (re-check, then the PDF parts), プレビュー, the printed files, 宛名シール and the CSV for
 * an outside printer: the parts of mailingsService that render or export a mailing.
 */
import type { Actor } from '../audit/service.ts';
import { type CsvColumn, type CsvEncoding, toCsv } from '../csv/export.ts';
import type { DocumentItem, Recipient } from '../documents/types.ts';
import { AppError, badRequest, notFound } from '../errors/app-error.ts';
import type { JobContext, JobRow } from '../jobs/runner.ts';
import { runCheck } from './checks.ts';
import {
  auditIds,
  checkJobKind,
  type JobParams,
  jobActor,
  jobParams,
  type LabelSheet,
  type MailingsContext,
  pendingError,
  previewMax,
  printChunk,
  printJobKind,
  statusError,
} from './context.ts';
import type { ItemRow, MailingRow } from './repository.ts';
import {
  destinationKindOf,
  fileName,
  flatScalars,
  maskRecipient,
  partFileName,
  scalarCell,
  seqWidth,
} from './rules.ts';
import { destinationKinds, type MailingOutput, type PersonNow } from './types.ts';

/** プレビュー / 印刷 / 印刷ファイル / 宛名シール / CSV出力 of mailingsService (registers the print job). */
export function mailingsPrinting(core: MailingsContext) {
  const {
    deps,
    audit,
    repo,
    renderer,
    mustMailing,
    mustPurpose,
    templateOf,
    resolve,
    includedBatches,
    activeJobs,
    mustItem,
  } = core;

  /** The print job: re-check, then render every included item in seq order into PDF parts. */
  async function printRun(ctx: JobContext, actor: Actor, m: MailingRow) {
    const purpose = mustPurpose(m.purpose);
    const started = await repo.now();
    // A re-run (after a crash) starts over: earlier parts of this mailing are removed first.
    await repo.deleteFiles(m.outputs.map((o) => o.fileId));
    await repo.setOutputs(m.id, []);
    const { counts } = await runCheck(core, m, (done, total) =>
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

  return {
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
  };
}
