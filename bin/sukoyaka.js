#!/usr/bin/env node
// Entry point of the `sukoyaka` command: runs the TypeScript sources through tsx (see docs/adr/0001).
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
