import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { sexLabels } from '../../lib/labels.ts';
import type { Resident } from '../../lib/types.ts';
import { formatWarekiWithYear } from '../../lib/wareki.ts';
import { StatusBadges } from '../StatusBadges.tsx';

/** 世帯: the members of the household; every name opens that person's 宛名画面. */
export function HouseholdTable({ members, currentId }: { members: Resident[]; currentId: number }) {
  return (
    <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" aria-label="世帯">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>宛名番号</Table.Th>
          <Table.Th>氏名</Table.Th>
          <Table.Th>続柄</Table.Th>
          <Table.Th>生年月日</Table.Th>
          <Table.Th>性別</Table.Th>
          <Table.Th>状態</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{m.atenaNo}</Table.Td>
            <Table.Td>
              {m.id === currentId ? (
                <Text span fw={700} size="sm">
                  {m.name}（表示中）
                </Text>
              ) : (
                <Anchor component={Link} to={`/residents/${m.id}`} size="sm">
                  {m.name}
                </Anchor>
              )}
              <Text size="xs" c="dimmed">
                {m.nameKana}
              </Text>
            </Table.Td>
            <Table.Td>{m.relationship}</Table.Td>
            <Table.Td>{formatWarekiWithYear(m.birthDate)}</Table.Td>
            <Table.Td>{sexLabels[m.sex] ?? m.sex}</Table.Td>
            <Table.Td>
              <StatusBadges status={m.status} supportMeasure={m.supportMeasure} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
