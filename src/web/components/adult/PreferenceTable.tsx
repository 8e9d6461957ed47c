import { Anchor, Button, Group, Loader, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type AdultSession,
  adultKeys,
  fetchPreferences,
  fiscalYearShortLabel,
  type PreferenceRow,
  type ProgramCode,
  preferenceFormText,
  sessionLabel,
} from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const pageSize = 100;

export type PreferenceTableFilter = { program: string; session: string; page: number };

type Props = {
  fiscalYear: number;
  programs: { code: ProgramCode; name: string }[];
  sessions: AdultSession[];
  channels: Record<string, string>;
  filter: PreferenceTableFilter;
  onFilter(f: PreferenceTableFilter): void;
  onEdit?(row: PreferenceRow): void;
  canEdit: boolean;
};

/**
 * The 年度's 受診希望 (newest first) with 希望形態 and date (個別, 集団（未割当）, the session), filtered by program
 * and session; 修正 loads a row into the form.
 */
export function PreferenceTable({
  fiscalYear,
  programs,
  sessions,
  channels,
  filter,
  onFilter,
  onEdit,
  canEdit,
}: Props) {
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<PreferenceRow | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const names = Object.fromEntries(programs.map((p) => [p.code, p.name]));
  const short = (c: string) => (names[c] ?? c).replace(/検診$/, '');
  const q = useQuery({
    queryKey: [...adultKeys.preferences(fiscalYear), filter],
    queryFn: () =>
      fetchPreferences(fiscalYear, {
        program: filter.program || undefined,
        sessionId: filter.session ? Number(filter.session) : undefined,
        offset: (filter.page - 1) * pageSize,
        limit: pageSize,
      }),
    placeholderData: keepPreviousData,
  });
  const total = q.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));

  async function remove() {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.del(`/api/adult/preferences/${fiscalYear}/${deleting.residentId}`);
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: adultKeys.preferences(fiscalYear) });
    } catch (e) {
      setDeleteError(e);
    } finally {
      setDeleteBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="pref-table-title">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <Text fw={700} id="pref-table-title">
            登録済みの受診希望
          </Text>
          <Group gap="sm" align="flex-end">
            <NativeSelect
              label="表示する検診"
              size="xs"
              value={filter.program}
              onChange={(e) => onFilter({ ...filter, program: e.currentTarget.value, page: 1 })}
              data={[
                { value: '', label: 'すべて' },
                ...programs.map((p) => ({ value: p.code, label: p.name })),
              ]}
            />
            <NativeSelect
              label="表示する日程"
              size="xs"
              value={filter.session}
              onChange={(e) => onFilter({ ...filter, session: e.currentTarget.value, page: 1 })}
              data={[
                { value: '', label: 'すべて' },
                ...sessions.map((s) => ({
                  value: String(s.id),
                  label: sessionLabel(s, names, formatWareki),
                })),
              ]}
              maw={360}
            />
          </Group>
        </Group>
        <ErrorAlert error={q.error} />
        {q.isPending && <Loader size="sm" aria-label="読み込み中" />}
        {q.data && (
          <Group justify="space-between">
            <Text size="sm" fw={700} role="status">
              {formatCount(total)}件
            </Text>
            {lastPage > 1 && (
              <Group gap="xs">
                <Button
                  size="compact-sm"
                  variant="default"
                  disabled={filter.page <= 1}
                  onClick={() => onFilter({ ...filter, page: filter.page - 1 })}
                >
                  前へ
                </Button>
                <Text size="sm">
                  {filter.page} / {lastPage}ページ
                </Text>
                <Button
                  size="compact-sm"
                  variant="default"
                  disabled={filter.page >= lastPage}
                  onClick={() => onFilter({ ...filter, page: filter.page + 1 })}
                >
                  次へ
                </Button>
              </Group>
            )}
          </Group>
        )}
        {q.data && q.data.rows.length > 0 && (
          <Table.ScrollContainer minWidth={1050}>
            <Table
              striped
              highlightOnHover
              withTableBorder
              verticalSpacing={3}
              fz="sm"
              aria-labelledby="pref-table-title"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>宛名番号</Table.Th>
                  <Table.Th>氏名</Table.Th>
                  <Table.Th>生年月日</Table.Th>
                  <Table.Th>希望する検診</Table.Th>
                  <Table.Th>希望形態・集団検診の日程</Table.Th>
                  <Table.Th>受付方法</Table.Th>
                  <Table.Th>回答日</Table.Th>
                  <Table.Th>備考</Table.Th>
                  {canEdit && <Table.Th>操作</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.rows.map((r) => (
                  <Table.Tr key={r.residentId}>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{r.atenaNo}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/residents/${r.residentId}`} fw={600}>
                        {r.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {r.nameKana}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(r.birthDate)}</Table.Td>
                    <Table.Td>{r.programs.map(short).join('・')}</Table.Td>
                    <Table.Td>{preferenceFormText(r, sessions, names)}</Table.Td>
                    <Table.Td>{(channels[r.channel] ?? r.channel).replace(/（.*）$/, '')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(r.answeredOn)}</Table.Td>
                    <Table.Td>{r.note}</Table.Td>
                    {canEdit && (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => onEdit?.(r)}
                            aria-label={`${r.name}の受診希望を修正`}
                          >
                            修正
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            onClick={() => {
                              setDeleteError(null);
                              setDeleting(r);
                            }}
                            aria-label={`${r.name}の受診希望を削除`}
                          >
                            削除
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {q.data && q.data.rows.length === 0 && <Text size="sm">登録された受診希望はありません。</Text>}
      </Stack>
      <AppModal opened={deleting !== null} onClose={() => setDeleting(null)} title="受診希望の削除">
        {deleting && (
          <Stack gap="sm">
            <Text size="sm">
              {deleting.name}（宛名番号 {deleting.atenaNo}）の{fiscalYearShortLabel(fiscalYear)}の受診希望（
              {deleting.programs.map(short).join('・')}）を削除します。よろしいですか。
            </Text>
            <ErrorAlert error={deleteError} title="削除できません" />
            <Group>
              <Button color="red" loading={deleteBusy} onClick={() => void remove()} data-autofocus>
                削除する
              </Button>
              <Button variant="default" onClick={() => setDeleting(null)}>
                キャンセル
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </Paper>
  );
}
