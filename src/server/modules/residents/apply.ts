import type { Database } from '../../platform/db/connect.ts';
import { addressSearchKey, kanaSearchKey, nameSearchKey } from '../../platform/text/index.ts';
import { canonicalState, changeKey, sameState } from './history.ts';
import type { ResidentRecord, ResidentState } from './types.ts';

export type ApplyCounts = { inserted: number; updated: number; unchanged: number; events: number };

/** Protects 個人番号 at rest; supplied by the app (key from configuration). */
export type MyNumberSealer = { encrypt(n: string): string; mac(n: string): string };

type Current = { id: number | null; state: ResidentState; lastEventDate: string | null; dirty: boolean };

const stateCols = `atena_no, household_no, name, name_kana, birth_date, sex, relationship, postal_code, address,
  address_extra, phone, status, resident_since, resident_until, support_measure`;

function toState(r: Record<string, unknown>): ResidentState {
  return canonicalState({
    atenaNo: r.atena_no as string,
    householdNo: (r.household_no as string | null) ?? null,
    name: r.name as string,
    nameKana: r.name_kana as string,
    birthDate: r.birth_date as string,
    sex: r.sex as ResidentState['sex'],
    relationship: r.relationship as string,
    postalCode: r.postal_code as string,
    address: r.address as string,
    addressExtra: r.address_extra as string,
    phone: r.phone as string,
    status: r.status as ResidentState['status'],
    residentSince: (r.resident_since as string | null) ?? null,
    residentUntil: (r.resident_until as string | null) ?? null,
    supportMeasure: r.support_measure as boolean,
  });
}

const stripRecord = ({ eventCode: _e, eventDate: _d, myNumber: _m, ...s }: ResidentRecord) =>
  canonicalState(s);

/** Column arrays for unnest(), in the order of `stateCols` plus search keys. */
function stateArrays(rows: ResidentState[]) {
  const col = <K extends keyof ResidentState>(k: K) => rows.map((r) => r[k]);
  return [
    col('atenaNo'),
    col('householdNo'),
    col('name'),
    col('nameKana'),
    col('birthDate'),
    col('sex'),
    col('relationship'),
    col('postalCode'),
    col('address'),
    col('addressExtra'),
    col('phone'),
    col('status'),
    col('residentSince'),
    col('residentUntil'),
    col('supportMeasure'),
    rows.map((r) => nameSearchKey(r.name)),
    rows.map((r) => kanaSearchKey(r.nameKana)),
    rows.map((r) => addressSearchKey(`${r.address}${r.addressExtra}`)),
  ];
}
const stateTypes = `$1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[],
  $9::text[], $10::text[], $11::text[], $12::text[], $13::date[], $14::date[], $15::boolean[], $16::text[],
  $17::text[], $18::text[]`;

/**
 * Applies validated register rows (in file order) idempotently: a row whose (異動, date, state) is
 * already recorded changes nothing; a full-load row equal to the current state changes nothing; the
 * current row follows the latest-dated event. Run inside one transaction per batch.
 */
