import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  entry: { name: string; atenaNo: string };
  /** 除外理由 offered: code → label */
  reasons: Record<string, string>;
  /** saves the exclusion (and refreshes what shows the list); an error is shown in the modal */
  onExclude(v: { reason: string; note: string }): Promise<void>;
  onClose(): void;
};

/** 除外（引き抜き）: leaves one person out of a 対象者リスト with a reason (入院中, 施設入所 …) and a note. */
export function ExcludeModal({ entry, reasons, onExclude, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, fieldErrors, setError, run } = useSave();
  const onKeyDown = useEnterToNext();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason) {
      setError('除外理由を選んでください。');
      return;
    }
    void run(async () => {
      await onExclude({ reason, note });
      onClose();
    });
  }

  return (
    <AppModal opened onClose={onClose} title="対象者リストから除外">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="除外">
        <Stack gap="sm">
          <Text size="sm">
            {entry.name}（宛名番号 {entry.atenaNo}）をこのリストから除外します。除外した方には送付しません。
          </Text>
          <ErrorAlert error={error} title="除外できません" fieldsShown={['reason', 'note']} />
          <NativeSelect
            label="除外理由"
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldErrors.reason}
            data={[
              { value: '', label: '選んでください' },
              ...Object.entries(reasons).map(([value, label]) => ({ value, label })),
            ]}
            data-autofocus
          />
          <TextInput
            label="備考（任意）"
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldErrors.note}
            autoComplete="off"
          />
          <Group>
            <Button type="submit" color="red" loading={busy}>
              除外する
            </Button>
            <Button variant="default" onClick={onClose}>
              キャンセル
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
