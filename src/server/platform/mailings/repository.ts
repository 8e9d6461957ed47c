import type { Database } from '../db/connect.ts';
import type { Decision } from './rules.ts';
import { insertChunk, sendRecordsRepository } from './send-records-repository.ts';
import type { ItemStatus, MailingCounts, MailingOutput, MailingStatus } from './types.ts';

export type {
  DestinationInput,
  DestinationRow,
  SendRecordInput,
  SendRecordRow,
} from './send-records-repository.ts';

export type MailingRow = {
  id: number;
  purpose: string;
  title: string;
  fiscalYear: number | null;
  sourceListId: number | null;
  sendDate: string;
  method: string;
  status: MailingStatus;
  counts: MailingCounts;
  outputs: MailingOutput[];
  printJobId: number | null;
  checkedAt: Date | null;
  printedAt: Date | null;
  sentAt: Date | null;
  createdBy: number | null;
  createdAt: Date;
  version: number;
};

export type ItemRow = {
  residentId: number;
  seq: number;
  payload: unknown;
  status: ItemStatus;
  pullReason: string | null;
  pullLabel: string | null;
  pullNote: string;
  pulledBy: number | null;
  confirmedBy: number | null;
  updatedAt: Date;
};

export type ItemListRow = ItemRow & {
  pulledByName: string | null;
  confirmedByName: string | null;
  /** the last change is later than the mailing's print (a pulled-out letter exists) */
  changedAfterPrint: boolean;
};

const mailingCols = `id, purpose, title, fiscal_year AS "fiscalYear", source_list_id AS "sourceListId",
  send_date AS "sendDate", method, status, counts, outputs, print_job_id AS "printJobId", checked_at AS "checkedAt",
  printed_at AS "printedAt", sent_at AS "sentAt", created_by AS "createdBy", created_at AS "createdAt", version`;

const itemCols = `i.resident_id AS "residentId", i.seq, i.payload, i.status, i.pull_reason AS "pullReason",
  i.pull_label AS "pullLabel", i.pull_note AS "pullNote", i.pulled_by AS "pulledBy", i.confirmed_by AS "confirmedBy",
  i.updated_at AS "updatedAt"`;

/**
 * SQL of the mailings engine (callers go through the service, which writes the access log): mailings and
 * items here, 送付先 and 送付情報 from send-records-repository.ts.
 */
