import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { JobProgress } from '../components/adult/JobProgress.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ListsTable } from '../components/lists/ListsTable.tsx';
import { ListExtractModal } from '../components/vaccination/ListExtractModal.tsx';
import { VaccinationNav } from '../components/vaccination/VaccinationNav.tsx';
import { useAuth } from '../lib/auth.tsx';
import {
  listStatusText,
  useListsMeta,
  type VaccinationList,
  vaccinationListKeys,
  vaccinationListsApi,
} from '../lib/vaccination-lists-api.ts';
import { formatWareki } from '../lib/wareki.ts';

/** 状態 of a list, or the extraction job's progress while it runs. */
export function VaccinationListStatus({
  list,
  compact = true,
}: {
  list: VaccinationList;
  compact?: boolean;
}) {
  const queryClient = useQueryClient();
  if (list.status === 'extracting' && list.jobId)
    return (
      <JobProgress
        jobId={list.jobId}
        label={`「${list.title}」の抽出`}
        compact={compact}
        onFinished={() => void queryClient.invalidateQueries({ queryKey: vaccinationListKeys.lists })}
      />
    );
  return (
    <Badge
      color={list.status === 'ready' ? 'green.9' : list.status === 'failed' ? 'red.9' : 'gray.9'}
      variant="dot"
      radius="sm"
    >
      {listStatusText[list.status] ?? list.status}
    </Badge>
  );
}

/** 予防接種 › 対象者抽出: the lists (接種別発送・未接種者勧奨) with state and counts, and 「対象者を抽出」. */
export function VaccinationListsScreen() {
  const { can } = useAuth();
  const meta = useListsMeta();
  const [extracting, setExtracting] = useState(false);
  const lists = useQuery({
    queryKey: vaccinationListKeys.lists,
    queryFn: vaccinationListsApi.lists,
    refetchInterval: (q) =>
      !can('jobs.view') && q.state.data?.some((l) => l.status === 'extracting') ? 3000 : false,
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          予防接種 対象者抽出（接種別発送・未接種者勧奨）
        </Title>
        <Group gap="xs">
          <Button onClick={() => setExtracting(true)} disabled={!meta.data}>
            対象者を抽出
          </Button>
          {can('mailings.view') && (
            <Button component={Link} to="/mailings" variant="default">
              郵送物一覧
            </Button>
          )}
        </Group>
      </Group>
      <VaccinationNav />
      <ErrorAlert error={meta.error} />
      <Paper withBorder p="sm" component="section" aria-labelledby="vaccination-lists-title">
        <Stack gap="xs">
          <Text fw={700} id="vaccination-lists-title">
            対象者リスト
          </Text>
          <ErrorAlert error={lists.error} />
          {lists.isPending && <Loader size="sm" aria-label="読み込み中" />}
          {lists.data?.length === 0 && (
            <Text size="sm">対象者リストはまだありません。「対象者を抽出」から作成してください。</Text>
          )}
          {lists.data && lists.data.length > 0 && (
            <ListsTable
              lists={lists.data}
              labelledBy="vaccination-lists-title"
              minWidth={960}
              href={(l) => `/vaccination/lists/${l.id}`}
              kind={(l) => meta.data?.kinds[l.purpose] ?? l.purpose}
              detail={{ label: '基準日', cell: (l) => formatWareki(l.settings.on), nowrap: true }}
              status={(l) => <VaccinationListStatus list={l} />}
            />
          )}
        </Stack>
      </Paper>
      {extracting && meta.data && <ListExtractModal meta={meta.data} onClose={() => setExtracting(false)} />}
    </Stack>
  );
}
