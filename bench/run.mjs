import { register } from 'tsx/esm/api';

register();
// --suite foundation (default: seeding, search, import) | adult (extraction, notices) | imports (results import; imports-run is its child process)
// | vaccination (schedule engine for every child; vaccination-run is its child process)
// | vaccination-db (the same read from the seeded city's database, and as a 未接種者勧奨 list job)
const i = process.argv.indexOf('--suite');
const suite = i >= 0 ? process.argv[i + 1] : 'foundation';
const suites = {
  adult: './adult.ts',
  imports: './imports.ts',
  'imports-run': './imports-run.ts',
  vaccination: './vaccination.ts',
  'vaccination-run': './vaccination-run.ts',
  'vaccination-db': './vaccination-db.ts',
};
await import(suites[suite] ?? './run.ts');
