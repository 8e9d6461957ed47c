import { Badge, Button, Group, Loader, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { api } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { formatCount, formatJst } from '../../lib/format.ts';
import { jobStatusColors, jobStatusLabels, residentsImportKind } from '../../lib/labels.ts';
import type { Job } from '../../lib/types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { CommitValidModal } from './CommitValidModal.tsx';
import { ImportErrors } from './ImportErrors.tsx';

const active = (j: Job) => j.status === 'queued' || j.status === 'running';

function percent(j: Job): number {
  if (j.status === 'succeeded') return 100;
  if (!j.progressTotal) return 0;
  return Math.max(0, Math.min(100, Math.round((j.progressDone / j.progressTotal) * 100)));
}

const resultLabels: [string, string][] = [
  ['rows', '行数'],
  ['valid', '正しい行'],
  ['invalid', '誤りのある行'],
  ['inserted', '新規'],
  ['updated', '更新'],
  ['unchanged', '変更なし'],
];

function ResultCounts({ result }: { result: Record<string, unknown> | null }) {
  if (!result) return null;
  const parts = resultLabels.filter(([k]) => typeof result[k] === 'number');
  if (!parts.length) return null;
  return (
    <Text size="xs" data-testid="job-result">
      {parts.map(([k, label]) => `${label} ${formatCount(result[k] as number)}`).join(' / ')}
    </Text>
  );
}

/** ジョブ一覧: every background job with progress (polled every second while one is running). */
export function JobList() {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [openErrors, setOpenErrors] = useState<number | null>(null);
  const [commitJob, setCommitJob] = useState<Job | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const q = useQuery({
    queryKey: ['jobs'],
    queryFn: () => api.get<{ jobs: Job[] }>('/api/jobs'),
    enabled: can('jobs.view'),
    refetchInterval: (query) => (query.state.data?.jobs.some(active) ? 1000 : false),
  });

  async function cancel(job: Job) {
    setActionError(null);
    try {
      await api.post(`/api/jobs/${job.id}/cancel`);
    } catch (e) {
      setActionError(e);
    }
    await queryClient.invalidateQueries({ queryKey: ['jobs'] });
  }

  if (!can('jobs.view')) return null;
  if (q.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const jobs = q.data.jobs;
  // a reviewed import whose valid rows were already committed by a later job
  const committedBy = new Map<number, number>();
  for (const j of jobs) {
    const reviewed = j.params?.reviewedJobId;
    if (typeof reviewed === 'number' && j.status !== 'failed' && j.status !== 'cancelled')
      committedBy.set(reviewed, j.id);
  }

  return (
    <Stack gap="xs" component="section">
      <Text fw={700} size="lg">
        ジョブ一覧
      </Text>
      <ErrorAlert error={actionError} />
      {!jobs.length && <Text size="sm">ジョブはまだありません。</Text>}
      {jobs.length > 0 && (
        <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" aria-label="ジョブ一覧">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>処理</Table.Th>
              <Table.Th miw={90}>状態</Table.Th>
              <Table.Th w={200}>進捗</Table.Th>
              <Table.Th>メッセージ・結果</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>開始者</Table.Th>
              <Table.Th>開始日時</Table.Th>
              <Table.Th>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.map((j) => {
              const pct = percent(j);
              const isImport = j.kind === residentsImportKind && can('residents.import');
              const hasErrors = j.status === 'needs_review' || Number(j.result?.invalid ?? 0) > 0;
              const starter =
                j.createdByName ?? (typeof j.params?.loginId === 'string' ? j.params.loginId : '');
              return (
                <Fragment key={j.id}>
                  <Table.Tr data-job-id={j.id}>
                    <Table.Td>{j.title}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge
                        color={jobStatusColors[j.status] ?? 'gray.9'}
                        variant="dot"
                        radius="sm"
                        miw="fit-content"
                      >
                        {jobStatusLabels[j.status] ?? j.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Progress.Root size="lg" style={{ flex: 1 }}>
                          <Progress.Section
                            value={pct}
                            aria-label={`ジョブ${j.id}の進捗`}
                            animated={j.status === 'running'}
                          />
                        </Progress.Root>
                        <Text size="xs" w={36} ta="right">
                          {pct}%
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{j.message}</Text>
                      <ResultCounts result={j.result} />
                    </Table.Td>
                    <Table.Td>{String(starter)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatJst(j.startedAt ?? j.createdAt)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {active(j) && (
                          <Button
                            size="compact-xs"
                            color="red"
                            variant="light"
                            onClick={() => void cancel(j)}
                          >
                            取消
                          </Button>
                        )}
                        {isImport && hasErrors && (
                          <Button
                            size="compact-xs"
                            variant="default"
                            aria-expanded={openErrors === j.id}
                            onClick={() => setOpenErrors(openErrors === j.id ? null : j.id)}
                          >
                            エラー一覧
                          </Button>
                        )}
                        {isImport && j.status === 'needs_review' && committedBy.has(j.id) && (
                          <Text size="xs">正しい行を取込済み（ジョブ{committedBy.get(j.id)}）</Text>
                        )}
                        {isImport && j.status === 'needs_review' && !committedBy.has(j.id) && (
                          <Button size="compact-xs" onClick={() => setCommitJob(j)}>
                            正しい行のみ取り込む
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {openErrors === j.id && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <ImportErrors jobId={j.id} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <CommitValidModal job={commitJob} onClose={() => setCommitJob(null)} />
    </Stack>
  );
}
