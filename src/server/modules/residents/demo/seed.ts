/**
 * Bulk load of the demo city into residents / resident_events / resident_secrets, on PGlite and PostgreSQL
 * alike, with `COPY … FROM STDIN` (text format) through Database.transaction — never row by row.
 *
 * The whole load is ONE transaction:
 *   lock the three tables → refuse unless residents is empty → drop the indexes that back no constraint
 *   (the trigram GIN indexes above all) and the foreign keys of the loaded tables, remembering their
 *   definitions from the catalog → COPY the city batch by batch (ids are assigned here, from the sequences,
 *   so events and secrets point to their resident without RETURNING) → create the indexes and foreign keys
 *   again from the remembered definitions → move the sequences past the ids used → COMMIT.
 * DDL is transactional in PostgreSQL (and PGlite): if the load fails or the process dies, the database is
 * exactly as before — no partial city, every index and constraint in place. Only the sequences may have
 * moved on (a gap in the ids, which is harmless). While the load runs, the three tables are locked.
 *
 * On PostgreSQL the next batch is generated while the previous one is being written (the server works in
 * its own process); PGlite runs in this thread, so there the two simply alternate.
 */

import { hash } from 'node:crypto';
import type { Database, SqlTransaction } from '../../../platform/db/connect.ts';
import { copyValue } from '../../../platform/db/copy-text.ts';
import { addressSearchKey, kanaSearchKey, nameSearchKey } from '../../../platform/text/index.ts';
import type { ResidentState } from '../types.ts';
import { type DemoPerson, generateCity } from './generator.ts';

export type SeedOptions = {
  residents: number;
  seed?: number;
  asOf?: string;
  /** People per COPY batch (default 25,000); onProgress is called after each batch. */
  batchSize?: number;
  /** Encrypts a 個人番号 for resident_secrets; without it no 個人番号 is stored. */
  encryptMyNumber?: (myNumber: string) => { enc: string; mac: string };
  onProgress?: (done: number, total: number) => void;
};

export type SeedResult = { residents: number; events: number; secrets: number; ms: number };

/** Column of residents holding each state attribute (typed: a new attribute must be added here). */
const stateColumns: Record<keyof ResidentState, string> = {
  atenaNo: 'atena_no',
  householdNo: 'household_no',
  name: 'name',
  nameKana: 'name_kana',
  birthDate: 'birth_date',
  sex: 'sex',
  relationship: 'relationship',
  postalCode: 'postal_code',
  address: 'address',
  addressExtra: 'address_extra',
  phone: 'phone',
  status: 'status',
  residentSince: 'resident_since',
  residentUntil: 'resident_until',
  supportMeasure: 'support_measure',
};

const loadedTables = ['residents', 'resident_events', 'resident_secrets'];

const copyResidents = `COPY residents (id, ${Object.values(stateColumns).join(', ')}, source, name_key, kana_key,
  address_key, last_event_date) FROM STDIN`;
const copyEvents =
  'COPY resident_events (id, resident_id, event_code, event_date, state, change_key) FROM STDIN';
const copySecrets = 'COPY resident_secrets (resident_id, my_number_enc, my_number_mac) FROM STDIN';

/**
 * history.ts changeKey from an already serialised canonical state (the same JSON is stored, so it is built
 * once); seed.test.ts checks both agree.
 */
function changeKeyOfJson(eventCode: string, eventDate: string, canonicalJson: string): string {
  return hash('sha256', `${eventCode}|${eventDate}|${canonicalJson}`, 'base64url').slice(0, 32);
}

/**
 * A search key in COPY form, memoised per part of the text: the generator writes names as `姓　名` from short
 * lists, and the name and kana keys work character by character and drop whitespace, so the key of
 * `姓　名` is the key of 姓 followed by the key of 名 (seed.test.ts checks this for every list entry).
 */