export function mailingsRepository(database: Database) {
  const q = database.query.bind(database);

  return {
    now: async (): Promise<Date> => (await q<{ now: Date }>('SELECT now() AS now'))[0]!.now,

    // ---- mailings -------------------------------------------------------------------------------------

    /** A new mailing with its items (seq 1..n in the given order), in one transaction. */
    async insertMailing(
      m: {
        purpose: string;
        title: string;
        fiscalYear: number | null;
        sourceListId: number | null;
        sendDate: string;
        method: string;
        createdBy: number | null;
        counts: MailingCounts;
      },
      items: { residentId: number; payload: unknown }[],
    ): Promise<number> {
      return database.transaction(async (tx) => {
        const [row] = await tx.query<{ id: number }>(
          `INSERT INTO mailings (purpose, title, fiscal_year, source_list_id, send_date, method, status, counts, created_by)
           VALUES ($1, $2, $3, $4, $5::date, $6, 'draft', $7::jsonb, $8) RETURNING id`,
          [
            m.purpose,
            m.title,
            m.fiscalYear,
            m.sourceListId,
            m.sendDate,
            m.method,
            JSON.stringify(m.counts),
            m.createdBy,
          ],
        );
        const id = Number(row!.id);
        for (let start = 0; start < items.length; start += insertChunk) {
          const part = items.slice(start, start + insertChunk);
          await tx.query(
            `INSERT INTO mailing_items (mailing_id, resident_id, seq, payload, status)
             SELECT $1, t.r, t.s, t.p::jsonb, 'included'
             FROM unnest($2::bigint[], $3::int[], $4::text[]) AS t(r, s, p)`,
            [
              id,
              part.map((i) => i.residentId),
              part.map((_, k) => start + k + 1),
              part.map((i) => JSON.stringify(i.payload ?? {})),
            ],
          );
        }
        return id;
      });
    },

    async mailing(id: number): Promise<MailingRow | undefined> {
      return (await q<MailingRow>(`SELECT ${mailingCols} FROM mailings WHERE id = $1`, [id]))[0];
    },

    async mailings(f: { purpose?: string; fiscalYear?: number; status?: string; limit: number }) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, v: unknown) => {
        params.push(v);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (f.purpose) add('purpose = ?', f.purpose);
      if (f.fiscalYear !== undefined) add('fiscal_year = ?', f.fiscalYear);
      if (f.status) add('status = ?', f.status);
      return q<MailingRow>(
        `SELECT ${mailingCols} FROM mailings ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY send_date DESC, id DESC LIMIT ${Number(f.limit)}`,
        params,
      );
    },

    /**
     * Moves the mailing to `status` when it is in one of `from` (the guard against two screens or jobs
     * acting at once). Undefined when it was not in `from`.
     */
    async transition(
      id: number,
      from: MailingStatus[],
      status: MailingStatus,
      set: {
        printJobId?: number | null;
        checkedAt?: Date;
        printedAt?: Date | null;
        sentAt?: Date;
        counts?: MailingCounts;
        outputs?: MailingOutput[];
      } = {},
    ): Promise<MailingRow | undefined> {
      const sets = ['status = $3', 'version = version + 1'];
      const params: unknown[] = [id, from, status];
      const add = (col: string, v: unknown, cast = '') => {
        params.push(v);
        sets.push(`${col} = $${params.length}${cast}`);
      };
      if (set.printJobId !== undefined) add('print_job_id', set.printJobId);
      if (set.checkedAt !== undefined) add('checked_at', set.checkedAt);
      if (set.printedAt !== undefined) add('printed_at', set.printedAt);
      if (set.sentAt !== undefined) add('sent_at', set.sentAt);
      if (set.counts !== undefined) add('counts', JSON.stringify(set.counts), '::jsonb');
      if (set.outputs !== undefined) add('outputs', JSON.stringify(set.outputs), '::jsonb');
      return (
        await q<MailingRow>(
          `UPDATE mailings SET ${sets.join(', ')} WHERE id = $1 AND status = ANY($2::text[]) RETURNING ${mailingCols}`,
          params,
        )
      )[0];
    },

    async setCounts(id: number, counts: MailingCounts): Promise<void> {
      await q('UPDATE mailings SET counts = $2::jsonb, version = version + 1 WHERE id = $1', [
        id,
        JSON.stringify(counts),
      ]);
    },

    async setOutputs(id: number, outputs: MailingOutput[]): Promise<void> {
      await q('UPDATE mailings SET outputs = $2::jsonb WHERE id = $1', [id, JSON.stringify(outputs)]);
    },

    /**
     * Deletes generated files (PDF parts of an earlier print run). The file store has no delete yet, so
     * this removes the rows directly (file_chunks go with ON DELETE CASCADE).
     */
    async deleteFiles(ids: number[]): Promise<void> {
      if (ids.length) await q('DELETE FROM files WHERE id = ANY($1::bigint[])', [ids]);
    },

    // ---- items --------------------------------------------------------------------------------------

    async countByStatus(mailingId: number): Promise<Record<ItemStatus, number>> {
      const rows = await q<{ status: ItemStatus; n: number }>(
        'SELECT status, count(*)::int AS n FROM mailing_items WHERE mailing_id = $1 GROUP BY status',
        [mailingId],
      );
      const out: Record<ItemStatus, number> = { included: 0, pulled_out: 0, pending: 0 };
      for (const r of rows) out[r.status] = Number(r.n);
      return out;
    },

    /** Items after `afterSeq` in seq order (keyset paging for batch work), optionally of one status. */
    async itemsAfter(mailingId: number, afterSeq: number, limit: number, status?: ItemStatus) {
      return q<ItemRow>(
        `SELECT ${itemCols} FROM mailing_items i
         WHERE i.mailing_id = $1 AND i.seq > $2 ${status ? 'AND i.status = $4' : ''}
         ORDER BY i.seq LIMIT $3`,
        status ? [mailingId, afterSeq, limit, status] : [mailingId, afterSeq, limit],
      );
    },

    /** One item; `changedAfterPrint`: its last change is later than the mailing's print. */
    async item(
      mailingId: number,
      residentId: number,
    ): Promise<(ItemRow & { changedAfterPrint: boolean }) | undefined> {
      return (
        await q<ItemRow & { changedAfterPrint: boolean }>(
          `SELECT ${itemCols}, (m.printed_at IS NOT NULL AND i.updated_at > m.printed_at) AS "changedAfterPrint"
           FROM mailing_items i JOIN mailings m ON m.id = i.mailing_id
           WHERE i.mailing_id = $1 AND i.resident_id = $2`,
          [mailingId, residentId],
        )
      )[0];
    },

    async itemsBySeq(mailingId: number, seqs: number[]): Promise<ItemRow[]> {
      return q<ItemRow>(
        `SELECT ${itemCols} FROM mailing_items i WHERE i.mailing_id = $1 AND i.seq = ANY($2::int[]) ORDER BY i.seq`,
        [mailingId, seqs],
      );
    },

    /** One page of items (seq order) with who pulled out / confirmed, and the total of the filter. */
    async itemPage(
      mailingId: number,
      f: { status?: ItemStatus; seqs?: number[]; offset: number; limit: number },
    ): Promise<{ rows: ItemListRow[]; total: number }> {
      const params: unknown[] = [mailingId];
      let where = 'i.mailing_id = $1';
      if (f.status) {
        params.push(f.status);
        where += ` AND i.status = $${params.length}`;
      }
      if (f.seqs) {
        params.push(f.seqs);
        where += ` AND i.seq = ANY($${params.length}::int[])`;
      }
      const [count] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM mailing_items i WHERE ${where}`,
        params,
      );
      const rows = await q<ItemListRow>(
        `SELECT ${itemCols}, pu.display_name AS "pulledByName", cu.display_name AS "confirmedByName",
           (m.printed_at IS NOT NULL AND i.updated_at > m.printed_at) AS "changedAfterPrint"
         FROM mailing_items i
         JOIN mailings m ON m.id = i.mailing_id
         LEFT JOIN users pu ON pu.id = i.pulled_by
         LEFT JOIN users cu ON cu.id = i.confirmed_by
         WHERE ${where} ORDER BY i.seq OFFSET ${Number(f.offset)} LIMIT ${Number(f.limit)}`,
        params,
      );
      return { rows, total: Number(count?.n ?? 0) };
    },

    /**
     * Writes re-check decisions (only the changed items are passed). An item changed meanwhile by staff
     * (status or reason no longer as read) is left alone.
     */
    async applyDecisions(
      mailingId: number,
      changes: ({ residentId: number; was: Pick<ItemRow, 'status' | 'pullReason'> } & Decision)[],
    ): Promise<void> {
      for (let start = 0; start < changes.length; start += insertChunk) {
        const part = changes.slice(start, start + insertChunk);
        await q(
          `UPDATE mailing_items m SET status = c.status, pull_reason = c.reason, pull_label = c.label, updated_at = now()
           FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
             AS c(rid, status, reason, label, was_status, was_reason)
           WHERE m.mailing_id = $1 AND m.resident_id = c.rid AND m.status = c.was_status
             AND m.pull_reason IS NOT DISTINCT FROM c.was_reason`,
          [
            mailingId,
            part.map((c) => c.residentId),
            part.map((c) => c.status),
            part.map((c) => c.pullReason),
            part.map((c) => c.pullLabel),
            part.map((c) => c.was.status),
            part.map((c) => c.was.pullReason),
          ],
        );
      }
    },

    /**
     * A staff change of one item, only when it is still as it was read (status, reason, confirmation):
     * false when another user changed it first.
     */
    async updateItem(
      mailingId: number,
      residentId: number,
      expected: Pick<ItemRow, 'status' | 'pullReason' | 'confirmedBy'>,
      v: {
        status: ItemStatus;
        pullReason: string | null;
        pullLabel: string | null;
        pullNote: string;
        pulledBy: number | null;
        confirmedBy: number | null;
      },
    ): Promise<boolean> {
      const rows = await q<{ seq: number }>(
        `UPDATE mailing_items SET status = $5, pull_reason = $6, pull_label = $7, pull_note = $8, pulled_by = $9,
           confirmed_by = $10, updated_at = now()
         WHERE mailing_id = $1 AND resident_id = $2 AND status = $3 AND pull_reason IS NOT DISTINCT FROM $4
           AND confirmed_by IS NOT DISTINCT FROM $11::int RETURNING seq`,
        [
          mailingId,
          residentId,
          expected.status,
          expected.pullReason,
          v.status,
          v.pullReason,
          v.pullLabel,
          v.pullNote,
          v.pulledBy,
          v.confirmedBy,
          expected.confirmedBy,
        ],
      );
      return rows.length > 0;
    },

    ...sendRecordsRepository(database),
  };
}

export type MailingsRepository = ReturnType<typeof mailingsRepository>;
