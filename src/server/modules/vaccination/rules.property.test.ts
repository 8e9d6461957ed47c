// Property tests of the schedule engine (issue 6, "Tests and proof"): earliest ≥ legalFrom; statuses consistent with
// the windows; doses given when the engine says so never break an interval of §1.3/§1.4/§1.5; a completed series
// stays completed as `on` moves forward.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  earliestAfterMonths,
  fromEpochDay,
  toEpochDay,
} from '../../platform/calendar/index.ts';
import { type VaccineCode, vaccineCodes } from './master-types.ts';
import { scheduleFor } from './rules.ts';
import type { DoseSchedule, HistoryDose, VaccinationPerson } from './types.ts';

const childCodes = vaccineCodes.filter(
  (c) => !['FLU_ELD', 'PNEU_ELD', 'COVID', 'HZ', 'RSV_PREG'].includes(c),
);
const day = (lo: string, hi: string) =>
  fc.integer({ min: toEpochDay(lo), max: toEpochDay(hi) }).map(fromEpochDay);
const le = (a: string, b: string) => compareDates(a, b) <= 0;

const arbPerson = fc.record({
  birthDate: day('2010-01-01', '2026-12-31'),
  sex: fc.constantFrom<'M' | 'F' | undefined>('M', 'F', undefined),
});
const arbCase = arbPerson.chain((p) =>
  fc.record({
    person: fc.constant<VaccinationPerson>(
      p.sex ? { birthDate: p.birthDate, sex: p.sex } : { birthDate: p.birthDate },
    ),
    history: fc.array(
      fc.record({
        vaccine: fc.constantFrom<VaccineCode>(...childCodes),
        date: fc.integer({ min: 0, max: 4500 }).map((n) => addDays(p.birthDate, n)),
      }),
      { maxLength: 12 },
    ),
    on: fc.integer({ min: 0, max: 6000 }).map((n) => addDays(p.birthDate, n)),
  }),
);

function checkRow(r: DoseSchedule, on: string): void {
  if (r.earliest && r.legalFrom)
    expect(le(r.legalFrom, r.earliest), `${r.vaccine} ${r.dose} earliest ≥ legalFrom`).toBe(true);
  const inLegal = r.legalFrom !== null && le(r.legalFrom, on) && (r.legalTo === null || le(on, r.legalTo));
  switch (r.status) {
    case 'completed':
      expect(r.givenOn).not.toBeNull();
      break;
    case 'due':
      expect(inLegal && r.earliest !== null && le(r.earliest, on)).toBe(true);
      if (r.standardFrom) expect(le(r.standardFrom, on)).toBe(true);
      if (r.standardTo) expect(le(on, r.standardTo)).toBe(true);
      break;
    case 'overdue':
      expect(inLegal && r.earliest !== null && le(r.earliest, on)).toBe(true);
      expect(r.standardTo !== null && compareDates(on, r.standardTo) > 0).toBe(true);
      break;
    case 'upcoming':
      if (r.earliest && r.legalTo) expect(le(r.earliest, r.legalTo)).toBe(true);
      break;
    case 'expired':
      expect(r.earliest === null || (r.legalTo !== null && compareDates(on, r.legalTo) > 0)).toBe(true);
      break;
    case 'not_eligible':
      expect(r.reasons.length).toBeGreaterThan(0);
      break;
  }
}

