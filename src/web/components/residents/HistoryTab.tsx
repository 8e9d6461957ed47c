import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import { eventLabels, sexLabels, statusLabels } from '../../lib/labels.ts';
import type { ResidentEvent, ResidentState } from '../../lib/types.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki, formatWarekiWithYear } from '../../lib/wareki.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadges } from '../StatusBadges.tsx';

/** 異動履歴 (newest first) and the register's state on a past date (過去時点の状態). */
export function HistoryTab({ residentId, events }: { residentId: number; events: ResidentEvent[] }) {
  const sorted = [...events].sort((a, b) =>
    a.eventDate === b.eventDate ? b.id - a.id : a.eventDate < b.eventDate ? 1 : -1,
  );
  return (
    <Stack gap="md">
      <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" aria-label="異動履歴">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>異動日</Table.Th>
            <Table.Th>異動事由</Table.Th>
            <Table.Th>氏名</Table.Th>
            <Table.Th>住所</Table.Th>
            <Table.Th>状態</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(e.eventDate)}</Table.Td>
              <Table.Td>{eventLabels[e.eventCode] ?? e.eventCode}</Table.Td>
              <Table.Td>
                {e.state.name}
                <Text size="xs" c="dimmed">
                  {e.state.nameKana}
                </Text>
              </Table.Td>
              <Table.Td>
                {e.state.address}
                {e.state.addressExtra ? ` ${e.state.addressExtra}` : ''}
              </Table.Td>
              <Table.Td>
                <StatusBadges status={e.state.status} supportMeasure={e.state.supportMeasure} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {sorted.length === 0 && <Text size="sm">異動履歴はありません。</Text>}
      <PastState residentId={residentId} />
    </Stack>
  );
}

function PastState({ residentId }: { residentId: number }) {
  const [on, setOn] = useState('');
  const { busy, error, run } = useSave();
  const [result, setResult] = useState<{ on: string; state: ResidentState | null } | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!on.trim()) return;
    void run(
      async () =>
        setResult(
          await api.get<{ on: string; state: ResidentState | null }>(
            `/api/residents/${residentId}/state?on=${encodeURIComponent(on.trim())}`,
          ),
        ),
      () => setResult(null),
    );
  }

  const s = result?.state;
  return (
    <Paper withBorder p="sm" component="section">
      <Stack gap="xs">
        <Text fw={700}>過去時点の状態</Text>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <DateField label="基準日" name="on" value={on} onChange={setOn} w={280} />
            <Button type="submit" loading={busy}>
              表示
            </Button>
          </Group>
        </form>
        <ErrorAlert error={error} />
        {result && !s && <Text size="sm">{formatWareki(result.on)}時点の記録はありません。</Text>}
        {result && s && (
          <Table withTableBorder verticalSpacing={4} fz="sm" aria-label="過去時点の状態" maw={760}>
            <Table.Tbody>
              {(
                [
                  ['基準日', formatWarekiWithYear(result.on)],
                  ['氏名', `${s.name}（${s.nameKana}）`],
                  ['生年月日', formatWarekiWithYear(s.birthDate)],
                  ['性別', sexLabels[s.sex] ?? s.sex],
                  ['世帯番号', s.householdNo ?? ''],
                  ['続柄', s.relationship],
                  ['住所', `${s.address}${s.addressExtra ? ` ${s.addressExtra}` : ''}`],
                  ['状態', `${statusLabels[s.status] ?? s.status}${s.supportMeasure ? '・支援措置' : ''}`],
                ] as [string, string][]
              ).map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={140} scope="row" bg="gray.0">
                    {k}
                  </Table.Th>
                  <Table.Td>{v}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
