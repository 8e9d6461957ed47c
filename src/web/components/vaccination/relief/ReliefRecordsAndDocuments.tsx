import { Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useEnterToNext } from '../../../lib/useEnterToNext.ts';
import {
  type ReliefCaseView,
  type ReliefDocument,
  recordLabel,
  reliefApi,
} from '../../../lib/vaccination-relief-api.ts';
import { formatWareki } from '../../../lib/wareki.ts';
import { DateField } from '../../DateField.tsx';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { useCaseChange } from './useCaseChange.ts';

type Props = { file: ReliefCaseView; editable: boolean };

/** 予防接種歴照会: the person's records; the ones the claim is about are ticked (保存 at the version shown). */
export function ReliefRecords({ file, editable }: Props) {
  const [ids, setIds] = useState(() => file.case.recordIds.map(String));
  const { busy, error, run } = useCaseChange();
  return (
    <Paper withBorder p="sm" component="section" aria-label="予防接種歴">
      <Title order={2} size="h5" mb="xs">
        予防接種歴（請求の対象の接種）
      </Title>
      <Checkbox.Group value={ids} onChange={setIds} aria-label="請求の対象の接種">
        <Stack gap={4}>
          {file.records.length === 0 && (
            <Text size="sm" c="dimmed">
              この方の接種の記録はありません。
            </Text>
          )}
          {file.records.map((r) => (
            <Checkbox key={r.id} value={String(r.id)} disabled={!editable} label={recordLabel(r)} />
          ))}
        </Stack>
      </Checkbox.Group>
      {editable && file.records.length > 0 && (
        <Group mt="xs">
          <Button
            size="compact-sm"
            variant="default"
            loading={busy}
            onClick={() =>
              void run(() => reliefApi.attachRecords(file.case.id, file.case.version, ids.map(Number)))
            }
          >
            対象の接種を保存
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} title="保存できません" />
    </Paper>
  );
}

const asInput = (d: ReliefDocument) => ({ ...d, receivedOn: d.receivedOn ? formatWareki(d.receivedOn) : '' });

/**
 * 請求書類: the usual documents for the benefits claimed and free entries, each with the date it was received
 * (和暦・西暦; empty = not yet). Enter moves on; Enter on the last field saves.
 */
export function ReliefDocuments({ file, editable }: Props) {
  const [docs, setDocs] = useState(() => file.checklist.map(asInput));
  const [extra, setExtra] = useState({ label: '', receivedOn: '' });
  const onKeyDown = useEnterToNext();
  const { busy, error, fieldErrors, run } = useCaseChange();
  // the heading counts what is saved (the case as read), not what is being typed
  const received = file.checklist.filter((d) => d.receivedOn).length;

  function save() {
    const all = [...docs, ...(extra.label.trim() ? [{ code: '', ...extra }] : [])];
    void run(
      () =>
        reliefApi.saveDocuments(
          file.case.id,
          file.case.version,
          all.map((d) => ({ code: d.code, label: d.label, receivedOn: d.receivedOn.trim() || null })),
        ),
      () => setExtra({ label: '', receivedOn: '' }),
    );
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label="請求書類">
      <form
        aria-label="請求書類の受理"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Title order={2} size="h5" mb="xs">
          請求書類（受理 {received}件／{file.checklist.length}件）
        </Title>
        <Table withTableBorder fz="sm" aria-label="請求書類の一覧">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>書類</Table.Th>
              <Table.Th w={260}>受理日（空欄はまだ）</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {docs.map((d, i) => (
              <Table.Tr key={d.code}>
                <Table.Td>{d.label}</Table.Td>
                <Table.Td>
                  <DateField
                    aria-label={`${d.label}の受理日`}
                    size="xs"
                    placeholder="例: R8.5.10"
                    value={d.receivedOn}
                    disabled={!editable}
                    error={fieldErrors[`documents.${i}`]}
                    onChange={(x) => setDocs(docs.map((o, j) => (j === i ? { ...o, receivedOn: x } : o)))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {editable && (
          <Group align="flex-start" gap="sm" mt="xs">
            <TextInput
              label="その他の書類（名称）"
              value={extra.label}
              onChange={(e) => setExtra({ ...extra, label: e.currentTarget.value })}
              autoComplete="off"
              w={320}
            />
            <DateField
              label="その他の書類の受理日"
              value={extra.receivedOn}
              onChange={(x) => setExtra({ ...extra, receivedOn: x })}
            />
          </Group>
        )}
        <ErrorAlert error={error} title="保存できません" />
        {editable && (
          <Group mt="xs">
            <Button type="submit" size="compact-sm" loading={busy}>
              書類の受理を保存（Enter）
            </Button>
          </Group>
        )}
      </form>
    </Paper>
  );
}
