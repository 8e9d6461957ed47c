import { Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { type QueryKey, useQuery } from '@tanstack/react-query';
import { formatJst } from '../../lib/format.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

const statuses: Record<string, { label: string; color: string }> = {
  queued: { label: '待機中', color: 'gray.8' },
  running: { label: '取込中', color: 'blue.9' },
  done: { label: '完了', color: 'teal.9' },
  failed: { label: '失敗', color: 'red.9' },
  cancelled: { label: '取消', color: 'gray.8' },
};

export type FileImportEntry = {
  id: number;
  fileName: string;
  status: string;
  createdAt: string;
  fiscalYear?: number;
};

/**
 * 取込履歴 of a file import run as a job (電子申請の申込, 妊娠届 …): the recent imports with their state, so a clerk
 * coming back (or after a restart, when an interrupted import carries on by itself) can open any import's result.
 * Refreshes while one is waiting or running.
 */
export function FileImportHistory({
  id,
  queryKey,
  load,
  onOpen,
  showFiscalYear = false,
}: {
  /** element id prefix (one history per screen) */
  id: string;
  queryKey: QueryKey;
  load: () => Promise<{ imports: FileImportEntry[] }>;
  onOpen: (importId: number) => void;
  showFiscalYear?: boolean;
}) {
  const q = useQuery({
    queryKey,
    queryFn: load,
    refetchInterval: (query) =>
      query.state.data?.imports.some((i) => i.status === 'running' || i.status === 'queued') ? 3000 : false,
  });
  const rows = q.data?.imports ?? [];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="xs">
        <Text fw={700} id={`${id}-title`}>
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
                {showFiscalYear && <Table.Th>年度</Table.Th>}
                <Table.Th>状態</Table.Th>
                <Table.Th>操作</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((i) => {
                const st = statuses[i.status] ?? { label: i.status, color: 'gray.8' };
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td>{formatJst(i.createdAt)}</Table.Td>
                    <Table.Td>{i.fileName}</Table.Td>
                    {showFiscalYear && <Table.Td>{i.fiscalYear}</Table.Td>}
                    <Table.Td>
                      <Badge color={st.color} variant="dot" radius="sm">
                        {st.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => onOpen(i.id)}
                        aria-label={`${i.fileName}の結果を見る`}
                      >
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
