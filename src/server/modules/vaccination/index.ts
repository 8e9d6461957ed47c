/**
 * 予防接種 (vaccination, F10a/F11a): the schedule engine and its vaccine master. Other modules import from here
 * only. Rules: docs/vaccination-rules.md.
 */

export { registerVaccinationBookletRoutes } from './booklet-routes.ts';
export { bookletJobKind, bookletPurpose, vaccinationBookletsService } from './booklets.ts';
export { vaccinationListMailings, vaccinationMailingJobKind } from './list-mailing.ts';
export { registerVaccinationListRoutes } from './list-routes.ts';
export { vaccinationExtractJobKind, vaccinationListsService } from './lists.ts';
export {
  type AgePoint,
  type Disease,
  type SpecialRule,
  type VaccineCode,
  type VaccineDefinition,
  type VaccineMaster,
  vaccineCodes,
} from './master-types.ts';
export { registerMunicipalVaccineRoutes } from './municipal-routes.ts';
export { type MunicipalVaccinesService, municipalVaccinesService } from './municipal-vaccines.ts';
export { registerVaccinationPrintRoutes } from './print-routes.ts';
export { certificatePurpose, formPurpose, vaccinationPrintsService } from './prints.ts';
export { type SaveRecordInput, sourceLabels, vaccinationRecordsService } from './records.ts';
export { recordsImportKind, recordsImportTarget } from './records-import.ts';
export type { RecordSource, VaccinationRecordRow } from './records-repository.ts';
export { registerVaccinationRecordRoutes } from './records-routes.ts';
export { reliefNoticePurpose, vaccinationReliefService } from './relief.ts';
export { vaccinationReliefPrints } from './relief-prints.ts';
export { registerVaccinationReliefRoutes } from './relief-routes.ts';
export { scheduleFor, versionAt } from './rules.ts';
export { checkRecord, type RecordCheck, type RecordIssueCode } from './rules-check.ts';
export { masterOf, type VaccinationSettingsService, vaccinationSettingsService } from './settings.ts';
export { registerVaccinationSettingRoutes } from './settings-routes.ts';
export { specialsFor, type VaccinationSpecialsService, vaccinationSpecialsService } from './specials.ts';
export { registerVaccinationSpecialRoutes } from './specials-routes.ts';
export type {
  DoseSchedule,
  DoseStatus,
  ExclusionReason,
  HistoryDose,
  PersonSpecials,
  VaccinationPerson,
} from './types.ts';
export { vaccineMaster } from './vaccine-master.ts';
