import { Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatJst } from '../../lib/format.ts';
import {
  countsLine,
  type ImportsApi,
  importKeys,
  runActive,
  runStatusLabels,
} from '../../lib/imports-api.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** An instant as 和暦 date and JST time: 令和8年11月24日 10:45. */
function when(at: string): string {
  const jst = formatJst(at); // YYYY/MM/DD HH:mm:ss
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2})/.exec(jst);
  return m ? `${formatWareki(`${m[1]}-${m[2]}-${m[3]}`)} ${m[4]}` : jst;
}

/** 取込履歴: the recent imports of the target (newest first, 50), each to open again. */
export function ImportRunsTable({
  api,
  base,
  onOpen,
}: {
  api: ImportsApi;
  base: string;
  onOpen(id: number): void;
}) {
  const q = useQuery({
    queryKey: importKeys.runs(base),
    queryFn: api.runs,
    refetchInterval: (query) => (query.state.data?.some((r) => runActive(r)) ? 3000 : false),
  });
  const runs = q.data ?? [];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="import-runs-title">
      <Stack gap="xs">
        <Text fw={700} id="import-runs-title">
          取込履歴（新しい順・50件まで）
        </Text>
        <ErrorAlert error={q.error} title="取込履歴を読めません" />
        {q.isSuccess && runs.length === 0 && (
          <Text size="sm" c="dimmed">
            まだ取り込んだファイルはありません。
          </Text>
        )}
        {runs.length > 0 && (
          <Table striped withTableBorder fz="sm" aria-label="取込履歴">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>日時</Table.Th>
                <Table.Th>ファイル</Table.Th>
                <Table.Th>設定</Table.Th>
                <Table.Th>状態</Table.Th>
                <Table.Th>件数</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.map((r) => {
                const st = runStatusLabels[r.status];
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(r.createdAt)}</Table.Td>
                    <Table.Td>{r.fileName}</Table.Td>
                    <Table.Td>{r.setting.name}</Table.Td>
                    <Table.Td>
                      <Badge color={st.color} variant="dot" radius="sm" miw="fit-content">
                        {st.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.counts.rows === undefined ? '' : countsLine(r.counts)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => onOpen(r.id)}
                        aria-label={`${r.fileName}（${when(r.createdAt)}）を開く`}
                      >
                        開く
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
