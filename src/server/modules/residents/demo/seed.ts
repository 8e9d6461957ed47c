/**
 * Bulk load of the demo city into residents / resident_events / resident_secrets, on PGlite and PostgreSQL
 * alike through Database.query: per batch one `INSERT … SELECT … FROM unnest($1::text[], …)` per table
 * (residents RETURNING the ids the events and secrets point to), never row by row.
 */
import { hash } from 'node:crypto';
import type { Database } from '../../../platform/db/connect.ts';
import { addressSearchKey, kanaSearchKey, nameSearchKey } from '../../../platform/text/index.ts';
import { canonicalState } from '../history.ts';
import type { ResidentState } from '../types.ts';
import { type DemoPerson, generateCity } from './generator.ts';

export type SeedOptions = {
  residents: number;
  seed?: number;
  asOf?: string;
  /** People per batch (default 5,000). */
  batchSize?: number;
  /** Batches written at the same time (default 2 on PostgreSQL, 1 on PGlite, which has one connection). */
  concurrency?: number;
  /**
   * Drop the non-unique indexes of residents / resident_events (the trigram GIN indexes above all) during the
   * load and build them again at the end — also when the load fails — from their definitions in pg_indexes.
   * Much faster for large cities; if the process is killed mid-way the indexes stay missing (and the
   * half-seeded register has to be reset anyway). Default false.
   */
  deferIndexes?: boolean;
  /** Encrypts a 個人番号 for resident_secrets; without it no 個人番号 is stored. */
  encryptMyNumber?: (myNumber: string) => { enc: string; mac: string };
  onProgress?: (done: number, total: number) => void;
};

export type SeedResult = { residents: number; events: number; secrets: number; ms: number };

const residentColumns: [column: string, type: string][] = [
  ['atena_no', 'text'],
  ['household_no', 'text'],
  ['name', 'text'],
  ['name_kana', 'text'],
  ['birth_date', 'date'],
  ['sex', 'text'],
  ['relationship', 'text'],
  ['postal_code', 'text'],
  ['address', 'text'],
  ['address_extra', 'text'],
  ['phone', 'text'],
  ['status', 'text'],
  ['resident_since', 'date'],
  ['resident_until', 'date'],
  ['support_measure', 'boolean'],
  ['source', 'text'],
  ['name_key', 'text'],
  ['kana_key', 'text'],
  ['address_key', 'text'],
  ['last_event_date', 'date'],
];

const insertResidents = `INSERT INTO residents (${residentColumns.map(([c]) => c).join(', ')})
  SELECT * FROM unnest(${residentColumns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})
  RETURNING id, atena_no`;

/** Column of residents holding each state attribute (typed: a new attribute must be added here). */
const stateColumns: Record<keyof ResidentState, string> = {
  atenaNo: 'r.atena_no',
  householdNo: 'r.household_no',
  name: 'r.name',
  nameKana: 'r.name_kana',
  birthDate: "to_char(r.birth_date, 'YYYY-MM-DD')",
  sex: 'r.sex',
  relationship: 'r.relationship',
  postalCode: 'r.postal_code',
  address: 'r.address',
  addressExtra: 'r.address_extra',
  phone: 'r.phone',
  status: 'r.status',
  residentSince: "to_char(r.resident_since, 'YYYY-MM-DD')",
  residentUntil: "to_char(r.resident_until, 'YYYY-MM-DD')",
  supportMeasure: 'r.support_measure',
};

/**
 * The state of a person's last event is the residents row itself: it is built from the row (s is null)
 * instead of being sent and parsed as JSON, which is most of the cost on PGlite. Earlier states are sent.
 */
const insertEvents = `INSERT INTO resident_events (resident_id, event_code, event_date, state, change_key)
  SELECT t.r, t.c, t.d,
    coalesce(t.s::jsonb, jsonb_build_object(${Object.entries(stateColumns)
      .map(([k, c]) => `'${k}', ${c}`)
      .join(', ')})),
    t.k
  FROM unnest($1::bigint[], $2::text[], $3::date[], $4::text[], $5::text[]) AS t(r, c, d, s, k)
  JOIN residents r ON r.id = t.r`;

const insertSecrets = `INSERT INTO resident_secrets (resident_id, my_number_enc, my_number_mac)
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])`;

/**
 * history.ts changeKey from an already serialised canonical state (the same JSON is sent to the database,
 * so it is built once); seed.test.ts checks both agree.
 */
function changeKeyOfJson(eventCode: string, eventDate: string, canonicalJson: string): string {
  return hash('sha256', `${eventCode}|${eventDate}|${canonicalJson}`, 'base64url').slice(0, 32);
}

/** Remembers the last result: household members follow each other and share their address. */
function lastValue(fn: (s: string) => string): (s: string) => string {
  let input: string | undefined;
  let output = '';
  return (s) => {
    if (s !== input) {
      input = s;
      output = fn(s);
    }
    return output;
  };
}

