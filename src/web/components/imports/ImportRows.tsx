import { Loader, Pagination, Stack, Table, Tabs, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount } from '../../lib/format.ts';
import {
  actionLabels,
  type ImportsApi,
  importKeys,
  type RowAction,
  type RunCounts,
  type RunRow,
  rowActions,
} from '../../lib/imports-api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

const pageSize = 100;
/** Errors first: they are what the clerk must look at. */
const order: RowAction[] = ['error', ...rowActions.filter((a) => a !== 'error')];

/** 「3行目 受診日: …」 → 「受診日: …」 (the row number has a column of its own). */
const withoutRowNo = (m: string) => m.replace(/^\d+(行目|件目):?\s*/, '');

function Contents({ r }: { r: RunRow }) {
  const lines = [
    ...(r.errors ?? []).map((e) => ({ text: withoutRowNo(e.message), color: 'red.9' })),
    ...(r.changes ?? []).map((c) => ({
      text: `${c.label}: ${c.before || '（空）'} → ${c.after || '（空）'}`,
      color: undefined,
    })),
    ...(r.warning ? [{ text: `注意: ${r.warning}`, color: 'orange.9' }] : []),
  ];
  return (
    <Stack gap={2}>
      {lines.map((l) => (
        <Text key={l.text} size="sm" c={l.color}>
          {l.text}
        </Text>
      ))}
    </Stack>
  );
}

function RowsTable({ api, base, runId, action, total }: Props & { action: RowAction; total: number }) {
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: importKeys.rows(base, runId, action, (page - 1) * pageSize),
    queryFn: () => api.rows(runId, { action, offset: (page - 1) * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  const pages = Math.ceil((q.data?.total ?? total) / pageSize);
  if (q.error) return <ErrorAlert error={q.error} title="行を読めません" />;
  if (!q.data) return <Loader size="sm" aria-label="読み込み中" />;
  if (q.data.total === 0)
    return (
      <Text size="sm" c="dimmed">
        {actionLabels[action]}の行はありません。
      </Text>
    );
  return (
    <Stack gap="xs">
      <Table striped withTableBorder fz="sm" aria-label={`${actionLabels[action]}の行`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>行</Table.Th>
            <Table.Th w={200}>氏名</Table.Th>
            <Table.Th>内容</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.rows.map((r) => (
            <Table.Tr key={r.rowNo}>
              <Table.Td>{r.rowNo}</Table.Td>
              <Table.Td>{r.label ?? r.key ?? ''}</Table.Td>
              <Table.Td>
                <Contents r={r} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={setPage}
          size="sm"
          getControlProps={(control) => ({
            'aria-label':
              control === 'next' ? '次のページ' : control === 'previous' ? '前のページ' : undefined,
          })}
          getItemProps={(p) => ({ 'aria-label': `${p}ページ` })}
        />
      )}
    </Stack>
  );
}

type Props = { api: ImportsApi; base: string; runId: number; counts: RunCounts };

/** The rows of a checked file by what the import would do, 100 per page: errors, new, updates, unchanged. */
export function ImportRows(props: Props) {
  const { counts } = props;
  const first = order.find((a) => (counts[a] ?? 0) > 0) ?? 'new';
  const [tab, setTab] = useState<RowAction>(first);
  return (
    <Tabs value={tab} onChange={(v) => setTab((v as RowAction | null) ?? first)} keepMounted={false}>
      <Tabs.List>
        {order.map((a) => (
          <Tabs.Tab key={a} value={a} color={a === 'error' ? 'red' : undefined}>
            {actionLabels[a]}（{formatCount(counts[a] ?? 0)}）
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {order.map((a) => (
        <Tabs.Panel key={a} value={a} pt="xs">
          <RowsTable {...props} action={a} total={counts[a] ?? 0} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