export function keyByParts(fn: (s: string) => string): (s: string) => string {
  const parts = new Map<string, string>();
  const part = (s: string) => {
    let key = parts.get(s);
    if (key === undefined) {
      key = fn(s);
      // Unbounded only up to a point: texts that are not from the lists are computed every time.
      if (parts.size < 100_000) parts.set(s, key);
    }
    return key;
  };
  return (s) => {
    const space = s.indexOf('\u3000');
    if (space < 0 || s.indexOf('\u3000', space + 1) >= 0) return copyValue(fn(s));
    return copyValue(part(s.slice(0, space)) + part(s.slice(space + 1)));
  };
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

const jsonText = (v: string | null | undefined) =>
  v === null || v === undefined ? 'null' : JSON.stringify(v);

/**
 * JSON.stringify(canonicalState(s)) (history.ts), written out: several times faster than building the
 * canonical object and serialising it. seed.test.ts checks both agree for a whole city.
 */
export function stateJson(s: ResidentState): string {
  return `{"atenaNo":${jsonText(s.atenaNo)},"householdNo":${jsonText(s.householdNo)},"name":${jsonText(s.name)},\
"nameKana":${jsonText(s.nameKana)},"birthDate":${jsonText(s.birthDate)},"sex":${jsonText(s.sex)},\
"relationship":${jsonText(s.relationship)},"postalCode":${jsonText(s.postalCode)},\
"address":${jsonText(s.address)},"addressExtra":${jsonText(s.addressExtra)},"phone":${jsonText(s.phone)},\
"status":${jsonText(s.status)},"residentSince":${jsonText(s.residentSince)},\
"residentUntil":${jsonText(s.residentUntil)},"supportMeasure":${s.supportMeasure ?? null}}`;
}

/** A value already known to need no escaping in COPY text. */
const plainValue = (v: string | boolean | null): string =>
  v === null ? '\\N' : v === true ? 't' : v === false ? 'f' : v;

/**
 * COPY data as a list of buffers, written row by row: the rows die young, and the data lives outside the
 * JavaScript heap (a batch built as one long string costs more in garbage collection than everything else).
 */
export class CopyBuffer {
  readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  static readonly chunkBytes = 1 << 20;

  /** Appends one row (or several), which must end with a newline. */
  write(rows: string): void {
    // UTF-16 code unit → at most 3 bytes of UTF-8.
    if (this.used + rows.length * 3 > this.chunk.length) {
      this.flush();
      if (rows.length * 3 > this.chunk.length) this.chunk = Buffer.allocUnsafe(rows.length * 3);
    }
    this.used += this.chunk.write(rows, this.used);
  }

  /** The data written so far (the buffer can be written on afterwards). */
  take(): Buffer[] {
    this.flush();
    return this.chunks.splice(0);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(Math.max(CopyBuffer.chunkBytes, this.chunk.length - this.used));
    this.used = 0;
  }
}

/** The COPY data of one batch of people. */
type Batch = {
  people: number;
  residents: CopyBuffer;
  events: CopyBuffer;
  eventCount: number;
  secrets: CopyBuffer;
  secretCount: number;
};

const emptyBatch = (): Batch => ({
  people: 0,
  residents: new CopyBuffer(),
  events: new CopyBuffer(),
  eventCount: 0,
  secrets: new CopyBuffer(),
  secretCount: 0,
});

type Deferred = { drop: string; create: string };

/**
 * The indexes of the loaded tables that back no constraint (dropped, built again after the load: much
 * cheaper than maintaining them row by row) and the foreign keys of the loaded tables (checked once at the
 * end instead of by a trigger per row). Read from the catalog, so schema changes are followed.
 */
async function deferrable(tx: SqlTransaction): Promise<{ indexes: Deferred[]; foreignKeys: Deferred[] }> {
  const tables = `(${loadedTables.map((t) => `'${t}'::regclass`).join(', ')})`;
  const indexes = await tx.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE i.indrelid IN ${tables}
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid)
     ORDER BY i.indexrelid`,
  );
  const foreignKeys = await tx.query<{ tbl: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS tbl, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype = 'f' AND conrelid IN ${tables} ORDER BY oid`,
  );
  return {
    indexes: indexes.map((i) => ({ drop: `DROP INDEX ${i.name}`, create: i.definition })),
    foreignKeys: foreignKeys.map((f) => ({
      drop: `ALTER TABLE ${f.tbl} DROP CONSTRAINT ${f.name}`,
      create: `ALTER TABLE ${f.tbl} ADD CONSTRAINT ${f.name} ${f.definition}`,
    })),
  };
}

