import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { formatPostal } from '../../lib/format.ts';
import { sexLabels } from '../../lib/labels.ts';
import type { Resident, Sex } from '../../lib/types.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { formatWarekiWithYear } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ManualResidentForm, type ManualValues, manualLabels } from './ManualResidentForm.tsx';

const toValues = (r: Partial<Resident>): ManualValues => ({
  name: r.name ?? '',
  nameKana: r.nameKana ?? '',
  birthDate: r.birthDate ?? '',
  sex: r.sex ?? '',
  postalCode: formatPostal(r.postalCode),
  address: r.address ?? '',
  addressExtra: r.addressExtra ?? '',
  phone: r.phone ?? '',
});

function display(k: keyof ManualValues, r: Partial<Resident>): string {
  if (k === 'birthDate') return formatWarekiWithYear(r.birthDate);
  if (k === 'sex') return r.sex ? (sexLabels[r.sex as Sex] ?? r.sex) : '';
  if (k === 'postalCode') return formatPostal(r.postalCode);
  return String(r[k] ?? '');
}

/** 住登外者の修正 (optimistic lock: on a conflict the input stays and the stored values are shown). */
export function ResidentEditModal({
  resident,
  opened,
  onClose,
}: {
  resident: Resident;
  opened: boolean;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ManualValues>(() => toValues(resident));
  const { busy, error, fieldErrors, run, version, setVersion, current, setCurrent, dismissConflict } =
    useVersionedSave<Resident>(resident.version, { takeVersion: false });

  function save() {
    return run(async () => {
      await api.put(`/api/residents/${resident.id}`, { ...values, version });
      setCurrent(null);
      await queryClient.invalidateQueries({ queryKey: ['resident', String(resident.id)] });
      await queryClient.invalidateQueries({ queryKey: ['residents'] });
      onClose();
    });
  }

  function adoptCurrent(keepInput: boolean) {
    if (!current) return;
    if (typeof current.version === 'number') setVersion(current.version);
    if (!keepInput) setValues(toValues(current));
    dismissConflict();
  }

  return (
    <AppModal opened={opened} onClose={onClose} title="住登外者の修正" size="xl">
      <Stack gap="sm">
        <ErrorAlert
          error={error}
          title={current ? '他の利用者が先に更新しました' : '保存できません'}
          fieldsShown={Object.keys(manualLabels)}
        />
        {current && (
          <Alert color="orange" variant="light" title="現在登録されている内容">
            <Table withTableBorder verticalSpacing={2} fz="sm" aria-label="現在登録されている内容">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>項目</Table.Th>
                  <Table.Th>現在の内容</Table.Th>
                  <Table.Th>あなたの入力</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(Object.keys(manualLabels) as (keyof ManualValues)[]).map((k) => (
                  <Table.Tr key={k}>
                    <Table.Th scope="row">{manualLabels[k]}</Table.Th>
                    <Table.Td>{display(k, current)}</Table.Td>
                    <Table.Td>{k === 'sex' ? (sexLabels[values.sex as Sex] ?? '') : values[k]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" mt="xs">
              どちらを残すか選んでください。
            </Text>
            <Stack gap={4} mt={4} align="flex-start">
              <Button size="xs" variant="light" onClick={() => adoptCurrent(false)}>
                現在の内容を読み込む（入力を破棄）
              </Button>
              <Button size="xs" variant="light" onClick={() => adoptCurrent(true)}>
                入力内容で上書きする（もう一度「保存」を押してください）
              </Button>
            </Stack>
          </Alert>
        )}
        <ManualResidentForm
          values={values}
          onChange={setValues}
          fieldErrors={fieldErrors}
          onSubmit={() => void save()}
          busy={busy}
          submitLabel="保存"
          autoFocus
          actions={
            <Button variant="default" onClick={onClose}>
              キャンセル
            </Button>
          }
        />
      </Stack>
    </AppModal>
  );
}
