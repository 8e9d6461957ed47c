/** SQL of 予診票冊子の一括発行 (F10a-01): the children born in a range, with their booklet sends, and their records. */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { VaccineCode } from './master-types.ts';
import type { HistoryDose } from './types.ts';

/** A child the extraction may select (with what is known of earlier booklets). */
export type BookletCandidate = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  status: string;
  address: string;
  supportMeasure: boolean;
  /** 発送日 of the last booklet sent (送付情報), or null */
  sentOn: string | null;
  /** in a booklet mailing that is made but not sent yet */
  inMailing: boolean;
};

export const bookletsRepository = {
  /**
   * Residents (and 住登外者 when asked) born in [from, to], in 生年月日・宛名番号 order, with their booklet sends
   * (`purpose`: send records, and items of open mailings).
   */
  async candidates(
    q: SqlRunner,
    v: { from: string; to: string; statuses: string[]; purpose: string },
  ): Promise<BookletCandidate[]> {
    const rows = await q.query<BookletCandidate>(
      `SELECT r.id AS "residentId", r.atena_no AS "atenaNo", r.name, r.name_kana AS "nameKana",
         r.birth_date AS "birthDate", r.sex, r.status, trim(r.address || ' ' || r.address_extra) AS address,
         r.support_measure AS "supportMeasure",
         (SELECT max(s.sent_on) FROM send_records s WHERE s.resident_id = r.id AND s.purpose = $4) AS "sentOn",
         EXISTS (SELECT 1 FROM mailing_items i JOIN mailings m ON m.id = i.mailing_id
                 WHERE i.resident_id = r.id AND m.purpose = $4 AND i.status <> 'pulled_out'
                   AND m.status NOT IN ('sent', 'cancelled')) AS "inMailing"
       FROM residents r
       WHERE r.birth_date BETWEEN $1 AND $2 AND r.status = ANY($3::text[])
       ORDER BY r.birth_date, r.atena_no`,
      [v.from, v.to, v.statuses, v.purpose],
    );
    return rows.map((r) => ({ ...r, residentId: Number(r.residentId), sentOn: r.sentOn ?? null }));
  },

  /** The history of the children (their not deleted vaccination records, oldest first), by resident. */
  async historyOf(q: SqlRunner, residentIds: number[]): Promise<Map<number, HistoryDose[]>> {
    const out = new Map<number, HistoryDose[]>();
    if (!residentIds.length) return out;
    const rows = await q.query<{ residentId: number; vaccine: VaccineCode; date: string; product: string }>(
      `SELECT resident_id AS "residentId", vaccine, dose, vaccinated_on AS date, product
       FROM vaccination_records WHERE resident_id = ANY($1::bigint[]) AND deleted_at IS NULL
       ORDER BY vaccinated_on, id`,
      [residentIds],
    );
    for (const r of rows) {
      const id = Number(r.residentId);
      const dose: HistoryDose = r.product
        ? { vaccine: r.vaccine, date: r.date, product: r.product }
        : { vaccine: r.vaccine, date: r.date };
      out.set(id, [...(out.get(id) ?? []), dose]);
    }
    return out;
  },
};
