import { Alert, Button, Group, Stack, Table, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  opened: boolean;
  onClose(): void;
  title: string;
  /** e.g. /api/residents/1/reveal-address */
  endpoint: string;
  /** Labels of the result's fields, in display order. */
  fields: { key: string; label: string; format?: (v: string) => string }[];
};

/**
 * Shows protected data (個人番号, 支援措置対象者の住所・連絡先) after the user states the 利用目的.
 * The result is shown only in this dialog and forgotten when it closes; the server logs the access.
 */
export function RevealModal({ opened, onClose, title, endpoint, fields }: Props) {
  const [purpose, setPurpose] = useState('');
  const [purposeError, setPurposeError] = useState<string | null>(null);
  const { busy, error, setError, run } = useSave();
  const [result, setResult] = useState<Record<string, string> | null>(null);

  function close() {
    setPurpose('');
    setPurposeError(null);
    setError(null);
    setResult(null);
    onClose();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (purpose.trim().length < 4) {
      setPurposeError('利用目的を具体的に入力してください（4文字以上。例: 乳児家庭全戸訪問の日程調整）。');
      return;
    }
    setPurposeError(null);
    void run(async () =>
      setResult(await api.post<Record<string, string>>(endpoint, { purpose: purpose.trim() })),
    );
  }

  return (
    <AppModal opened={opened} onClose={close} title={title} size="lg">
      <Stack gap="sm">
        {!result ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Alert color="yellow" variant="light">
                表示した記録（利用者・日時・利用目的）はアクセスログに残ります。業務に必要な場合だけ表示してください。
              </Alert>
              <TextInput
                label="利用目的"
                name="purpose"
                value={purpose}
                onChange={(e) => setPurpose(e.currentTarget.value)}
                error={purposeError}
                description="例: 乳児家庭全戸訪問の日程調整"
                autoComplete="off"
                data-autofocus
              />
              <ErrorAlert error={error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  キャンセル
                </Button>
                <Button type="submit" loading={busy}>
                  表示する
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <>
            <Table withTableBorder aria-label={title} verticalSpacing={4}>
              <Table.Tbody>
                {fields.map((f) => (
                  <Table.Tr key={f.key}>
                    <Table.Th w={140}>{f.label}</Table.Th>
                    <Table.Td>{f.format ? f.format(result[f.key] ?? '') : (result[f.key] ?? '')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="flex-end">
              <Button onClick={close}>閉じる</Button>
            </Group>
          </>
        )}
      </Stack>
    </AppModal>
  );
}
