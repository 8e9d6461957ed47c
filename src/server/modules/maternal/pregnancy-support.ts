/**
 * Shared pieces of the 妊娠届 services (F06-01): load a pregnancy, the audit entry with the mother's resident id, the
 * フォロー対象者 from confirmed risk flags / 特定妊婦 (source 'pregnancy'), the check of the flag codes.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { today } from '../../platform/calendar/index.ts';
import type { SqlRunner } from '../../platform/db/connect.ts';
import { badRequest, notFound } from '../../platform/errors/app-error.ts';
import { registerFollowUp } from './follow-ups.ts';
import { pregnancyRepository as repo } from './pregnancy-repository.ts';
import { isRiskFlag, riskFlagLabels } from './questionnaire.ts';

export const pregnancyScreen = '母子保健 妊娠届・母子健康手帳';

export function pregnancySupport(audit: AuditService) {
  async function mustGet(q: SqlRunner, id: number) {
    const p = await repo.get(q, id);
    if (!p) throw notFound('妊娠届');
    return p;
  }

  const log = (actor: Actor, residentId: number, action: string, summary: string) =>
    audit.record(actor, { action, screen: pregnancyScreen, residentIds: [residentId], summary });

  async function followUp(
    q: SqlRunner,
    actor: Actor,
    p: { id: number; motherResidentId: number },
    flags: string[],
    specific: boolean,
  ) {
    const reasons = [
      ...(specific ? ['特定妊婦'] : []),
      ...flags.filter(isRiskFlag).map((f) => riskFlagLabels[f]),
    ];
    if (!reasons.length) return null;
    return registerFollowUp(q, {
      residentId: p.motherResidentId,
      source: 'pregnancy',
      sourceId: p.id,
      reasons,
      registeredOn: today(),
      userId: actor.userId,
    });
  }

  function checkFlags(flags: string[]) {
    const bad = flags.filter((f) => !isRiskFlag(f));
    if (bad.length) throw badRequest(`リスク要因「${bad.join('・')}」はありません。一覧から選んでください。`);
  }

  return { mustGet, log, followUp, checkFlags };
}
