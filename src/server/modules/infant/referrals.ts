/**
 * 精密健診依頼 (F07-05 step 5) and 精密健診結果 (F07-06): a referral issued from a 要精密 result — areas, reason,
 * institution, the next 依頼書番号 of the 年度 — printed as the 乳幼児精密健康診査依頼書 through the mailings engine's
 * one-person path (so a 送付記録 is kept and the print audited); reprinted from the same number; the result of the
 * 精密健診 entered by 依頼書番号 (by hand here, from a file in detailed-import.ts) through one write path that sets
 * the referral 結果あり and registers the follow-up (source 'infant_detailed').
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { fiscalYearOf, formatWareki, parseDateInput, today } from '../../platform/calendar/index.ts';
import type { Database, SqlRunner } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { MailingsPort } from '../../platform/mailings/ports.ts';
import type { SendMethod } from '../../platform/mailings/types.ts';
import { registerFollowUp } from '../maternal/follow-ups.ts';
import { infantCheckupOf, judgementLabels } from './checkups.ts';
import { type ReferralPayload, referralPurpose } from './referral-document.ts';
import { type ReferralRow, infantResultRepository as repo } from './result-repository.ts';
import {
  ageText,
  checkDetailed,
  type DetailedResult,
  detailedFollowUp,
  detailedResultLabels,
  detailedResultOf,
  type FieldError,
  referralPrefix,
} from './result-rules.ts';
import { invalid } from './results.ts';

const screen = '母子保健 乳幼児精密健診';

export type ReferralMailingsPort = Pick<MailingsPort, 'registerPurpose' | 'reissue'>;

export type DetailedInput = {
  referralNo: string;
  examinedOn: string;
  institutionName: string;
  result: string;
  diagnosis: string;
  note: string;
  /** the version of the referral read (null = first entry from a file) */
  version: number | null;
};

/** A 精密健診結果 checked against its referral: the write, or the errors (unknown number, already entered …). */
export function prepareDetailed(
  v: DetailedInput,
  referral: ReferralRow | undefined,
  day: string,
):
  | { ok: true; write: { result: DetailedResult; examinedOn: string }; unchanged: boolean }
  | { ok: false; errors: FieldError[] } {
  if (!referral)
    return {
      ok: false,
      errors: [
        {
          field: 'referralNo',
          message: `依頼書番号 ${v.referralNo} の精密健診依頼はありません。依頼書の番号を確かめてください。`,
        },
      ],
    };
  if (referral.status === 'cancelled')
    return {
      ok: false,
      errors: [{ field: 'referralNo', message: `依頼書番号 ${v.referralNo} の依頼は取り消されています。` }],
    };
  const date = parseDateInput(v.examinedOn);
  if (!date.ok) return { ok: false, errors: [{ field: 'examinedOn', message: `受診日: ${date.message}` }] };
  const errors = checkDetailed(
    { result: v.result, examinedOn: date.date, diagnosis: v.diagnosis },
    referral,
    day,
  );
  const result = detailedResultOf(v.result);
  if (errors.length || !result) return { ok: false, errors };
  const same =
    referral.status === 'examined' &&
    referral.examinedOn === date.date &&
    referral.result === result &&
    referral.diagnosis === v.diagnosis.trim() &&
    referral.resultInstitutionName === v.institutionName.trim();
  if (referral.status === 'examined' && !same && v.version === null)
    return {
      ok: false,
      errors: [
        {
          field: 'referralNo',
          message: `依頼書番号 ${v.referralNo} の精密健診結果は入力済みです（${formatWareki(referral.examinedOn!)}、${detailedResultLabels[referral.result as DetailedResult] ?? referral.result}）。直すときは画面で修正してください。`,
        },
      ],
    };
  return { ok: true, write: { result, examinedOn: date.date }, unchanged: same };
}

/** The one write path of a 精密健診結果 (screen and import); false = the referral changed meanwhile. */
export async function writeDetailed(
  q: SqlRunner,
  referral: ReferralRow,
  v: DetailedInput & { result: DetailedResult; examinedOn: string },
  source: 'manual' | 'import',
  userId: number | null,
): Promise<boolean> {
  const ok = await repo.writeDetailed(q, {
    id: referral.id,
    version: v.version ?? referral.version,
    examinedOn: v.examinedOn,
    institutionName: v.institutionName.trim(),
    result: v.result,
    diagnosis: v.diagnosis.trim(),
    note: v.note.trim(),
    source,
    userId,
  });
  const reasons = detailedFollowUp(v.result, referral.areas, v.diagnosis.trim());
  if (ok && reasons.length)
    await registerFollowUp(q, {
      residentId: referral.childResidentId,
      source: 'infant_detailed',
      sourceId: referral.id,
      reasons,
      registeredOn: v.examinedOn,
      userId,
    });
  return ok;
}

