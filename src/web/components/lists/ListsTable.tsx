import { Anchor, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount, formatJst } from '../../lib/format.ts';

const num = { fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' } as const;

type ListRow = {
  id: number;
  title: string;
  status: string;
  counts: Record<string, unknown>;
  createdAt: string;
};

type Props<L extends ListRow> = {
  lists: L[];
  /** id of the heading that names the table */
  labelledBy: string;
  minWidth: number;
  /** the list's own screen */
  href(l: L): string;
  /** 種類 */
  kind(l: L): ReactNode;
  /** the column after 種類 (検診, 基準日 …) */
  detail: { label: string; cell(l: L): ReactNode; nowrap?: boolean };
  /** 状態 (or the extraction job's progress) */
  status(l: L): ReactNode;
};

/** The 対象者リスト of an area: name (link), 種類, the area's own column, 状態, 対象・除外 when ready, 作成日時. */
export function ListsTable<L extends ListRow>(p: Props<L>) {
  const count = (l: L, key: 'included' | 'excluded') => {
    const n = l.counts[key];
    return l.status === 'ready' && typeof n === 'number' ? formatCount(n) : '—';
  };
  return (
    <Table.ScrollContainer minWidth={p.minWidth}>
      <Table
        striped
        highlightOnHover
        withTableBorder
        verticalSpacing={4}
        fz="sm"
        aria-labelledby={p.labelledBy}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>リスト名</Table.Th>
            <Table.Th>種類</Table.Th>
            <Table.Th>{p.detail.label}</Table.Th>
            <Table.Th w={280}>状態</Table.Th>
            <Table.Th style={num}>対象</Table.Th>
            <Table.Th style={num}>除外</Table.Th>
            <Table.Th>作成日時</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.lists.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Anchor component={Link} to={p.href(l)} fw={600}>
                  {l.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.kind(l)}</Table.Td>
              <Table.Td style={p.detail.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                {p.detail.cell(l)}
              </Table.Td>
              <Table.Td>{p.status(l)}</Table.Td>
              <Table.Td style={num}>{count(l, 'included')}</Table.Td>
              <Table.Td style={num}>{count(l, 'excluded')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatJst(l.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
