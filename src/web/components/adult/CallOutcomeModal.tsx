import { Button, Group, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import {
  type CallRecord,
  type CallScope,
  callKeys,
  callOutcomes,
  callsApi,
  jstParts,
  outcomeLabel,
} from '../../lib/reminder-calls-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  scope: CallScope;
  /** who is called: 氏名, 電話, what about (e.g. 大腸がん検診) */
  person: { name: string; phone: string; about: string };
  /** after a call is recorded: the person's calls, newest first */
  onRecorded(calls: CallRecord[]): void;
  onClose(): void;
};

const fields = ['outcome', 'note', 'calledAt'] as const;

const when = (at: string) => {
  const { date, time } = jstParts(at);
  return `${formatWareki(date)} ${time}`;
};

/**
 * 架電結果 of one person (F03-04 / F04-02 phone reminders): the calls so far, and a new one by keyboard — the
 * result by its number key (1 受診予定 … 6 その他) or the arrow keys, Enter, a memo, Enter records it. 架電日時
 * (Shift+Enter back from the result) is blank for now, or e.g. 14:30 / R8.11.24 14:30.
 */
export function CallOutcomeModal({ scope, person, onRecorded, onClose }: Props) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [calledAt, setCalledAt] = useState('');
  const { busy, error, fieldErrors, run } = useSave();
  const history = useQuery({ queryKey: callKeys.history(scope), queryFn: () => callsApi.history(scope) });

  // a number key picks that result and moves the focus to it (Enter then goes on from the chosen one)
  function pickByNumber(e: KeyboardEvent<HTMLDivElement>) {
    const o = callOutcomes[Number(e.key) - 1];
    if (!/^[1-9]$/.test(e.key) || !o) return;
    e.preventDefault();
    setOutcome(o.code);
    e.currentTarget.querySelector<HTMLInputElement>(`input[value="${o.code}"]`)?.focus();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const { calls } = await callsApi.record(scope, { outcome, note, calledAt });
      queryClient.setQueryData(callKeys.history(scope), { calls });
      onRecorded(calls);
    });
  }

  return (
    <AppModal opened onClose={onClose} title={`${person.name}さんの架電結果`} size="lg">
      <Stack gap="sm">
        <Text size="sm">
          電話 {person.phone || '（登録なし）'}　{person.about}
        </Text>
        <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="架電結果の記録">
          <Stack gap="xs">
            <ErrorAlert error={error} title="記録できません" fieldsShown={fields} />
            <TextInput
              label="架電日時"
              description="空欄は今。例: 14:30 / R8.11.24 14:30"
              value={calledAt}
              onChange={(e) => setCalledAt(e.currentTarget.value)}
              error={fieldErrors.calledAt}
              autoComplete="off"
            />
            <Radio.Group
              name="outcome"
              label="架電結果"
              description="数字キーで選べます"
              value={outcome}
              onChange={setOutcome}
              error={fieldErrors.outcome}
              required
              onKeyDown={pickByNumber}
            >
              <Group gap="md" mt={4}>
                {callOutcomes.map((o, i) => (
                  <Radio
                    key={o.code}
                    value={o.code}
                    label={`${i + 1} ${o.label}`}
                    {...(i === 0 ? { 'data-autofocus': true } : {})}
                  />
                ))}
              </Group>
            </Radio.Group>
            <TextInput
              label="メモ"
              description="例: 夕方なら在宅、来週受診予定（「その他」のときは必須）"
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fieldErrors.note}
              autoComplete="off"
            />
            <Group>
              <Button type="submit" loading={busy}>
                記録
              </Button>
              <Button variant="default" onClick={onClose}>
                閉じる
              </Button>
            </Group>
          </Stack>
        </form>
        <ErrorAlert error={history.error} title="架電結果の履歴を読めません" />
        {history.data &&
          (history.data.calls.length ? (
            <Table striped withTableBorder fz="sm" aria-label="架電結果の履歴">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>架電日時</Table.Th>
                  <Table.Th>結果</Table.Th>
                  <Table.Th>メモ</Table.Th>
                  <Table.Th>記録者</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.calls.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{when(c.calledAt)}</Table.Td>
                    <Table.Td>{outcomeLabel(c.outcome)}</Table.Td>
                    <Table.Td>{c.note}</Table.Td>
                    <Table.Td>{c.recordedBy}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              この年度の架電結果はまだありません。
            </Text>
          ))}
      </Stack>
    </AppModal>
  );
}
