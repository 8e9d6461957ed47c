import { Stack, Table, Text } from '@mantine/core';
import { type AllocationResult, unassignedReasonLabels } from '../../lib/allocation-api.ts';
import { formatCount } from '../../lib/format.ts';
import { formatWareki } from '../../lib/wareki.ts';

const num = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** 日程ごとの割当 (定員, 既予約, 今回割当) and the people who get no date, with the reason. */
export function AllocationResultView({
  result,
  names,
  label,
}: {
  result: AllocationResult;
  names: Record<string, string>;
  /** accessible name of the sessions table */
  label: string;
}) {
  const short = (codes: string[]) => codes.map((c) => (names[c] ?? c).replace(/検診$/, '')).join('・');
  return (
    <Stack gap="xs">
      {result.sessions.length === 0 ? (
        <Text size="sm">開始日以降（会場を選んだときはその会場）の集団検診の日程がありません。</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} maxHeight={320}>
          <Table striped withTableBorder verticalSpacing={2} fz="sm" aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>日程</Table.Th>
                <Table.Th>会場</Table.Th>
                <Table.Th>検診</Table.Th>
                <Table.Th style={num}>定員</Table.Th>
                <Table.Th style={num}>既予約</Table.Th>
                <Table.Th style={num}>今回割当</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatWareki(s.date)} {s.startTime}〜{s.endTime}
                  </Table.Td>
                  <Table.Td>{s.venue}</Table.Td>
                  <Table.Td>{short(s.programs)}</Table.Td>
                  <Table.Td style={num}>{formatCount(s.capacity)}</Table.Td>
                  <Table.Td style={num}>{formatCount(s.booked)}</Table.Td>
                  <Table.Td style={num}>{formatCount(s.assigned)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {result.unassigned.length > 0 && (
        <Table.ScrollContainer minWidth={640} maxHeight={240}>
          <Table striped withTableBorder verticalSpacing={2} fz="sm" aria-label="日程を割り当てられない方">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>宛名番号</Table.Th>
                <Table.Th>氏名</Table.Th>
                <Table.Th>希望する検診</Table.Th>
                <Table.Th>理由</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.unassigned.map((u) => (
                <Table.Tr key={u.residentId}>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{u.atenaNo}</Table.Td>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{short(u.programs)}</Table.Td>
                  <Table.Td>{unassignedReasonLabels[u.reason]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
