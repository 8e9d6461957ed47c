// Starts the real server for the end-to-end tests on a fresh database (see server.ts).
import { register } from 'tsx/esm/api';

register();
await import('./server.ts');
