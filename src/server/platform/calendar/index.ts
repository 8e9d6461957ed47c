export * from './age.ts';
export * from './date.ts';
export * from './fiscal-year.ts';
export * from './holidays.ts';
export * from './intervals.ts';
export * from './pregnancy.ts';
export * from './vaccination-calendar.ts';
export * from './wareki.ts';
