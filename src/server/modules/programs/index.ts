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
export { registerProgramRoutes } from './routes.ts';
export {
  carryOver,
  groupScreeningPurpose,
  type MasterFilter,
  type MedicalInstitution,
  type ProgramRow,
  type ProgramsService,
  programsService,
  resetRules,
  type SessionRow,
  type Venue,
} from './service.ts';
export {
  type FieldIssue,
  fieldIssues,
  programSettingsSchema,
  programSettingsSchemaFor,
  validateProgramSettings,
} from './settings-schema.ts';
export * from './types.ts';
