import { Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import type { ProgramDefinition, SessionRoster as Roster } from '../../lib/results-api.ts';
import { formatWareki } from '../../lib/wareki.ts';

const receptions: Record<string, string> = { none: '未受付', arrived: '受付済', no_show: '欠席' };

type Props = {
  roster: Roster;
  programs: ProgramDefinition[];
  current: number | null;
  onPick(p: Roster['people'][number]): void;
};

/**
 * 集団検診の結果入力 (F03-02): the session's people (受付済 first); 「入力」 opens a person's 結果票 with the session's
 * date and 集団 filled in. What each person already has is shown per program.
 */
export function SessionRoster({ roster, programs, current, onPick }: Props) {
  const s = roster.session;
  const name = (code: string) => programs.find((p) => p.code === code)?.name ?? code;
  const people = [...roster.people].sort(
    (a, b) => Number(b.reception === 'arrived') - Number(a.reception === 'arrived'),
  );
  const left = people.filter(
    (p) => s.programs.some((c) => !p.results[c]) && p.reception !== 'no_show',
  ).length;
  return (
    <Paper withBorder p="sm" component="section" aria-label="集団検診の受診者">
      <Stack gap="xs">
        <Text fw={700}>
          {formatWareki(s.sessionDate)} {s.startTime}〜 {s.venueName}（{s.programs.map(name).join('・')}）
        </Text>
        <Text size="sm" role="status">
          {people.length}人 / 結果の入力が残っている方 {left}人
        </Text>
        <Table striped withTableBorder fz="sm" aria-label="受診者の一覧">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>宛名番号</Table.Th>
              <Table.Th>氏名</Table.Th>
              <Table.Th>受付</Table.Th>
              {s.programs.map((c) => (
                <Table.Th key={c}>{name(c)}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p) => (
              <Table.Tr key={p.bookingId} bg={p.residentId === current ? 'blue.0' : undefined}>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{p.atenaNo}</Table.Td>
                <Table.Td>
                  {p.name}
                  <Text span size="xs" c="dimmed" ml={6}>
                    {p.nameKana}
                  </Text>
                </Table.Td>
                <Table.Td>{receptions[p.reception] ?? p.reception}</Table.Td>
                {s.programs.map((c) => (
                  <Table.Td key={c}>
                    {p.results[c] ? (
                      <Badge variant="light" color="teal">
                        入力済
                      </Badge>
                    ) : (
                      <Text span size="xs" c="dimmed">
                        未入力
                      </Text>
                    )}
                  </Table.Td>
                ))}
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => onPick(p)}
                    aria-label={`${p.name}の結果を入力`}
                  >
                    入力
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
