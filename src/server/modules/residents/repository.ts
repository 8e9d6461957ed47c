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

const select = `SELECT id, atena_no AS "atenaNo", household_no AS "householdNo", name, name_kana AS "nameKana",
  birth_date AS "birthDate", sex, relationship, postal_code AS "postalCode", address, address_extra AS "addressExtra",
  phone, status, resident_since AS "residentSince", resident_until AS "residentUntil",
  support_measure AS "supportMeasure", source, last_event_date AS "lastEventDate", version, updated_at AS "updatedAt"
  FROM residents`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL of the residents module. Callers go through the service, which writes the access log. */
export function residentsRepository(db: Pick<Database, 'query'>) {
  function where(c: SearchCriteria): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      parts.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (c.atenaNo) add('atena_no = ?', c.atenaNo);
    // Short keys (1–2 characters) cannot use the trigram index: match from the start instead.
    if (c.kanaKey) {
      if ([...c.kanaKey].length < 3) add("kana_key LIKE ? || '%'", likeEscape(c.kanaKey));
      else add("kana_key LIKE '%' || ? || '%'", likeEscape(c.kanaKey));
    }
    if (c.nameKey) {
      if ([...c.nameKey].length < 3) add("name_key LIKE ? || '%'", likeEscape(c.nameKey));
      else add("name_key LIKE '%' || ? || '%'", likeEscape(c.nameKey));
    }
    if (c.birthDate) add('birth_date = ?::date', c.birthDate);
    if (c.addressKey) add("address_key LIKE '%' || ? || '%'", likeEscape(c.addressKey));
    if (c.statuses?.length) add('status = ANY(?::text[])', c.statuses);
    if (c.householdNo) add('household_no = ?', c.householdNo);
    return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
  }

  return {
    async search(c: SearchCriteria, limit: number): Promise<ResidentRow[]> {
      const w = where(c);
      return db.query<ResidentRow>(
        `${select}${w.sql} ORDER BY kana_key, birth_date, id LIMIT ${Number(limit)}`,
        w.params,
      );
    },
    async count(c: SearchCriteria, cap: number): Promise<number> {
      const w = where(c);
      const [r] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM residents${w.sql} LIMIT ${Number(cap)}) s`,
        w.params,
      );
      return r?.n ?? 0;
    },
    async byId(id: number): Promise<ResidentRow | undefined> {
      return (await db.query<ResidentRow>(`${select} WHERE id = $1`, [id]))[0];
    },
    async byAtenaNo(atenaNo: string): Promise<ResidentRow | undefined> {
      return (await db.query<ResidentRow>(`${select} WHERE atena_no = $1`, [atenaNo]))[0];
    },
    async household(householdNo: string): Promise<ResidentRow[]> {
      return db.query<ResidentRow>(`${select} WHERE household_no = $1 ORDER BY birth_date, id LIMIT 50`, [
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
