import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type ResultItemExtra,
  type ResultItemsProgram,
  resultItemsApi,
  resultItemsKey,
} from '../../lib/result-items-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { typeLabel } from './NationalItemsTable.tsx';
import { ResultItemModal } from './ResultItemModal.tsx';

type Props = { program: ResultItemsProgram; canEdit: boolean };

/**
 * The city's own items of one program in entry order: 追加 / 編集 in a modal, 上へ・下へ, 無効にする (with a
 * confirmation; stored values stay) and 有効に戻す. Nothing is deleted.
 */
export function ExtraItemsTable({ program, canEdit }: Props) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ResultItemExtra | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<ResultItemExtra | null>(null);
  const { busy, error, run } = useSave();
  const items = program.extras;
  const refresh = () => queryClient.invalidateQueries({ queryKey: resultItemsKey });

  function move(index: number, by: -1 | 1) {
    const ids = items.map((e) => e.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    void run(async () => {
      try {
        await resultItemsApi.reorder(program.code, ids);
      } finally {
        await refresh();
      }
    });
  }

  function reactivate(e: ResultItemExtra) {
    void run(async () => {
      try {
        await resultItemsApi.setActive(e.id, true, e.version);
      } finally {
        await refresh();
      }
    });
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label="市の項目">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>市の項目（{program.name}）</Text>
          {canEdit && <Button onClick={() => setEditing('new')}>項目を追加</Button>}
        </Group>
        <Text size="sm" c="dimmed">
          有効な項目は、検診結果入力で国の項目の後にこの順で出ます。使わなくなった項目は「無効にする」と入力と取込から外れ、
          入力済みの値は残ります。
        </Text>
        <ErrorAlert error={error} title="変更できません" />
        <Table.ScrollContainer minWidth={900}>
          <Table
            striped
            withTableBorder
            verticalSpacing={4}
            fz="sm"
            aria-label={`市の項目（${program.name}）`}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>順</Table.Th>
                <Table.Th>キー</Table.Th>
                <Table.Th>項目名</Table.Th>
                <Table.Th>型</Table.Th>
                <Table.Th>選択肢</Table.Th>
                <Table.Th>単位</Table.Th>
                <Table.Th>必須</Table.Th>
                <Table.Th>状態</Table.Th>
                <Table.Th>操作</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e, i) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td ff="monospace">{e.key}</Table.Td>
                  <Table.Td>{e.label}</Table.Td>
                  <Table.Td>{typeLabel(e.type)}</Table.Td>
                  <Table.Td>{e.options.join(' / ')}</Table.Td>
                  <Table.Td>{e.unit}</Table.Td>
                  <Table.Td>{e.required ? '必須' : ''}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="dot" color={e.active ? 'teal.9' : 'gray.8'} radius="sm">
                      {e.active ? '有効' : '無効'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => setEditing(e)}
                        aria-label={`${e.label}を${canEdit ? '編集' : '表示'}`}
                      >
                        {canEdit ? '編集' : '表示'}
                      </Button>
                      {canEdit && (
                        <>
                          <Button
                            size="compact-xs"
                            variant="default"
                            disabled={busy || i === 0}
                            onClick={() => move(i, -1)}
                            aria-label={`${e.label}を上へ`}
                          >
                            上へ
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="default"
                            disabled={busy || i === items.length - 1}
                            onClick={() => move(i, 1)}
                            aria-label={`${e.label}を下へ`}
                          >
                            下へ
                          </Button>
                          {e.active ? (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              onClick={() => setDeactivating(e)}
                              aria-label={`${e.label}を無効にする`}
                            >
                              無効にする
                            </Button>
                          ) : (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              disabled={busy}
                              onClick={() => reactivate(e)}
                              aria-label={`${e.label}を有効に戻す`}
                            >
                              有効に戻す
                            </Button>
                          )}
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
              {items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={9}>
                    <Text size="sm" c="dimmed">
                      市の項目はまだありません。
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {editing && (
        <ResultItemModal
          program={program}
          item={editing === 'new' ? null : editing}
          canEdit={canEdit}
          onClose={() => setEditing(null)}
        />
      )}
      {deactivating && <DeactivateModal item={deactivating} onClose={() => setDeactivating(null)} />}
    </Paper>
  );
}

/** 無効にする, confirmed: what it does and that stored values stay. */
function DeactivateModal({ item, onClose }: { item: ResultItemExtra; onClose(): void }) {
  const queryClient = useQueryClient();
  const { busy, error, run } = useSave();
  return (
    <AppModal opened onClose={onClose} title="結果項目を無効にする">
      <Stack gap="sm">
        <Text size="sm">
          「{item.label}」（{item.key}
          ）を無効にします。検診結果入力と取込に出なくなります。入力済みの結果の値は消えずに残り、
          あとで「有効に戻す」こともできます。
        </Text>
        <ErrorAlert error={error} title="無効にできません" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            キャンセル
          </Button>
          <Button
            color="red"
            loading={busy}
            data-autofocus
            onClick={() =>
              void run(async () => {
                try {
                  await resultItemsApi.setActive(item.id, false, item.version);
                  onClose();
                } finally {
                  await queryClient.invalidateQueries({ queryKey: resultItemsKey });
                }
              })
            }
          >
            無効にする
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
