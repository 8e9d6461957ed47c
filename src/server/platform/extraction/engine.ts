/**
 * 対象者抽出 engine: walks the register in 宛名 id order in batches, lets the module decide per person (pure
 * rules), and writes the decisions into a snapshot list (target_lists / target_list_entries).
 *
 * Resumable: candidates come in 宛名 id order and each batch is written by one COPY (whole or not at all), so a
 * re-run starts after the highest resident already on the list and a crashed job that the runner queues again
 * continues where it stopped, without duplicates. platform/ knows no business: the module supplies the
 * candidates and the decision through {@link ExtractionSource}.
 */

import type { Database } from '../db/connect.ts';
import { copyArray, copyValue } from '../db/copy-text.ts';
import type { JobContext } from '../jobs/runner.ts';

/** One person's row on a list (what the module decided). */
export type EntryDraft = {
  residentId: number;
  /** eligible programs (vaccines, checkups…) */
  programs: string[];
  coupons: string[];
  /** per program details (eligible, reasons, methods, age…), shown on screens and in CSV */
  details: unknown;
  age: number;
  included: boolean;
  exclusionReason: string | null;
};

export type ExtractionSource<C extends { residentId: number }> = {
  /** how many candidates there are (progress bar total) */
  count(): Promise<number>;
  /** the highest 宛名 id there is: the walk ends there */
  lastId(): Promise<number>;
  /**
   * the candidates with afterId < residentId <= upTo, ascending. Batches are id ranges (not "the next N"),
   * so several can be read at once while earlier ones are judged.
   */
  batch(afterId: number, upTo: number): Promise<C[]>;
  /** the decision: an entry, or null = not on the list */
  evaluate(candidate: C): EntryDraft | null;
};

export type ListCounts = {
  total: number;
  included: number;
  excluded: number;
  byProgram: Record<string, number>;
};

const copyColumns = '(list_id, resident_id, programs, coupons, details_id, age, included, exclusion_reason)';

/**
 * Details interned per list (target_list_details): the same object (the module shares it between people with
 * the same decision) or the same JSON gets the same number. A resumed run starts numbering after the list's
 * highest number, so a few details may be stored twice — harmless, entries only point at them.
 */
function detailsInterner(nextId: number) {
  const byObject = new WeakMap<object, number>();
  const byJson = new Map<string, number>();
  return (details: unknown, fresh: { id: number; json: string }[]): number => {
    const isObject = typeof details === 'object' && details !== null;
    if (isObject) {
      const known = byObject.get(details);
      if (known !== undefined) return known;
    }
    const json = JSON.stringify(details ?? null);
    let id = byJson.get(json);
    if (id === undefined) {
      id = nextId++;
      byJson.set(json, id);
      fresh.push({ id, json });
    }
    if (isObject) byObject.set(details, id);
    return id;
  };
}

/**
 * The COPY text after the resident id, cached for drafts that share their parts (a module that memoises its
 * decisions hands out the same arrays and details object): one lookup instead of formatting each field.
 */
function lineFormatter(intern: ReturnType<typeof detailsInterner>) {
  type Cached = { draft: EntryDraft; text: string };
  const byDetails = new WeakMap<object, Cached>();
  const format = (e: EntryDraft, fresh: { id: number; json: string }[]) =>
    `${copyArray(e.programs)}\t${copyArray(e.coupons)}\t${intern(e.details, fresh)}\t${e.age}\t${e.included ? 't' : 'f'}\t${e.exclusionReason === null ? '\\N' : copyValue(e.exclusionReason)}\n`;
  return (e: EntryDraft, fresh: { id: number; json: string }[]): string => {
    if (typeof e.details !== 'object' || e.details === null) return format(e, fresh);
    const c = byDetails.get(e.details);
    if (
      c &&
      c.draft.programs === e.programs &&
      c.draft.coupons === e.coupons &&
      c.draft.age === e.age &&
      c.draft.included === e.included &&
      c.draft.exclusionReason === e.exclusionReason
    )
      return c.text;
    const text = format(e, fresh);
    byDetails.set(e.details, { draft: e, text });
    return text;
  };
}

