// Public face of the residents module (宛名): other modules import only from here.

export { applicantCandidates, candidateLimit } from './applicant-candidates.ts';
export {
  type ApplicantIdentity,
  type IdentityField,
  katakanaOf,
  parseAppliedAt,
  readApplicantIdentity,
} from './applicant-fields.ts';
export {
  type Applicant,
  type Confidence,
  type MatchResult,
  matchApplicant,
  type ResidentCandidate,
} from './applicant-match.ts';
export { applyRecords, type MyNumberSealer } from './apply.ts';
export { type ImportParams, importJobKind, residentsImportHandler } from './import-job.ts';
export { residentsPeople } from './people.ts';
export { registerResidentRoutes } from './routes.ts';
export {
  hiddenText,
  type ManualResidentInput,
  maskProtected,
  type ResidentsService,
  type ResidentView,
  residentsService,
} from './service.ts';
export * from './types.ts';
