import type { Database, SqlRunner } from '../db/connect.ts';

export type DestinationRow = {
  id: number;
  residentId: number;
  kind: string;
  name: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  validFrom: string;
  validUntil: string | null;
  active: boolean;
  note: string;
  version: number;
  createdBy: number | null;
  updatedAt: Date;
};

export type DestinationInput = {
  kind: string;
  name: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  validFrom: string;
  validUntil: string | null;
  note: string;
};

export type SendRecordRow = {
  id: number;
  residentId: number;
  mailingId: number | null;
  purpose: string;
  documentTitle: string;
  fiscalYear: number | null;
  sentOn: string;
  method: string;
  destinationKind: string;
  recipientName: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  reissueOf: number | null;
  payload: unknown;
  returnedOn: string | null;
  returnReason: string | null;
  returnNote: string;
  createdBy: number | null;
  createdAt: Date;
  version: number;
};

export type SendRecordInput = Omit<
  SendRecordRow,
  'id' | 'returnedOn' | 'returnReason' | 'returnNote' | 'createdAt' | 'version'
>;

const destinationCols = `id, resident_id AS "residentId", kind, name, postal_code AS "postalCode", address,
  address_extra AS "addressExtra", valid_from AS "validFrom", valid_until AS "validUntil", active, note, version,
  created_by AS "createdBy", updated_at AS "updatedAt"`;

const recordCols = `id, resident_id AS "residentId", mailing_id AS "mailingId", purpose, document_title AS "documentTitle",
  fiscal_year AS "fiscalYear", sent_on AS "sentOn", method, destination_kind AS "destinationKind",
  recipient_name AS "recipientName", postal_code AS "postalCode", address, address_extra AS "addressExtra",
  reissue_of AS "reissueOf", payload, returned_on AS "returnedOn", return_reason AS "returnReason",
  return_note AS "returnNote", created_by AS "createdBy", created_at AS "createdAt", version`;

/** Rows per INSERT … SELECT FROM unnest(…) statement. */
export const insertChunk = 5000;

