/**
 * 受診券の組 and 妊娠届出書（記録票） printed at the counter through the mailings engine's one-person path (it
 * renders with the 自治体設定, keeps the send record — 窓口交付 by default — and audits the print with the mother's
 * resident id). The 個人番号 on the record sheet is the masked one only.
 */
import type { Actor } from '../../platform/audit/service.ts';
import {
  formatGestationalAge,
  gestationalAge,
  naiveAge,
  pregnancyMonth,
  today,
} from '../../platform/calendar/index.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import type { ReissueMailingsPort } from '../../platform/mailings/ports.ts';
import type { SendMethod } from '../../platform/mailings/types.ts';
import { type PregnanciesService, pregnanciesService } from './pregnancies.ts';
import { handbookKindLabels, sourceLabels } from './pregnancy-rules.ts';
import { isRiskFlag, questions, riskFlagLabels } from './questionnaire.ts';
import type { NotificationSheetPayload, VoucherSetPayload } from './voucher-document.ts';

export const voucherSetPurpose = 'maternal.vouchers';
export const notificationSheetPurpose = 'maternal.notification';

const stdTb = { yes: '有', no: '無', unknown: '不明' } as Record<string, string>;

export function pregnancyPrintsService(deps: {
  pregnancies: PregnanciesService;
  mailings: ReissueMailingsPort;
}) {
  deps.mailings.registerPurpose({
    code: voucherSetPurpose,
    title: '妊婦健康診査受診券',
    template: voucherSetPurpose,
    allowedStatuses: ['resident', 'non_registered'],
  });
  deps.mailings.registerPurpose({
    code: notificationSheetPurpose,
    title: '妊娠届出書（記録票）',
    template: notificationSheetPurpose,
    allowedStatuses: ['resident', 'non_registered', 'moved_out'],
  });

  return {
    /** The 受診券 (all still usable, or the ones picked) of a pregnancy as one PDF. */
    async vouchers(actor: Actor, id: number, v: { voucherIds: number[] | null; method?: SendMethod }) {
      const d = await deps.pregnancies.get(actor, id);
      const picked = d.vouchers.filter(
        (x) => x.status === 'issued' && (!v.voucherIds || v.voucherIds.includes(x.id)),
      );
      if (!picked.length)
        throw badRequest('印刷できる受診券がありません（使用済み・無効の受診券は印刷しません）。');
      const m = d.mother;
      const payload: VoucherSetPayload = {
        name: m.name ?? '',
        nameKana: m.nameKana ?? '',
        birthDate: m.birthDate ?? '',
        atenaNo: m.atenaNo ?? '',
        dueDate: d.pregnancy.dueDate,
        notificationNo: d.pregnancy.notificationNo,
        vouchers: picked.map((x) => ({
          voucherNo: x.voucherNo,
          kindLabel: x.kindLabel,
          seq: x.seq,
          limitYen: x.limitYen,
        })),
      };
      return deps.mailings.reissue(actor, {
        purpose: voucherSetPurpose,
        residentId: d.pregnancy.motherResidentId,
        payload,
        fiscalYear: null,
        sentOn: today(),
        method: v.method ?? 'counter',
        reason: `受診券の交付（妊娠届 ${d.pregnancy.notificationNo}・${picked.length}枚）`,
      });
    },

    /** The 妊娠届出書 record sheet. */
    async notificationSheet(actor: Actor, id: number) {
      const d = await deps.pregnancies.get(actor, id);
      const p = d.pregnancy;
      const m = d.mother;
      const age = gestationalAge(p.dueDate, p.notifiedOn) ?? { weeks: 0, days: 0 };
      const payload: NotificationSheetPayload = {
        notificationNo: p.notificationNo,
        notifiedOn: p.notifiedOn,
        source: sourceLabels[p.source as keyof typeof sourceLabels] ?? p.source,
        name: m.name ?? '',
        nameKana: m.nameKana ?? '',
        birthDate: m.birthDate ?? '',
        age: m.birthDate ? naiveAge(m.birthDate, p.notifiedOn) : 0,
        atenaNo: m.atenaNo ?? '',
        address: m.address ?? '',
        myNumberMasked: m.myNumberMasked ?? '登録なし',
        occupation: p.occupation,
        dueDate: p.dueDate,
        weeksLabel: formatGestationalAge(age),
        month: pregnancyMonth(age),
        fetusCount: p.fetusCount,
        diagnosedBy:
          [p.diagnosedBy, p.diagnosisInstitution].filter(Boolean).join('（') +
          (p.diagnosisInstitution && p.diagnosedBy ? '）' : ''),
        stdTbCheckup: stdTb[p.stdTbCheckup] ?? p.stdTbCheckup,
        handbooks: d.handbooks.map(
          (h) =>
            `${h.handbookNo}（${handbookKindLabels[h.kind as keyof typeof handbookKindLabels] ?? h.kind}）`,
        ),
        answers: questions
          .filter((q) => p.questionnaire[q.code] !== undefined && p.questionnaire[q.code] !== '')
          .map((q) => {
            const a = String(p.questionnaire[q.code]);
            return [q.label, q.options?.[a] ?? a] as [string, string];
          }),
        flags: p.riskFlags.filter(isRiskFlag).map((f) => riskFlagLabels[f]),
        specificPregnant: p.specificPregnant,
      };
      return deps.mailings.reissue(actor, {
        purpose: notificationSheetPurpose,
        residentId: p.motherResidentId,
        payload,
        fiscalYear: null,
        sentOn: today(),
        method: 'counter',
        reason: `妊娠届出書（記録票） ${p.notificationNo}`,
      });
    },
  };
}

export type PregnancyPrintsService = ReturnType<typeof pregnancyPrintsService>;

/** The 妊娠届 services as wired in app.ts. */
export function maternalPregnancies(deps: {
  database: import('../../platform/db/connect.ts').Database;
  audit: import('../../platform/audit/service.ts').AuditService;
  residents: import('./pregnancies.ts').MotherViewPort;
  mailings: ReissueMailingsPort;
  settings: import('./pregnancies.ts').PregnancySettingsPort;
}) {
  const pregnancies = pregnanciesService(deps);
  return { pregnancies, prints: pregnancyPrintsService({ pregnancies, mailings: deps.mailings }) };
}