/** Drops the non-unique indexes of the two big tables; returns their definitions to build them again. */
async function dropSecondaryIndexes(database: Database): Promise<string[]> {
  const indexes = await database.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename IN ('residents', 'resident_events')
       AND indexdef NOT LIKE 'CREATE UNIQUE INDEX %'`,
  );
  for (const { name } of indexes) await database.query(`DROP INDEX "${name.replaceAll('"', '""')}"`);
  return indexes.map((i) => i.definition);
}

/** Column arrays of one batch. */
type Batch = {
  size: number;
  residents: unknown[][];
  /** Index in the batch of the resident of each event / secret. */
  eventOwner: number[];
  events: [string[], string[], (string | null)[], string[]];
  secretOwner: number[];
  secrets: [string[], string[]];
};

export async function seedDemoCity(database: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const [{ present }] = (await database.query<{ present: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM residents) AS present',
  )) as [{ present: boolean }];
  if (present)
    throw new Error('residents is not empty: the demo city can only be seeded into an empty register');

  const total = options.residents;
  const batchSize = options.batchSize ?? 5000;
  const concurrency = Math.max(1, options.concurrency ?? (database.kind === 'postgres' ? 2 : 1));
  const addressKey = lastValue(addressSearchKey);
  const result: SeedResult = { residents: 0, events: 0, secrets: 0, ms: 0 };

  const emptyBatch = (): Batch => ({
    size: 0,
    residents: residentColumns.map(() => []),
    eventOwner: [],
    events: [[], [], [], []],
    secretOwner: [],
    secrets: [[], []],
  });

  const add = (b: Batch, p: DemoPerson) => {
    const s = p.state;
    const i = b.size++;
    const values = [
      s.atenaNo,
      s.householdNo,
      s.name,
      s.nameKana,
      s.birthDate,
      s.sex,
      s.relationship,
      s.postalCode,
      s.address,
      s.addressExtra,
      s.phone,
      s.status,
      s.residentSince,
      s.residentUntil,
      s.supportMeasure,
      p.source,
      nameSearchKey(s.name),
      kanaSearchKey(s.nameKana),
      addressKey(`${s.address}${s.addressExtra}`),
      p.events[p.events.length - 1]!.eventDate,
    ];
    for (let c = 0; c < values.length; c++) b.residents[c]!.push(values[c]);
    for (const e of p.events) {
      const json = JSON.stringify(canonicalState(e.state));
      b.eventOwner.push(i);
      b.events[0].push(e.eventCode);
      b.events[1].push(e.eventDate);
      b.events[2].push(e.state === s ? null : json);
      b.events[3].push(changeKeyOfJson(e.eventCode, e.eventDate, json));
    }
    if (p.myNumber && options.encryptMyNumber) {
      const { enc, mac } = options.encryptMyNumber(p.myNumber);
      b.secretOwner.push(i);
      b.secrets[0].push(enc);
      b.secrets[1].push(mac);
    }
  };

  const write = async (b: Batch) => {
    const inserted = await database.query<{ id: number | string; atena_no: string }>(
      insertResidents,
      b.residents,
    );
    const idOf = new Map(inserted.map((r) => [r.atena_no, Number(r.id)]));
    const atena = b.residents[0] as string[];
    const ids = atena.map((a) => idOf.get(a)!);
    await database.query(insertEvents, [b.eventOwner.map((i) => ids[i]), ...b.events]);
    if (b.secretOwner.length > 0) {
      await database.query(insertSecrets, [b.secretOwner.map((i) => ids[i]), ...b.secrets]);
    }
    result.residents += b.size;
    result.events += b.eventOwner.length;
    result.secrets += b.secretOwner.length;
    options.onProgress?.(result.residents, total);
  };

  // Build the next batch while earlier ones are written. Handing the event loop a turn now and then
  // lets the statements of a batch go out as soon as the previous one answers.
  const load = async () => {
    const pending: Promise<void>[] = [];
    const submit = async (b: Batch) => {
      if (pending.length >= concurrency) await pending.shift();
      const p = write(b);
      // Handled here so that a failure while the next batch is built is not an unhandled rejection; it is
      // still thrown when this promise is awaited.
      p.catch(() => {});
      pending.push(p);
    };
    let batch = emptyBatch();
    for (const person of generateCity({ residents: total, seed: options.seed, asOf: options.asOf })) {
      add(batch, person);
      if (pending.length > 0 && batch.size % 500 === 0)
        await new Promise<void>((resolve) => setImmediate(resolve));
      if (batch.size >= batchSize) {
        await submit(batch);
        batch = emptyBatch();
      }
    }
    if (batch.size > 0) await submit(batch);
    // Let every write finish (or fail) before the caller builds indexes again or reports.
    const failed = (await Promise.allSettled(pending)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  };

  const deferred = options.deferIndexes ? await dropSecondaryIndexes(database) : [];
  try {
    await load();
  } finally {
    for (const definition of deferred) await database.query(definition);
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
