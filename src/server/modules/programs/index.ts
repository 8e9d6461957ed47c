// Public face of the 事業マスタ module: other modules import only from here.
export { nationalDefault, nationalDefaults } from './defaults.ts';
export { seedProgramsDemo } from './demo.ts';
export * from './labels.ts';
export {
  type InstitutionInput,
  institutionInputSchema,
  type SessionInput,
  sessionInputSchema,
  type VenueInput,
  venueInputSchema,
} from './masters-schema.ts';
export type { MasterFilter } from './masters-service.ts';
export { registerProgramRoutes } from './routes.ts';
export {
  groupScreeningPurpose,
  type MedicalInstitution,
  type ProgramRow,
  type ProgramsService,
  programsService,
  type SessionRow,
  type Venue,
} from './service.ts';
export { carryOver, resetRules } from './settings-changes.ts';
export {
  type FieldIssue,
  fieldIssues,
  programSettingsSchema,
  programSettingsSchemaFor,
  validateProgramSettings,
} from './settings-schema.ts';
export * from './types.ts';
