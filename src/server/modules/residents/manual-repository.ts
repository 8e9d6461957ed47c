import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { addressSearchKey, kanaSearchKey, nameSearchKey } from '../../platform/text/index.ts';
import { changeKey } from './history.ts';
import { residentEvents, residents } from './schema.ts';
import type { EventCode, ResidentState } from './types.ts';

function keys(s: ResidentState) {
  return {
    nameKey: nameSearchKey(s.name),
    kanaKey: kanaSearchKey(s.nameKana),
    addressKey: addressSearchKey(`${s.address}${s.addressExtra}`),
  };
}

function event(residentId: number, code: EventCode, date: string, state: ResidentState, by: number | null) {
  return {
    residentId,
    eventCode: code,
    eventDate: date,
    state,
    changeKey: changeKey(code, date, state),
    recordedBy: by,
  };
}

/** SQL for 住登外者 entered by hand: the row and its 異動 event are written in one transaction. */
export function manualResidentsRepository(db: Db) {
  return {
    /** Takes the next free 住登外者 宛名番号 (own sequence from 9000000001, numbers in use skipped). */
    async insert(
      toState: (atenaNo: string) => ResidentState,
      eventDate: string,
      recordedBy: number | null,
    ): Promise<{ id: number; atenaNo: string }> {
      return db.transaction(async (tx) => {
        let atenaNo = '';
        for (;;) {
          const result = await tx.execute<{ n: string }>(
            sql`SELECT nextval('manual_atena_no_seq')::text AS n`,
          );
          atenaNo = (result as unknown as { rows: { n: string }[] }).rows[0]!.n;
          const taken = await tx
            .select({ id: residents.id })
            .from(residents)
            .where(eq(residents.atenaNo, atenaNo));
          if (!taken.length) break;
        }
        const state = toState(atenaNo);
        const [row] = await tx
          .insert(residents)
          .values({ ...state, ...keys(state), source: 'manual', lastEventDate: eventDate })
          .returning({ id: residents.id });
        await tx.insert(residentEvents).values(event(row!.id, 'register', eventDate, state, recordedBy));
        return { id: row!.id, atenaNo };
      });
    },

    /** Optimistic update: undefined when `version` is no longer current. */
    async update(
      id: number,
      version: number,
      state: ResidentState,
      eventDate: string,
      recordedBy: number | null,
    ): Promise<number | undefined> {
      return db.transaction(async (tx) => {
        const [updated] = await tx
          .update(residents)
          .set({
            ...state,
            ...keys(state),
            version: sql`${residents.version} + 1`,
            updatedAt: new Date(),
            lastEventDate: eventDate,
          })
          .where(and(eq(residents.id, id), eq(residents.version, version)))
          .returning({ version: residents.version });
        if (!updated) return undefined;
        await tx.insert(residentEvents).values(event(id, 'correct', eventDate, state, recordedBy));
        return updated.version;
      });
    },
  };
}