/** SQL of 送付先 and 送付情報 (part of mailingsRepository; callers go through the service, which writes the access log). */
export function sendRecordsRepository(database: Database) {
  const q = database.query.bind(database);

  return {
    // ---- 送付先 ----------------------------------------------------------------------------------------

    async destinations(residentId: number): Promise<DestinationRow[]> {
      return q<DestinationRow>(
        `SELECT ${destinationCols} FROM mailing_destinations WHERE resident_id = $1 ORDER BY valid_from DESC, id DESC`,
        [residentId],
      );
    },

    /** Active 送付先 of many residents that are valid on `date` (all of them; the rules pick one). */
    async destinationsOn(residentIds: number[], date: string): Promise<DestinationRow[]> {
      if (!residentIds.length) return [];
      return q<DestinationRow>(
        `SELECT ${destinationCols} FROM mailing_destinations
         WHERE resident_id = ANY($1::bigint[]) AND active AND valid_from <= $2::date
           AND (valid_until IS NULL OR valid_until >= $2::date)`,
        [residentIds, date],
      );
    },

    async destination(id: number): Promise<DestinationRow | undefined> {
      return (
        await q<DestinationRow>(`SELECT ${destinationCols} FROM mailing_destinations WHERE id = $1`, [id])
      )[0];
    },

    async insertDestination(residentId: number, v: DestinationInput, userId: number | null) {
      return (
        await q<DestinationRow>(
          `INSERT INTO mailing_destinations (resident_id, kind, name, postal_code, address, address_extra, valid_from,
             valid_until, note, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::date, $9, $10) RETURNING ${destinationCols}`,
          [
            residentId,
            v.kind,
            v.name,
            v.postalCode,
            v.address,
            v.addressExtra,
            v.validFrom,
            v.validUntil,
            v.note,
            userId,
          ],
        )
      )[0]!;
    },

    /** Undefined when the version did not match (another user saved first). */
    async updateDestination(
      id: number,
      version: number,
      v: DestinationInput,
    ): Promise<DestinationRow | undefined> {
      return (
        await q<DestinationRow>(
          `UPDATE mailing_destinations SET kind = $3, name = $4, postal_code = $5, address = $6, address_extra = $7,
             valid_from = $8::date, valid_until = $9::date, note = $10, version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $2 RETURNING ${destinationCols}`,
          [
            id,
            version,
            v.kind,
            v.name,
            v.postalCode,
            v.address,
            v.addressExtra,
            v.validFrom,
            v.validUntil,
            v.note,
          ],
        )
      )[0];
    },

    // ---- 送付情報 --------------------------------------------------------------------------------------

    /** Inserts send records; a (mailing, resident) already recorded is skipped. Returns how many were new. */
    async insertSendRecords(rows: SendRecordInput[]): Promise<number> {
      let inserted = 0;
      for (let start = 0; start < rows.length; start += insertChunk) {
        const part = rows.slice(start, start + insertChunk);
        const col = <K extends keyof SendRecordInput>(k: K) => part.map((r) => r[k]);
        const out = await q<{ id: number }>(
          `INSERT INTO send_records (resident_id, mailing_id, purpose, document_title, fiscal_year, sent_on, method,
             destination_kind, recipient_name, postal_code, address, address_extra, reissue_of, payload, created_by)
           SELECT u.resident_id, u.mailing_id, u.purpose, u.document_title, u.fiscal_year, u.sent_on, u.method,
             u.destination_kind, u.recipient_name, u.postal_code, u.address, u.address_extra, u.reissue_of,
             u.payload::jsonb, u.created_by
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::date[], $7::text[],
             $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[], $14::text[], $15::int[])
             AS u(resident_id, mailing_id, purpose, document_title, fiscal_year, sent_on, method, destination_kind,
               recipient_name, postal_code, address, address_extra, reissue_of, payload, created_by)
           ON CONFLICT (mailing_id, resident_id) DO NOTHING RETURNING id`,
          [
            col('residentId'),
            col('mailingId'),
            col('purpose'),
            col('documentTitle'),
            col('fiscalYear'),
            col('sentOn'),
            col('method'),
            col('destinationKind'),
            col('recipientName'),
            col('postalCode'),
            col('address'),
            col('addressExtra'),
            col('reissueOf'),
            part.map((r) => JSON.stringify(r.payload ?? {})),
            col('createdBy'),
          ],
        );
        inserted += out.length;
      }
      return inserted;
    },

    async insertSendRecord(r: SendRecordInput, tx: SqlRunner = database): Promise<SendRecordRow> {
      return (
        await tx.query<SendRecordRow>(
          `INSERT INTO send_records (resident_id, mailing_id, purpose, document_title, fiscal_year, sent_on, method,
             destination_kind, recipient_name, postal_code, address, address_extra, reissue_of, payload, created_by)
           VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15) RETURNING ${recordCols}`,
          [
            r.residentId,
            r.mailingId,
            r.purpose,
            r.documentTitle,
            r.fiscalYear,
            r.sentOn,
            r.method,
            r.destinationKind,
            r.recipientName,
            r.postalCode,
            r.address,
            r.addressExtra,
            r.reissueOf,
            JSON.stringify(r.payload ?? {}),
            r.createdBy,
          ],
        )
      )[0]!;
    },

    async sendRecord(id: number): Promise<SendRecordRow | undefined> {
      return (await q<SendRecordRow>(`SELECT ${recordCols} FROM send_records WHERE id = $1`, [id]))[0];
    },

    /** A resident's send records, newest first. */
    async sendRecords(residentId: number): Promise<SendRecordRow[]> {
      return q<SendRecordRow>(
        `SELECT ${recordCols} FROM send_records WHERE resident_id = $1 ORDER BY sent_on DESC, id DESC LIMIT 1000`,
        [residentId],
      );
    },

    /** The latest record of the same purpose and 年度 for a person (what a 再発行 replaces). */
    async latestRecord(residentId: number, purpose: string, fiscalYear: number | null) {
      return (
        await q<SendRecordRow>(
          `SELECT ${recordCols} FROM send_records
           WHERE resident_id = $1 AND purpose = $2 AND fiscal_year IS NOT DISTINCT FROM $3::int
           ORDER BY sent_on DESC, id DESC LIMIT 1`,
          [residentId, purpose, fiscalYear],
        )
      )[0];
    },

    /** Sets or clears the 返戻 of a record; undefined when the version did not match. */
    async setReturn(
      id: number,
      version: number,
      v: { returnedOn: string | null; returnReason: string | null; returnNote: string },
    ): Promise<SendRecordRow | undefined> {
      return (
        await q<SendRecordRow>(
          `UPDATE send_records SET returned_on = $3::date, return_reason = $4, return_note = $5, version = version + 1
           WHERE id = $1 AND version = $2 RETURNING ${recordCols}`,
          [id, version, v.returnedOn, v.returnReason, v.returnNote],
        )
      )[0];
    },
  };
}

export type SendRecordsRepository = ReturnType<typeof sendRecordsRepository>;
