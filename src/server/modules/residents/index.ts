// Public face of the residents module (宛名): other modules import only from here.
export { applyRecords, type MyNumberSealer } from './apply.ts';
export { importJobKind, type ImportParams, residentsImportHandler } from './import-job.ts';
export { registerResidentRoutes } from './routes.ts';
export { hiddenText, maskProtected, type ResidentsService, residentsService, type ResidentView } from './service.ts';
export * from './types.ts';
