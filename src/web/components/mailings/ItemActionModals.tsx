import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import type { MailingItem } from '../../lib/mailings.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = { mailingId: number; item: MailingItem | null; onClose(): void; onDone(): void };

const who = (i: MailingItem) => `連番 ${i.seq}　${i.name}（宛名番号 ${i.atenaNo}）`;

/** 引き抜く: a staff pull-out needs a reason (kept in the 引き抜きリスト and the access log). */
export function PullOutModal({ mailingId, item, onClose, onDone }: Props) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const { busy, error, setError, run } = useSave();

  function close() {
    setNote('');
    setNoteError(null);
    setError(null);
    onClose();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!item) return;
    if (!note.trim()) {
      setNoteError('引き抜く理由を入力してください（例: 本人から辞退の連絡）。');
      return;
    }
    setNoteError(null);
    void run(async () => {
      await api.post(`/api/mailings/${mailingId}/items/${item.residentId}/pull-out`, { note: note.trim() });
      setNote('');
      onDone();
      onClose();
    });
  }

  return (
    <AppModal opened={item !== null} onClose={close} title="引き抜く" size="lg">
      {item && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{who(item)}</Text>
            <Textarea
              label="引き抜く理由"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={noteError}
              autosize
              minRows={2}
              maxLength={500}
              data-autofocus
            />
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                キャンセル
              </Button>
              <Button type="submit" color="orange" loading={busy}>
                引き抜く
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}

/** 支援措置対象者の送付確認: send (to the registered address) or not, with what was confirmed. */
export function ConfirmSupportModal({ mailingId, item, onClose, onDone }: Props) {
  const [send, setSend] = useState<'yes' | 'no' | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ send?: string; note?: string }>({});
  const { busy, error, setError, run } = useSave();

  function close() {
    setSend('');
    setNote('');
    setErrors({});
    setError(null);
    onClose();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!item) return;
    const next: typeof errors = {};
    if (!send) next.send = '送付するか、送付しないかを選んでください。';
    if (!note.trim()) next.note = '確認した内容を入力してください（例: 本人に送付先を確認済み）。';
    setErrors(next);
    if (next.send || next.note) return;
    void run(async () => {
      await api.post(`/api/mailings/${mailingId}/items/${item.residentId}/confirm`, {
        send: send === 'yes',
        note: note.trim(),
      });
      setSend('');
      setNote('');
      onDone();
      onClose();
    });
  }

  return (
    <AppModal opened={item !== null} onClose={close} title="支援措置対象者の送付確認" size="lg">
      {item && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{who(item)}</Text>
            <Alert color="yellow" variant="light">
              支援措置対象者です。送付先の住所に送ってよいかを担当課・本人に確認してから選んでください。確認の記録はアクセスログに残ります。
            </Alert>
            <Radio.Group
              label="送付"
              value={send}
              onChange={(v) => setSend(v === 'yes' ? 'yes' : v === 'no' ? 'no' : '')}
              error={errors.send}
            >
              <Group gap="md" mt={4}>
                <Radio value="yes" label="送付する" />
                <Radio value="no" label="送付しない（引き抜く）" />
              </Group>
            </Radio.Group>
            <Textarea
              label="確認した内容"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
              autosize
              minRows={2}
              maxLength={500}
            />
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                キャンセル
              </Button>
              <Button type="submit" loading={busy}>
                確認を登録
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
