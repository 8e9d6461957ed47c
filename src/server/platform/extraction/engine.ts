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
  /** up to `limit` candidates with residentId > afterId, ascending */
  batch(afterId: number, limit: number): Promise<C[]>;
  /** the decision: an entry, or null = not on the list */
  evaluate(candidate: C): EntryDraft | null;
};

export type ListCounts = {
  total: number;
  included: number;
  excluded: number;
  byProgram: Record<string, number>;
};

/** COPY text-format field: backslash, tab, newline and carriage return escaped. */
const copyText = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** A text[] literal for COPY: {"a","b"} (elements quoted). */
const copyArray = (a: string[]) =>
  copyText(`{${a.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);

const copyColumns = '(list_id, resident_id, programs, coupons, details, age, included, exclusion_reason)';

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

  /**
   * Writes one batch with a single COPY (the fastest bulk path on both backends; one statement, so a batch is
   * written whole or not at all — which is what makes resuming after the last written resident safe).
   */
  async function writeEntries(listId: number, entries: EntryDraft[]): Promise<void> {
    if (entries.length === 0) return;
    const lines = entries.map(
      (e) =>
        `${listId}\t${e.residentId}\t${copyArray(e.programs)}\t${copyArray(e.coupons)}\t${copyText(JSON.stringify(e.details))}\t${e.age}\t${e.included ? 't' : 'f'}\t${e.exclusionReason === null ? '\\N' : copyText(e.exclusionReason)}\n`,
    );
    await database.copyFrom(`COPY target_list_entries ${copyColumns} FROM STDIN`, [lines.join('')]);
  }

  return {
    writeEntries,

    /** Counts by inclusion and by program (included entries only). */
    counts,

    /**
     * Runs (or resumes) the extraction of `listId`: batches of `batchSize` candidates, progress after each,
     * cancel honoured between batches (what was written stays; the list is then marked cancelled by the caller).
     */
    async run<C extends { residentId: number }>(
      listId: number,
      source: ExtractionSource<C>,
      ctx: Pick<JobContext, 'progress'>,
      batchSize = 20_000,
    ): Promise<ListCounts> {
      const total = await source.count();
      const [resume] = await database.query<{ last: number | null; done: number }>(
        'SELECT max(resident_id) AS last, count(*)::int AS done FROM target_list_entries WHERE list_id = $1',
        [listId],
      );
      let afterId = resume?.last ? Number(resume.last) : 0;
      let seen = 0;
      await ctx.progress(0, total, '対象者を抽出しています');
      // The next batch is read while this one is judged and written (the database and Node work in parallel).
      let next = source.batch(afterId, batchSize);
      let writing: Promise<void> = Promise.resolve();
      for (;;) {
        const batch = await next;
        if (batch.length === 0) break;
        afterId = batch[batch.length - 1]!.residentId;
        next = source.batch(afterId, batchSize);
        next.catch(() => undefined); // awaited next round; never an unhandled rejection if this round stops
        const entries: EntryDraft[] = [];
        for (const c of batch) {
          const e = source.evaluate(c);
          if (e) entries.push(e);
        }
        // Write-behind: one batch is written while the next is judged; batches stay in order, one at a time.
        await writing;
        writing = writeEntries(listId, entries);
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
