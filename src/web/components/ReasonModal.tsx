import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useSave } from '../lib/useSave.ts';
import { AppModal } from './AppModal.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

type Props = {
  /** the dialog's name and title (「申込の取消」) */
  title: string;
  /** what will happen, said before the reason is asked */
  text: string;
  /** 「取消の理由」 */
  reasonLabel: string;
  /** shown when the reason is left empty (「取消の理由を入力してください（例: …）。」) */
  reasonMissing: string;
  /** the red button (「取り消す」) */
  action: string;
  /** 「取り消せません」 */
  failure: string;
  onSubmit(reason: string): Promise<unknown>;
  onClose(): void;
};

/** A destructive action that needs a reason (取消, 削除): the reason is required and kept in the history. */
export function ReasonModal(p: Props) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSave();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError(p.reasonMissing);
      return;
    }
    void run(async () => {
      await p.onSubmit(reason.trim());
      p.onClose();
    });
  }

  return (
    <AppModal opened onClose={p.onClose} title={p.title}>
      <form onSubmit={submit} noValidate aria-label={p.title}>
        <Stack gap="sm">
          <Text size="sm">{p.text}</Text>
          <ErrorAlert error={error} title={p.failure} />
          <TextInput
            label={p.reasonLabel}
            required
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <Group>
            <Button type="submit" color="red" loading={busy}>
              {p.action}
            </Button>
            <Button variant="default" onClick={p.onClose}>
              やめる
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
