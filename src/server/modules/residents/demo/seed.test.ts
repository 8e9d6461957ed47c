import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { naiveAge } from '../../../platform/calendar/index.ts';
import type { Database } from '../../../platform/db/connect.ts';
import { copyValue } from '../../../platform/db/copy-text.ts';
import { addressSearchKey, kanaSearchKey, nameSearchKey } from '../../../platform/text/index.ts';
import { freshDatabase as freshTestDatabase } from '../../../test/database.ts';
import { canonicalState, changeKey } from '../history.ts';
import type { ResidentState } from '../types.ts';
import { generateCity } from './generator.ts';
import { femaleNames, maleNames, surnames, variantSurnames } from './names.ts';
import { keyByParts, type SeedResult, seedDemoCity, stateJson } from './seed.ts';

const asOf = '2026-04-01';
const people = 2000;
const fakeEncrypt = (n: string) => ({ enc: `enc:${[...n].reverse().join('')}`, mac: `mac:${n.slice(-4)}` });

type Row = ResidentState & {
  id: number;
  source: string;
  nameKey: string;
  kanaKey: string;
  addressKey: string;
  lastEventDate: string;
  version: number;
};

const selectResidents = `SELECT id, atena_no AS "atenaNo", household_no AS "householdNo", name, name_kana AS "nameKana",
  birth_date AS "birthDate", sex, relationship, postal_code AS "postalCode", address, address_extra AS "addressExtra",
  phone, status, resident_since AS "residentSince", resident_until AS "residentUntil",
  support_measure AS "supportMeasure", source, name_key AS "nameKey", kana_key AS "kanaKey",
  address_key AS "addressKey", last_event_date AS "lastEventDate", version
  FROM residents ORDER BY atena_no`;

const selectEvents = `SELECT r.atena_no AS "atenaNo", e.event_code AS "eventCode", e.event_date AS "eventDate",
  e.state, e.change_key AS "changeKey"
  FROM resident_events e JOIN residents r ON r.id = e.resident_id ORDER BY r.atena_no, e.event_date, e.id`;

async function freshDatabase(): Promise<Database & { drop: () => Promise<void> }> {
  const { database, drop } = await freshTestDatabase();
  return Object.assign(database, { drop });
}

