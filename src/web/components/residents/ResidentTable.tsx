import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { sexLabels } from '../../lib/labels.ts';
import type { Resident } from '../../lib/types.ts';
import { formatWarekiWithYear } from '../../lib/wareki.ts';
import { StatusBadges } from '../StatusBadges.tsx';

/** Dense list of residents; a row click or Enter opens the 宛名画面. */
export function ResidentTable({ rows, label }: { rows: Resident[]; label: string }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>宛名番号</Table.Th>
            <Table.Th>氏名</Table.Th>
            <Table.Th>生年月日</Table.Th>
            <Table.Th>性別</Table.Th>
            <Table.Th>住所</Table.Th>
            <Table.Th>状態</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.id}
              className="clickable-row"
              tabIndex={0}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('a')) return;
                navigate(`/residents/${r.id}`);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && e.target === e.currentTarget) navigate(`/residents/${r.id}`);
              }}
            >
              <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{r.atenaNo}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/residents/${r.id}`} tabIndex={-1} c="inherit" fw={600}>
                  {r.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {r.nameKana}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWarekiWithYear(r.birthDate)}</Table.Td>
              <Table.Td>{sexLabels[r.sex] ?? r.sex}</Table.Td>
              <Table.Td>
                {r.address}
                {r.addressExtra ? ` ${r.addressExtra}` : ''}
              </Table.Td>
              <Table.Td>
                <StatusBadges status={r.status} supportMeasure={r.supportMeasure} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
