import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Application, cancelApplication } from '../../lib/applications-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

/**
 * 申込の取消 (the person withdrew, applied twice by mistake …): a reason is required; a 集団検診 booking is
 * cancelled with it, and the place becomes free. Optimistic lock: a changed application gives a message.
 */
export function ApplicationCancelModal({
  application: a,
  onClose,
}: {
  application: Application;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSave();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError('取消の理由を入力してください（例: 本人から辞退の連絡）。');
      return;
    }
    void run(async () => {
      await cancelApplication(a.id, reason.trim(), a.version);
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
      onClose();
    });
  }

  return (
    <AppModal opened onClose={onClose} title="申込の取消">
      <form onSubmit={submit} noValidate aria-label="申込の取消">
        <Stack gap="sm">
          <Text size="sm">
            {a.name}（宛名番号 {a.atenaNo}）の {formatWareki(a.appliedOn)} の申込を取り消します。
            {a.mode === 'group' && a.sessionDate ? ' 集団検診の予約も取り消し、その枠は空きます。' : ''}
          </Text>
          <ErrorAlert error={error} title="取り消せません" />
          <TextInput
            label="取消の理由"
            required
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <Group>
            <Button type="submit" color="red" loading={busy}>
              取り消す
            </Button>
            <Button variant="default" onClick={onClose}>
              やめる
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