describe(`seedDemoCity (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let result: SeedResult;
  const progress: [number, number][] = [];
  const expected = [...generateCity({ residents: people, seed: 9, asOf })];

  beforeAll(async () => {
    database = await freshDatabase();
    result = await seedDemoCity(database, {
      residents: people,
      seed: 9,
      asOf,
      batchSize: 700,
      encryptMyNumber: fakeEncrypt,
      onProgress: (done, total) => progress.push([done, total]),
    });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('loads every person, event and 個人番号', async () => {
    const count = async (table: string) =>
      Number((await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
    const events = expected.reduce((n, p) => n + p.events.length, 0);
    const secrets = expected.filter((p) => p.myNumber).length;
    expect(result).toMatchObject({ residents: people, events, secrets });
    expect(await count('residents')).toBe(people);
    expect(await count('resident_events')).toBe(events);
    expect(await count('resident_secrets')).toBe(secrets);
    expect(progress.at(-1)).toEqual([people, people]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    const [secret] = await database.query<{ enc: string; atena: string }>(
      `SELECT s.my_number_enc AS enc, r.atena_no AS atena FROM resident_secrets s JOIN residents r ON r.id = s.resident_id LIMIT 1`,
    );
    const owner = expected.find((p) => p.state.atenaNo === secret!.atena)!;
    expect(secret!.enc).toBe(fakeEncrypt(owner.myNumber!).enc);
  });

  it('stores each row as the state of its last event, with search keys', async () => {
    const rows = await database.query<Row>(selectResidents);
    const byAtena = new Map(expected.map((p) => [p.state.atenaNo, p]));
    const lastStates = new Map<string, ResidentState>();
    for (const e of await database.query<{ atenaNo: string; state: ResidentState }>(selectEvents)) {
      lastStates.set(e.atenaNo, e.state);
    }
    for (const row of rows) {
      const p = byAtena.get(row.atenaNo)!;
      const { id, source, nameKey, kanaKey, addressKey, lastEventDate, version, ...state } = row;
      expect(canonicalState(state)).toEqual(canonicalState(p.state));
      expect(lastStates.get(row.atenaNo)).toEqual(canonicalState(state));
      expect(source).toBe(p.source);
      expect(lastEventDate).toBe(p.events.at(-1)!.eventDate);
      expect(version).toBe(1);
      expect(nameKey).toBe(nameSearchKey(row.name));
      expect(kanaKey).toBe(kanaSearchKey(row.nameKana));
      expect(addressKey).toBe(addressSearchKey(`${row.address}${row.addressExtra}`));
    }
  });

  it('keeps the change keys of the history', async () => {
    const events = await database.query<{
      eventCode: string;
      eventDate: string;
      state: ResidentState;
      changeKey: string;
    }>(selectEvents);
    for (const e of events) {
      expect(e.changeKey).toBe(changeKey(e.eventCode as 'full', e.eventDate, e.state));
    }
  });

  it('puts the living members of a household at one address', async () => {
    const split = await database.query(
      `SELECT household_no FROM residents WHERE status = 'resident' AND household_no IS NOT NULL
       GROUP BY household_no HAVING count(DISTINCT (address, address_extra)) > 1`,
    );
    expect(split).toEqual([]);
    const [{ households }] = (await database.query<{ households: number }>(
      `SELECT count(*)::int AS households FROM (SELECT household_no FROM residents WHERE household_no IS NOT NULL
       GROUP BY household_no HAVING count(*) > 1) h`,
    )) as [{ households: number }];
    expect(households).toBeGreaterThan(people / 10);
  });

  it('has a plausible age distribution', async () => {
    const rows = await database.query<{ birthDate: string }>(
      `SELECT birth_date AS "birthDate" FROM residents WHERE status = 'resident'`,
    );
    const elderly = rows.filter((r) => naiveAge(r.birthDate, asOf) >= 65).length / rows.length;
    expect(elderly).toBeGreaterThan(0.2);
    expect(elderly).toBeLessThan(0.4);
  });

  it('writes the canonical JSON of every state', () => {
    for (const p of generateCity({ residents: 20_000, seed: 3, asOf })) {
      for (const e of p.events) expect(stateJson(e.state)).toBe(JSON.stringify(canonicalState(e.state)));
    }
    const odd = { ...expected[0]!.state, name: 'a"b\\c\n', householdNo: null, residentUntil: undefined };
    expect(stateJson(odd as unknown as ResidentState)).toBe(
      JSON.stringify(canonicalState(odd as unknown as ResidentState)),
    );
  });

  it('computes the search key of a name from the keys of its parts', () => {
    const family = [...surnames, ...variantSurnames];
    const given = [...maleNames.flat(), ...femaleNames.flat()];
    const pairs = [
      ...family.flatMap((f, i) =>
        [given[i % given.length]!, given.at(-1 - (i % given.length))!].map((g) => [f, g]),
      ),
      ...given.flatMap((g, i) =>
        [family[i % family.length]!, family.at(-1 - (i % family.length))!].map((f) => [f, g]),
      ),
    ];
    for (const [byParts, key, field] of [
      [keyByParts(nameSearchKey), nameSearchKey, 'name'],
      [keyByParts(kanaSearchKey), kanaSearchKey, 'kana'],
    ] as const) {
      for (const [f, g] of pairs) {
        const full = `${f![field]}\u3000${g![field]}`;
        expect(byParts(full)).toBe(key(full));
      }
      for (const text of ['ｶﾞｯｺｳ　ﾀﾛｳ', 'Ａ・Ｂ　ｃ', '山田\t太郎', '一　二　三', '']) {
        expect(byParts(text)).toBe(copyValue(key(text)));
      }
    }
  });

  it('refuses a register that is not empty', async () => {
    await expect(seedDemoCity(database, { residents: 10, seed: 1 })).rejects.toThrow(/not empty/);
  });

  it('is deterministic, and builds the indexes and foreign keys it dropped again', async () => {
    const other = await freshDatabase();
    try {
      const before = await schemaOf(other);
      expect(before.indexes.length).toBeGreaterThan(8);
      expect(before.constraints.length).toBeGreaterThan(4);
      await seedDemoCity(other, { residents: people, seed: 9, asOf, encryptMyNumber: fakeEncrypt });
      expect(await schemaOf(other)).toEqual(before);
      const strip = (rows: Row[]) => rows.map(({ id, ...rest }) => rest);
      expect(strip(await other.query<Row>(selectResidents))).toEqual(
        strip(await database.query<Row>(selectResidents)),
      );
      expect(await other.query(selectEvents)).toEqual(await database.query(selectEvents));
    } finally {
      await other.drop();
    }
  });

  it('moves the sequences past the ids it assigned', async () => {
    const [row] = await database.query<{ id: number }>(
      `INSERT INTO residents (atena_no, name, birth_date, sex, status, source, name_key, kana_key, address_key)
       VALUES ('X000000001', 'テスト', '2000-01-01', '1', 'resident', 'manual', '', '', '') RETURNING id`,
    );
    const [{ max }] = (await database.query<{ max: number }>(
      'SELECT max(id)::int AS max FROM residents',
    )) as [{ max: number }];
    expect(row!.id).toBe(max);
    await database.query('DELETE FROM residents WHERE id = $1', [row!.id]);
  });

  it('leaves the database as it was when the load fails', async () => {
    const other = await freshDatabase();
    try {
      const before = await schemaOf(other);
      let calls = 0;
      await expect(
        seedDemoCity(other, {
          residents: people,
          seed: 9,
          asOf,
          batchSize: 300,
          encryptMyNumber: (n) => {
            if (++calls > 400) throw new Error('sealer failed');
            return fakeEncrypt(n);
          },
        }),
      ).rejects.toThrow(/sealer failed/);
      expect(await schemaOf(other)).toEqual(before);
      const [{ n }] = (await other.query<{ n: number }>(
        `SELECT ((SELECT count(*) FROM residents) + (SELECT count(*) FROM resident_events)
          + (SELECT count(*) FROM resident_secrets))::int AS n`,
      )) as [{ n: number }];
      expect(n).toBe(0);
      await seedDemoCity(other, { residents: 50, seed: 9, asOf });
      expect(await schemaOf(other)).toEqual(before);
    } finally {
      await other.drop();
    }
  });
});

async function schemaOf(database: Database) {
  return {
    indexes: await database.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'resident%' ORDER BY 1`,
    ),
    constraints: await database.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid::regclass::text LIKE 'resident%' ORDER BY 1, 2`,
    ),
  };
}
