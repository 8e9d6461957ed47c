/**
 * 乳幼児健診の結果・精密健診 (F07-04…F07-06): the services app.ts creates and their routes (the import targets
 * `infant.results` and `infant.detailed` are registered with the import engine by app.ts).
 */
import type { AuditService } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { ZApp } from '../../platform/http/app.ts';
import type { ReservationsService } from '../../platform/reservations/index.ts';
import { infantSessionPurposeDef } from './invitation-source.ts';
import { infantReferralsService, type ReferralMailingsPort } from './referrals.ts';
import { registerInfantResultRoutes } from './result-routes.ts';
import { infantResultsService } from './results.ts';

export { detailedImportKind, detailedImportTarget } from './detailed-import.ts';
export { resultsImportKind, resultsImportTarget } from './results-import.ts';

export function infantResultServices(deps: {
  database: Database;
  audit: AuditService;
  reservations: Pick<ReservationsService, 'sessions' | 'registerPurpose' | 'purposes'>;
  mailings: ReferralMailingsPort;
}) {
  // the 集団健診 sessions are planned by F07-03; the results stand on their own without the invitations service
  deps.reservations.registerPurpose(infantSessionPurposeDef);
  return {
    results: infantResultsService(deps),
    referrals: infantReferralsService(deps),
  };
}

export function registerInfantResultServiceRoutes(app: ZApp, s: ReturnType<typeof infantResultServices>) {
  registerInfantResultRoutes(app, s);
}
