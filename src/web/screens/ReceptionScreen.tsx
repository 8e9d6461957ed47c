import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EncodingRadio } from '../components/EncodingRadio.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { BookingModals } from '../components/reservations/BookingModals.tsx';
import { type BookingAction, BookingTable } from '../components/reservations/BookingTable.tsx';
import { BookModal } from '../components/reservations/BookModal.tsx';
import { MoveModal } from '../components/reservations/MoveModal.tsx';
import { SessionStatusBadge } from '../components/reservations/SessionTable.tsx';
import { useAuth } from '../lib/auth.tsx';
import { type Booking, reservationKeys, reservationsApi } from '../lib/reservations-api.ts';
import { useSave } from '../lib/useSave.ts';
import { formatWareki } from '../lib/wareki.ts';

/**
 * 受付 (F03-02 受付情報登録/確認): the bookings of one session for the reception desk — 受付 / 欠席 / 取消,
 * 当日受付（予約なし）, 日程変更, キャンセル待ちからの繰り上げ, and the 受付名簿 as PDF and CSV.
 */
export function ReceptionScreen() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const canBook = can('reservations.book');
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: reservationKeys.session(id),
    queryFn: () => reservationsApi.session(id),
  });
  const [adding, setAdding] = useState<'book' | 'walk_in' | null>(null);
  const [acting, setActing] = useState<{ booking: Booking; action: BookingAction } | null>(null);
  const [encoding, setEncoding] = useState<'utf8' | 'sjis'>('utf8');
  const quick = useSave();
  const [busyId, setBusyId] = useState<number | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: reservationKeys.all });
  const done = () => {
    setAdding(null);
    setActing(null);
    void refresh();
  };

  function onAction(b: Booking, action: BookingAction) {
    if (action === 'arrived' || action === 'no_show' || action === 'promote') {
      setBusyId(b.id);
      void quick
        .run(async () => {
          if (action === 'promote') await reservationsApi.promote(b);
          else await reservationsApi.reception(b, action, b.receptionNote);
          await refresh();
        })
        .finally(() => setBusyId(null));
      return;
    }
    setActing({ booking: b, action });
  }

  if (detail.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (detail.error) return <ErrorAlert error={detail.error} />;
  const { session: s, bookings } = detail.data;

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/reservations" size="sm">
        ← 日程の一覧へ
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={1} size="h3">
              {formatWareki(s.sessionDate)}（{s.weekday}） {s.venueName}
            </Title>
            <SessionStatusBadge status={s.status} label={s.statusLabel} />
            {s.holidayName && (
              <Badge color="red.9" variant="outline">
                祝日（{s.holidayName}）
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {s.purposeLabel} ・ {s.startTime}〜{s.endTime} ・ 予約の締切 {formatWareki(s.lastBookingDay)}
          </Text>
        </Stack>
        <Group gap="xs">
          {canBook && s.status !== 'cancelled' && (
            <>
              <Button onClick={() => setAdding('book')}>予約を登録</Button>
              <Button variant="light" onClick={() => setAdding('walk_in')}>
                当日受付（予約なし）
              </Button>
            </>
          )}
          {s.purpose === 'adult-health.group' && can('adult.view') && (
            <Button component={Link} to={`/adult/results?session=${s.id}`} variant="default">
              結果入力
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder p="sm" component="section" aria-label="人数">
        <Group gap="xl" role="status">
          <Text>定員 {s.capacity}人</Text>
          <Text>予約 {s.booked}人</Text>
          <Text>キャンセル待ち {s.waiting}人</Text>
          <Text>受付済 {s.arrived}人</Text>
          <Text>欠席 {s.noShow}人</Text>
          {s.overCapacity && (
            <Badge color="red.9" radius="sm">
              定員超過
            </Badge>
          )}
        </Group>
      </Paper>
      {s.waiting > 0 && s.booked < s.capacity && (
        <Alert color="yellow" variant="light" title="キャンセル待ちの方がいます">
          空きが{s.capacity - s.booked}
          人分あります。一覧の「予約にする」で繰り上げてください（自動では繰り上がりません）。
        </Alert>
      )}
      <ErrorAlert error={quick.error} title="更新できません" />

      <BookingTable session={s} bookings={bookings} canBook={canBook} busyId={busyId} onAction={onAction} />

      <Paper withBorder p="sm" component="section" aria-label="受付名簿">
        <Group gap="md" align="flex-end">
          <Button
            component="a"
            href={reservationsApi.rosterPdfUrl(s.id)}
            target="_blank"
            rel="noopener"
            variant="default"
          >
            名簿PDF
          </Button>
          <EncodingRadio value={encoding} onChange={setEncoding} />
          <Button
            component="a"
            href={reservationsApi.rosterCsvUrl(s.id, encoding)}
            download
            variant="default"
          >
            名簿CSV
          </Button>
          <Text size="xs" c="dimmed">
            PDFは新しいタブで開きます。出力はアクセスログに記録されます。
          </Text>
        </Group>
      </Paper>

      {adding && <BookModal session={s} mode={adding} onDone={done} onClose={() => setAdding(null)} />}
      {acting?.action === 'move' && (
        <MoveModal from={s} booking={acting.booking} onDone={done} onClose={() => setActing(null)} />
      )}
      {acting && (acting.action === 'cancel' || acting.action === 'edit') && (
        <BookingModals
          action={acting.action}
          booking={acting.booking}
          onDone={done}
          onClose={() => setActing(null)}
        />
      )}
    </Stack>
  );
}
