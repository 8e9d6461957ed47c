import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Job } from '../../lib/types.ts';
import { JobProgress } from '../adult/JobProgress.tsx';

type Props = {
  /** the list being extracted */
  list: { title: string; jobId: number };
  /** the list's own screen, opened when the extraction ends */
  href: string;
  /** the lists' query, refreshed when the extraction ends */
  listsKey: QueryKey;
  onClose(): void;
};

/** 対象者抽出 under way: the job's progress; opens the list when done, says why when it did not finish. */
export function ExtractionProgress({ list, href, listsKey, onClose }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Job | null>(null);

  const onFinished = useCallback(
    (job: Job) => {
      setOutcome(job);
      void queryClient.invalidateQueries({ queryKey: listsKey });
      if (job.status === 'succeeded') navigate(href);
    },
    [navigate, queryClient, listsKey, href],
  );

  return (
    <Stack gap="sm">
      <Text size="sm">「{list.title}」を抽出しています。終わるとリストを開きます。</Text>
      <JobProgress jobId={list.jobId} label="対象者抽出" onFinished={onFinished} />
      {outcome && outcome.status !== 'succeeded' && (
        <Alert
          color={outcome.status === 'failed' ? 'red' : 'gray'}
          role="alert"
          title="抽出は完了していません"
        >
          {outcome.status === 'cancelled'
            ? '抽出を取り消しました。途中までの対象者はリストに残っています。必要なら抽出し直してください。'
            : outcome.error || outcome.message || '抽出できませんでした。'}
        </Alert>
      )}
      <Group>
        <Button variant="default" onClick={() => navigate(href)}>
          リストを開く
        </Button>
        <Button variant="subtle" onClick={onClose}>
          閉じる（抽出は続きます）
        </Button>
      </Group>
    </Stack>
  );
}
