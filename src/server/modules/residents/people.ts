/**
 * The residents gateway as the mailings engine's PeoplePort: each person's current register data and status
 * (the engine writes its own access-log entries).
 */
import type { Database } from '../../platform/db/connect.ts';
import type { PeoplePort, PersonNow } from '../../platform/mailings/types.ts';
import { statusLabels } from './types.ts';

export function residentsPeople(database: Pick<Database, 'query'>): PeoplePort {
  return {
    async current(ids) {
      const rows = await database.query<PersonNow & { id: number }>(
        `SELECT id, atena_no AS "atenaNo", name, name_kana AS "nameKana", birth_date AS "birthDate", sex,
           postal_code AS "postalCode", address, address_extra AS "addressExtra", status,
           support_measure AS "supportMeasure"
         FROM residents WHERE id = ANY($1::bigint[])`,
        [ids],
      );
      return new Map(
        rows.map((r) => {
          const { id, ...rest } = r;
          const statusLabel = statusLabels[r.status as keyof typeof statusLabels] ?? r.status;
          return [Number(id), { ...rest, residentId: Number(id), statusLabel }] as const;
        }),
      );
    },
  };
}
