// Worker thread bootstrap: registers tsx so that the worker (and the template registry it imports) can be
// TypeScript, then starts worker.ts. Created by renderer.ts with `new Worker(new URL('./worker-entry.mjs', …))`.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
