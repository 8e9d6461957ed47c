/**
 * 送付情報 (registration after printing, 再発行 / 個別発行, 送付履歴 and 返戻): the part of mailingsService that
 * keeps what was sent where (送付先 are in destinations.ts).
 */
import type { Actor } from '../audit/service.ts';
import { formatWareki, isValidDate, today } from '../calendar/index.ts';
import { badRequest, conflict, notFound } from '../errors/app-error.ts';
import { auditIds, type MailingsContext, pendingError, statusError } from './context.ts';
import type { SendRecordInput } from './repository.ts';
import { destinationKindOf, destinationOn, maskRecord, recipientFor, recipientLine } from './rules.ts';
import { returnReasons, sendMethods } from './types.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** 送付情報登録 / 再発行 / 送付履歴 / 返戻 of mailingsService. */
export function mailingsSendRecords(core: MailingsContext) {
  const { deps, audit, repo, renderer, mustMailing, mustPurpose, mustPerson, templateOf, includedBatches } =
    core;

  return {
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
      const person = await mustPerson(v.residentId);
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
  };
}
