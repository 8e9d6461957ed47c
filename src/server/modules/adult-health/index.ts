// Public face of the adult-health module (成人保健 F02–F04): other modules import only from here.
export { type AllocationService, allocationService } from './allocation-service.ts';
export { registerApplicationRoutes } from './application-routes.ts';
export { type ApplicationsService, applicationsService } from './applications.ts';
export { registerDetailedExamRoutes } from './detailed-exam-routes.ts';
export { type DetailedExamsService, detailedExamsService } from './detailed-exams.ts';
export { detailedExamsImportKind, detailedExamsImportTarget } from './detailed-exams-import.ts';
export {
  type DetailedRemindersService,
  detailedReminderJobKind,
  detailedRemindersService,
} from './detailed-reminders.ts';
export {
  type EApplicationImportService,
  eApplicationImportService,
  eApplicationJobKind,
} from './e-application-import.ts';
export { registerEApplicationRoutes } from './e-application-routes.ts';
export { candidateFilter, judge, toEntry } from './extraction.ts';
export {
  type AdultHealthMailings,
  adultHealthMailings,
  type MailingsPort,
  mailingJobKind,
  surveyPurpose,
  ticketPurpose,
} from './mailing.ts';
export type { SurveyPayload, TicketPayload } from './payloads.ts';
export { type PreferencesService, preferenceSource, preferencesService } from './preferences.ts';
export { registerReminderCallRoutes } from './reminder-call-routes.ts';
export { lastCallColumns, type ReminderCallsService, reminderCallsService } from './reminder-calls.ts';
export { callSummary } from './reminder-calls-rules.ts';
export { registerReminderRoutes } from './reminder-routes.ts';
export { type ResidentScreeningService, residentScreeningService } from './resident-screening.ts';
export { type ResultExtrasService, resultExtrasService } from './result-extras.ts';
export { registerResultExtraRoutes } from './result-extras-routes.ts';
export { registerResultNoticeRoutes } from './result-notice-routes.ts';
export { type ResultNoticesService, resultNoticeJobKind, resultNoticesService } from './result-notices.ts';
export { type ResultsService, resultsService } from './results.ts';
export { resultsImportKind, resultsImportTarget } from './results-import.ts';
export { registerResultRoutes } from './results-routes.ts';
export { registerAdultHealthRoutes } from './routes.ts';
export {
  type Eligibility,
  evaluateProgram,
  type HistoryEntry,
  hpvFollowUpResult,
  reasonLabel,
  reasonLabels,
} from './rules.ts';
export {
  reminderJobKind,
  type ScreeningRemindersService,
  screeningRemindersService,
} from './screening-reminders.ts';
export { extractJobKind, type TargetListsService, targetListsService } from './target-lists.ts';
