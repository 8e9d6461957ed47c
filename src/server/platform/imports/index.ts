export { commitJobKind, type ImportEngine, importEngine, validateJobKind } from './engine.ts';
export type { ImportSettingInput, MappingEntry, RowError } from './mapping.ts';
export { type ImportRoutesOptions, registerImportRoutes } from './routes.ts';
export * from './types.ts';
