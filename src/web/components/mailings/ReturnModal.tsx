import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import { returnReasonLabel, returnReasons, type SendRecord } from '../../lib/mailings.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const reasonOptions = Object.entries(returnReasons).map(([value, label]) => ({ value, label }));

/** 返戻登録: the date the letter came back, why, and a note (optimistic lock on the send record). */
export function ReturnModal({
  record,
  onClose,
  onDone,
}: {
  record: SendRecord;
  onClose(): void;
  onDone(): void;
}) {
  const [returnedOn, setReturnedOn] = useState(record.returnedOn ? formatWareki(record.returnedOn) : '');
  const [reason, setReason] = useState<string | null>(record.returnReason);
  const [note, setNote] = useState(record.returnNote);
  const [errors, setErrors] = useState<{ returnedOn?: string; reason?: string }>({});
  const save = useVersionedSave<SendRecord>(record.version);

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    const d = parseDateInput(returnedOn);
    if (!returnedOn.trim()) next.returnedOn = '返戻日を入力してください。';
    else if (!d.ok) next.returnedOn = d.message;
    if (!reason) next.reason = '返戻理由を選んでください。';
    setErrors(next);
    if (next.returnedOn || next.reason || !d.ok) return;
    void save.run(async () => {
      await api.put(`/api/send-records/${record.id}/return`, {
        returnedOn: d.date,
        reason,
        note: note.trim(),
        version: save.version,
      });
      onDone();
      onClose();
    });
  }

  const current = save.current;
  return (
    <AppModal opened onClose={onClose} title="返戻登録" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {record.documentTitle}（発送日 {formatWareki(record.sentOn)}、{record.recipientName}）
          </Text>
          <DateField
            label="返戻日"
            value={returnedOn}
            onChange={setReturnedOn}
            error={errors.returnedOn ?? save.fieldErrors.returnedOn}
            data-autofocus
          />
          <Select
            label="返戻理由"
            data={reasonOptions}
            value={reason}
            onChange={setReason}
            error={errors.reason ?? save.fieldErrors.reason}
            allowDeselect={false}
          />
          <Textarea
            label="メモ"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={500}
          />
          {current && (
            <ConflictCurrent
              current={{
                returnedOn: current.returnedOn ? formatWareki(current.returnedOn) : '（なし）',
                returnReason: returnReasonLabel(current.returnReason),
                returnNote: current.returnNote,
              }}
              labels={{ returnedOn: '返戻日', returnReason: '返戻理由', returnNote: 'メモ' }}
              onLoad={() => {
                setReturnedOn(current.returnedOn ? formatWareki(current.returnedOn) : '');
                setReason(current.returnReason);
                setNote(current.returnNote);
                save.dismissConflict();
              }}
            />
          )}
          <ErrorAlert error={save.error} fieldsShown={['returnedOn', 'reason']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              キャンセル
            </Button>
            <Button type="submit" loading={save.busy}>
              {current ? 'この内容で上書き保存' : '登録する'}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
