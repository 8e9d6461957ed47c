import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { naiveAge } from '../../../platform/calendar/index.ts';
import { statusAfterEvent } from '../history.ts';
import { isValidMyNumber } from '../my-number.ts';
import { type DemoPerson, generateCity, generateHouseholds, INITIAL_LOAD_DATE } from './generator.ts';
import { surnames, variantSurnames } from './names.ts';
import { permute10 } from './random.ts';

const asOf = '2026-04-01';
const city: DemoPerson[] = [...generateCity({ residents: 20_000, seed: 42, asOf })];
const share = (pred: (p: DemoPerson) => boolean, of: DemoPerson[] = city) =>
  of.filter(pred).length / of.length;
const surnameOf = (name: string) => name.split('\u3000')[0]!;

function digest(people: Iterable<DemoPerson>): string {
  const h = createHash('sha256');
  for (const p of people) h.update(JSON.stringify(p));
  return h.digest('hex');
}

describe('generateCity', () => {
  it('is deterministic: same seed → identical output, other seed → another city', () => {
    const a = digest(generateCity({ residents: 3000, seed: 7 }));
    expect(digest(generateCity({ residents: 3000, seed: 7 }))).toBe(a);
    expect(digest(generateCity({ residents: 3000, seed: 8 }))).not.toBe(a);
  });

  it('yields exactly the requested number of people, lazily', () => {
    expect([...generateCity({ residents: 1234, seed: 3 })]).toHaveLength(1234);
    const it = generateCity({ residents: 1_000_000_000, seed: 3 });
    for (let i = 0; i < 100; i++) expect(it.next().done).toBe(false);
  });

  it('rejects impossible options', () => {
    expect(() => generateCity({ residents: -1 }).next()).toThrow(RangeError);
    expect(() => generateCity({ residents: 10, asOf: '2009-01-01' }).next()).toThrow(RangeError);
    expect(() => generateCity({ residents: 10, asOf: '2026-02-30' }).next()).toThrow(RangeError);
    expect([...generateCity({ residents: 0 })]).toEqual([]);
  });

  it('gives unique zero-padded 10-digit 宛名番号 and valid 個人番号 for ~30%', () => {
    const atena = new Set(city.map((p) => p.state.atenaNo));
    expect(atena.size).toBe(city.length);
    for (const a of atena) expect(a).toMatch(/^\d{10}$/);
    const numbers = city.flatMap((p) => (p.myNumber ? [p.myNumber] : []));
    expect(numbers.every(isValidMyNumber)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length / city.length).toBeGreaterThan(0.27);
    expect(numbers.length / city.length).toBeLessThan(0.33);
  });

  it('keeps the 10-digit permutation a bijection', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(permute10(i, 12345));
    expect(seen.size).toBe(100_000);
    expect(Math.max(...seen)).toBeLessThan(1e10);
  });

  it('writes names as 姓　名 with full-width katakana readings', () => {
    for (const p of city) {
      expect(p.state.name).toMatch(/^\S+\u3000\S+$/u);
      expect(p.state.nameKana).toMatch(/^[ァ-ヶー]+\u3000[ァ-ヶー]+$/u);
    }
    expect(surnames.length + variantSurnames.length).toBeGreaterThanOrEqual(290);
    expect(city.some((p) => /[髙﨑齋邉𠮷]/u.test(p.state.name))).toBe(true);
  });

  it('has a history ending in the current state, in order, never after the as-of day', () => {
    for (const p of city) {
      expect(p.events.length).toBeGreaterThan(0);
      expect(p.events.at(-1)!.state).toBe(p.state);
      let previous = '';
      for (const e of p.events) {
        expect(e.eventDate >= previous).toBe(true);
        expect(e.eventDate <= asOf).toBe(true);
        expect(e.eventDate >= p.state.birthDate).toBe(true);
        const implied = statusAfterEvent(e.eventCode);
        if (implied) expect(e.state.status).toBe(implied);
        previous = e.eventDate;
      }
      const s = p.state;
      expect(s.residentUntil !== null).toBe(['moved_out', 'deceased', 'erased'].includes(s.status));
      if (s.residentSince) expect(s.residentSince <= p.events[0]!.eventDate).toBe(true);
      if (p.events[0]!.eventCode === 'full') expect(p.events[0]!.eventDate).toBe(INITIAL_LOAD_DATE);
    }
  });

  it('builds households at one address, mostly with one surname, sex matching 続柄', () => {
    let members = 0;
    let sameSurname = 0;
    for (const household of generateHouseholds({ residents: 20_000, seed: 42, asOf })) {
      if (household[0]!.source === 'manual') continue;
      expect(household[0]!.state.relationship).toBe('世帯主');
      expect(new Set(household.map((p) => p.state.householdNo)).size).toBe(1);
      const living = household.filter((p) => p.state.status === 'resident');
      expect(
        new Set(living.map((p) => `${p.state.address}|${p.state.addressExtra}`)).size,
      ).toBeLessThanOrEqual(1);
      expect(new Set(living.map((p) => p.state.phone)).size).toBeLessThanOrEqual(1);
      const head = surnameOf(household[0]!.state.name);
      for (const p of household.slice(1)) {
        members++;
        if (surnameOf(p.state.name) === head) sameSurname++;
        const rel = p.state.relationship;
        if (['妻', '母', '子の妻'].includes(rel)) expect(p.state.sex).toBe('2');
        if (['夫', '父'].includes(rel)) expect(p.state.sex).toBe('1');
      }
    }
    expect(sameSurname / members).toBeGreaterThan(0.97);
  });

  it('follows a Japanese 2025-like age pyramid', () => {
    const living = city.filter((p) => p.state.status === 'resident');
    const ages = living.map((p) => naiveAge(p.state.birthDate, asOf));
    const part = (lo: number, hi: number) => ages.filter((a) => a >= lo && a <= hi).length / ages.length;
    expect(part(65, 200)).toBeGreaterThan(0.25);
    expect(part(65, 200)).toBeLessThan(0.33);
    expect(part(0, 14)).toBeGreaterThan(0.08);
    expect(part(0, 14)).toBeLessThan(0.14);
    expect(part(50, 74)).toBeGreaterThan(part(25, 49));
    expect(Math.max(...ages)).toBeLessThanOrEqual(106);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(98);
  });

  it('has the expected mix of 異動 and statuses', () => {
    const has = (code: string) => (p: DemoPerson) => p.events.some((e) => e.eventCode === code);
    expect(share((p) => p.state.status === 'moved_out')).toBeGreaterThan(0.02);
    expect(share((p) => p.state.status === 'moved_out')).toBeLessThan(0.045);
    expect(share((p) => p.state.status === 'deceased')).toBeGreaterThan(0.012);
    expect(share((p) => p.state.status === 'deceased')).toBeLessThan(0.03);
    expect(share(has('address_change'))).toBeGreaterThan(0.01);
    expect(share(has('name_change'))).toBeGreaterThan(0.005);
    expect(share(has('erasure'))).toBeGreaterThan(0.0005);
    expect(share(has('birth'))).toBeGreaterThan(0.05);
    expect(share(has('move_in'))).toBeGreaterThan(0.1);
    expect(share((p) => p.state.supportMeasure)).toBeGreaterThan(0.001);
    expect(share((p) => p.state.supportMeasure)).toBeLessThan(0.006);
    expect(share((p) => p.state.phone !== '')).toBeGreaterThan(0.5);
    expect(share((p) => p.state.addressExtra !== '')).toBeGreaterThan(0.18);
    const dead = city.filter((p) => p.state.status === 'deceased');
    const avgAge =
      dead.reduce((a, p) => a + naiveAge(p.state.birthDate, p.state.residentUntil!), 0) / dead.length;
    expect(avgAge).toBeGreaterThan(65);
  });

  it('changes the surname of married women on 氏名変更', () => {
    const changed = city.filter((p) => p.events.some((e) => e.eventCode === 'name_change'));
    expect(changed.length).toBeGreaterThan(0);
    for (const p of changed) {
      const i = p.events.findIndex((e) => e.eventCode === 'name_change');
      expect(p.state.sex).toBe('2');
      expect(surnameOf(p.events[i - 1]!.state.name)).not.toBe(surnameOf(p.events[i]!.state.name));
      const age = naiveAge(p.state.birthDate, p.events[i]!.eventDate);
      expect(age).toBeGreaterThanOrEqual(19);
      expect(age).toBeLessThanOrEqual(41);
    }
  });

  it('registers ~1% 住登外者 by hand, living outside the city', () => {
    const outsiders = city.filter((p) => p.source === 'manual');
    expect(outsiders.length / city.length).toBeGreaterThan(0.006);
    expect(outsiders.length / city.length).toBeLessThan(0.015);
    for (const p of outsiders) {
      expect(p.state.status).toBe('non_registered');
      expect(p.events.map((e) => e.eventCode)).toEqual(['register']);
      expect(p.state.householdNo).toBeNull();
      expect(p.state.address.startsWith('すこやか県すこやか市')).toBe(false);
    }
    expect(city.filter((p) => p.source === 'juki').every((p) => p.state.status !== 'non_registered')).toBe(
      true,
    );
  });
});
