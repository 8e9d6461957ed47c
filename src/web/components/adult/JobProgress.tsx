import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { adultKeys, cancelJob, fetchJob, jobActive } from '../../lib/adult-api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { formatCount } from '../../lib/format.ts';
import { jobStatusColors, jobStatusLabels } from '../../lib/labels.ts';
import type { Job } from '../../lib/types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  jobId: number;
  /** what runs, for the progress bar's accessible name (e.g. 「対象者抽出」) */
  label: string;
  /** called once when the job has finished (any status) */
  onFinished?(job: Job): void;
  compact?: boolean;
};

function percent(j: Job): number {
  if (j.status === 'succeeded') return 100;
  if (!j.progressTotal) return 0;
  return Math.max(0, Math.min(100, Math.round((j.progressDone / j.progressTotal) * 100)));
}

/** Progress of a background job (polled every second while it runs), with 件数/全体 and 「取消」. */
export function JobProgress({ jobId, label, onFinished, compact }: Props) {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const q = useQuery({
    queryKey: adultKeys.job(jobId),
    queryFn: () => fetchJob(jobId),
    enabled: can('jobs.view'),
    refetchInterval: (query) => (jobActive(query.state.data) ? 1000 : false),
  });
  const reported = useRef<number | null>(null);
  const job = q.data;
  useEffect(() => {
    if (job && !jobActive(job) && reported.current !== job.id) {
      reported.current = job.id;
      onFinished?.(job);
    }
  }, [job, onFinished]);

  if (!can('jobs.view'))
    return (
      <Text size="sm" role="status">
        処理中です（進み具合の表示にはジョブの閲覧権限が必要です）。
      </Text>
    );
  if (q.error) return <ErrorAlert error={q.error} title="進み具合を読み込めません" />;
  if (!job)
    return (
      <Text size="sm" role="status">
        処理を開始しています…
      </Text>
    );

  async function cancel() {
    setCancelError(null);
    setCancelling(true);
    try {
      await cancelJob(jobId);
    } catch (e) {
      setCancelError(e);
    } finally {
      setCancelling(false);
      await queryClient.invalidateQueries({ queryKey: adultKeys.job(jobId) });
    }
  }

  const pct = percent(job);
  const counts =
    job.progressTotal !== null && job.progressTotal > 0
      ? `${formatCount(job.progressDone)} / ${formatCount(job.progressTotal)}件`
      : '';
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <Badge color={jobStatusColors[job.status] ?? 'gray.9'} variant="dot" radius="sm" miw="fit-content">
          {jobStatusLabels[job.status] ?? job.status}
        </Badge>
        <Progress.Root size={compact ? 'md' : 'lg'} style={{ flex: 1, minWidth: 80 }}>
          <Progress.Section value={pct} aria-label={`${label}の進捗`} animated={job.status === 'running'} />
        </Progress.Root>
        <Text size="xs" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {pct}%{counts ? `（${counts}）` : ''}
        </Text>
        {jobActive(job) && (
          <Button
            size="compact-xs"
            color="red"
            variant="light"
            loading={cancelling}
            onClick={() => void cancel()}
            aria-label={`${label}を取消`}
          >
            取消
          </Button>
        )}
      </Group>
      {!compact && job.message && (
        <Text size="xs" role="status">
          {job.message}
        </Text>
      )}
      {job.status === 'failed' && job.error && (
        <Text size="sm" c="red.9" role="alert">
          {job.error}
        </Text>
      )}
      <ErrorAlert error={cancelError} title="取り消せません" />
    </Stack>
  );
}
