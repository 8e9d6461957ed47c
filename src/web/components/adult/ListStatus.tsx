import { Badge } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { adultKeys, listStatusColors, listStatusLabels, type TargetList } from '../../lib/adult-api.ts';
import { JobProgress } from './JobProgress.tsx';

/** 状態 of a 対象者リスト as a text badge. */
export function ListStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={listStatusColors[status] ?? 'gray.9'} variant="dot" radius="sm" miw="fit-content">
      {listStatusLabels[status] ?? status}
    </Badge>
  );
}

/** The badge, or the extraction job's progress while the list is being extracted. */
export function ListStatusCell({ list, compact = true }: { list: TargetList; compact?: boolean }) {
  const queryClient = useQueryClient();
  const onFinished = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['adult', 'lists'] });
    void queryClient.invalidateQueries({ queryKey: adultKeys.list(list.id) });
  }, [queryClient, list.id]);
  if (list.status === 'extracting' && list.jobId)
    return (
      <JobProgress
        jobId={list.jobId}
        label={`「${list.title}」の抽出`}
        onFinished={onFinished}
        compact={compact}
      />
    );
  return <ListStatusBadge status={list.status} />;
}