describe('schedule engine properties', () => {
  it('earliest ≥ legalFrom and every status agrees with its windows', () => {
    fc.assert(
      fc.property(arbCase, ({ person, history, on }) => {
        for (const r of scheduleFor(person, history, on)) checkRow(r, on);
      }),
      { numRuns: 300 },
    );
  });

  /** Gives every due/overdue dose on the day the engine allows it (plus a random delay), for 14 years. */
  function simulate(person: VaccinationPerson, delays: number[]): { history: HistoryDose[]; end: string } {
    const history: HistoryDose[] = [];
    let t = person.birthDate;
    let i = 0;
    const end = addDays(person.birthDate, 14 * 365);
    while (compareDates(t, end) < 0) {
      const rows = scheduleFor(person, history, t).filter((r) => childCodes.includes(r.vaccine));
      for (const r of rows)
        if (r.status === 'due' || r.status === 'overdue') history.push({ vaccine: r.vaccine, date: t });
      const upcoming = rows
        .filter((r) => r.status === 'upcoming' && r.earliest && compareDates(r.earliest, t) > 0)
        .map((r) => r.earliest as string)
        .sort(compareDates)[0];
      const delay = delays[i++ % delays.length] ?? 0;
      t = addDays(
        upcoming && compareDates(upcoming, addDays(t, 120)) < 0 ? upcoming : addDays(t, 120),
        delay,
      );
    }
    return { history, end };
  }

  const gap = (h: HistoryDose[], v: VaccineCode) =>
    h
      .filter((x) => x.vaccine === v)
      .map((x) => x.date)
      .sort(compareDates);

  it('doses given as the engine allows never break an interval (§1.3, §1.4, §1.5)', () => {
    fc.assert(
      fc.property(
        arbPerson,
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }),
        (p, delays) => {
          const person = { birthDate: p.birthDate, ...(p.sex ? { sex: p.sex } : {}) };
          const { history } = simulate(person, delays);
          const atLeast = (a: string | undefined, b: string | undefined, min: (d: string) => string) => {
            if (a && b) expect(le(min(a), b), `${a} → ${b}`).toBe(true);
          };
          const dpt = gap(history, 'DPT_IPV_HIB');
          atLeast(dpt[0], dpt[1], (d) => addDays(d, 21)); // 20日以上
          atLeast(dpt[1], dpt[2], (d) => addDays(d, 21));
          atLeast(dpt[2], dpt[3], (d) => earliestAfterMonths(d, 6)); // 6月以上
          const hepb = gap(history, 'HEPB');
          atLeast(hepb[0], hepb[1], (d) => addDays(d, 28)); // 27日以上
          atLeast(hepb[0], hepb[2], (d) => addDays(d, 140)); // 139日以上
          const je = gap(history, 'JE1');
          atLeast(je[0], je[1], (d) => addDays(d, 7)); // 6日以上
          atLeast(je[1], je[2], (d) => earliestAfterMonths(d, 6));
          const varicella = gap(history, 'VAR');
          atLeast(varicella[0], varicella[1], (d) => earliestAfterMonths(d, 3));
          const pcv = gap(history, 'PCV');
          for (let k = 1; k < pcv.length; k++) atLeast(pcv[k - 1], pcv[k], (d) => addDays(d, 28)); // ≥27日 (≥60日 for 追加)
          expect(dpt.length).toBeLessThanOrEqual(4);
          expect(gap(history, 'BCG').length).toBeLessThanOrEqual(1);
          // 注射生 → 注射生 of another vaccine: same day or 27日以上 apart (§1.5)
          const live = history.filter((h) => ['BCG', 'MR1', 'MR2', 'VAR'].includes(h.vaccine));
          for (const a of live)
            for (const b of live)
              if (a.vaccine !== b.vaccine && compareDates(a.date, b.date) < 0)
                expect(le(addDays(a.date, 28), b.date)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a completed dose stays completed as `on` moves forward', () => {
    fc.assert(
      fc.property(arbPerson, fc.integer({ min: 1, max: 8000 }), (p, later) => {
        const person = { birthDate: p.birthDate, ...(p.sex ? { sex: p.sex } : {}) };
        const { history, end } = simulate(person, [0, 7]);
        const key = (r: DoseSchedule) => `${r.vaccine} ${r.dose}`;
        const done = scheduleFor(person, history, end).filter((r) => r.status === 'completed');
        const after = new Map(scheduleFor(person, history, addDays(end, later)).map((r) => [key(r), r]));
        for (const r of done)
          expect(after.get(key(r))).toMatchObject({ status: 'completed', givenOn: r.givenOn });
      }),
      { numRuns: 30 },
    );
  });
});
