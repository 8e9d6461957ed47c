import { Badge, Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatCount, formatPostal } from '../../lib/format.ts';
import {
  type ActiveFilter,
  type Institution,
  programCodes,
  programLabels,
  programsApi,
  programsKeys,
  type Venue,
} from '../../lib/programs-api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { type MasterKind, MasterModal } from './MasterModal.tsx';

const activeChoices = [
  { value: 'true', label: '有効のみ' },
  { value: 'false', label: '無効のみ' },
  { value: 'all', label: 'すべて' },
];

const shortProgram = (c: string) => (programLabels as Record<string, string>)[c]?.replace(/検診$/, '') ?? c;

/**
 * 事業マスタ › 会場 / 医療機関: list with filters kept in the URL (コード・名称・カナ, 有効/無効, 医療機関は検診),
 * add and edit in a modal. No deletion: a master used by sessions or records is made 無効 instead.
 */
export function MasterTab({ kind, canEdit }: { kind: MasterKind; canEdit: boolean }) {
  const p = kind === 'venue' ? 'v' : 'i';
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get(`${p}q`) ?? '';
  const activeParam = searchParams.get(`${p}active`);
  const active: ActiveFilter = activeParam === 'false' || activeParam === 'all' ? activeParam : 'true';
  const program = kind === 'institution' ? (searchParams.get('iprogram') ?? '') : '';
  const [text, setText] = useState(q);
  const [editing, setEditing] = useState<Venue | Institution | 'new' | null>(null);
  useEffect(() => setText(q), [q]);

  const list = useQuery({
    queryKey:
      kind === 'venue' ? programsKeys.venues(q, active) : programsKeys.institutions(q, active, program),
    queryFn: async (): Promise<(Venue | Institution)[]> =>
      kind === 'venue'
        ? (await programsApi.venues(q, active)).venues
        : (await programsApi.institutions(q, active, program)).institutions,
  });

  function setParam(key: string, value: string) {
    setSearchParams(
      (sp) => {
        const next = new URLSearchParams(sp);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  }

  function search(e: FormEvent) {
    e.preventDefault();
    setParam(`${p}q`, text.trim());
  }

  const what = kind === 'venue' ? '会場' : '医療機関';
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <form onSubmit={search} aria-label={`${what}の絞り込み`}>
          <Group gap="xs" align="flex-end">
            <TextInput
              label="コード・名称・カナ"
              name={`${p}q`}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autoComplete="off"
              w={240}
            />
            <NativeSelect
              label="状態"
              value={active}
              onChange={(e) =>
                setParam(`${p}active`, e.currentTarget.value === 'true' ? '' : e.currentTarget.value)
              }
              data={activeChoices}
            />
            {kind === 'institution' && (
              <NativeSelect
                label="検診"
                value={program}
                onChange={(e) => setParam('iprogram', e.currentTarget.value)}
                data={[
                  { value: '', label: 'すべて' },
                  ...programCodes.map((c) => ({ value: c, label: programLabels[c] })),
                ]}
              />
            )}
            <Button type="submit" variant="light">
              絞り込み
            </Button>
          </Group>
        </form>
        {canEdit && <Button onClick={() => setEditing('new')}>{what}を登録</Button>}
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {list.data && (
        <>
          <Text size="sm" role="status">
            {formatCount(list.data.length)}件
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table
              striped
              highlightOnHover
              withTableBorder
              verticalSpacing={4}
              fz="sm"
              aria-label={`${what}の一覧`}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{kind === 'venue' ? '会場コード' : '医療機関コード'}</Table.Th>
                  <Table.Th>名称</Table.Th>
                  <Table.Th>カナ</Table.Th>
                  <Table.Th>所在地</Table.Th>
                  <Table.Th>電話番号</Table.Th>
                  {kind === 'institution' && <Table.Th>実施する検診</Table.Th>}
                  <Table.Th>状態</Table.Th>
                  <Table.Th>操作</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td ff="monospace">{r.code}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.nameKana}</Table.Td>
                    <Table.Td>
                      {r.postalCode && `〒${formatPostal(r.postalCode)} `}
                      {r.address}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.phone}</Table.Td>
                    {kind === 'institution' && (
                      <Table.Td>{'programs' in r ? r.programs.map(shortProgram).join('・') : ''}</Table.Td>
                    )}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge
                        variant="dot"
                        color={r.active ? 'teal.9' : 'gray.8'}
                        radius="sm"
                        styles={{ label: { overflow: 'visible' } }}
                      >
                        {r.active ? '有効' : '無効'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => setEditing(r)}
                        aria-label={`${r.name}を${canEdit ? '編集' : '表示'}`}
                      >
                        {canEdit ? '編集' : '表示'}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {list.data.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={kind === 'institution' ? 8 : 7}>
                      <Text size="sm" c="dimmed">
                        該当する{what}はありません。
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {editing && (
        <MasterModal
          kind={kind}
          row={editing === 'new' ? null : editing}
          canEdit={canEdit}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
