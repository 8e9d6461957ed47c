/** SQL of the adult-health module: candidates for extraction, 受診歴, 送付不要, lists and their entries. */
import type { Database } from '../../platform/db/connect.ts';
import type { HistoryEntry, OptOut } from './rules.ts';

/** Who an extraction looks at: 住民 in a birth-date range (a superset; the rules decide). */
export type CandidateFilter = {
  bornFrom: string | null;
  bornTo: string;
  /** only this 性別 (all selected programs are for women), or null */
  sex: string | null;
  /** preference lists: only people with a 受診希望 in this 年度 (and session) */
  preference?: { fiscalYear: number; sessionId: number | null };
};

export type Candidate = {
  residentId: number;
  birthDate: string;
  sex: string;
  status: string;
  history: HistoryEntry[];
  optOuts: OptOut[];
  /** preference lists: the programs asked for */
  wanted?: string[];
};

/** The shared empty 受診歴/送付不要 of most candidates (replaced, never pushed to). */
const none: never[] = [];

function where(f: CandidateFilter, params: unknown[]): string {
  const c = [`r.status = 'resident'`];
  params.push(f.bornTo);
  c.push(`r.birth_date <= $${params.length}`);
  if (f.bornFrom) {
    params.push(f.bornFrom);
    c.push(`r.birth_date >= $${params.length}`);
  }
  if (f.sex) {
    params.push(f.sex);
    c.push(`r.sex = $${params.length}`);
  }
  if (f.preference) {
    params.push(f.preference.fiscalYear);
    const fy = `$${params.length}`;
    let s = '';
    if (f.preference.sessionId !== null) {
      params.push(f.preference.sessionId);
      s = ` AND p.session_id = $${params.length}`;
    }
    c.push(
      `EXISTS (SELECT 1 FROM screening_preferences p WHERE p.resident_id = r.id AND p.fiscal_year = ${fy}${s})`,
    );
  }
  return c.join(' AND ');
}

export function adultHealthRepository(database: Database) {
  return {
    async countCandidates(f: CandidateFilter): Promise<number> {
      const params: unknown[] = [];
      const [r] = await database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM residents r WHERE ${where(f, params)}`,
        params,
      );
      return r?.n ?? 0;
    },

    /** The highest 宛名 id (where an extraction's walk ends). */
    async lastResidentId(): Promise<number> {
      const [r] = await database.query<{ n: number | null }>('SELECT max(id) AS n FROM residents');
      return Number(r?.n ?? 0);
    },

    /**
     * The candidates with afterId < id <= upTo, with their 受診歴 of the programs (the last `years` 年度, all
     * years for once-in-a-lifetime programs) and 送付不要 overlapping the 年度. The queries of a range run at
     * the same time (on PostgreSQL, on separate connections).
     */
    async candidates(
      f: CandidateFilter,
      afterId: number,
      upTo: number,
      h: { programs: string[]; fiscalYear: number; sinceFiscalYear: number; oncePrograms: string[] },
    ): Promise<Candidate[]> {
      const params: unknown[] = [afterId, upTo];
      const [rows, hist, opts, prefs] = await Promise.all([
        database.query<{ id: number; birth_date: string; sex: string; status: string }>(
          `SELECT r.id, r.birth_date, r.sex, r.status FROM residents r
           WHERE r.id > $1 AND r.id <= $2 AND ${where(f, params)} ORDER BY r.id`,
          params,
        ),
        database.query<{
          resident_id: number;
          program: string;
          method: string | null;
          fiscal_year: number;
          result: string | null;
        }>(
          `SELECT resident_id, program, method, fiscal_year, result FROM screening_records
           WHERE resident_id > $1 AND resident_id <= $2 AND program = ANY($3::text[])
             AND (fiscal_year >= $4 OR program = ANY($5::text[])) AND fiscal_year <= $6`,
          [afterId, upTo, h.programs, h.sinceFiscalYear, h.oncePrograms, h.fiscalYear],
        ),
        database.query<{
          resident_id: number;
          program: string | null;
          reason: string;
          valid_from: string;
          valid_until: string | null;
        }>(
          `SELECT resident_id, program, reason, valid_from, valid_until FROM screening_opt_outs
           WHERE resident_id > $1 AND resident_id <= $2 AND valid_from <= $4
             AND (valid_until IS NULL OR valid_until >= $3)`,
          [afterId, upTo, `${h.fiscalYear}-04-01`, `${h.fiscalYear + 1}-03-31`],
        ),
        f.preference
          ? database.query<{ resident_id: number; programs: string[] }>(
              `SELECT resident_id, programs FROM screening_preferences
               WHERE resident_id > $1 AND resident_id <= $2 AND fiscal_year = $3`,
              [afterId, upTo, f.preference.fiscalYear],
            )
          : [],
      ]);
      const byId = new Map<number, Candidate>();
      const out = rows.map((r) => {
        const c: Candidate = {
          residentId: Number(r.id),
          birthDate: r.birth_date,
          sex: r.sex,
          status: r.status,
          history: none,
          optOuts: none,
        };
        byId.set(c.residentId, c);
        return c;
      });
      for (const r of hist) {
        const c = byId.get(Number(r.resident_id));
        if (!c) continue;
        if (c.history === none) c.history = [];
        c.history.push({ program: r.program, method: r.method, fiscalYear: r.fiscal_year, result: r.result });
      }
      for (const o of opts) {
        const c = byId.get(Number(o.resident_id));
        if (!c) continue;
        if (c.optOuts === none) c.optOuts = [];
        c.optOuts.push({
          program: o.program,
          reason: o.reason,
          validFrom: o.valid_from,
          validUntil: o.valid_until,
        });
      }
      for (const p of prefs) {
        const c = byId.get(Number(p.resident_id));
        if (c) c.wanted = p.programs;
      }
      return out;
    },

    /** One person's facts for a live judgement (resident page, why-not, add by hand, CLI). */
    async personFacts(residentId: number, fy: number) {
      const [r] = await database.query<{ id: number; birth_date: string; sex: string; status: string }>(
        'SELECT id, birth_date, sex, status FROM residents WHERE id = $1',
        [residentId],
      );
      if (!r) return null;
      const history = await database.query<HistoryEntry & { fiscalYear: number }>(
        `SELECT program, method, fiscal_year AS "fiscalYear", result FROM screening_records
         WHERE resident_id = $1 AND fiscal_year <= $2`,
        [residentId, fy],
      );
      const optOuts = await database.query<OptOut>(
        `SELECT program, reason, valid_from AS "validFrom", valid_until AS "validUntil"
         FROM screening_opt_outs WHERE resident_id = $1`,
        [residentId],
      );
      return { person: { birthDate: r.birth_date, sex: r.sex, status: r.status }, history, optOuts };
    },
  };
}

export type AdultHealthRepository = ReturnType<typeof adultHealthRepository>;
