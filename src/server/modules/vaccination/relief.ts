/**
 * 予防接種健康被害救済 (F11a-05): the case file of a claim — 請求書等受理 and 申請情報登録 (a 受付番号 per 年度),
 * 予防接種歴照会 (the person's records to attach), the 請求書類 received, the 進達 to the prefecture, the 認定・否認
 * the ministry returns, or the 取下げ. Rules: relief-rules.ts (§7). Every read and change is audited with the
 * resident id; every change is made at the version read (optimistic lock). The vaccinated person may have died or
 * moved away: the case goes on (the 請求者 is who the notice goes to).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import { recordsRepository } from './records-repository.ts';
import {
  benefitLabels,
  claimantOf,
  dateField,
  type Field,
  fail,
  type ReliefClaimInput,
  type ReliefEditInput,
  reliefNoticePurpose,
  reliefScreen,
  vaccineNameOf,
} from './relief-input.ts';
import {
  type NewReliefCase,
  type ReliefCaseRow,
  type ReliefPatch,
  reliefRepository as repo,
} from './relief-repository.ts';
import {
  type ClaimPeriod,
  categoryAt,
  checkBenefits,
  claimPeriods,
  type ReliefDocument,
  type ReliefStatus,
  type ReliefStep,
  recognizedError,
  reliefStatuses,
  stepDateError,
  stepError,
} from './relief-rules.ts';
import { caseFile } from './relief-view.ts';

export type { ReliefClaimInput, ReliefEditInput } from './relief-input.ts';
export { benefitLabels, reliefNoticePurpose, reliefScreen, vaccineNameOf } from './relief-input.ts';

export function vaccinationReliefService(deps: {
  database: Database;
  audit: AuditService;
  /** 請求期限 (national default; a municipality may give its own reading) */
  periods?: readonly ClaimPeriod[];
}) {
  const { database, audit } = deps;
  const periods = deps.periods ?? claimPeriods;

  async function mustPerson(residentId: number) {
    const p = await repo.person(database, residentId);
    if (!p) throw notFound('被接種者の宛名');
    return p;
  }
  async function mustCase(id: number) {
    const c = await repo.get(database, id);
    if (!c) throw notFound('健康被害救済の請求');
    return c;
  }

  /** The attached records must be the person's own, not deleted. */
  async function checkRecords(residentId: number, ids: readonly number[], fields: Field[]) {
    const mine = new Set((await recordsRepository.ofPerson(database, residentId)).map((r) => r.id));
    const unknown = [...new Set(ids)].filter((id) => !mine.has(id));
    if (unknown.length)
      fields.push({
        path: 'recordIds',
        message:
          'この方の接種記録でないもの（または削除された記録）が選ばれています。予防接種歴から選び直してください。',
      });
    return [...new Set(ids)];
  }

  async function log(actor: Actor, c: ReliefCaseRow, summary: string, detail: Record<string, unknown> = {}) {
    const p = await repo.person(database, c.residentId);
    await audit.record(actor, {
      action: 'change',
      screen: reliefScreen,
      residentIds: [c.residentId],
      sensitive: Boolean(p?.supportMeasure),
      summary: `${c.caseNo} ${summary}`,
      detail: { caseId: c.id, ...detail },
    });
  }

  /**
   * A change at `version`: the case is read, `make` checks and builds the patch (it may throw a 400), the row is
   * updated only if nobody changed it since (else 409 with the stored case).
   */
  async function change(
    actor: Actor,
    id: number,
    version: number,
    make: (
      c: ReliefCaseRow,
    ) => Promise<{ patch: ReliefPatch; summary: string }> | { patch: ReliefPatch; summary: string },
  ) {
    const c = await mustCase(id);
    if (c.version !== version) throw conflict('この請求', c);
    const { patch, summary } = await make(c);
    if (!(await repo.update(database, id, version, patch, actor.userId)))
      throw conflict('この請求', await repo.get(database, id));
    await log(actor, c, summary, { patch });
    return (await repo.get(database, id))!;
  }

  function stepCheck(c: ReliefCaseRow, step: ReliefStep) {
    const e = stepError(c.status, step);
    if (e) throw badRequest(e);
  }

  return {
    periods,

    /** 予防接種歴照会: the person and their records, to pick the vaccinations of a claim. */
    async history(actor: Actor, residentId: number) {
      const person = await mustPerson(residentId);
      const records = await recordsRepository.ofPerson(database, residentId);
      await audit.record(actor, {
        action: 'view',
        screen: reliefScreen,
        residentIds: [residentId],
        sensitive: person.supportMeasure,
        summary: `予防接種歴照会（記録${records.length}件）`,
      });
      return { person, records };
    },

    /** 請求書等受理 → 申請情報登録: a new case with the next 受付番号 of the 受理日's 年度. */
    async create(actor: Actor, v: ReliefClaimInput) {
      const person = await mustPerson(v.residentId);
      const fields: Field[] = [];
      const claimant = claimantOf(v, fields);
      const receivedOn = dateField('receivedOn', '受理日', v.receivedOn, fields);
      if (receivedOn && receivedOn > today())
        fields.push({ path: 'receivedOn', message: '受理日に今日より後の日付は入力できません。' });
      const vaccinatedOn = dateField('vaccinatedOn', '接種日', v.vaccinatedOn, fields);
      if (vaccinatedOn && vaccinatedOn < person.birthDate)
        fields.push({
          path: 'vaccinatedOn',
          message: '接種日が生年月日より前です。接種日を確かめてください。',
        });
      else if (vaccinatedOn && receivedOn && vaccinatedOn > receivedOn)
        fields.push({
          path: 'vaccinatedOn',
          message: '接種日が受理日より後です。接種日か受理日を確かめてください。',
        });
      let category: 'A' | 'B' | null = null;
      if (vaccinatedOn) {
        const cat = categoryAt(v.vaccine, vaccinatedOn);
        if (cat.ok) category = cat.category;
        else fields.push({ path: 'vaccine', message: cat.message });
      }
      if (category)
        for (const message of checkBenefits(category, v.benefits).errors)
          fields.push({ path: 'benefits', message });
      const recordIds = await checkRecords(v.residentId, v.recordIds, fields);
      if (fields.length) throw fail(fields);
      const values: NewReliefCase = {
        residentId: v.residentId,
        ...claimant,
        vaccine: v.vaccine,
        vaccinatedOn,
        category: category!,
        recordIds,
        benefits: [...new Set(v.benefits)],
        symptoms: v.symptoms.trim(),
        receivedOn,
        documents: [],
        note: v.note.trim(),
      };
      const prefix = `${fiscalYearOf(receivedOn)}-`;
      let id = 0;
      for (let attempt = 0; ; attempt++) {
        try {
          id = await repo.insert(database, prefix, values, actor.userId);
          break;
        } catch (e) {
          if (e instanceof AppError || (e as { code?: string }).code !== '23505' || attempt >= 20) throw e;
        }
      }
      const saved = (await repo.get(database, id))!;
      await log(
        actor,
        saved,
        `健康被害救済の請求を受理（${vaccineNameOf(v.vaccine)}、${benefitLabels(values.benefits).join('・')}）`,
      );
      return saved;
    },

    /** The case list (newest first) with a status filter and a search text. */
    async list(actor: Actor, f: { status?: string; q?: string; limit?: number; offset?: number }) {
      if (f.status && !(f.status in reliefStatuses)) throw badRequest('状態は一覧から選んでください。');
      const { total, rows } = await repo.list(database, {
        status: f.status,
        text: f.q,
        limit: Math.min(f.limit ?? 100, 500),
        offset: f.offset ?? 0,
      });
      await audit.record(actor, {
        action: 'view',
        screen: reliefScreen,
        residentIds: [...new Set(rows.map((r) => r.residentId))],
        summary: `健康被害救済の請求一覧 ${total}件${f.status ? `（${reliefStatuses[f.status as ReliefStatus]}）` : ''}${f.q ? ` 検索「${f.q}」` : ''}`,
      });
      return {
        total,
        rows: rows.map((r) => ({
          ...r,
          statusLabel: reliefStatuses[r.status],
          vaccineName: vaccineNameOf(r.vaccine),
        })),
      };
    },

    /** The case file: the case, the person, their records (attached marked), the checklist, warnings, timeline. */
    async view(actor: Actor, id: number) {
      const c = await mustCase(id);
      const person = await mustPerson(c.residentId);
      const records = await recordsRepository.ofPerson(database, c.residentId);
      const file = caseFile(c, person, records, periods);
      await audit.record(actor, {
        action: 'view',
        screen: reliefScreen,
        residentIds: [c.residentId],
        sensitive: person.supportMeasure,
        summary: `${c.caseNo} 健康被害救済の請求記録を表示`,
        detail: { caseId: c.id },
      });
      return {
        ...file,
        notices: await repo.notices(database, reliefNoticePurpose, c.id),
      };
    },

    /** Corrects the claimant or the claim (benefits only before the 進達). */
    async edit(actor: Actor, id: number, version: number, v: ReliefEditInput) {
      return change(actor, id, version, (c) => {
        if (c.status === 'recognized' || c.status === 'denied' || c.status === 'withdrawn')
          throw badRequest(`「${reliefStatuses[c.status]}」の請求は修正できません。`);
        const fields: Field[] = [];
        const claimant = claimantOf(v, fields);
        const benefits = [...new Set(v.benefits)];
        const changed = benefits.join() !== c.benefits.join();
        if (changed && c.status !== 'received')
          fields.push({ path: 'benefits', message: '進達した後は、請求する給付を変えられません。' });
        else
          for (const message of checkBenefits(c.category, benefits).errors)
            fields.push({ path: 'benefits', message });
        if (fields.length) throw fail(fields);
        return {
          patch: { ...claimant, benefits, symptoms: v.symptoms.trim(), note: v.note.trim() },
          summary: '請求の内容を修正',
        };
      });
    },

    /** 予防接種歴照会 → the vaccinations the claim is about. */
    async attachRecords(actor: Actor, id: number, version: number, recordIds: number[]) {
      return change(actor, id, version, async (c) => {
        if (c.status === 'withdrawn') throw badRequest('取下げた請求には接種記録を付けられません。');
        const fields: Field[] = [];
        const ids = await checkRecords(c.residentId, recordIds, fields);
        if (fields.length) throw fail(fields);
        return { patch: { recordIds: ids }, summary: `接種記録を紐付け（${ids.length}件）` };
      });
    },

    /** 請求書類: the checklist items and free entries, each with the date it was received (null = not yet). */
    async saveDocuments(actor: Actor, id: number, version: number, documents: ReliefDocument[]) {
      return change(actor, id, version, () => {
        const fields: Field[] = [];
        const out: ReliefDocument[] = [];
        const seen = new Set<string>();
        documents.forEach((d, i) => {
          const label = d.label.trim();
          if (!label)
            fields.push({ path: `documents.${i}`, message: `書類${i + 1}の名称を入力してください。` });
          const code = d.code.trim() || `other-${i + 1}`;
          if (seen.has(code)) return;
          seen.add(code);
          let receivedOn: string | null = null;
          if (d.receivedOn) {
            receivedOn = dateField(`documents.${i}`, `${label}の受理日`, d.receivedOn, fields) || null;
            if (receivedOn && receivedOn > today())
              fields.push({
                path: `documents.${i}`,
                message: `${label}の受理日に今日より後の日付は入力できません。`,
              });
          }
          out.push({ code, label, receivedOn });
        });
        if (fields.length) throw fail(fields);
        const n = out.filter((d) => d.receivedOn).length;
        return { patch: { documents: out }, summary: `請求書類を記録（受理${n}件／${out.length}件）` };
      });
    },

    /** 進達: the date the claim went to the prefecture and what went with it. */
    async forward(actor: Actor, id: number, version: number, v: { forwardedOn: string; note: string }) {
      return change(actor, id, version, (c) => {
        stepCheck(c, 'forward');
        const fields: Field[] = [];
        const on = dateField('forwardedOn', '進達日', v.forwardedOn, fields);
        const e = on && stepDateError(c, 'forward', on, today(), '進達日');
        if (e) fields.push({ path: 'forwardedOn', message: e });
        if (fields.length) throw fail(fields);
        return {
          patch: { status: 'forwarded', forwardedOn: on, forwardNote: v.note.trim() },
          summary: `進達（${on}）`,
        };
      });
    },

    /** 認定・否認の登録: the ministry's decision date, the day the result arrived, the benefits recognised. */
    async decide(
      actor: Actor,
      id: number,
      version: number,
      v: {
        result: 'recognized' | 'denied';
        decidedOn: string;
        resultReceivedOn: string;
        recognizedBenefits: string[];
        note: string;
      },
    ) {
      return change(actor, id, version, (c) => {
        stepCheck(c, 'decide');
        const fields: Field[] = [];
        const decidedOn = dateField('decidedOn', '決定日', v.decidedOn, fields);
        const e1 = decidedOn && stepDateError(c, 'decide', decidedOn, today(), '決定日');
        if (e1) fields.push({ path: 'decidedOn', message: e1 });
        const receivedOn = dateField('resultReceivedOn', '結果の受理日', v.resultReceivedOn, fields);
        if (receivedOn && decidedOn && receivedOn < decidedOn)
          fields.push({
            path: 'resultReceivedOn',
            message: '結果の受理日は決定日と同じか、それより後の日付を入力してください。',
          });
        else if (receivedOn && receivedOn > today())
          fields.push({
            path: 'resultReceivedOn',
            message: '結果の受理日に今日より後の日付は入力できません。',
          });
        const recognized = [...new Set(v.recognizedBenefits)];
        const e2 = recognizedError(v.result, c.benefits, recognized);
        if (e2) fields.push({ path: 'recognizedBenefits', message: e2 });
        if (fields.length) throw fail(fields);
        return {
          patch: {
            status: v.result,
            decidedOn,
            resultReceivedOn: receivedOn,
            recognizedBenefits: recognized,
            decisionNote: v.note.trim(),
          },
          summary: `${reliefStatuses[v.result]}を登録（決定日${decidedOn}${recognized.length ? `、${benefitLabels(recognized).join('・')}` : ''}）`,
        };
      });
    },

    /** 取下げ (from 受理 or 進達済), with the date and the reason. */
    async withdraw(actor: Actor, id: number, version: number, v: { withdrawnOn: string; reason: string }) {
      return change(actor, id, version, (c) => {
        stepCheck(c, 'withdraw');
        const fields: Field[] = [];
        const on = dateField('withdrawnOn', '取下げ日', v.withdrawnOn, fields);
        const e = on && stepDateError(c, 'withdraw', on, today(), '取下げ日');
        if (e) fields.push({ path: 'withdrawnOn', message: e });
        if (!v.reason.trim())
          fields.push({
            path: 'reason',
            message: '取下げの理由を入力してください（例: 請求者からの取下書による）。',
          });
        if (fields.length) throw fail(fields);
        return {
          patch: { status: 'withdrawn', withdrawnOn: on, withdrawReason: v.reason.trim() },
          summary: `取下げ（${on}）`,
        };
      });
    },

    mustCase,
    mustPerson,
    change,
  };
}

export type VaccinationReliefService = ReturnType<typeof vaccinationReliefService>;
export type ReliefCaseView = Awaited<ReturnType<VaccinationReliefService['view']>>;
export type ReliefListResult = Awaited<ReturnType<VaccinationReliefService['list']>>;
