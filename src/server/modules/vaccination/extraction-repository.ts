/**
 * SQL of 予防接種の対象者抽出: residents (住民) in a birth-date range, read in 宛名 id ranges together with their
 * non-deleted 予防接種の記録 — one statement per range, each person's history as one canonical string (the
 * history signature of the memoised decision; parsed only when a decision is not known yet).
 */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { VaccineCode } from './master-types.ts';
import type { HistoryDose, PersonSpecials } from './types.ts';

/** Who an extraction looks at. */
export type VaccinationCandidateFilter = {
  bornFrom: string | null;
  bornTo: string;
  /** read only the records of these vaccines (null: all) */
  codes: VaccineCode[] | null;
};

export type VaccinationCandidate = {
  residentId: number;
  birthDate: string;
  /** 住民記録の性別 '1' 男 / '2' 女 / '9' */
  sex: string;
  /** the history as `vaccine US date US product` joined by RS, ordered; '' = no records */
  history: string;
  /** 本人ごとの特例・除外 (specials.ts), when the person has any current one */
  specials?: PersonSpecials;
};

const US = '\u001f';
const RS = '\u001e';

/**
 * 住民 in the birth range — or with a current 特例・除外 registered (長期療養特例, MR 供給不足 … can open a period
 * outside the usual ages: the engine decides).
 */
/** A person's non-deleted records as one canonical string (`r` is the resident; `extra` narrows the records). */
const AGG = `string_agg(v.vaccine || chr(31) || v.vaccinated_on::text || chr(31) || v.product, chr(30)
  ORDER BY v.vaccine, v.vaccinated_on, v.product)`;
/** A person's non-deleted records as one canonical string (`r` is the resident). */
const HISTORY = `(SELECT ${AGG} FROM vaccination_records v WHERE v.resident_id = r.id AND v.deleted_at IS NULL)`;

function where(f: VaccinationCandidateFilter, params: unknown[]): string {
  params.push(f.bornTo);
  let born = `r.birth_date <= $${params.length}`;
  if (f.bornFrom) {
    params.push(f.bornFrom);
    born += ` AND r.birth_date >= $${params.length}`;
  }
  return `r.status = 'resident' AND (${born} OR EXISTS (SELECT 1 FROM vaccination_specials s
    WHERE s.resident_id = r.id AND s.ended_at IS NULL))`;
}

/** The history string (see VaccinationCandidate.history) → the engine's history. */
export function parseHistory(text: string): HistoryDose[] {
  if (text === '') return [];
  const out: HistoryDose[] = [];
  for (const part of text.split(RS)) {
    const [vaccine, date, product] = part.split(US) as [VaccineCode, string, string | undefined];
    out.push(product ? { vaccine, date, product } : { vaccine, date });
  }
  return out;
}

export const vaccinationExtractionRepository = {
  async count(q: SqlRunner, f: VaccinationCandidateFilter): Promise<number> {
    const params: unknown[] = [];
    const [r] = await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM residents r WHERE ${where(f, params)}`,
      params,
    );
    return r?.n ?? 0;
  },

  async lastResidentId(q: SqlRunner): Promise<number> {
    const [r] = await q.query<{ n: number | null }>('SELECT max(id) AS n FROM residents');
    return Number(r?.n ?? 0);
  },

  /** The candidates with afterId < id <= upTo, ascending, each with the history string. */
  async candidates(
    q: SqlRunner,
    f: VaccinationCandidateFilter,
    afterId: number,
    upTo: number,
  ): Promise<VaccinationCandidate[]> {
    const params: unknown[] = [afterId, upTo];
    const w = where(f, params);
    let codes = '';
    if (f.codes) {
      params.push(f.codes);
      codes = ` AND v.vaccine = ANY($${params.length}::text[])`;
    }
    const rows = await q.query<{ id: number; birth_date: string; sex: string; history: string | null }>(
      // the range's records grouped once (a merge join), not a sub-query per person: PostgreSQL's estimate of
      // the latter is high enough to start JIT compilation, which cost more than the query itself
      `SELECT r.id, r.birth_date, r.sex, h.history
       FROM residents r LEFT JOIN (
         SELECT v.resident_id, ${AGG} AS history FROM vaccination_records v
         WHERE v.resident_id > $1 AND v.resident_id <= $2 AND v.deleted_at IS NULL${codes}
         GROUP BY v.resident_id) h ON h.resident_id = r.id
       WHERE r.id > $1 AND r.id <= $2 AND ${w} ORDER BY r.id`,
      params,
    );
    const out: VaccinationCandidate[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      out[i] = { residentId: Number(r.id), birthDate: r.birth_date, sex: r.sex, history: r.history ?? '' };
    }
    return out;
  },

  /** Birth date, sex and history of some people now (print-time re-check, mailing payloads). */
  async people(q: SqlRunner, residentIds: number[], o: { history?: boolean } = {}) {
    const history = o.history === false ? 'NULL::text' : HISTORY;
    const rows = await q.query<{
      id: number;
      atena_no: string;
      name: string;
      name_kana: string;
      birth_date: string;
      sex: string;
      address: string;
      phone: string;
      history: string | null;
    }>(
      `SELECT r.id, r.atena_no, r.name, r.name_kana, r.birth_date, r.sex, r.phone,
         trim(r.address || ' ' || r.address_extra) AS address, ${history} AS history
       FROM residents r WHERE r.id = ANY($1::bigint[])`,
      [residentIds],
    );
    return new Map(
      rows.map((r) => [
        Number(r.id),
        {
          atenaNo: r.atena_no,
          name: r.name,
          nameKana: r.name_kana,
          birthDate: r.birth_date,
          sex: r.sex,
          address: r.address,
          phone: r.phone,
          history: parseHistory(r.history ?? ''),
        },
      ]),
    );
  },
};
