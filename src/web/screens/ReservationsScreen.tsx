import { Button, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { today } from '../../server/platform/calendar/date-age.ts';
import { fiscalYearOf } from '../../server/platform/calendar/fiscal-year.ts';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { DateField } from '../components/DateField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import {
  SessionDateCell,
  SessionStatusBadge,
  SessionTable,
  SessionTimeCell,
} from '../components/reservations/SessionTable.tsx';
import { formatCount } from '../lib/format.ts';
import {
  reservationKeys,
  reservationsApi,
  type SessionStatus,
  sessionStatusLabels,
} from '../lib/reservations-api.ts';
import { formatWareki, parseDateInput } from '../lib/wareki.ts';

const num = { fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' } as const;
const dateOf = (text: string) => {
  const r = text.trim() ? parseDateInput(text) : null;
  return r?.ok ? r.date : undefined;
};

/** 集団検診の日程・受付: the sessions (年度・事業・期間・状態で絞り込み) with their counts, each opening its 受付. */
export function ReservationsScreen() {
  const current = fiscalYearOf(today());
  const [fy, setFy] = useState(current);
  const [purpose, setPurpose] = useState('');
  const [status, setStatus] = useState<SessionStatus | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const purposes = useQuery({ queryKey: reservationKeys.purposes(), queryFn: reservationsApi.purposes });
  const filter = {
    fiscalYear: fy,
    purpose: purpose || undefined,
    status: status || undefined,
    from: dateOf(from),
    to: dateOf(to),
  };
  const sessions = useQuery({
    queryKey: reservationKeys.sessions(filter),
    queryFn: () => reservationsApi.sessions(filter),
  });

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        集団検診の日程・受付
      </Title>
      <Group align="flex-end" gap="md">
        <FiscalYearSelect value={fy} current={current} onChange={setFy} />
        <NativeSelect
          label="事業"
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
          data={[
            { value: '', label: 'すべて' },
            ...(purposes.data?.purposes ?? []).map((p) => ({ value: p.code, label: p.label })),
          ]}
        />
        <DateField label="期間（から）" value={from} onChange={setFrom} w={180} />
        <DateField label="期間（まで）" value={to} onChange={setTo} w={180} />
        <NativeSelect
          label="状態"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as SessionStatus | '')}
          data={[
            { value: '', label: 'すべて' },
            ...(Object.keys(sessionStatusLabels) as SessionStatus[]).map((k) => ({
              value: k,
              label: sessionStatusLabels[k],
            })),
          ]}
        />
      </Group>
      <ErrorAlert error={sessions.error ?? purposes.error} />
      {sessions.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {sessions.data && (
        <>
          <Text size="sm" role="status">
            {formatCount(sessions.data.sessions.length)}件
          </Text>
          <SessionTable
            label="日程の一覧"
            minWidth={900}
            columns={[
              '実施日',
              '時間',
              '会場',
              '事業',
              '状態',
              { label: '定員', style: num },
              { label: '予約', style: num },
              { label: '待ち', style: num },
              { label: '受付済', style: num },
              '受付',
            ]}
            sessions={sessions.data.sessions}
            cells={(s) => (
              <>
                <SessionDateCell
                  date={`${formatWareki(s.sessionDate)}（${s.weekday}）`}
                  holiday={s.holidayName && '祝日'}
                />
                <SessionTimeCell startTime={s.startTime} endTime={s.endTime} />
                <Table.Td>{s.venueName}</Table.Td>
                <Table.Td>{s.purposeLabel}</Table.Td>
                <Table.Td>
                  <SessionStatusBadge status={s.status} label={s.statusLabel} />
                </Table.Td>
                <Table.Td style={num}>{s.capacity}</Table.Td>
                <Table.Td style={num} c={s.overCapacity ? 'red' : undefined}>
                  {s.booked}
                </Table.Td>
                <Table.Td style={num}>{s.waiting}</Table.Td>
                <Table.Td style={num}>{s.arrived}</Table.Td>
                <Table.Td>
                  <Button
                    component={Link}
                    to={`/reservations/sessions/${s.id}`}
                    size="compact-sm"
                    variant="light"
                    aria-label={`${s.sessionDate} ${s.venueName}の受付を開く`}
                  >
                    受付
                  </Button>
                </Table.Td>
              </>
            )}
            empty="条件に合う日程はありません。日程は 成人保健 › 事業マスタ › 集団検診日程 で登録します。"
          />
        </>
      )}
    </Stack>
  );
}
