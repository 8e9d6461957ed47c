/**
 * 予防接種健康被害救済 (F11a-05): the case file as the screen shows it — the case with its labels, the person (the
 * date of death when deceased), their records with the attached ones marked, the 請求書類 checklist, the warnings
 * (給付の制限, 請求期限 §7, 任意接種扱い), the timeline of steps and the steps possible now (pure).
 */
import type { VaccinationRecordRow } from './records-repository.ts';
import { benefitLabels, vaccineNameOf } from './relief-input.ts';
import type { ReliefCaseRow } from './relief-repository.ts';
import {
  type ClaimPeriod,
  checkBenefits,
  checklistFor,
  claimDeadlineHints,
  reliefStatuses,
  stepsFrom,
} from './relief-rules.ts';

export function caseFile<P extends { status: string; residentUntil: string | null }>(
  c: ReliefCaseRow,
  person: P,
  records: VaccinationRecordRow[],
  periods: readonly ClaimPeriod[],
) {
  const deathOn = person.status === 'deceased' ? person.residentUntil : null;
  const attached = records.filter((r) => c.recordIds.includes(r.id));
  const warnings = [
    ...checkBenefits(c.category, c.benefits).warnings,
    ...claimDeadlineHints({ ...c, deathOn }, periods),
    ...attached
      .filter((r) => !r.routine)
      .map(
        (r) =>
          `接種記録（${vaccineNameOf(r.vaccine)} ${r.dose} ${r.vaccinatedOn}）は任意接種扱いです。予防接種法の救済の対象か確かめてください。`,
      ),
  ];
  const withdrawnOn = c.status === 'withdrawn' ? c.withdrawnOn : null;
  const timeline = [
    { step: 'received', label: '請求書等受理', date: c.receivedOn, note: c.symptoms },
    ...(c.forwardedOn
      ? [{ step: 'forwarded', label: '都道府県へ進達', date: c.forwardedOn, note: c.forwardNote }]
      : []),
    ...(c.decidedOn
      ? [
          {
            step: 'decided',
            label: `${reliefStatuses[c.status]}（厚生労働大臣の決定）`,
            date: c.decidedOn,
            note: c.decisionNote,
          },
        ]
      : []),
    ...(c.resultReceivedOn
      ? [{ step: 'result', label: '認定・否認結果の受理', date: c.resultReceivedOn, note: '' }]
      : []),
    ...(c.noticeSentOn ? [{ step: 'notice', label: '請求者へ通知', date: c.noticeSentOn, note: '' }] : []),
    ...(withdrawnOn
      ? [
          {
            step: 'withdrawn',
            label: '取下げ',
            date: withdrawnOn,
            note: c.withdrawReason,
          },
        ]
      : []),
  ];
  return {
    case: {
      ...c,
      statusLabel: reliefStatuses[c.status],
      vaccineName: vaccineNameOf(c.vaccine),
      benefitLabels: benefitLabels(c.benefits),
      recognizedLabels: benefitLabels(c.recognizedBenefits),
      withdrawnOn,
    },
    person: { ...person, deathOn },
    records: records.map((r) => ({
      ...r,
      vaccineName: vaccineNameOf(r.vaccine),
      attached: c.recordIds.includes(r.id),
    })),
    checklist: checklistFor(c.benefits, c.documents),
    warnings,
    timeline,
    steps: stepsFrom[c.status],
  };
}

export type ReliefCaseFile = ReturnType<typeof caseFile>;
