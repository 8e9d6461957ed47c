import type { Database } from '../../platform/db/connect.ts';
import type { ResidentState, ResidentStatus } from './types.ts';

export type ResidentRow = ResidentState & {
  id: number;
  source: 'juki' | 'manual';
  lastEventDate: string | null;
  version: number;
  updatedAt: Date;
};

export type SearchCriteria = {
  atenaNo?: string;
  /** Normalised kana key (platform/text kanaSearchKey). */
  kanaKey?: string;
  /** Normalised kanji name key (nameSearchKey). */
  nameKey?: string;
  birthDate?: string;
  addressKey?: string;
  statuses?: ResidentStatus[];
  householdNo?: string;
};

const selectColumns = `SELECT id, atena_no AS "atenaNo", household_no AS "householdNo", name, name_kana AS "nameKana",
  birth_date AS "birthDate", sex, relationship, postal_code AS "postalCode", address, address_extra AS "addressExtra",
  phone, status, resident_since AS "residentSince", resident_until AS "residentUntil",
  support_measure AS "supportMeasure", source, last_event_date AS "lastEventDate", version, updated_at AS "updatedAt"`;
const selectSql = `${selectColumns} FROM residents`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL of the residents module. Callers go through the service, which writes the access log. */
/** How a name key is matched: from the start (index order, fast) or anywhere but the start. */
type NameMatch = 'prefix' | 'inner';

/**
 * Keys shorter than this cannot use the trigram index: they are matched anywhere only when no name
 * starts with them (a slower scan, but then the result is what staff meant, e.g. a given name).
 */
const minInnerLength = 3;

/** SQL of the residents module. Callers go through the service, which writes the access log. */
export function residentsRepository(db: Pick<Database, 'query'>) {
  function where(c: SearchCriteria, match: NameMatch): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      parts.push(sql.replaceAll('?', `$${params.length}`));
    };
    const name = (column: string, key: string) => {
      // Whole patterns as parameters (not `? || '%'`), so the planner sees a prefix it can use.
      const k = likeEscape(key);
      if (match === 'prefix') add(`${column} COLLATE "C" LIKE ?`, `${k}%`);
      else {
        add(`${column} LIKE ?`, `%${k}%`);
        add(`${column} COLLATE "C" NOT LIKE ?`, `${k}%`);
      }
    };
    if (c.atenaNo) add('atena_no = ?', c.atenaNo);
    if (c.kanaKey) name('kana_key', c.kanaKey);
    if (c.nameKey) name('name_key', c.nameKey);
    if (c.birthDate) add('birth_date = ?::date', c.birthDate);
    if (c.addressKey) add('address_key LIKE ?', `%${likeEscape(c.addressKey)}%`);
    if (c.statuses?.length) add('status = ANY(?::text[])', c.statuses);
    if (c.householdNo) add('household_no = ?', c.householdNo);
    return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
  }

  const wantsInner = (c: SearchCriteria, prefixMatches: number) =>
    [c.kanaKey, c.nameKey].some(
      (k) =>
        k !== undefined && ([...k].length >= minInnerLength || (prefixMatches === 0 && [...k].length > 1)),
    );

  // Results are read in order straight from an index when a name is searched from its start: kana
  // keys in 五十音 order, kanji keys in kanji-name order. Every other search is filtered first through
  // its own index and then sorted by kana: MATERIALIZED keeps the planner from walking an order index
  // and filtering instead (which reads most of the table when the matches sort late).
  const orderIndex = (c: SearchCriteria) => (c.kanaKey ? 'kana_key' : c.nameKey ? 'name_key' : undefined);
  const source = (c: SearchCriteria, match: NameMatch, whereSql: string) =>
    match === 'prefix' && orderIndex(c)
      ? `FROM residents${whereSql}`
      : `FROM (WITH m AS MATERIALIZED (SELECT * FROM residents${whereSql}) SELECT * FROM m) residents`;
  const orderOf = (c: SearchCriteria) =>
    `ORDER BY ${orderIndex(c) ?? 'kana_key'} COLLATE "C", birth_date, id`;

  async function select(c: SearchCriteria, match: NameMatch, limit: number): Promise<ResidentRow[]> {
    const w = where(c, match);
    return db.query<ResidentRow>(
      `${selectColumns} ${source(c, match, w.sql)} ${orderOf(c)} LIMIT ${Number(limit)}`,
      w.params,
    );
  }

  async function countOf(c: SearchCriteria, match: NameMatch, cap: number): Promise<number> {
    const w = where(c, match);
    const [r] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 ${source(c, match, w.sql)} LIMIT ${Number(cap)}) s`,
      w.params,
    );
    return r?.n ?? 0;
  }

  return {
    /**
     * Names typed from the start come first, in kana order, straight from the index (fast even for
     * common surnames); names containing the key elsewhere (e.g. a given name) follow only when the
     * page is not full. `total` counts up to `cap`; with a full page of names from the start it counts
     * those (the screen then asks to narrow the search).
     */
    async search(
      c: SearchCriteria,
      limit: number,
      cap: number,
    ): Promise<{ rows: ResidentRow[]; total: number }> {
      const first = await select(c, 'prefix', limit);
      if (first.length >= limit) return { rows: first, total: await countOf(c, 'prefix', cap) };
      if (!wantsInner(c, first.length)) return { rows: first, total: first.length };
      const rows = [...first, ...(await select(c, 'inner', limit - first.length))];
      if (rows.length < limit) return { rows, total: rows.length };
      return { rows, total: first.length + (await countOf(c, 'inner', cap - first.length)) };
    },
    async byId(id: number): Promise<ResidentRow | undefined> {
      return (await db.query<ResidentRow>(`${selectSql} WHERE id = $1`, [id]))[0];
    },
    async byAtenaNo(atenaNo: string): Promise<ResidentRow | undefined> {
      return (await db.query<ResidentRow>(`${selectSql} WHERE atena_no = $1`, [atenaNo]))[0];
    },
    async household(householdNo: string): Promise<ResidentRow[]> {
      return db.query<ResidentRow>(`${selectSql} WHERE household_no = $1 ORDER BY birth_date, id LIMIT 50`, [
        householdNo,
      ]);
    },
    async events(residentId: number) {
      return db.query<{
        id: number;
        eventCode: string;
        eventDate: string;
        state: ResidentState;
        recordedAt: Date;
      }>(
        `SELECT id, event_code AS "eventCode", event_date AS "eventDate", state, recorded_at AS "recordedAt"
         FROM resident_events WHERE resident_id = $1 ORDER BY event_date, id`,
        [residentId],
      );
    },
    async myNumberEnc(residentId: number): Promise<string | undefined> {
      return (
        await db.query<{ enc: string }>(
          'SELECT my_number_enc AS enc FROM resident_secrets WHERE resident_id = $1',
          [residentId],
        )
      )[0]?.enc;
    },
  };
}
