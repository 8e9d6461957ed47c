import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type Booking,
  type ReservationSession,
  reservationKeys,
  reservationsApi,
} from '../../lib/reservations-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = { from: ReservationSession; booking: Booking; onDone(): void; onClose(): void };

/** 日程の変更: another 受付中 session of the same business and 年度 (and its time slot). */
export function MoveModal({ from, booking, onDone, onClose }: Props) {
  const filter = { purpose: from.purpose, fiscalYear: from.fiscalYear, status: 'open' };
  const sessions = useQuery({
    queryKey: reservationKeys.sessions(filter),
    queryFn: () => reservationsApi.sessions(filter),
  });
  const choices = (sessions.data?.sessions ?? []).filter((s) => s.id !== from.id || s.slots.length > 1);
  const [to, setTo] = useState('');
  const [slot, setSlot] = useState('');
  const target = choices.find((s) => String(s.id) === to);
  const { busy, error, run } = useSave();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!target) return;
    const slotId = target.slots.length ? Number(slot || target.slots[0]!.id) : null;
    void run(async () => {
      await reservationsApi.move(booking, target.id, slotId);
      onDone();
    });
  }

  return (
    <AppModal opened onClose={onClose} size="lg" title={`${booking.name}さんの日程の変更`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={sessions.error ?? error} title="日程を変更できません" />
          <Text size="sm">今の予約は取り消され、選んだ日程に予約します（1つの操作で行います）。</Text>
          <NativeSelect
            label="移る先の日程"
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              setSlot('');
            }}
            data={[
              { value: '', label: '選んでください' },
              ...choices.map((s) => ({
                value: String(s.id),
                label: `${formatWareki(s.sessionDate)}（${s.weekday}） ${s.startTime}〜 ${s.venueName}（予約 ${s.booked} / 定員 ${s.capacity}人）`,
              })),
            ]}
            data-autofocus
          />
          {target && target.slots.length > 0 && (
            <NativeSelect
              label="時間枠"
              value={slot}
              onChange={(e) => setSlot(e.currentTarget.value)}
              data={target.slots.map((s) => ({
                value: String(s.id),
                label: `${s.startTime}〜${s.endTime}（予約 ${s.booked} / 定員 ${s.capacity}人）`,
              }))}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              閉じる
            </Button>
            <Button type="submit" loading={busy} disabled={!target}>
              この日程に変更
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
