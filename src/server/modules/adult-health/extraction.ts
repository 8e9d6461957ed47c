/**
 * 検診対象者抽出 (F02-01 steps 1 and 8, F02-02 step 1): the adult-health side of the extraction engine —
 * which residents to look at (a birth-date superset of the programs' cohorts) and the per-person decision by
 * the pure rules of rules.ts over several programs combined.
 */
import { fiscalYearEndAgeCohort } from '../../platform/calendar/index.ts';
import type { EntryDraft, ExtractionSource } from '../../platform/extraction/engine.ts';
import { entryFromShared } from '../../platform/extraction/shared-decision.ts';
import type { ProgramSettings } from '../programs/types.ts';
import type { AdultHealthRepository, Candidate, CandidateFilter } from './repository.ts';
import {
  type Eligibility,
  evaluateProgram,
  type HistoryEntry,
  type Judgement,
  type OptOut,
  type PersonFacts,
  programAge,
  withLabels,
} from './rules.ts';

/**
 * What an entry keeps per program, compact so that a million-person list stays small: reasons and methods only
 * when there are any, the age only when it differs from the entry's (another 年齢基準日).
 */
export type EntryDetail = { eligible: boolean; reasons?: string[]; methods?: string[]; age?: number | null };

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
  const prefixes = new Map<ProgramSettings, string>();
  return (p, birth) => {
    let prefix = prefixes.get(p);
    if (prefix === undefined) {
      prefix = `${p.referenceDate.month}/${p.referenceDate.day}/${p.referenceDate.yearOffset}/${p.cohort}/`;
      prefixes.set(p, prefix);
    }
    const key = prefix + birth;
    let age = cache.get(key);
    if (age === undefined) {
      age = programAge(p, birth, fy);
      cache.set(key, age);
    }
    return age;
  };
}

/** Judges one person for several programs (bulk path: no labels). */
export function judgeAll(
  programs: ProgramSettings[],
  person: PersonFacts,
  fy: number,
  history: HistoryEntry[],
  optOuts: OptOut[],
  ageOf: AgeOf = cachedAges(fy),
): Judgement[] {
  const out: Judgement[] = [];
  for (const p of programs)
    out.push(evaluateProgram(p, person, fy, history, optOuts, ageOf(p, person.birthDate)));
  return out;
}

/** Judges one person for several programs, with the reasons' labels (screens, CLI). */
export function judge(
  programs: ProgramSettings[],
  person: PersonFacts,
  fy: number,
  history: HistoryEntry[],
  optOuts: OptOut[],
): Eligibility[] {
  return judgeAll(programs, person, fy, history, optOuts).map(withLabels);
}

/**
 * The list entry of one person: included when eligible for at least one program; an excluded entry (with
 * 送付不要 as the reason) when 送付不要 is the only thing that stopped them; otherwise not on the list.
 * `wanted` (preference lists) limits the programs to those the person asked for.
 */
export function toEntry(residentId: number, results: Judgement[], wanted?: string[]): EntryDraft | null {
  const eligible: string[] = [];
  const coupons: string[] = [];
  const optedOut: Judgement[] = [];
  for (const r of results) {
    if (wanted && !wanted.includes(r.program)) continue;
    if (r.eligible) {
      eligible.push(r.program);
      if (r.coupon) coupons.push(r.program);
    } else if (r.reasons.includes('opt_out') && onlyOptOut(r.reasons)) optedOut.push(r);
  }
  if (eligible.length === 0 && optedOut.length === 0) return null;
  let age = 0;
  for (const r of results)
    if (r.ageAtFiscalYearEnd !== null) {
      age = r.ageAtFiscalYearEnd;
      break;
    }
  const details: Record<string, EntryDetail> = {};
  for (const r of results) {
    const d: EntryDetail = { eligible: r.eligible };
    if (r.reasons.length) d.reasons = r.reasons;
    if (r.methods.length) d.methods = r.methods;
    if (r.ageAtFiscalYearEnd !== age) d.age = r.ageAtFiscalYearEnd;
    details[r.program] = d;
  }
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
  return { residentId, programs: eligible, coupons, details, age, included: true, exclusionReason: null };
}

/** 送付不要 is the only blocking reason (coupon etc. may come with it). */
function onlyOptOut(reasons: string[]): boolean {
  for (const c of reasons) if (c !== 'opt_out' && c !== 'coupon' && c !== 'hpv_follow_up') return false;
  return true;
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
  const decide = memoisedDecision(programs, fy, ageOf);
  return {
    count: () => repo.countCandidates(filter),
    lastId: () => repo.lastResidentId(),
    batch: (afterId, upTo) => repo.candidates(filter, afterId, upTo, history),
    evaluate: (c) => decide(c),
  };
}

/**
 * The decision of toEntry(judgeAll(…)), memoised. The rules read a person's birth date only through each
 * program's 年度末年齢, so people with the same ages, sex, status, 受診歴, 送付不要 and wishes get the same
 * decision: a million-person city has a few tens of thousands of such combinations. The shared decision
 * (its arrays and details object) is handed out to all of them — the engine writes a shared one once.
 * (No closures in the per-person path: esbuild's name-keeping wrapper makes them costly here.)
 */
export function memoisedDecision(programs: ProgramSettings[], fy: number, ageOf: AgeOf) {
  const decisions = new Map<string, Omit<EntryDraft, 'residentId'> | null>();
  const ageKeys = new Map<string, string>();
  return (c: Candidate): EntryDraft | null => {
    let ages = ageKeys.get(c.birthDate);
    if (ages === undefined) {
      ages = '';
      for (const p of programs) ages += `${ageOf(p, c.birthDate)},`;
      ageKeys.set(c.birthDate, ages);
    }
    let key = `${ages}${c.sex}${c.status}`;
    for (const h of c.history) key += `|${h.program}:${h.fiscalYear}:${h.method ?? ''}:${h.result ?? ''}`;
    for (const o of c.optOuts) key += `|${o.program ?? ''}:${o.reason}:${o.validFrom}:${o.validUntil ?? ''}`;
    if (c.wanted) key += `|${c.wanted.join()}`;
    let shared = decisions.get(key);
    if (shared === undefined) {
      shared = toEntry(c.residentId, judgeAll(programs, c, fy, c.history, c.optOuts, ageOf), c.wanted);
      decisions.set(key, shared);
    }
    if (shared === null) return null;
    return entryFromShared(c.residentId, shared);
  };
}
