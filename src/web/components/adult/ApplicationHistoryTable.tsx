import { Badge, Table, Text } from '@mantine/core';
import type { ProgramHistory } from '../../lib/applications-api.ts';

/** 受診歴の確認: per program the last 受診, its result, the interval rule and 今年度受診可/不可 with why. */
export function ApplicationHistoryTable({ rows }: { rows: ProgramHistory[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder striped verticalSpacing={3} fz="sm" aria-label="受診歴と今年度の判定">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>検診</Table.Th>
            <Table.Th>前回受診日</Table.Th>
            <Table.Th>結果</Table.Th>
            <Table.Th>受診間隔</Table.Th>
            <Table.Th>今年度</Table.Th>
            <Table.Th>理由</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows
            .filter((r) => r.enabled)
            .map((r) => (
              <Table.Tr key={r.program}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.lastScreenedOn ? `${r.lastScreenedWareki}（${r.lastScreenedOn}）` : 'なし'}
                </Table.Td>
                <Table.Td>{r.resultLabel || '—'}</Table.Td>
                <Table.Td>{r.intervalText}</Table.Td>
                <Table.Td>
                  <Badge
                    color={r.eligible ? 'teal.9' : 'red.9'}
                    variant={r.eligible ? 'filled' : 'outline'}
                    radius="sm"
                    miw="fit-content"
                  >
                    {r.verdict}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.reasons.join('・') || '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
