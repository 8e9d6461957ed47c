import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { today } from '../../../server/platform/calendar/date-age.ts';
import { adultKeys, type OptOut, type ProgramCode, typedDateText } from '../../lib/adult-api.ts';
import { ApiError, api } from '../../lib/api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  residentId: number;
  /** null: a new 送付不要登録 */
  optOut: OptOut | null;
  programs: { code: ProgramCode; name: string }[];
  reasons: Record<string, string>;
  onClose(): void;
};

type Values = { program: string; reason: string; validFrom: string; validUntil: string; note: string };

/** The stored row of a VERSION_CONFLICT (the server sends the table row as is). */
type Stored = {
  program: string | null;
  reason: string;
  note: string;
  valid_from: string;
  valid_until: string | null;
  version: number;
};

const fieldNames = ['program', 'reason', 'validFrom', 'validUntil', 'note'];

/** 送付不要登録 (people judged in advance not to need an invitation): add or edit, optimistic lock. */
export function OptOutModal({ residentId, optOut, programs, reasons, onClose }: Props) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [values, setValues] = useState<Values>({
    program: optOut?.program ?? '',
    reason: optOut?.reason ?? '',
    validFrom: optOut?.validFrom ?? today(),
    validUntil: optOut?.validUntil ?? '',
    note: optOut?.note ?? '',
  });
  const [version, setVersion] = useState(optOut?.version ?? 0);
  const [stored, setStored] = useState<Stored | null>(null);
  const { busy, error, setError, fieldErrors, run } = useSave();
  const set = (k: keyof Values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  const programName = (c: string | null) =>
    c ? (programs.find((p) => p.code === c)?.name ?? c) : 'すべての検診';

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!values.reason) {
      setError('理由を選んでください。');
      return;
    }
    const body = {
      program: values.program || null,
      reason: values.reason,
      note: values.note,
      validFrom: values.validFrom,
      validUntil: values.validUntil.trim() ? values.validUntil : null,
    };
    void run(async () => {
      try {
        if (optOut)
          await api.put(`/api/adult/residents/${residentId}/opt-outs/${optOut.id}`, { ...body, version });
        else await api.post(`/api/adult/residents/${residentId}/opt-outs`, body);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT' && err.current) {
          setStored(err.current as unknown as Stored);
          void queryClient.invalidateQueries({ queryKey: adultKeys.resident(residentId) });
        }
        throw err;
      }
      await queryClient.invalidateQueries({ queryKey: adultKeys.resident(residentId) });
      onClose();
    });
  }

  function adopt(keepInput: boolean) {
    if (!stored) return;
    setVersion(stored.version);
    if (!keepInput)
      setValues({
        program: stored.program ?? '',
        reason: stored.reason,
        validFrom: stored.valid_from,
        validUntil: stored.valid_until ?? '',
        note: stored.note,
      });
    setStored(null);
    setError(null);
  }

  return (
    <AppModal opened onClose={onClose} title={optOut ? '送付不要登録の修正' : '送付不要の登録'} size="lg">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="送付不要登録">
        <Stack gap="sm">
          <Text size="sm">
            登録した期間にかかる年度は、対象者抽出で除外し、郵送物の印刷前にも引き抜きます。
          </Text>
          <ErrorAlert
            error={error}
            title={stored ? '他の利用者が先に更新しました' : '保存できません'}
            fieldsShown={fieldNames}
          />
          {stored && (
            <Alert color="orange" variant="light" title="現在登録されている内容">
              <Table
                withTableBorder
                verticalSpacing={2}
                fz="sm"
                aria-label="現在登録されている内容とあなたの入力"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>項目</Table.Th>
                    <Table.Th>現在の内容</Table.Th>
                    <Table.Th>あなたの入力</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row">検診</Table.Th>
                    <Table.Td>{programName(stored.program)}</Table.Td>
                    <Table.Td>{programName(values.program || null)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">理由</Table.Th>
                    <Table.Td>{reasons[stored.reason] ?? stored.reason}</Table.Td>
                    <Table.Td>{reasons[values.reason] ?? values.reason}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">開始日</Table.Th>
                    <Table.Td>{formatWareki(stored.valid_from)}</Table.Td>
                    <Table.Td>{typedDateText(values.validFrom)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">終了日</Table.Th>
                    <Table.Td>{stored.valid_until ? formatWareki(stored.valid_until) : 'なし'}</Table.Td>
                    <Table.Td>{typedDateText(values.validUntil)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">備考</Table.Th>
                    <Table.Td>{stored.note}</Table.Td>
                    <Table.Td>{values.note}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Text size="sm" mt="xs">
                どちらを残すか選んでください。
              </Text>
              <Group gap="xs" mt={4}>
                <Button size="xs" variant="light" onClick={() => adopt(false)}>
                  現在の内容を読み込む（入力を破棄）
                </Button>
                <Button size="xs" variant="light" onClick={() => adopt(true)}>
                  入力内容で上書きする（もう一度「保存」を押してください）
                </Button>
              </Group>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="検診"
              value={values.program}
              onChange={(e) => set('program')(e.currentTarget.value)}
              error={fieldErrors.program}
              data={[
                { value: '', label: 'すべての検診' },
                ...programs.map((p) => ({ value: p.code, label: p.name })),
              ]}
              data-autofocus
            />
            <NativeSelect
              label="理由"
              required
              value={values.reason}
              onChange={(e) => set('reason')(e.currentTarget.value)}
              error={fieldErrors.reason}
              data={[
                { value: '', label: '選んでください' },
                ...Object.entries(reasons).map(([value, label]) => ({ value, label })),
              ]}
            />
            <DateField
              label="開始日"
              required
              value={values.validFrom}
              onChange={set('validFrom')}
              error={fieldErrors.validFrom}
            />
            <DateField
              label="終了日（任意）"
              value={values.validUntil}
              onChange={set('validUntil')}
              error={fieldErrors.validUntil}
              placeholder="空欄: 期限なし（例: R9.3.31）"
            />
          </SimpleGrid>
          <TextInput
            label="備考（任意）"
            value={values.note}
            maxLength={500}
            onChange={(e) => set('note')(e.currentTarget.value)}
            error={fieldErrors.note}
            autoComplete="off"
          />
          <Group>
            <Button type="submit" loading={busy}>
              保存
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
