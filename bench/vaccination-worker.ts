/**
 * Worker thread of `npm run bench -- --suite vaccination` with --threads N (bench/vaccination-run.ts bundles this
 * file with esbuild, so that the worker starts without the TypeScript loader): runs scheduleFor for each batch of
 * children it is sent and answers, in order, with the row count and the statuses counted.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DemoChild } from '../src/server/modules/vaccination/demo-histories.ts';
import { scheduleFor } from '../src/server/modules/vaccination/rules.ts';

const port = parentPort!;
const on = (workerData as { on: string }).on;
port.on('message', (children: DemoChild[]) => {
  const statuses: Record<string, number> = {};
  let rows = 0;
  for (const c of children)
    for (const r of scheduleFor(c.person, c.history, on)) {
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      rows++;
    }
  port.postMessage({ rows, statuses });
});
port.postMessage('ready');
