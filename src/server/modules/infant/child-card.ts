/**
 * 母子カード（母子カルテ, F07-01 step 4): one page per child gathering the 出生連絡票, the 母子健康手帳, the 新生児聴覚検査,
 * the 乳幼児健診 and 精密健診 (as they exist), the vaccinations (through the vaccination module: its records and
 * schedule) and the follow-ups. The vaccination view audits itself; this service audits the rest of the card.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { followUpSources, followUpsOf } from '../maternal/follow-ups.ts';
import { type vaccinationRecordsService, vaccineMaster } from '../vaccination/index.ts';
import { birthRepository } from './birth-repository.ts';
import { deliveryMethods, mmToCm, receivedVias } from './birth-rules.ts';
import { infantCheckupOf, judgementLabels } from './checkups.ts';
import { childCardRepository as cards } from './child-card-repository.ts';
import type { HearingService } from './hearing.ts';

type VaccinationView = Pick<ReturnType<typeof vaccinationRecordsService>, 'view'>;

const vaccineName = (code: string) => vaccineMaster.vaccines.find((v) => v.code === code)?.name ?? code;

export function childCardService(deps: {
  database: Database;
  audit: AuditService;
  hearing: Pick<HearingService, 'ofChild'>;
  vaccinations: VaccinationView;
}) {
  const { database, audit } = deps;
  return {
    async card(actor: Actor, childResidentId: number) {
      const child = await birthRepository.person(database, childResidentId);
      if (!child) throw notFound('子の宛名');
      const birth = (await birthRepository.byChild(database, childResidentId)) ?? null;
      const mother = birth?.motherResidentId
        ? ((await birthRepository.person(database, birth.motherResidentId)) ?? null)
        : null;
      const [handbooks, hearing, checkups, referrals, followUps] = await Promise.all([
        birthRepository.handbooksOf(database, childResidentId),
        deps.hearing.ofChild(childResidentId),
        cards.checkups(database, childResidentId),
        cards.referrals(database, childResidentId),
        followUpsOf(database, [childResidentId]),
      ]);
      await audit.record(actor, {
        action: 'view',
        screen: '母子カード',
        residentIds: [childResidentId, ...(mother ? [mother.id] : [])],
        summary: `母子カードの表示（${child.atenaNo}）`,
      });
      const v = await deps.vaccinations.view(actor, childResidentId);
      return {
        child,
        mother,
        birth: birth && {
          ...birth,
          heightCm: mmToCm(birth.heightMm),
          headCm: mmToCm(birth.headMm),
          chestCm: mmToCm(birth.chestMm),
          deliveryLabel: deliveryMethods[birth.delivery as keyof typeof deliveryMethods] ?? birth.delivery,
          receivedViaLabel: receivedVias[birth.receivedVia as keyof typeof receivedVias] ?? birth.receivedVia,
        },
        handbooks,
        hearing,
        checkups: checkups.map((c) => ({
          ...c,
          checkupLabel: infantCheckupOf(c.checkup)?.name ?? c.checkup,
          judgementLabel: judgementLabels[c.judgement as keyof typeof judgementLabels] ?? c.judgement,
        })),
        referrals,
        followUps: followUps.map((f) => ({ ...f, sourceLabel: followUpSources[f.source] ?? f.source })),
        vaccinations: {
          records: v.records.map((r) => ({
            id: r.id,
            vaccine: vaccineName(r.vaccine),
            dose: r.dose,
            vaccinatedOn: r.vaccinatedOn,
            institutionName: r.institutionName,
          })),
          due: v.schedule
            .filter((d) => d.status === 'due' || d.status === 'overdue')
            .map((d) => ({
              vaccine: vaccineName(d.vaccine),
              dose: d.dose,
              status: d.status,
              legalTo: d.legalTo,
            })),
        },
      };
    },
  };
}

export type ChildCardService = ReturnType<typeof childCardService>;
