import { Badge, Button, Group, Table, Text } from '@mantine/core';
import {
  type Booking,
  bookingStatusLabels,
  type ReservationSession,
  receptionLabels,
} from '../../lib/reservations-api.ts';
import { formatWareki } from '../../lib/wareki.ts';

export type BookingAction = 'arrived' | 'no_show' | 'edit' | 'cancel' | 'move' | 'promote';

type Props = {
  session: ReservationSession;
  bookings: Booking[];
  canBook: boolean;
  busyId: number | null;
  onAction(b: Booking, a: BookingAction): void;
};

const receptionColor = { none: 'gray.8', arrived: 'teal.9', no_show: 'orange.9' } as const;

/** 予約一覧 of a session for the reception desk: one row per person, buttons reachable with Tab. */
export function BookingTable({ session, bookings, canBook, busyId, onAction }: Props) {
  const slot = (b: Booking) => {
    const t = session.slots.find((s) => s.id === b.slotId);
    return t ? `${t.startTime}〜${t.endTime}` : '';
  };
  const active = bookings.filter((b) => b.status !== 'cancelled');
  const cancelled = bookings.filter((b) => b.status === 'cancelled');
  const row = (b: Booking, i: number | null) => {
    const who = `${b.name}さん`;
    const busy = busyId === b.id;
    return (
      <Table.Tr key={b.id} c={b.status === 'cancelled' ? 'dimmed' : undefined}>
        <Table.Td ta="right">{i ?? ''}</Table.Td>
        <Table.Td>{slot(b)}</Table.Td>
        <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{b.atenaNo}</Table.Td>
        <Table.Td>
          {b.name}
          <Text span size="xs" c="dimmed" ml={6}>
            {b.nameKana}
          </Text>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(b.birthDate)}</Table.Td>
        <Table.Td>
          {b.walkIn ? '当日受付' : bookingStatusLabels[b.status]}
          {b.status === 'cancelled' && b.cancelReason ? `（${b.cancelReason}）` : ''}
        </Table.Td>
        <Table.Td>
          {b.status === 'booked' && (
            <Badge color={receptionColor[b.reception]} variant="dot" radius="sm">
              {receptionLabels[b.reception]}
            </Badge>
          )}
        </Table.Td>
        <Table.Td>{b.receptionNote}</Table.Td>
        <Table.Td>
          {canBook && b.status !== 'cancelled' && (
            <Group gap={4} wrap="nowrap">
              {b.status === 'booked' ? (
                <>
                  <Button
                    size="compact-sm"
                    color="teal.9"
                    variant={b.reception === 'arrived' ? 'filled' : 'default'}
                    loading={busy}
                    onClick={() => onAction(b, 'arrived')}
                    aria-label={`${who}を受付`}
                  >
                    受付
                  </Button>
                  <Button
                    size="compact-sm"
                    color="gray.8"
                    variant={b.reception === 'no_show' ? 'filled' : 'default'}
                    onClick={() => onAction(b, 'no_show')}
                    aria-label={`${who}を欠席にする`}
                  >
                    欠席
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => onAction(b, 'edit')}
                    aria-label={`${who}の受付情報を修正`}
                  >
                    修正
                  </Button>
                </>
              ) : (
                <Button
                  size="compact-sm"
                  onClick={() => onAction(b, 'promote')}
                  aria-label={`${who}を予約にする`}
                >
                  予約にする
                </Button>
              )}
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onAction(b, 'move')}
                aria-label={`${who}の日程を変更`}
              >
                日程変更
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onAction(b, 'cancel')}
                aria-label={`${who}の予約を取消`}
              >
                取消
              </Button>
            </Group>
          )}
        </Table.Td>
      </Table.Tr>
    );
  };
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" aria-label="予約一覧">
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">番号</Table.Th>
            <Table.Th>時間枠</Table.Th>
            <Table.Th>宛名番号</Table.Th>
            <Table.Th>氏名</Table.Th>
            <Table.Th>生年月日</Table.Th>
            <Table.Th>予約</Table.Th>
            <Table.Th>受付</Table.Th>
            <Table.Th>備考</Table.Th>
            <Table.Th>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {active.map((b, i) => row(b, i + 1))}
          {cancelled.map((b) => row(b, null))}
          {bookings.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={9}>
                <Text size="sm" c="dimmed">
                  予約はありません。
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
