/**
 * 予防接種の対象者抽出 over the platform extraction engine: which residents to look at (a birth-date superset of
 * the vaccines' periods, list-rules.ts birthRange) and the decision per person by the schedule engine on the
 * list's 基準日 (list-rules.ts decideDose / reminderDoses), memoised by (birth date, sex, history signature).
 */
import { naiveAge } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { EntryDraft, ExtractionSource } from '../../platform/extraction/engine.ts';
import { entryFromShared } from '../../platform/extraction/shared-decision.ts';
import {
  parseHistory,
  vaccinationExtractionRepository as repo,
  type VaccinationCandidate,
  type VaccinationCandidateFilter,
} from './extraction-repository.ts';
import {
  birthRange,
  decideDose,
  type ListSettings,
  type ReminderDose,
  relevantCodes,
  reminderDoses,
} from './list-rules.ts';
import type { VaccineMaster } from './master-types.ts';
import { prepare } from './prepare.ts';
import { sexOf } from './records.ts';
import { scheduleFor, scheduleVaccine } from './rules.ts';
import { masterOf } from './settings.ts';
import { specialsFor } from './specials.ts';
import type { VaccinationPerson } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

/** Details of a reminder entry: the doses to remind. */
export type ReminderDetail = { doses: ReminderDose[] };

/** The candidate filter of a list (birth range of the vaccines, narrowed by the list's own range). */
export function candidateFilter(s: ListSettings, master: VaccineMaster): VaccinationCandidateFilter {
  const codes = s.kind === 'vaccination.dose' ? [s.vaccine] : s.vaccines;
  const until = s.kind === 'vaccination.dose' && s.startsBy && s.startsBy > s.on ? s.startsBy : s.on;
  const range = birthRange(codes, s.on, until, master);
  const bornFrom =
    s.bornFrom && (range.bornFrom === null || s.bornFrom > range.bornFrom) ? s.bornFrom : range.bornFrom;
  const bornTo = s.bornTo && s.bornTo < range.bornTo ? s.bornTo : range.bornTo;
  return {
    bornFrom,
    bornTo,
    codes: s.kind === 'vaccination.dose' ? relevantCodes(s.vaccine, master) : null,
  };
}

type Shared = Omit<EntryDraft, 'residentId'> | null;

/** The decision for one person without memo (also the reference the memoised path is tested against). */
export function decide(
  s: ListSettings,
  person: VaccinationPerson,
  history: ReturnType<typeof parseHistory>,
  master: VaccineMaster = vaccineMaster,
): Shared {
  const age = naiveAge(person.birthDate, s.on);
  if (s.kind === 'vaccination.dose') {
    const v = prepare(master).byCode.get(s.vaccine);
    if (!v) return null;
    const d = decideDose(scheduleVaccine(v, person, history, s.on, master), s);
    if (!d) return null;
    return {
      programs: [s.vaccine],
      coupons: [],
      details: d.detail,
      age,
      included: d.included,
      exclusionReason: d.exclusion ? `auto:${d.exclusion}` : null,
    };
  }
  const doses = reminderDoses(scheduleFor(person, history, s.on, master), s);
  if (doses.length === 0) return null;
  const programs: string[] = [];
  for (const x of doses) if (!programs.includes(x.vaccine)) programs.push(x.vaccine);
  const details: ReminderDetail = { doses };
  return { programs, coupons: [], details, age, included: true, exclusionReason: null };
}

/** Bound of the memo (distinct birth date × sex × history); beyond it the memo starts again. */
const MEMO_LIMIT = 20_000;

/**
 * The decision of {@link decide}, memoised: people with the same birth date, sex and (relevant) history get the
 * same shared decision object — the extraction engine then writes a shared one once. People born before the
 * 基準日 only (a person born after it cannot be judged on it).
 */
export function memoisedDecision(s: ListSettings, master: VaccineMaster = vaccineMaster) {
  let memo = new Map<string, Shared>();
  return (c: VaccinationCandidate): EntryDraft | null => {
    if (c.birthDate > s.on) return null;
    let key = c.birthDate + c.sex + c.history;
    if (c.specials) key += `\u001d${JSON.stringify(c.specials)}`;
    let shared = memo.get(key);
    if (shared === undefined) {
      const sex = sexOf(c.sex);
      const person: VaccinationPerson = sex ? { birthDate: c.birthDate, sex } : { birthDate: c.birthDate };
      if (c.specials) person.specials = c.specials;
      shared = decide(s, person, parseHistory(c.history), master);
      if (memo.size >= MEMO_LIMIT) memo = new Map();
      memo.set(key, shared);
    }
    if (shared === null) return null;
    return entryFromShared(c.residentId, shared);
  };
}

/** Adds the current 特例・除外 of the few people who have any (one query per batch). */
async function withSpecials(
  database: Database,
  read: Promise<VaccinationCandidate[]>,
): Promise<VaccinationCandidate[]> {
  const batch = await read;
  if (batch.length === 0) return batch;
  const specials = await specialsFor(
    database,
    batch.map((c) => c.residentId),
  );
  if (specials.size > 0)
    for (const c of batch) {
      const s = specials.get(c.residentId);
      if (s) c.specials = s;
    }
  return batch;
}

/** The extraction engine's source for one list. */
export function vaccinationSource(
  database: Database,
  s: ListSettings,
  master: VaccineMaster = vaccineMaster,
): ExtractionSource<VaccinationCandidate> {
  const filter = candidateFilter(s, master);
  const evaluate = memoisedDecision(s, master);
  return {
    count: () => repo.count(database, filter),
    lastId: () => repo.lastResidentId(database),
    batch: (afterId, upTo) => withSpecials(database, repo.candidates(database, filter, afterId, upTo)),
    evaluate,
  };
}

/**
 * Loads every candidate of a list's settings and judges them, without writing a list (benchmarks, checks):
 * returns how many were read, included and shown as excluded.
 */
export async function loadAndJudge(
  database: Database,
  s: ListSettings,
  opts: { rangeSize?: number; master?: VaccineMaster } = {},
): Promise<{ candidates: number; included: number; excluded: number }> {
  const source = vaccinationSource(database, s, opts.master ?? (await masterOf(database)));
  const last = await source.lastId();
  const size = opts.rangeSize ?? 20_000;
  let candidates = 0;
  let included = 0;
  let excluded = 0;
  let next = last > 0 ? source.batch(0, Math.min(size, last)) : null;
  for (let after = 0; next; after += size) {
    const batch = await next;
    const upTo = after + size;
    next = upTo < last ? source.batch(upTo, Math.min(upTo + size, last)) : null;
    candidates += batch.length;
    for (const c of batch) {
      const e = source.evaluate(c);
      if (e?.included) included++;
      else if (e) excluded++;
    }
  }
  return { candidates, included, excluded };
}
