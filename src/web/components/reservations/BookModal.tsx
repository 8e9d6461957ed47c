import { Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useAuth } from '../../lib/auth.tsx';
import { type ReservationSession, reservationsApi } from '../../lib/reservations-api.ts';
import type { Resident } from '../../lib/types.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ResidentPicker } from '../adult/ResidentPicker.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  session: ReservationSession;
  /** 'book' 予約の登録 / 'walk_in' 当日受付（予約なし） */
  mode: 'book' | 'walk_in';
  onDone(): void;
  onClose(): void;
};

/** 予約の登録 or 当日受付（予約なし）: the person by ResidentPicker, the time slot when the session has them. */
export function BookModal({ session, mode, onDone, onClose }: Props) {
  const { can } = useAuth();
  const [person, setPerson] = useState<Resident | null>(null);
  const [slotId, setSlotId] = useState(session.slots[0] ? String(session.slots[0].id) : '');
  const [waitIfFull, setWaitIfFull] = useState(false);
  const [afterCutoff, setAfterCutoff] = useState(false);
  const [note, setNote] = useState('');
  const { busy, error, fieldErrors, run } = useSave();
  const walkIn = mode === 'walk_in';

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!person) return;
    const slot = slotId ? Number(slotId) : null;
    void run(async () => {
      if (walkIn) await reservationsApi.walkIn(session.id, { residentId: person.id, note, slotId: slot });
      else
        await reservationsApi.book(session.id, {
          residentId: person.id,
          slotId: slot,
          waitIfFull,
          afterCutoff,
        });
      onDone();
    });
  }

  return (
    <AppModal opened onClose={onClose} size="lg" title={walkIn ? '当日受付（予約なし）' : '予約の登録'}>
      <Stack gap="sm">
        <ResidentPicker
          id="book-person"
          value={person}
          onChange={setPerson}
          autoFocus
          error={fieldErrors.residentId}
        />
        <form onSubmit={submit} noValidate aria-label={walkIn ? '当日受付' : '予約'}>
          <Stack gap="sm">
            <ErrorAlert error={error} title={walkIn ? '受付できません' : '予約できません'} />
            {session.slots.length > 0 && (
              <NativeSelect
                label="時間枠"
                value={slotId}
                onChange={(e) => setSlotId(e.currentTarget.value)}
                data={session.slots.map((s) => ({
                  value: String(s.id),
                  label: `${s.startTime}〜${s.endTime}（予約 ${s.booked} / 定員 ${s.capacity}人）`,
                }))}
              />
            )}
            {walkIn ? (
              <TextInput
                label="受付の備考"
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autoComplete="off"
              />
            ) : (
              <Group gap="lg">
                <Checkbox
                  label="定員に達しているときはキャンセル待ちにする"
                  checked={waitIfFull}
                  onChange={(e) => setWaitIfFull(e.currentTarget.checked)}
                />
                {can('reservations.manage') && (
                  <Checkbox
                    label="締切後の受付（締切・締切日を過ぎた日程）"
                    checked={afterCutoff}
                    onChange={(e) => setAfterCutoff(e.currentTarget.checked)}
                  />
                )}
              </Group>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                閉じる
              </Button>
              <Button type="submit" loading={busy} disabled={!person}>
                {walkIn ? '受付する' : '予約する'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </AppModal>
  );
}
