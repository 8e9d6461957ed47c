/**
 * Child process of `npm run bench -- --suite adult`: renders N 受診票（券） read from one target list (print
 * order, in parts of the print job's size) with W worker threads, in a process of its own so that its
 * peak RSS (all threads) is the print's alone. Prints one JSON line. Not a test.
 *
 *   node bench/run-child.mjs bench/adult-notices.ts --db postgres://…|DIR --list ID --notices N --workers W
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createServices } from '../src/server/app.ts';
import { templatesUrl } from '../src/server/document-templates.ts';
import { ticketPayload } from '../src/server/modules/adult-health/payloads.ts';
import { connect } from '../src/server/platform/db/connect.ts';
import { renderBatch } from '../src/server/platform/documents/index.ts';
import { targetListsRepository } from '../src/server/platform/extraction/repository.ts';
import { printChunk } from '../src/server/platform/mailings/context.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    list: { type: 'string' },
    notices: { type: 'string' },
    workers: { type: 'string' },
    cancer: { type: 'string' },
  },
});
const target = values.db!;
const database = await connect(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
const s = createServices(
  database,
  { idleTimeoutMinutes: 30, lockoutThreshold: 5, lockoutMinutes: 15 },
  randomBytes(32),
);
const listId = Number(values.list);
const notices = Number(values.notices);
const list = await s.adult.lists.get(listId);
const fy = list.fiscalYear;
const chosen = (await s.programs.settingsForYear(fy)).filter((p) => list.programs.includes(p.code));
const sender = await s.settings.sender();

async function* items() {
  let seq = 0;
  for await (const page of targetListsRepository(database).includedInOrder(listId)) {
    for (const e of page) {
      if (seq >= notices) return;
      seq++;
      yield {
        seq,
        recipient: {
          postalCode: e.postalCode,
          address: e.address,
          addressExtra: e.addressExtra,
          name: e.name,
        },
        payload: ticketPayload(chosen, fy, { ...e, details: e.details as Record<string, unknown> }),
      };
    }
  }
}

const startRss = process.memoryUsage().rss;
const t = Date.now();
let pages = 0;
let bytes = 0;
await renderBatch({
  registryUrl: templatesUrl,
  templateCode: 'adult-health.ticket',
  items: items(),
  ctx: { sender, issueDate: `${fy}-06-01` },
  chunkSize: printChunk,
  workers: Number(values.workers),
  onChunk: async (c) => {
    pages += c.pages;
    bytes += c.buffer.length;
  },
});
const ms = Date.now() - t;
await database.close();
// maxRSS: the process's peak resident set (KiB), worker threads included
console.log(
  JSON.stringify({
    ms,
    pages,
    bytes,
    startRssMb: startRss / 1e6,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  }),
);
