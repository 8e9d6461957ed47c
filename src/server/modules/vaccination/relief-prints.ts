/**
 * 予防接種健康被害救済の印刷 (F11a-05): the 進達書 to the prefecture and the 認定・否認の通知 to the 請求者.
 *
 * The notice goes to the claimant (a parent, or a bereaved family member at another address), and the vaccinated
 * person may have died. The mailings engine's one-person path (`reissue`) addresses only the resident's own address
 * or a 送付先 registered for all of the resident's mail, and refuses statuses its purpose does not allow; so the
 * notice is rendered here with the documents engine (自治体設定 as sender) and its send record is written through the
 * mailings engine's send-records repository (送付履歴 of the vaccinated person, 送付先の種別「その他」, the claimant's
 * name and address), in one transaction with the case's 通知日 at the version read.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki, parseDateInput, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { Recipient, Sender } from '../../platform/documents/types.ts';
import { badRequest, conflict } from '../../platform/errors/app-error.ts';
import { sendRecordsRepository } from '../../platform/mailings/send-records-repository.ts';
import { type SendMethod, sendMethods } from '../../platform/mailings/types.ts';
import {
  benefitLabels,
  reliefNoticePurpose,
  reliefScreen,
  type VaccinationReliefService,
  vaccineNameOf,
} from './relief.ts';
import {
  type ReliefClaimLines,
  type ReliefForwardPayload,
  type ReliefNoticePayload,
  reliefForwardTemplate,
  reliefNoticeTemplate,
} from './relief-notice-document.ts';
import type { ReliefCaseRow } from './relief-repository.ts';
import { reliefRepository as repo } from './relief-repository.ts';
import { categoryLabels } from './relief-rules.ts';

const noRecipient: Recipient = { postalCode: '', address: '', addressExtra: '', name: '' };

export function vaccinationReliefPrints(deps: {
  database: Database;
  audit: AuditService;
  relief: VaccinationReliefService;
  sender: () => Promise<Sender>;
}) {
  const { database, audit, relief } = deps;

  async function claimLines(c: ReliefCaseRow): Promise<ReliefClaimLines & { supportMeasure: boolean }> {
    const p = await relief.mustPerson(c.residentId);
    return {
      caseNo: c.caseNo,
      personName: p.name,
      personBirthDate: formatWareki(p.birthDate),
      vaccine: vaccineNameOf(c.vaccine),
      category: categoryLabels[c.category],
      vaccinatedOn: c.vaccinatedOn ? formatWareki(c.vaccinatedOn) : '',
      claimant: `${c.claimantName}${c.claimantRelation ? `（${c.claimantRelation}）` : ''}`,
      receivedOn: formatWareki(c.receivedOn),
      benefits: benefitLabels(c.benefits),
      supportMeasure: p.supportMeasure,
    };
  }

  async function render<P>(template: { code: string }, recipient: Recipient, payload: P, on: string) {
    const { renderToBuffer } = await import('../../platform/documents/renderer.ts');
    return renderToBuffer(template as never, [{ seq: 1, recipient, payload }], {
      sender: await deps.sender(),
      issueDate: on,
    });
  }

  return {
    /** 進達書 (cover letter to the prefecture) of a forwarded case: the claim and the documents received. */
    async forwardLetter(actor: Actor, id: number, v: { addressee?: string } = {}) {
      const c = await relief.mustCase(id);
      if (!c.forwardedOn)
        throw badRequest(
          '進達日がまだ登録されていません。先に「進達を登録」してから進達書を印刷してください。',
        );
      const { supportMeasure, ...lines } = await claimLines(c);
      const payload: ReliefForwardPayload = {
        ...lines,
        addressee: v.addressee?.trim() || '都道府県知事',
        forwardedOn: formatWareki(c.forwardedOn),
        symptoms: c.symptoms,
        documents: c.documents.flatMap((d) =>
          d.receivedOn ? [{ label: d.label, receivedOn: formatWareki(d.receivedOn) }] : [],
        ),
        note: c.forwardNote,
      };
      const pdf = await render(reliefForwardTemplate, noRecipient, payload, c.forwardedOn);
      await audit.record(actor, {
        action: 'print',
        screen: reliefScreen,
        residentIds: [c.residentId],
        sensitive: supportMeasure,
        summary: `${c.caseNo} 進達書を印刷（添付書類${payload.documents.length}件）`,
        detail: { caseId: c.id },
      });
      return { pdf, fileName: `進達書_${c.caseNo}.pdf` };
    },

    /**
     * 認定・否認の通知 to the claimant (PDF) with a send record; the case's 通知日 is set at the version read
     * (a second print is a 再発行: it links the earlier send record).
     */
    async notice(actor: Actor, id: number, v: { version: number; sentOn?: string; method?: SendMethod }) {
      const c = await relief.mustCase(id);
      if (c.version !== v.version) throw conflict('この請求', c);
      if (c.status !== 'recognized' && c.status !== 'denied')
        throw badRequest('認定・否認がまだ登録されていません。結果を登録してから通知を印刷してください。');
      const parsed = v.sentOn ? parseDateInput(v.sentOn) : { ok: true as const, date: today() };
      if (!parsed.ok) throw badRequest(`発送日: ${parsed.message}`);
      const sentOn = parsed.date;
      if (c.resultReceivedOn && sentOn < c.resultReceivedOn)
        throw badRequest(
          `発送日は結果の受理日（${formatWareki(c.resultReceivedOn)}）と同じか、それより後の日付を入力してください。`,
        );
      const method = v.method ?? 'post';
      if (!(method in sendMethods))
        throw badRequest('送付方法は「郵送」「手渡し」「窓口」から選んでください。');
      const { supportMeasure, ...lines } = await claimLines(c);
      const payload: ReliefNoticePayload = {
        ...lines,
        caseId: c.id,
        result: c.status,
        decidedOn: c.decidedOn ? formatWareki(c.decidedOn) : '',
        recognized: benefitLabels(c.recognizedBenefits),
        note: c.decisionNote,
      };
      const recipient: Recipient = {
        postalCode: c.claimantPostalCode,
        address: c.claimantAddress,
        addressExtra: '',
        name: c.claimantName,
      };
      const pdf = await render(reliefNoticeTemplate, recipient, payload, sentOn);
      const earlier = (await repo.notices(database, reliefNoticePurpose, c.id))[0];
      const record = await database.transaction(async (tx) => {
        if (!(await repo.update(tx, c.id, v.version, { noticeSentOn: sentOn }, actor.userId)))
          throw conflict('この請求', await repo.get(database, c.id));
        return sendRecordsRepository(database).insertSendRecord(
          {
            residentId: c.residentId,
            mailingId: null,
            purpose: reliefNoticePurpose,
            documentTitle: reliefNoticeTemplate.title,
            fiscalYear: null,
            sentOn,
            method,
            destinationKind: 'other',
            recipientName: c.claimantName,
            postalCode: c.claimantPostalCode,
            address: c.claimantAddress,
            addressExtra: '',
            reissueOf: earlier?.id ?? null,
            payload,
            createdBy: actor.userId,
          },
          tx,
        );
      });
      await audit.record(actor, {
        action: 'print',
        screen: reliefScreen,
        residentIds: [c.residentId],
        sensitive: supportMeasure,
        summary: `${c.caseNo} ${c.status === 'recognized' ? '認定' : '否認'}の通知を${earlier ? '再発行' : '発行'}（請求者 ${c.claimantName}、${sendMethods[method]}）`,
        detail: { caseId: c.id, sendRecordId: record.id, reissueOf: earlier?.id ?? null },
      });
      return { pdf, fileName: `認定否認通知_${c.caseNo}.pdf`, sendRecordId: Number(record.id) };
    },
  };
}

export type VaccinationReliefPrints = ReturnType<typeof vaccinationReliefPrints>;
