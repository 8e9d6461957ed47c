/**
 * 検診対象者抽出 (F02-01 steps 1 and 8, F02-02 step 1): the adult-health side of the extraction engine —
 * which residents to look at (a birth-date superset of the programs' cohorts) and the per-person decision by
 * the pure rules of rules.ts over several programs combined.
 */
import { fiscalYearEndAgeCohort } from '../../platform/calendar/index.ts';
import type { EntryDraft, ExtractionSource } from '../../platform/extraction/engine.ts';
import type { ProgramSettings } from '../programs/types.ts';
import type { AdultHealthRepository, Candidate, CandidateFilter } from './repository.ts';
import {
  type Eligibility,
  evaluateProgram,
  type HistoryEntry,
  type OptOut,
  type PersonFacts,
  programAge,
} from './rules.ts';

/** What an entry keeps per program (compact: 1M-person lists stay small). */
export type EntryDetail = { eligible: boolean; reasons: string[]; methods: string[]; age: number | null };

/** The widest birth-date range and the sex that can match any of the programs (SQL pre-filter). */
export function candidateFilter(
  programs: ProgramSettings[],
  fy: number,
): Omit<CandidateFilter, 'preference'> {
  let bornFrom: string | null = null;
  let unbounded = false;
  let bornTo = '0000-01-01';
  for (const p of programs) {
    const opts = { referenceDate: p.referenceDate, cohort: p.cohort };
    const youngest = fiscalYearEndAgeCohort(fy, Math.max(0, p.ageMin - 1), opts).bornTo;
    if (youngest > bornTo) bornTo = youngest;
    if (p.ageMax === null) unbounded = true;
    else {
      const oldest = fiscalYearEndAgeCohort(fy, p.ageMax + 1, opts).bornFrom;
      if (bornFrom === null || oldest < bornFrom) bornFrom = oldest;
    }
  }
  const sexes = new Set(programs.map((p) => p.sex));
  const sex = sexes.size === 1 && !sexes.has('any') ? (sexes.has('female') ? '2' : '1') : null;
  return { bornFrom: unbounded ? null : bornFrom, bornTo, sex };
}

type AgeOf = (p: ProgramSettings, birthDate: string) => number | null;

/**
 * 年度末年齢 with a cache per (年齢基準日, cohort rule, birth date): a city has ~36,000 distinct birth dates, so
 * an extraction over a million people computes each age once.
 */
export function cachedAges(fy: number): AgeOf {
  const cache = new Map<string, number | null>();
  return (p, birth) => {
    const key = `${p.referenceDate.month}/${p.referenceDate.day}/${p.referenceDate.yearOffset}/${p.cohort}/${birth}`;
    let age = cache.get(key);
    if (age === undefined) {
      age = programAge(p, birth, fy);
      cache.set(key, age);
    }
    return age;
  };
}

/** Judges one person for several programs. */
export function judge(
  programs: ProgramSettings[],
  person: PersonFacts,
  fy: number,
  history: HistoryEntry[],
  optOuts: OptOut[],
  ageOf: AgeOf = cachedAges(fy),
): Eligibility[] {
  return programs.map((p) => evaluateProgram(p, person, fy, history, optOuts, ageOf(p, person.birthDate)));
}

/**
 * The list entry of one person: included when eligible for at least one program; an excluded entry (with
 * 送付不要 as the reason) when 送付不要 is the only thing that stopped them; otherwise not on the list.
 * `wanted` (preference lists) limits the programs to those the person asked for.
 */
export function toEntry(residentId: number, results: Eligibility[], wanted?: string[]): EntryDraft | null {
  const considered = wanted ? results.filter((r) => wanted.includes(r.program)) : results;
  const eligible = considered.filter((r) => r.eligible);
  const optedOut = considered.filter(
    (r) => !r.eligible && r.reasons.length > 0 && r.reasons.every((c) => c === 'opt_out' || c === 'coupon'),
  );
  if (eligible.length === 0 && optedOut.length === 0) return null;
  const details: Record<string, EntryDetail> = {};
  for (const r of results)
    details[r.program] = {
      eligible: r.eligible,
      reasons: r.reasons,
      methods: r.methods,
      age: r.ageAtFiscalYearEnd,
    };
  const age = results.find((r) => r.ageAtFiscalYearEnd !== null)?.ageAtFiscalYearEnd ?? 0;
  if (eligible.length === 0) {
    return {
      residentId,
      programs: optedOut.map((r) => r.program),
      coupons: [],
      details,
      age,
      included: false,
      exclusionReason: `opt_out:${optedOut[0]!.optOut ?? 'other'}`,
    };
  }
  return {
    residentId,
    programs: eligible.map((r) => r.program),
    coupons: eligible.filter((r) => r.coupon).map((r) => r.program),
    details,
    age,
    included: true,
    exclusionReason: null,
  };
}

/** The engine's source for one list: candidates from the register, decisions by the rules. */
export function adultHealthSource(
  repo: AdultHealthRepository,
  programs: ProgramSettings[],
  fy: number,
  preference?: { sessionId: number | null },
): ExtractionSource<Candidate> {
  const filter: CandidateFilter = {
    ...candidateFilter(programs, fy),
    ...(preference ? { preference: { fiscalYear: fy, sessionId: preference.sessionId } } : {}),
  };
  const longest = Math.max(
    1,
    ...programs
      .flatMap((p) => [p.interval, ...p.methods.map((m) => m.interval)])
      .map((i) => (i?.kind === 'interval' ? i.years : 1)),
  );
  const history = {
    programs: programs.map((p) => p.code),
    fiscalYear: fy,
    sinceFiscalYear: fy - longest,
    oncePrograms: programs.filter((p) => p.interval.kind === 'once').map((p) => p.code),
  };
  const ageOf = cachedAges(fy);
  return {
    count: () => repo.countCandidates(filter),
    batch: (afterId, limit) => repo.candidates(filter, afterId, limit, history),
    evaluate: (c) => toEntry(c.residentId, judge(programs, c, fy, c.history, c.optOuts, ageOf), c.wanted),
  };
}
