import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useAuth } from '../../lib/auth.tsx';
import { infantCheckupsApi } from '../../lib/infant-checkups-api.ts';
import { programsApi } from '../../lib/programs-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = { checkup: string; checkupName: string; from: string };

/**
 * 集団健診の日程 (F07-03 "the municipality sets up the checkup schedule in advance"): the checkup's sessions in the
 * reservations engine (乳幼児健診, program = the checkup) and a form to add one. The 日程・予約 screen shows them too.
 */
export function InfantSessionsTab({ checkup, checkupName, from }: Props) {
  const { can } = useAuth();
  const qc = useQueryClient();
  const key = ['infant', 'sessions', checkup, from];
  const sessions = useQuery({ queryKey: key, queryFn: () => infantCheckupsApi.sessions(checkup, from) });
  const venues = useQuery({
    queryKey: ['programs', 'venues', '', 'true'],
    queryFn: () => programsApi.venues('', 'true'),
    enabled: can('reservations.manage'),
  });
  const [v, setV] = useState({
    venueId: '',
    sessionDate: '',
    startTime: '13:00',
    endTime: '15:00',
    capacity: '30',
  });
  const save = useSave();

  function submit(e: FormEvent) {
    e.preventDefault();
    const d = parseDateInput(v.sessionDate);
    if (!d.ok) {
      save.setError(`実施日: ${d.message}`);
      return;
    }
    void save.run(async () => {
      await infantCheckupsApi.createSession({
        checkup,
        venueId: Number(v.venueId) || 0,
        sessionDate: d.date,
        startTime: v.startTime,
        endTime: v.endTime,
        capacity: Number(v.capacity),
      });
      setV({ ...v, sessionDate: '' });
      await qc.invalidateQueries({ queryKey: key });
    });
  }

  return (
    <Stack gap="sm">
      <ErrorAlert error={sessions.error} />
      <Table striped withTableBorder fz="sm" aria-label={`${checkupName}の日程`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>実施日</Table.Th>
            <Table.Th>時間</Table.Th>
            <Table.Th>会場</Table.Th>
            <Table.Th>定員</Table.Th>
            <Table.Th>予約</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(sessions.data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{formatWareki(s.date)}</Table.Td>
              <Table.Td>
                {s.startTime}〜{s.endTime}
              </Table.Td>
              <Table.Td>{s.venue}</Table.Td>
              <Table.Td>{s.capacity}</Table.Td>
              <Table.Td>{s.booked}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {sessions.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {formatWareki(from)}以降の日程はまだありません。
        </Text>
      )}
      {can('reservations.manage') && (
        <Paper withBorder p="sm" component="form" onSubmit={submit} aria-label="日程の追加">
          <Stack gap="xs">
            <ErrorAlert
              error={save.error}
              title="日程を追加できません"
              fieldsShown={['venueId', 'sessionDate', 'startTime', 'endTime', 'capacity']}
            />
            <Group align="flex-start" gap="sm">
              <NativeSelect
                label="会場"
                value={v.venueId}
                onChange={(e) => setV({ ...v, venueId: e.currentTarget.value })}
                error={save.fieldErrors.venueId}
                data={[
                  { value: '', label: '選んでください' },
                  ...(venues.data?.venues ?? []).map((x) => ({ value: String(x.id), label: x.name })),
                ]}
              />
              <DateField
                label="実施日"
                value={v.sessionDate}
                onChange={(sessionDate) => setV({ ...v, sessionDate })}
                error={save.fieldErrors.sessionDate}
              />
              <TextInput
                label="開始"
                w={90}
                value={v.startTime}
                onChange={(e) => setV({ ...v, startTime: e.currentTarget.value })}
                error={save.fieldErrors.startTime}
              />
              <TextInput
                label="終了"
                w={90}
                value={v.endTime}
                onChange={(e) => setV({ ...v, endTime: e.currentTarget.value })}
                error={save.fieldErrors.endTime}
              />
              <TextInput
                label="定員"
                w={80}
                value={v.capacity}
                onChange={(e) => setV({ ...v, capacity: e.currentTarget.value })}
                error={save.fieldErrors.capacity}
              />
              <Button type="submit" mt={24} loading={save.busy}>
                日程を追加
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
