/**
 * What the engine derives from a master once per master object (not per call): vaccines by code, group members,
 * the special rules of each vaccine, each vaccine's program start — and a check of every date in the master, so
 * that the engine can compare dates as plain strings (rules-dates.ts `cmp`). A master is treated as immutable:
 * a changed master (a new version, a municipal addition) is a new object.
 */
import { parseIsoDate } from '../../platform/calendar/index.ts';
import type {
  AgeWindow,
  SpecialRule,
  VaccineCode,
  VaccineDefinition,
  VaccineMaster,
} from './master-types.ts';

export interface PreparedMaster {
  byCode: Map<VaccineCode, VaccineDefinition>;
  /** Members of each group (5種混合 / 4種混合 / ヒブ; ロタ1価 / 5価), in master order. */
  groups: Map<string, VaccineDefinition[]>;
  /** The special rules naming each vaccine, in master order. */
  specials: Map<VaccineCode, SpecialRule[]>;
  /** The day the routine program began (see rules-windows.ts programStart). */
  starts: Map<VaccineDefinition, string | null>;
}

const prepared = new WeakMap<VaccineMaster, PreparedMaster>();

const checkDate = (d: string | null | undefined): void => {
  if (d) parseIsoDate(d);
};

function checkWindow(w: AgeWindow): void {
  if ('date' in w.from) parseIsoDate(w.from.date);
  if ('date' in w.to) parseIsoDate(w.to.date);
}

function checkDates(master: VaccineMaster): void {
  for (const v of master.vaccines) {
    for (const version of v.versions) {
      checkDate(version.validFrom);
      checkDate(version.validTo);
      checkDate(version.bornFrom);
      checkDate(version.bornTo);
      for (const w of version.legal) checkWindow(w);
    }
  }
  for (const s of master.specials) {
    checkDate(s.bornFrom);
    checkDate(s.bornTo);
    checkDate(s.validFrom);
    checkDate(s.validTo);
    checkDate(s.priorDoseBetween?.from);
    checkDate(s.priorDoseBetween?.to);
    for (const w of s.windows) checkWindow(w);
  }
}

function programStartOf(vaccine: VaccineDefinition): string | null {
  let first: string | null = null;
  for (const v of vaccine.versions) {
    if (v.validFrom === null) return null;
    if (first === null || v.validFrom < first) first = v.validFrom;
  }
  return first;
}

export function prepare(master: VaccineMaster): PreparedMaster {
  let p = prepared.get(master);
  if (p) return p;
  checkDates(master);
  p = { byCode: new Map(), groups: new Map(), specials: new Map(), starts: new Map() };
  for (const v of master.vaccines) {
    p.byCode.set(v.code, v);
    p.starts.set(v, programStartOf(v));
    p.specials.set(v.code, []);
    if (v.group) {
      const members = p.groups.get(v.group.id) ?? [];
      members.push(v);
      p.groups.set(v.group.id, members);
    }
  }
  for (const s of master.specials) for (const code of s.vaccines) p.specials.get(code)?.push(s);
  prepared.set(master, p);
  return p;
}
