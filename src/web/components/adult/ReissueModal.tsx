import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { adultKeys, fiscalYearLabel } from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import { openPdfInTab } from '../../lib/pdf.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  residentId: number;
  fiscalYear: number;
  sendMethods: Record<string, string>;
  onClose(): void;
};

/** 受診票を再発行 (紛失, 転入): the ticket PDF opens in a new tab and a send record is kept. */
export function ReissueModal({ residentId, fiscalYear, sendMethods, onClose }: Props) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [method, setMethod] = useState('counter');
  const [reason, setReason] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { busy, error, fieldErrors, run } = useSave();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError('再発行の理由を入力してください（例: 紛失、転入）。');
      return;
    }
    void run(async () => {
      const url = await openPdfInTab(() =>
        api.postBlob(`/api/adult/residents/${residentId}/reissue`, { fiscalYear, method, reason }),
      );
      setOpened(url);
      await queryClient.invalidateQueries({ queryKey: adultKeys.resident(residentId) });
    });
  }

  return (
    <AppModal opened onClose={onClose} title="受診票を再発行">
      {opened ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status" title="再発行しました">
            受診票（券）のPDFを新しいタブで開きました。送付履歴に記録しました。
          </Alert>
          <Text size="sm">
            タブが開かないときは{' '}
            <a href={opened} target="_blank" rel="noopener noreferrer">
              こちらからPDFを開いてください
            </a>
            。
          </Text>
          <Group>
            <Button onClick={onClose} data-autofocus>
              閉じる
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="受診票の再発行">
          <Stack gap="sm">
            <Text size="sm">
              {fiscalYearLabel(fiscalYear)}の受診票（券）を、今日の判定で対象の検診について作り直します。
            </Text>
            <ErrorAlert error={error} title="再発行できません" fieldsShown={['method', 'reason']} />
            <NativeSelect
              label="送付方法"
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value)}
              error={fieldErrors.method}
              data={Object.entries(sendMethods).map(([value, label]) => ({ value, label }))}
              data-autofocus
            />
            <TextInput
              label="理由"
              required
              description="例: 紛失、転入"
              value={reason}
              maxLength={200}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(null);
              }}
              error={reasonError ?? fieldErrors.reason}
              autoComplete="off"
            />
            <Group>
              <Button type="submit" loading={busy}>
                再発行してPDFを開く
              </Button>
              <Button variant="default" onClick={onClose}>
                キャンセル
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