export async function seedDemoCity(database: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const total = options.residents;
  const batchSize = Math.max(1, options.batchSize ?? 25_000);
  const encrypt = options.encryptMyNumber;
  const nameKey = keyByParts(nameSearchKey);
  const kanaKey = keyByParts(kanaSearchKey);
  const addressKey = lastValue((s) => copyValue(addressSearchKey(s)));
  const result: SeedResult = { residents: 0, events: 0, secrets: 0, ms: 0 };
  let nextResidentId = 0;
  let nextEventId = 0;

  /** Appends one person (and the events and 個人番号 of that person) to the batch. */
  const add = (b: Batch, p: DemoPerson) => {
    const s = p.state;
    const id = nextResidentId++;
    let lastJson = '';
    for (const e of p.events) {
      let json = stateJson(e.state);
      if (e.state === s) lastJson = json;
      const key = changeKeyOfJson(e.eventCode, e.eventDate, json);
      // JSON text holds no tab, newline or CR (they are escaped as \t …): only backslashes need doubling.
      if (json.includes('\\')) json = json.replaceAll('\\', '\\\\');
      b.events.write(`${nextEventId++}\t${id}\t${e.eventCode}\t${e.eventDate}\t${json}\t${key}\n`);
      b.eventCount++;
    }
    if (lastJson === '') lastJson = stateJson(s);
    // A backslash-free JSON of the state means no attribute holds a character COPY needs escaped. The
    // attributes come in the order of stateColumns (the column list of copyResidents).
    const v = lastJson.includes('\\') ? copyValue : plainValue;
    b.residents.write(
      `${id}\t${v(s.atenaNo)}\t${v(s.householdNo)}\t${v(s.name)}\t${v(s.nameKana)}\t${v(s.birthDate)}\t${v(s.sex)}\t\
${v(s.relationship)}\t${v(s.postalCode)}\t${v(s.address)}\t${v(s.addressExtra)}\t${v(s.phone)}\t${v(s.status)}\t\
${v(s.residentSince)}\t${v(s.residentUntil)}\t${v(s.supportMeasure)}\t${copyValue(p.source)}\t${nameKey(s.name)}\t\
${kanaKey(s.nameKana)}\t${addressKey(`${s.address}${s.addressExtra}`)}\t${p.events[p.events.length - 1]!.eventDate}\n`,
    );
    if (p.myNumber && encrypt) {
      const { enc, mac } = encrypt(p.myNumber);
      b.secrets.write(`${id}\t${copyValue(enc)}\t${copyValue(mac)}\n`);
      b.secretCount++;
    }
    b.people++;
  };

  const write = async (tx: SqlTransaction, b: Batch) => {
    await tx.copyFrom(copyResidents, b.residents.take());
    if (b.eventCount > 0) await tx.copyFrom(copyEvents, b.events.take());
    if (b.secretCount > 0) await tx.copyFrom(copySecrets, b.secrets.take());
    result.residents += b.people;
    result.events += b.eventCount;
    result.secrets += b.secretCount;
    options.onProgress?.(result.residents, total);
  };

  const load = async (tx: SqlTransaction) => {
    const overlap = database.kind === 'postgres';
    let writing: Promise<void> | undefined;
    let batch = emptyBatch();
    const submit = async () => {
      await writing;
      const b = batch;
      batch = emptyBatch();
      writing = write(tx, b);
      // A failure is thrown when `writing` is awaited (before the next batch or at the end), not unhandled.
      writing.catch(() => {});
    };
    try {
      for (const person of generateCity({ residents: total, seed: options.seed, asOf: options.asOf })) {
        add(batch, person);
        // Let the socket take the previous batch away while this one is built.
        if (overlap && writing && batch.people % 1000 === 0)
          await new Promise<void>((resolve) => setImmediate(resolve));
        if (batch.people >= batchSize) await submit();
      }
      if (batch.people > 0) await submit();
    } catch (e) {
      // Never leave a COPY running on the connection when the transaction is rolled back and handed back.
      await writing?.catch(() => {});
      throw e;
    }
    await writing;
  };

  await database.transaction(async (tx) => {
    if (database.kind === 'postgres') {
      // Demo data: a lost commit on a crash costs nothing. The index builds and the foreign key checks (one
      // join each) like memory; these settings last until the end of the transaction.
      await tx.query('SET LOCAL synchronous_commit = off');
      await tx.query("SET LOCAL maintenance_work_mem = '256MB'");
      await tx.query("SET LOCAL work_mem = '256MB'");
    }
    await tx.query(`LOCK TABLE ${loadedTables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
    const [{ present }] = (await tx.query<{ present: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM residents) AS present',
    )) as [{ present: boolean }];
    if (present)
      throw new Error('residents is not empty: the demo city can only be seeded into an empty register');

    const { indexes, foreignKeys } = await deferrable(tx);
    for (const d of [...foreignKeys, ...indexes]) await tx.query(d.drop);
    // The tables are locked: nobody else takes ids until the sequences are moved past ours at the end.
    const [ids] = (await tx.query<{ resident: number | string; event: number | string }>(
      `SELECT nextval(pg_get_serial_sequence('residents', 'id')) AS resident,
              nextval(pg_get_serial_sequence('resident_events', 'id')) AS event`,
    )) as [{ resident: number | string; event: number | string }];
    nextResidentId = Number(ids.resident);
    nextEventId = Number(ids.event);

    await load(tx);

    for (const d of [...indexes, ...foreignKeys]) await tx.query(d.create);
    await tx.query(
      `SELECT setval(pg_get_serial_sequence('residents', 'id'), $1::bigint, false),
              setval(pg_get_serial_sequence('resident_events', 'id'), $2::bigint, false)`,
      [nextResidentId, nextEventId],
    );
  });
  result.ms = Math.round(performance.now() - started);
  return result;
}
