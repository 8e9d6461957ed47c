// The optimised engine against a frozen snapshot (issue 6, performance): rules-snapshot.json holds, per judgement
// date, a SHA-256 prefix of scheduleFor's JSON for 200 synthetic children (demo-histories.ts, seed 7), recorded
// from the engine before its performance work. Any change in a row — status, date, reason text — changes a hash.
// A rule change that is meant to alter results must regenerate the file and say so in its commit.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DemoChild, demoChildren } from './demo-histories.ts';
import { scheduleFor } from './rules.ts';
import { vaccineMaster } from './vaccine-master.ts';

const frozen = JSON.parse(readFileSync(new URL('./rules-snapshot.json', import.meta.url), 'utf8')) as Record<
  string,
  string[]
>;

const digest = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

describe('scheduleFor matches the frozen snapshot of 200 synthetic children per date', () => {
  for (const [on, hashes] of Object.entries(frozen)) {
    it(`on ${on}`, () => {
      const children = demoChildren(hashes.length, on, 7);
      const differing = children
        .map((c, i) => ({ i, c, hash: digest(scheduleFor(c.person, c.history, on)) }))
        .filter((x) => x.hash !== hashes[x.i])
        .map((x) => `#${x.i} ${x.c.person.birthDate} ${x.c.person.sex}`);
      expect(differing).toEqual([]);
    });
  }
});

describe('dates are checked where they enter the engine (it compares them as strings inside)', () => {
  const person = { birthDate: '2025-01-15', sex: 'F' as const };

  it('rejects a history date that does not exist', () => {
    expect(() => scheduleFor(person, [{ vaccine: 'BCG', date: '2025-02-30' }], '2026-01-01')).toThrow(
      RangeError,
    );
  });

  it('rejects a master with a date that does not exist', () => {
    const broken = {
      ...vaccineMaster,
      specials: [{ ...vaccineMaster.specials[0]!, validTo: '2027-13-01' }],
    };
    expect(() => scheduleFor(person, [], '2026-01-01', broken)).toThrow(RangeError);
  });

  it('gives the same rows whatever was scheduled before (caches per birth date and date)', () => {
    const on = '2026-11-24';
    const [a, b] = demoChildren(2, on, 99) as [DemoChild, DemoChild];
    const first = JSON.stringify(scheduleFor(a.person, a.history, on));
    scheduleFor(b.person, b.history, on);
    scheduleFor({ ...a.person, specials: { pregnancy: { dueDate: '2026-12-01' } } }, a.history, on);
    expect(JSON.stringify(scheduleFor({ ...a.person }, [...a.history], on))).toBe(first);
  });
});