export async function applyRecords(
  tx: Pick<Database, 'query'>,
  records: ResidentRecord[],
  opts: { jobId: number | null; userId: number | null; sealer: MyNumberSealer },
): Promise<ApplyCounts> {
  const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, events: 0 };
  const atenaNos = [...new Set(records.map((r) => r.atenaNo))];
  const existing = await tx.query<Record<string, unknown>>(
    `SELECT id, ${stateCols}, last_event_date FROM residents WHERE atena_no = ANY($1::text[])`,
    [atenaNos],
  );
  const current = new Map<string, Current>();
  for (const r of existing) {
    current.set(r.atena_no as string, {
      id: r.id as number,
      state: toState(r),
      lastEventDate: r.last_event_date as string | null,
      dirty: false,
    });
  }
  const ids = existing.map((r) => r.id as number);
  const known = new Set(
    (
      await tx.query<{ resident_id: number; change_key: string }>(
        'SELECT resident_id, change_key FROM resident_events WHERE resident_id = ANY($1::bigint[])',
        [ids],
      )
    ).map((r) => `${r.resident_id}:${r.change_key}`),
  );

  const newEvents: { atenaNo: string; code: string; date: string; state: ResidentState; key: string }[] = [];
  const myNumbers = new Map<string, string>();
  for (const rec of records) {
    const state = stripRecord(rec);
    const key = changeKey(rec.eventCode, rec.eventDate, state);
    const cur = current.get(rec.atenaNo);
    if (rec.myNumber) myNumbers.set(rec.atenaNo, rec.myNumber);
    if (cur && ((rec.eventCode === 'full' && sameState(cur.state, state)) || known.has(`${cur.id}:${key}`))) {
      counts.unchanged++;
      continue;
    }
    if (cur?.id) known.add(`${cur.id}:${key}`);
    newEvents.push({ atenaNo: rec.atenaNo, code: rec.eventCode, date: rec.eventDate, state, key });
    if (!cur) {
      current.set(rec.atenaNo, { id: null, state, lastEventDate: rec.eventDate, dirty: true });
    } else if (!cur.lastEventDate || rec.eventDate >= cur.lastEventDate) {
      cur.state = state;
      cur.lastEventDate = rec.eventDate;
      cur.dirty = true;
    }
  }

  const toInsert = [...current.values()].filter((c) => c.id === null);
  if (toInsert.length) {
    const rows = await tx.query<{ id: number; atena_no: string }>(
      `INSERT INTO residents (${stateCols}, name_key, kana_key, address_key, last_event_date, source)
       SELECT u.*, 'juki' FROM unnest(${stateTypes}, $19::date[]) AS u
       RETURNING id, atena_no`,
      [...stateArrays(toInsert.map((c) => c.state)), toInsert.map((c) => c.lastEventDate)],
    );
    for (const r of rows) current.get(r.atena_no)!.id = r.id;
    counts.inserted = rows.length;
  }
  const toUpdate = [...current.values()].filter((c) => c.dirty && !toInsert.includes(c));
  if (toUpdate.length) {
    await tx.query(
      `UPDATE residents r SET household_no = u.household_no, name = u.name, name_kana = u.name_kana,
         birth_date = u.birth_date, sex = u.sex, relationship = u.relationship, postal_code = u.postal_code,
         address = u.address, address_extra = u.address_extra, phone = u.phone, status = u.status,
         resident_since = u.resident_since, resident_until = u.resident_until, support_measure = u.support_measure,
         name_key = u.name_key, kana_key = u.kana_key, address_key = u.address_key,
         last_event_date = u.last_event_date, source = 'juki', version = r.version + 1, updated_at = now()
       FROM unnest(${stateTypes}, $19::date[]) AS u(${stateCols}, name_key, kana_key, address_key, last_event_date)
       WHERE r.atena_no = u.atena_no`,
      [...stateArrays(toUpdate.map((c) => c.state)), toUpdate.map((c) => c.lastEventDate)],
    );
    counts.updated = toUpdate.length;
  }
  if (newEvents.length) {
    const inserted = await tx.query(
      `INSERT INTO resident_events (resident_id, event_code, event_date, state, change_key, job_id, recorded_by)
       SELECT u.rid, u.code, u.d, u.s, u.k, $6, $7
       FROM unnest($1::bigint[], $2::text[], $3::date[], $4::jsonb[], $5::text[]) AS u(rid, code, d, s, k)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        newEvents.map((e) => current.get(e.atenaNo)!.id),
        newEvents.map((e) => e.code),
        newEvents.map((e) => e.date),
        newEvents.map((e) => JSON.stringify(e.state)),
        newEvents.map((e) => e.key),
        opts.jobId,
        opts.userId,
      ],
    );
    counts.events = inserted.length;
  }
  if (myNumbers.size) {
    const entries = [...myNumbers.entries()];
    await tx.query(
      `INSERT INTO resident_secrets (resident_id, my_number_enc, my_number_mac)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])
       ON CONFLICT (resident_id) DO UPDATE SET my_number_enc = excluded.my_number_enc,
         my_number_mac = excluded.my_number_mac, updated_at = now()
       WHERE resident_secrets.my_number_mac <> excluded.my_number_mac`,
      [
        entries.map(([a]) => current.get(a)!.id),
        entries.map(([, n]) => opts.sealer.encrypt(n)),
        entries.map(([, n]) => opts.sealer.mac(n)),
      ],
    );
  }
  return counts;
}
