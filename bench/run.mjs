import { register } from 'tsx/esm/api';

register();
// --suite foundation (default: seeding, search, import) | adult (extraction, notices)
const i = process.argv.indexOf('--suite');
const suite = i >= 0 ? process.argv[i + 1] : 'foundation';
await import(suite === 'adult' ? './adult.ts' : './run.ts');
