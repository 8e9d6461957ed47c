import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { type ChildCard, childCardApi, type InfantMeta } from '../../lib/child-card-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = { card: ChildCard; meta: InfantMeta; canEdit: boolean; onSaved(message: string): void };

const statusColor: Record<string, string> = {
  none: 'gray',
  initial_pass: 'teal',
  confirm_wait: 'yellow',
  confirm_pass: 'teal',
  detailed: 'red',
};

const blank = {
  kind: 'initial',
  method: 'aabr',
  testedOn: '',
  institutionName: '',
  rightResult: 'pass',
  leftResult: 'pass',
  note: '',
};
const opts = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 新生児聴覚スクリーニング検査 (F07-02): the status, the tests recorded, and the entry of a result. */
export function HearingPanel({ card, meta, canEdit, onSaved }: Props) {
  const [f, setF] = useState({ ...blank, institutionName: card.birth?.institutionName ?? '' });
  const save = useSave();
  const onKeyDown = useEnterToNext();
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const e = save.fieldErrors;
  const { tests, status, statusLabel } = card.hearing;

  function submit() {
    void save.run(async () => {
      const out = await childCardApi.recordHearing(card.child.id, { ...f, id: null, version: null });
      setF((x) => ({
        ...blank,
        kind: x.kind === 'initial' ? 'confirm' : x.kind,
        institutionName: x.institutionName,
      }));
      onSaved(
        `聴覚検査の結果を登録しました（${out.statusLabel}${out.referred ? '・精密検査へ紹介' : ''}）。`,
      );
    });
  }

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="hearing-title">
      <Group gap="xs" mb="xs">
        <Title order={2} size="h5" id="hearing-title">
          新生児聴覚検査
        </Title>
        <Badge
          color={statusColor[status] ?? 'gray'}
          variant="light"
          aria-label={`聴覚検査の状況 ${statusLabel}`}
        >
          {statusLabel}
        </Badge>
      </Group>
      {tests.length === 0 ? (
        <Text size="sm">記録はありません。</Text>
      ) : (
        <Table striped withTableBorder aria-label="聴覚検査の記録" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>検査日</Table.Th>
              <Table.Th>種類</Table.Th>
              <Table.Th>方法</Table.Th>
              <Table.Th>右耳</Table.Th>
              <Table.Th>左耳</Table.Th>
              <Table.Th>医療機関</Table.Th>
              <Table.Th>精密検査</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tests.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{formatWareki(t.testedOn)}</Table.Td>
                <Table.Td>{meta.hearingKinds[t.kind]}</Table.Td>
                <Table.Td>{meta.hearingMethods[t.method] ?? t.method}</Table.Td>
                <Table.Td>{meta.earResults[t.rightResult]}</Table.Td>
                <Table.Td>{meta.earResults[t.leftResult]}</Table.Td>
                <Table.Td>{t.institutionName}</Table.Td>
                <Table.Td>{t.referred ? '紹介' : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <form
          aria-label="聴覚検査の結果の入力"
          onKeyDown={onKeyDown}
          onSubmit={(ev) => {
            ev.preventDefault();
            submit();
          }}
        >
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" verticalSpacing={0} mt="xs">
            <NativeSelect
              label="検査の種類"
              data={opts(meta.hearingKinds)}
              value={f.kind}
              onChange={(ev) => set('kind')(ev.currentTarget.value)}
              error={e.kind}
            />
            <NativeSelect
              label="検査方法"
              data={opts(meta.hearingMethods)}
              value={f.method}
              onChange={(ev) => set('method')(ev.currentTarget.value)}
              error={e.method}
            />
            <DateField label="検査日" value={f.testedOn} onChange={set('testedOn')} error={e.testedOn} />
            <TextInput
              label="検査した医療機関"
              value={f.institutionName}
              onChange={(ev) => set('institutionName')(ev.currentTarget.value)}
            />
            <NativeSelect
              label="右耳"
              data={opts(meta.earResults)}
              value={f.rightResult}
              onChange={(ev) => set('rightResult')(ev.currentTarget.value)}
              error={e.rightResult}
            />
            <NativeSelect
              label="左耳"
              data={opts(meta.earResults)}
              value={f.leftResult}
              onChange={(ev) => set('leftResult')(ev.currentTarget.value)}
              error={e.leftResult}
            />
            <TextInput label="備考" value={f.note} onChange={(ev) => set('note')(ev.currentTarget.value)} />
          </SimpleGrid>
          <ErrorAlert error={save.error} title="登録できません" fieldsShown={Object.keys(f)} />
          <Button type="submit" mt="xs" loading={save.busy}>
            聴覚検査の結果を登録
          </Button>
        </form>
      )}
    </Paper>
  );
}
