/**
 * 乳幼児管理 (infant, F07): 出生連絡票・母子カード, 新生児聴覚検査, 乳幼児健診. Other modules and app.ts import from here only.
 */

export { registerBirthRoutes } from './birth-routes.ts';
export { infantBirthServices, registerInfantBirthRoutes } from './birth-services.ts';
export { type BirthsService, birthsService } from './births.ts';
export { type ChildCardService, childCardService } from './child-card.ts';
export { type HearingService, hearingService } from './hearing.ts';
export { hearingReportTemplate } from './hearing-report.ts';
export { registerHearingRoutes } from './hearing-routes.ts';
export { infantReminderTemplate, invitationTemplate } from './invitation-document.ts';
export { infantInvitationServices, registerInfantInvitationRoutes } from './invitation-services.ts';
export {
  detailedImportKind as infantDetailedImportKind,
  detailedImportTarget as infantDetailedImportTarget,
  infantResultServices,
  registerInfantResultServiceRoutes,
  resultsImportKind as infantResultsImportKind,
  resultsImportTarget as infantResultsImportTarget,
} from './result-services.ts';
