import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api.ts';
import { useSave } from '../../../lib/useSave.ts';

/**
 * A change of a case file at the version shown: on success the file and the list are read again; when someone
 * else changed the case first (VERSION_CONFLICT) the file is read again too — the message says so and the input
 * stays in the form, so saving again applies it to the newest version.
 */
export function useCaseChange() {
  const queryClient = useQueryClient();
  const save = useSave();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['vaccination-relief'] });
  const run = (fn: () => Promise<unknown>, after?: () => void) =>
    save.run(
      async () => {
        await fn();
        after?.();
        await refresh();
      },
      (err) => {
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') void refresh();
      },
    );
  return { ...save, run };
}
