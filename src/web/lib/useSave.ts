import { useState } from 'react';
import { ApiError } from './api.ts';

/**
 * State of a request a form or button sends: `busy` while it runs, what it threw (for <ErrorAlert>) and
 * the server's messages per field (`ApiError.fields`). `run` clears all three, awaits `fn` and records a
 * failure; `onError` also gets the thrown value (e.g. to empty a password field).
 */
export function useSave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function run(fn: () => Promise<unknown>, onError?: (err: unknown) => void): Promise<void> {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await fn();
    } catch (err) {
      if (err instanceof ApiError) setFieldErrors(err.fields);
      onError?.(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, fieldErrors, run };
}

/**
 * `useSave` with optimistic locking: the record's `version` to send, and on a VERSION_CONFLICT the values
 * now stored on the server as `current` (the input stays in the form). The conflict's version is taken at
 * once unless `takeVersion` is false, when the caller takes it once the user has chosen what to keep.
 */
export function useVersionedSave<T extends { version: number }>(
  initialVersion: number,
  { takeVersion = true }: { takeVersion?: boolean } = {},
) {
  const save = useSave();
  const [version, setVersion] = useState(initialVersion);
  const [current, setCurrent] = useState<T | null>(null);

  const run = (fn: () => Promise<unknown>) =>
    save.run(fn, (err) => {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT' && err.current) {
        const cur = err.current as unknown as T;
        setCurrent(cur);
        if (takeVersion) setVersion(cur.version);
      }
    });

  /** Closes the conflict notice (after the stored values were loaded or the input kept). */
  function dismissConflict() {
    setCurrent(null);
    save.setError(null);
  }

  return { ...save, run, version, setVersion, current, setCurrent, dismissConflict };
}
