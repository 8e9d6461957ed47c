/**
 * 妊婦健診・産婦健診の結果入力 (F06-03/F06-05) and their 精密健診 (F06-04/F06-06) by hand: the clerk scans or types
 * the 受診券ID of a returned 受診票 → the mother, the pregnancy, the voucher and what was entered for it appear; the
 * result is saved (new, or at the version read); a voucher already used by another result is refused with the
 * date and the result; a 精密健診 is entered from the referring visit. フォロー対象者 (EPDS, 要精密・要治療) are
 * registered by the shared write path (checkup-repository.ts). Every read and change is audited.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki, parseDateInput, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict } from '../../platform/errors/app-error.ts';
import {
  type CheckupKind,
  checkupItemSets,
  checkupKinds,
  judgements,
  judgementsOf,
  voucherKindLabels,
} from './checkup-items.ts';
import { type ResultRow, checkupRepository as repo, voucherKey } from './checkup-repository.ts';
import type { FieldError } from './checkup-rules.ts';
import {
  type CheckupCategory,
  categoryLabels,
  institutionOf,
  prepareVisit,
  usedMessage,
  voucherCheck,
} from './checkup-visit.ts';
import { followUpsOf } from './follow-ups.ts';
import { epdsThresholdsOf } from './settings.ts';

const screen = '母子保健 妊婦・産婦健診の結果';

export type CheckupSaveInput = {
  voucherNo: string;
  category: CheckupCategory;
  examinedOn: string;
  /** 医療機関: code or name */
  institution: string;
  judgement: string;
  items: Record<string, unknown>;
  note: string;
  /** the result edited (null = new) and the version read */
  resultId: number | null;
  version: number | null;
};

const invalid = (errors: FieldError[]) =>
  badRequest(`入力に誤りがあります（${errors.length}件）。${errors[0]!.message}`, {
    fields: errors.map((e) => ({ path: e.field, message: e.message })),
  });

export function maternalCheckupsService(deps: { database: Database; audit: AuditService }) {
  const { database, audit } = deps;

  async function visitOf(no: string) {
    const key = voucherKey(no);
    const voucher = (await repo.vouchers(database, [key])).get(key);
    const voucherResult = voucher
      ? (await repo.byVoucher(database, [voucher.id])).get(voucher.id)
      : undefined;
    const detailedResult = voucherResult
      ? (await repo.byReferral(database, [voucherResult.id])).get(voucherResult.id)
      : undefined;
    return { key, voucher, voucherResult, detailedResult };
  }

  return {
    meta: async () => ({
      kinds: checkupKinds,
      judgements,
      categories: categoryLabels,
      voucherKinds: voucherKindLabels,
      itemSets: checkupItemSets,
      judgementsOf: Object.fromEntries(
        (Object.keys(checkupKinds) as CheckupKind[]).map((k) => [k, judgementsOf(k)]),
      ),
      epds: await epdsThresholdsOf(database),
    }),

    /**
     * The visit of a 受診券ID (scanned): the mother and the pregnancy, the voucher, its result and 精密健診 if any
     * (with the message that it is used), and the pregnancy's other results. Audited as a view.
     */
    async lookup(actor: Actor, no: string) {
      const { key, voucher, voucherResult, detailedResult } = await visitOf(no);
      const check = voucherCheck(voucher, key);
      if (!voucher || !('kind' in check))
        throw new AppError(404, 'VOUCHER_NOT_FOUND', (check as FieldError).message);
      const visits = await repo.ofPregnancy(database, voucher.pregnancyId);
      const followUps = await followUpsOf(database, [voucher.residentId]);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [voucher.residentId],
        summary: `受診券ID ${key}（${voucherKindLabels[voucher.kind]} 第${voucher.seq}回）の健診結果を表示`,
      });
      return {
        voucher,
        kind: check.kind,
        result: voucherResult ?? null,
        detailed: detailedResult ?? null,
        usedMessage: voucherResult ? usedMessage(voucher, voucherResult) : null,
        visits,
        followUps: followUps.filter((f) => f.source === 'maternal_checkup' && f.status === 'open'),
      };
    },

    /** Saves the result of a visit or its 精密健診 (new, or at the version read). */
    async save(actor: Actor, input: CheckupSaveInput) {
      const date = parseDateInput(input.examinedOn);
      if (!date.ok) throw invalid([{ field: 'examinedOn', message: `受診日: ${date.message}` }]);
      const institutions = await repo.institutions(database);
      const inst = institutionOf(input.institution, institutions);
      if ('message' in inst) throw invalid([inst]);
      const { key, voucher, voucherResult, detailedResult } = await visitOf(input.voucherNo);
      const prepared = prepareVisit(
        {
          ...input,
          voucherNo: key,
          examinedOn: date.date,
          institutionId: inst.id,
          institutionName: inst.name,
        },
        {
          voucher,
          voucherResult,
          detailedResult,
          isSame: (r) => r.id === input.resultId,
          today: today(),
          epds: await epdsThresholdsOf(database),
        },
      );
      if (!prepared.ok) {
        const used = prepared.errors.find((e) => e.field === 'voucherNo' && e.message.includes('使用済み'));
        if (used) throw new AppError(409, 'VOUCHER_USED', used.message);
        throw invalid(prepared.errors);
      }
      const w = { ...prepared.write, version: input.resultId === null ? null : input.version };
      if (w.id !== null && w.version === null)
        throw badRequest('修正する結果の版がありません。画面を読み込み直してください。');
      const id = await database.transaction((tx) => repo.write(tx, w, 'manual', actor.userId));
      if (id === null) {
        if (w.id !== null) throw conflict('この健診結果', await repo.one(database, w.id));
        const now = await visitOf(key);
        const r = now.voucherResult;
        throw new AppError(
          409,
          'VOUCHER_USED',
          r && now.voucher ? usedMessage(now.voucher, r) : '受診券は使用済みです。',
        );
      }
      const saved = (await repo.one(database, id)) as ResultRow;
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [saved.residentId],
        summary: `${checkupKinds[saved.kind]}（${formatWareki(saved.examinedOn)}、判定: ${judgements[saved.judgement]}）の結果を${w.id === null ? '登録' : '修正'}（受診券ID ${key}）`,
        detail: { result: saved, followUp: w.followUpReasons },
      });
      return { result: saved, followUpReasons: w.followUpReasons };
    },
  };
}

export type MaternalCheckupsService = ReturnType<typeof maternalCheckupsService>;
