/**
 * 出生連絡票・新生児聴覚検査・母子カード (F07-01, F07-02): the services app.ts creates and their routes.
 */
import type { AuditService } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { Sender } from '../../platform/documents/types.ts';
import type { ZApp } from '../../platform/http/app.ts';
import type { ResidentsService } from '../residents/index.ts';
import { vaccinationRecordsService } from '../vaccination/index.ts';
import { registerBirthRoutes } from './birth-routes.ts';
import { birthsService } from './births.ts';
import { childCardService } from './child-card.ts';
import { hearingService } from './hearing.ts';
import { registerHearingRoutes } from './hearing-routes.ts';

export function infantBirthServices(deps: {
  database: Database;
  audit: AuditService;
  residents: Pick<ResidentsService, 'registerManual'>;
  sender: () => Promise<Sender>;
}) {
  const { database, audit } = deps;
  const hearing = hearingService({ database, audit, sender: deps.sender });
  return {
    births: birthsService({ database, audit, residents: deps.residents }),
    hearing,
    cards: childCardService({
      database,
      audit,
      hearing,
      vaccinations: vaccinationRecordsService({ database, audit }),
    }),
  };
}

export function registerInfantBirthRoutes(app: ZApp, s: ReturnType<typeof infantBirthServices>) {
  registerBirthRoutes(app, { births: s.births, cards: s.cards });
  registerHearingRoutes(app, { hearing: s.hearing });
}
