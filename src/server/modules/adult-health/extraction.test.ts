import { describe, expect, it } from 'vitest';
import { nationalDefault } from '../programs/defaults.ts';
import type { ProgramCode } from '../programs/types.ts';
import { cachedAges, judgeAll, memoisedDecision, toEntry } from './extraction.ts';
import type { Candidate } from './repository.ts';

// The memoised bulk decision must equal the plain one (toEntry ∘ judgeAll over the rules of rules.ts) for
// every person: same ages, sex, status, 受診歴, 送付不要 and wishes → same decision, shared.
const fy = 2026;
const programs = (
  ['stomach', 'colorectal', 'lung', 'breast', 'cervical', 'periodontal'] as ProgramCode[]
).map(nationalDefault);

/** A deterministic pseudo-random city (no Math.random: failures must be reproducible). */
function city(n: number): Candidate[] {
  let seed = 7;
  const next = (m: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % m;
  };
  const methods = ['xray', 'endoscopy', 'fobt', null];
  const results = ['negative', 'needs_followup', 'hpv_positive_cytology_negative', null];
  return Array.from({ length: n }, (_, i) => {
    // births around 4/1–4/2 and 2/29 often, to cross 年度末年齢 boundaries
    const year = 1930 + next(80);
    const day = next(4) === 0 ? (next(2) ? '04-01' : '04-02') : `${String(1 + next(12)).padStart(2, '0')}-15`;
    const birthDate = next(50) === 0 ? '1984-02-29' : `${year}-${day}`;
    const history = Array.from({ length: next(3) }, () => ({
      program: programs[next(programs.length)]!.code,
      method: methods[next(methods.length)]!,
      fiscalYear: fy - next(4),
      result: results[next(results.length)]!,
    }));
    const optOuts =
      next(20) === 0
        ? [
            {
              program: next(2) ? null : 'stomach',
              reason: 'hospital',
              validFrom: '2026-01-01',
              validUntil: null,
            },
          ]
        : [];
    const c: Candidate = {
      residentId: i + 1,
      birthDate,
      sex: next(2) ? '1' : '2',
      status: next(30) === 0 ? 'moved_out' : 'resident',
      history,
      optOuts,
    };
    if (next(10) === 0) c.wanted = ['colorectal', 'breast'];
    return c;
  });
}

describe('memoisedDecision (bulk extraction path)', () => {
  const people = city(5000);

  it('decides every person exactly as toEntry(judgeAll(…)) does', () => {
    const decide = memoisedDecision(programs, fy, cachedAges(fy));
    for (const c of people) {
      const plain = toEntry(c.residentId, judgeAll(programs, c, fy, c.history, c.optOuts), c.wanted);
      expect(decide(c), `宛名 id ${c.residentId} (${c.birthDate})`).toEqual(plain);
    }
  });

  it('shares one decision between people with the same ages and facts', () => {
    const decide = memoisedDecision(programs, fy, cachedAges(fy));
    // born on different days of the same legal cohort (4/2–4/1): same 年度末年齢 for every program
    const a = decide({
      residentId: 1,
      birthDate: '1976-04-02',
      sex: '2',
      status: 'resident',
      history: [],
      optOuts: [],
    });
    const b = decide({
      residentId: 2,
      birthDate: '1977-04-01',
      sex: '2',
      status: 'resident',
      history: [],
      optOuts: [],
    });
    const c = decide({
      residentId: 3,
      birthDate: '1977-04-02',
      sex: '2',
      status: 'resident',
      history: [],
      optOuts: [],
    });
    expect(a?.residentId).toBe(1);
    expect(b?.residentId).toBe(2);
    expect(b?.details).toBe(a?.details);
    expect(b?.programs).toBe(a?.programs);
    // one day later is the next cohort: another decision
    expect(c?.age).toBe((a?.age ?? 0) - 1);
    expect(c?.details).not.toBe(a?.details);
  });
});
