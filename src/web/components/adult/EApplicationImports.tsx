import { Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { eApplicationKeys, eApplicationsApi } from '../../lib/e-applications-api.ts';
import { formatJst } from '../../lib/format.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

const statuses: Record<string, { label: string; color: string }> = {
  queued: { label: '待機中', color: 'gray' },
  running: { label: '取込中', color: 'blue' },
  done: { label: '完了', color: 'teal' },
  failed: { label: '失敗', color: 'red' },
  cancelled: { label: '取消', color: 'gray' },
};

/**
 * 取込履歴: the recent imports with their state, so a clerk coming back (or after a restart, when an interrupted
 * import carries on by itself) can open any import's result.
 */
export function EApplicationImports({ onOpen }: { onOpen: (importId: number) => void }) {
  const q = useQuery({
    queryKey: eApplicationKeys.imports,
    queryFn: eApplicationsApi.imports,
    refetchInterval: (query) =>
      query.state.data?.imports.some((i) => i.status === 'running' || i.status === 'queued') ? 3000 : false,
  });
  const rows = q.data?.imports ?? [];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="e-imports-title">
      <Stack gap="xs">
        <Text fw={700} id="e-imports-title">
          取込履歴（新しい順・50件まで）
        </Text>
        <ErrorAlert error={q.error} title="取込履歴を読めません" />
        {q.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            まだ取り込んだファイルはありません。
          </Text>
        )}
        {rows.length > 0 && (
          <Table striped withTableBorder fz="sm" aria-label="取込履歴">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>取込日時</Table.Th>
                <Table.Th>ファイル</Table.Th>
                <Table.Th>年度</Table.Th>
                <Table.Th>状態</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((i) => {
                const st = statuses[i.status] ?? { label: i.status, color: 'gray' };
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td>{formatJst(i.createdAt)}</Table.Td>
                    <Table.Td>{i.fileName}</Table.Td>
                    <Table.Td>{i.fiscalYear}</Table.Td>
                    <Table.Td>
                      <Badge color={st.color} variant="light">
                        {st.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => onOpen(i.id)}>
                        結果を見る
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
