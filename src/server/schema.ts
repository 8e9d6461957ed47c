// Every table of the product, for drizzle-kit (migrations are generated from this file).

export * from './modules/adult-health/applications-schema.ts';
export * from './modules/adult-health/e-application-schema.ts';
export * from './modules/adult-health/reminder-calls-schema.ts';
export * from './modules/adult-health/schema.ts';
export * from './modules/infant/schema.ts';
export * from './modules/maternal/e-notification-schema.ts';
export * from './modules/maternal/schema.ts';
export * from './modules/maternal/settings-schema.ts';
export * from './modules/programs/schema.ts';
export * from './modules/residents/schema.ts';
export * from './modules/settings/schema.ts';
export * from './modules/vaccination/municipal-schema.ts';
export * from './modules/vaccination/relief-schema.ts';
export * from './modules/vaccination/schema.ts';
export * from './modules/vaccination/settings-schema.ts';
export * from './modules/vaccination/specials-schema.ts';
export * from './platform/audit/schema.ts';
export * from './platform/auth/schema.ts';
export * from './platform/extraction/schema.ts';
export * from './platform/files/schema.ts';
export * from './platform/imports/schema.ts';
export * from './platform/jobs/schema.ts';
export * from './platform/mailings/schema.ts';
export * from './platform/reservations/schema.ts';
