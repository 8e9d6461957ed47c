import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { JobProgress } from '../components/adult/JobProgress.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ListExtractModal } from '../components/vaccination/ListExtractModal.tsx';
import { VaccinationNav } from '../components/vaccination/VaccinationNav.tsx';
import { useAuth } from '../lib/auth.tsx';
import { formatCount, formatJst } from '../lib/format.ts';
import {
  listStatusText,
  useListsMeta,
  type VaccinationList,
  vaccinationListKeys,
  vaccinationListsApi,
} from '../lib/vaccination-lists-api.ts';
import { formatWareki } from '../lib/wareki.ts';

const num = { fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' } as const;

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
            <Table.ScrollContainer minWidth={960}>
              <Table
                striped
                highlightOnHover
                withTableBorder
                verticalSpacing={4}
                fz="sm"
                aria-labelledby="vaccination-lists-title"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>リスト名</Table.Th>
                    <Table.Th>種類</Table.Th>
                    <Table.Th>基準日</Table.Th>
                    <Table.Th w={280}>状態</Table.Th>
                    <Table.Th style={num}>対象</Table.Th>
                    <Table.Th style={num}>除外</Table.Th>
                    <Table.Th>作成日時</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lists.data.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/vaccination/lists/${l.id}`} fw={600}>
                          {l.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{meta.data?.kinds[l.purpose] ?? l.purpose}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(l.settings.on)}</Table.Td>
                      <Table.Td>
                        <VaccinationListStatus list={l} />
                      </Table.Td>
                      <Table.Td style={num}>
                        {l.status === 'ready' ? formatCount(l.counts.included ?? 0) : '—'}
                      </Table.Td>
                      <Table.Td style={num}>
                        {l.status === 'ready' ? formatCount(l.counts.excluded ?? 0) : '—'}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatJst(l.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
      {extracting && meta.data && <ListExtractModal meta={meta.data} onClose={() => setExtracting(false)} />}
    </Stack>
  );
}