export function extractionEngine(database: Database) {
  async function counts(listId: number): Promise<ListCounts> {
    const [t] = await database.query<{ total: number; included: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE included)::int AS included
       FROM target_list_entries WHERE list_id = $1`,
      [listId],
    );
    const progs = await database.query<{ program: string; n: number }>(
      `SELECT p AS program, count(*)::int AS n FROM target_list_entries, unnest(programs) AS p
       WHERE list_id = $1 AND included GROUP BY p`,
      [listId],
    );
    const total = t?.total ?? 0;
    const included = t?.included ?? 0;
    return {
      total,
      included,
      excluded: total - included,
      byProgram: Object.fromEntries(progs.map((r) => [r.program, r.n])),
    };
  }

  /** A writer for one list: interns details, then writes each batch of entries with a single COPY. */
  async function writer(listId: number) {
    const [max] = await database.query<{ n: number | null }>(
      'SELECT max(id) AS n FROM target_list_details WHERE list_id = $1',
      [listId],
    );
    const line = lineFormatter(detailsInterner((max?.n ?? 0) + 1));
    /**
     * New details first, then the entries in one COPY (one statement, so a batch is written whole or not at all
     * — which is what makes resuming after the last written resident safe).
     */
    return async (entries: EntryDraft[]): Promise<void> => {
      if (entries.length === 0) return;
      const fresh: { id: number; json: string }[] = [];
      let lines = '';
      for (const e of entries) lines += `${listId}\t${e.residentId}\t${line(e, fresh)}`;
      if (fresh.length > 0)
        await database.query(
          `INSERT INTO target_list_details (list_id, id, details)
           SELECT $1, id, details::jsonb FROM unnest($2::int[], $3::text[]) AS d(id, details)`,
          [listId, fresh.map((f) => f.id), fresh.map((f) => f.json)],
        );
      await database.copyFrom(`COPY target_list_entries ${copyColumns} FROM STDIN`, [lines]);
    };
  }

  return {
    /** Counts by inclusion and by program (included entries only). */
    counts,

    /**
     * Runs (or resumes) the extraction of `listId` over 宛名 id ranges of `rangeSize`, progress after each,
     * cancel honoured between batches (what was written stays; the list is then marked cancelled by the caller).
     */
    async run<C extends { residentId: number }>(
      listId: number,
      source: ExtractionSource<C>,
      ctx: Pick<JobContext, 'progress'>,
      rangeSize = 20_000,
    ): Promise<ListCounts> {
      const total = await source.count();
      const lastId = await source.lastId();
      const [resume] = await database.query<{ last: number | null }>(
        'SELECT max(resident_id) AS last FROM target_list_entries WHERE list_id = $1',
        [listId],
      );
      let afterId = resume?.last ? Number(resume.last) : 0;
      let seen = 0;
      await ctx.progress(0, total, '対象者を抽出しています');
      // Two ranges are read ahead while one is judged and the previous one written: the database and Node
      // work at the same time. Writes stay in order, one at a time.
      const reads: Promise<C[]>[] = [];
      const readAhead = () => {
        if (afterId >= lastId) return;
        const from = afterId;
        afterId = Math.min(afterId + rangeSize, lastId);
        const read = source.batch(from, afterId);
        read.catch(() => undefined); // awaited in order below; never an unhandled rejection if the run stops
        reads.push(read);
      };
      readAhead();
      readAhead();
      const write = await writer(listId);
      let writing: Promise<void> = Promise.resolve();
      while (reads.length > 0) {
        const batch = await reads.shift()!;
        readAhead();
        const entries: EntryDraft[] = [];
        for (const c of batch) {
          const e = source.evaluate(c);
          if (e) entries.push(e);
        }
        await writing;
        writing = write(entries);
        writing.catch(() => undefined); // awaited below; never an unhandled rejection if this round stops
        seen += batch.length;
        await ctx.progress(Math.min(seen, total), total, `${seen.toLocaleString('ja-JP')}人を判定しました`);
      }
      await writing;
      return counts(listId);
    },
  };
}

export type ExtractionEngine = ReturnType<typeof extractionEngine>;
