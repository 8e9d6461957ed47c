/**
 * The import engine's contract with a module (ADR 0008): a module describes WHAT it imports (an ImportTarget:
 * its fields, how one mapped row is read, how a chunk compares with the database, how a chunk is written);
 * the engine does the rest — 取込設定 (column mappings), reading CSV (UTF-8 / Shift_JIS) and XML, the per-row
 * Japanese errors, the dry run (new / update / unchanged / error), the commit job in chunks with a ledger that
 * a restart resumes, and the error file in the same format for fix-and-re-import.
 */
import type { Actor } from '../audit/service.ts';
import type { SqlRunner, SqlTransaction } from '../db/connect.ts';

/** A field a file column can be mapped to. */
export type ImportField = {
  key: string;
  /** Japanese label shown in the 取込設定 editor and in error messages (「受診日」) */
  label: string;
  required?: boolean;
  /** Header names mapped to this field by default when a setting is created from a file's header */
  aliases?: string[];
  /** A short hint of the expected format (「YYYY-MM-DD または 和暦」) */
  hint?: string;
};

/** One problem of a row: the field (null = the row as a whole) and what to fix, in Japanese. */
export type FieldError = { field: string | null; message: string };

export type RowCheck<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** One changed value of an update (shown in the dry run). */
export type Change = { field: string; label: string; before: string; after: string };

/**
 * How a row compares with the database: new, an update (with the changes, and a warning when it overwrites a
 * value a clerk corrected by hand), unchanged (re-import), or an error found against the database (宛名番号
 * not found, 受診票番号 of another person …).
 */
export type Classified<W = never> =
  | {
      action: 'new' | 'update' | 'unchanged';
      /**
       * What the commit writes for this row, worked out here (e.g. the person found, the checked result) — kept in
       * the run's ledger instead of the parsed value when the target has `recheck` (see there). JSON-safe.
       */
      payload?: W;
      /** the natural key of the row (e.g. 宛名番号:program:年度); two rows of a file with one key is an error */
      key: string;
      /** who the row is about, for the audit log and the dry-run list (氏名 shown to staff) */
      residentId?: number | null;
      label?: string;
      changes?: Change[];
      warning?: string;
    }
  | { action: 'error'; errors: FieldError[]; residentId?: number | null; label?: string };

/**
 * T: a parsed row; P: the run's parameters; W: what the commit writes for a row (T unless the target has
 * `recheck`).
 */
export type ImportTarget<T, P = unknown, W = T> = {
  /** e.g. 'adult-health.results' */
  kind: string;
  /** e.g. '成人検診の結果' */
  label: string;
  /** The fields every installation has (in code). */
  fields: ImportField[];
  /**
   * Optional: fields that come from the database (e.g. 市町村独自の結果項目 an administrator added), read each
   * time the engine needs the target's fields — the 取込設定 editor (meta), the setting's check, the proposal from
   * a header, and binding the setting to a file in the dry run and the commit. They follow `fields`; one with the
   * key of a field in `fields` (or of an earlier extra field) is left out, so a key is always one field. Such
   * fields should not be `required` (a setting serves files without them); the target checks a row that needs
   * one it has no column for, and says which column to add to the 取込設定.
   */
  extraFields?(q: SqlRunner): Promise<ImportField[]>;
  /**
   * What the key is called in the duplicate message 「{keyLabel}は3行目と同じです」 (e.g. 「宛名番号と検診」);
   * default 「同じ対象の行」.
   */
  keyLabel?: string;
  /** Validates the target's run parameters (e.g. 年度, program); throw a 400 AppError with the message. */
  params?(raw: unknown): P;
  /**
   * Pure: one row as field key → text (already mapped, trimmed) → a typed value or the errors. The value is kept
   * as JSON between the dry run and the commit, so it must survive JSON (strings, numbers, booleans, null).
   */
  parse(row: Record<string, string>, params: P): RowCheck<T>;
  /** Read-only: compares a chunk of parsed rows with the database (same order, same length). */
  classify(q: SqlRunner, values: T[], params: P): Promise<Classified<W>[]>;
  /**
   * Optional, for large imports: the commit's check of a chunk when classify gave each row a `payload` — only the
   * comparison with the database as it is now (new / update / unchanged, or an error such as a result that changed
   * meanwhile), not the row's own checks again (those were done in the dry run). Without it the commit calls
   * classify again with the parsed values.
   */
  recheck?(q: SqlRunner, payloads: W[], params: P): Promise<Classified<W>[]>;
  /**
   * Writes a chunk (new and update rows only) inside the engine's transaction. Must be idempotent per key:
   * the engine re-classifies (or rechecks) the chunk in the same transaction first, so `rows` carry the fresh
   * action; `value` is the payload when the target has `recheck`, else the parsed value.
   */
  apply(
    tx: SqlTransaction,
    rows: { value: W; action: 'new' | 'update' }[],
    actor: Actor,
    params: P,
  ): Promise<void>;
};
