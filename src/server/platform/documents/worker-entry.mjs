// Worker thread bootstrap for read-only installations (worker-bundle.ts normally gives the workers a bundle):
// registers tsx so that the worker (and the template registry it imports by URL) can be TypeScript, then
// starts worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