export function infantReferralsService(deps: {
  database: Database;
  audit: AuditService;
  mailings: ReferralMailingsPort;
}) {
  const { database, audit, mailings } = deps;
  // a referral is printed also for a 住登外者 (里帰り) child
  mailings.registerPurpose({
    code: referralPurpose,
    title: '乳幼児精密健康診査依頼書',
    template: referralPurpose,
    allowedStatuses: ['resident', 'non_registered'],
  });

  async function print(actor: Actor, r: ReferralRow, method: SendMethod, reason: string) {
    const result = (await repo.one(database, r.resultId))!;
    const child = (await repo.childById(database, r.childResidentId))!;
    const payload: ReferralPayload = {
      referralNo: r.referralNo,
      toInstitution: r.toInstitutionName,
      name: child.name,
      nameKana: child.nameKana,
      birthDate: formatWareki(child.birthDate),
      atenaNo: child.atenaNo,
      checkupName: infantCheckupOf(result.checkup)?.name ?? result.checkup,
      examinedOn: formatWareki(result.examinedOn),
      age: ageText({ months: result.ageMonths, days: result.ageDays }),
      judgement: judgementLabels[result.judgement],
      areas: r.areas,
      reason: r.reason,
    };
    const out = await mailings.reissue(actor, {
      purpose: referralPurpose,
      residentId: r.childResidentId,
      payload,
      fiscalYear: fiscalYearOf(r.issuedOn),
      sentOn: today(),
      method,
      reason,
    });
    return {
      pdf: out.pdf,
      record: out.record as { id: number; sentOn: string; method: string },
      referral: r,
    };
  }

  return {
    /** Issues a referral for a 要精密 result and prints its 依頼書 (PDF, send record). */
    async issue(
      actor: Actor,
      resultId: number,
      v: { areas: string[]; reason: string; institutionName: string; method: SendMethod },
    ) {
      const result = await repo.one(database, resultId);
      if (!result) throw notFound('健診結果');
      if (result.judgement !== 'detailed')
        throw badRequest('精密健診依頼書は総合判定が要精密の結果から発行します。判定を確かめてください。');
      const areas = v.areas.map((a) => a.trim()).filter(Boolean);
      if (!areas.length)
        throw invalid([{ field: 'areas', message: '精密健診の部位・項目を入れてください。' }]);
      const day = today();
      const id = await database.transaction((tx) =>
        repo.insertReferral(tx, {
          resultId,
          childResidentId: result.childResidentId,
          prefix: referralPrefix(fiscalYearOf(day)),
          issuedOn: day,
          areas,
          reason: v.reason.trim(),
          toInstitutionName: v.institutionName.trim(),
          userId: actor.userId,
        }),
      );
      const r = (await repo.referralById(database, id))!;
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [r.childResidentId],
        summary: `精密健診依頼書 ${r.referralNo} を発行（${areas.join('、')}）`,
        detail: { referral: r },
      });
      return print(actor, r, v.method, `精密健診依頼書の発行（${r.referralNo}）`);
    },

    /** Prints the 依頼書 of a referral again (a new send record linked to the earlier one). */
    async reprint(actor: Actor, referralNo: string, method: SendMethod) {
      const r = await repo.referralByNo(database, referralNo.trim());
      if (!r) throw notFound(`依頼書番号 ${referralNo} の精密健診依頼`);
      return print(actor, r, method, `精密健診依頼書の再印刷（${r.referralNo}）`);
    },

    /** The referral of a 依頼書番号 (for the 精密健診結果 entry). Audited as a view. */
    async lookup(actor: Actor, referralNo: string) {
      const r = await repo.referralByNo(database, referralNo.normalize('NFKC').trim());
      if (!r)
        throw new AppError(
          404,
          'REFERRAL_NOT_FOUND',
          `依頼書番号 ${referralNo} の精密健診依頼はありません。依頼書の番号を確かめてください。`,
        );
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [r.childResidentId],
        summary: `精密健診依頼 ${r.referralNo} を表示`,
      });
      return r;
    },

    /** Enters (or corrects, at the version read) the 精密健診結果 of a referral. */
    async saveDetailed(actor: Actor, v: DetailedInput) {
      const no = v.referralNo.normalize('NFKC').trim();
      const referral = await repo.referralByNo(database, no);
      if (v.version === null && referral?.status === 'examined')
        throw new AppError(
          409,
          'DETAILED_EXISTS',
          `依頼書番号 ${no} の精密健診結果は入力済みです。修正するときは表示して直してください。`,
        );
      const p = prepareDetailed({ ...v, referralNo: no }, referral, today());
      if (!p.ok) throw invalid(p.errors);
      const ok = await database.transaction((tx) =>
        writeDetailed(tx, referral!, { ...v, ...p.write }, 'manual', actor.userId),
      );
      if (!ok) throw conflict('この精密健診結果', await repo.referralByNo(database, no));
      const saved = (await repo.referralByNo(database, no))!;
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [saved.childResidentId],
        summary: `精密健診結果（依頼書番号 ${no}、${detailedResultLabels[p.write.result]}）を${v.version === null ? '登録' : '修正'}`,
        detail: { referral: saved },
      });
      return saved;
    },
  };
}

export type InfantReferralsService = ReturnType<typeof infantReferralsService>;
