import { Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import type { Job } from '../../lib/types.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** Confirmation before 正しい行のみ取り込む (the rows with errors are left out). */
export function CommitValidModal({ job, onClose }: { job: Job | null; onClose(): void }) {
  const queryClient = useQueryClient();
  const { busy, error, setError, run } = useSave();

  function close() {
    setError(null);
    onClose();
  }

  async function commit() {
    if (!job) return;
    await run(async () => {
      await api.post(`/api/residents/imports/${job.id}/commit-valid`);
      await queryClient.invalidateQueries({ queryKey: ['jobs'] });
      close();
    });
  }

  // keep the last job's counts while the dialog closes
  const [shown, setShown] = useState<Job | null>(job);
  if (job && job !== shown) setShown(job);
  const valid = Number(shown?.result?.valid ?? 0);
  const invalid = Number(shown?.result?.invalid ?? 0);
  return (
    <AppModal opened={job !== null} onClose={close} title="正しい行のみ取り込む">
      <Stack gap="sm">
        <Text>
          正しい{formatCount(valid)}行を取り込み、誤りのある{formatCount(invalid)}
          行は取り込みません。よろしいですか？
        </Text>
        <Text size="sm" c="dimmed">
          誤りのある行は、住民記録システム側で直してから、改めて異動分として取り込んでください。
        </Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            キャンセル
          </Button>
          <Button onClick={() => void commit()} loading={busy}>
            取り込む
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
