import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  type Booking,
  type Reception,
  receptionLabels,
  reservationsApi,
} from '../../lib/reservations-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = { booking: Booking; onDone(): void; onClose(): void };

/** The modal of a row's 修正 or 取消 button. */
export function BookingModals({ action, ...props }: Props & { action: 'edit' | 'cancel' }) {
  return action === 'edit' ? <ReceptionModal {...props} /> : <CancelModal {...props} />;
}

/** 受付情報の修正 (F03-02 受付情報登録/確認): the reception state and its note. */
function ReceptionModal({ booking, onDone, onClose }: Props) {
  const [reception, setReception] = useState<Reception>(booking.reception);
  const [note, setNote] = useState(booking.receptionNote);
  const { busy, error, run } = useSave();
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await reservationsApi.reception(booking, reception, note);
      onDone();
    });
  }
  return (
    <AppModal opened onClose={onClose} title={`${booking.name}さんの受付情報`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={error} title="保存できません" />
          <SegmentedControl
            aria-label="受付の状態"
            value={reception}
            onChange={(v) => setReception(v as Reception)}
            data={(Object.keys(receptionLabels) as Reception[]).map((k) => ({
              value: k,
              label: receptionLabels[k],
            }))}
          />
          <TextInput
            label="受付の備考"
            description="例: 問診票あり、車いす、保険証確認済"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              閉じる
            </Button>
            <Button type="submit" loading={busy}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** 予約の取消 with its reason; nobody on the waiting list is promoted by itself. */
function CancelModal({ booking, onDone, onClose }: Props) {
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSave();
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await reservationsApi.cancel(booking, reason);
      onDone();
    });
  }
  return (
    <AppModal opened onClose={onClose} title="予約の取消">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={error} title="取り消せません" />
          <Text size="sm">
            {booking.name}さん（宛名番号 {booking.atenaNo}）の
            {booking.status === 'waiting' ? 'キャンセル待ち' : '予約'}
            を取り消します。キャンセル待ちの方は自動では繰り上がりません。
          </Text>
          <TextInput
            label="取消の理由"
            description="例: 本人から電話、体調不良"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              キャンセル
            </Button>
            <Button type="submit" color="red" loading={busy}>
              取り消す
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
