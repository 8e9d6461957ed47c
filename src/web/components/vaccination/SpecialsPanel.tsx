import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatJst } from '../../lib/format.ts';
import { type SpecialView, specialsApi, specialsKeys } from '../../lib/vaccination-specials-api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ReasonModal } from '../ReasonModal.tsx';
import { SpecialModal } from './SpecialModal.tsx';

/**
 * 特例・除外（本人ごとの情報）: what the schedule takes into account besides the birth date — 長期療養特例,
 * 既罹患・除外, MR 供給不足, 風しん第5期, 60〜64歳の障害, 妊娠. Registering or ending one redraws the schedule.
 */
export function SpecialsPanel(p: { residentId: number; canEdit: boolean; onChanged(): void }) {
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<SpecialView | null>(null);
  const [showEnded, setShowEnded] = useState(false);
  const q = useQuery({
    queryKey: specialsKeys.of(p.residentId),
    queryFn: () => specialsApi.list(p.residentId),
  });
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: specialsKeys.of(p.residentId) });
    p.onChanged();
  };
  const rows = q.data?.rows ?? [];
  const current = rows.filter((r) => !r.endedAt);
  const ended = rows.filter((r) => r.endedAt);

  return (
    <Paper withBorder p="sm" component="section" aria-label="特例・除外">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5">
            特例・除外（{current.length}件）
          </Title>
          <Group gap="xs">
            {ended.length > 0 && (
              <Button size="compact-sm" variant="subtle" onClick={() => setShowEnded((v) => !v)}>
                {showEnded ? '終了した登録を隠す' : `終了した登録（${ended.length}件）`}
              </Button>
            )}
            {p.canEdit && (
              <Button size="compact-sm" variant="light" onClick={() => setAdding(true)}>
                特例・除外を登録
              </Button>
            )}
          </Group>
        </Group>
        <ErrorAlert error={q.error} />
        {current.length === 0 && !q.isPending && (
          <Text size="sm" c="dimmed">
            登録はありません（長期療養特例・既罹患・MR供給不足による延長・風しん第5期など）。
          </Text>
        )}
        {(current.length > 0 || (showEnded && ended.length > 0)) && (
          <Table striped withTableBorder aria-label="特例・除外の一覧">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>内容</Table.Th>
                <Table.Th>備考</Table.Th>
                <Table.Th>登録日時</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...current, ...(showEnded ? ended : [])].map((r) => (
                <Table.Tr key={r.id} c={r.endedAt ? 'dimmed' : undefined}>
                  <Table.Td>{r.summary}</Table.Td>
                  <Table.Td>{r.note}</Table.Td>
                  <Table.Td>{formatJst(r.createdAt)}</Table.Td>
                  <Table.Td>
                    {r.endedAt ? (
                      <Text size="sm">終了（{r.endReason}）</Text>
                    ) : (
                      p.canEdit && (
                        <Button size="compact-xs" variant="default" onClick={() => setEnding(r)}>
                          終了
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {adding && (
        <SpecialModal residentId={p.residentId} onSaved={changed} onClose={() => setAdding(false)} />
      )}
      {ending && (
        <ReasonModal
          title="特例・除外の登録の終了"
          text={`「${ending.summary}」を終了します。記録は履歴として残り、スケジュールの判定には使われなくなります。`}
          reasonLabel="終了する理由"
          reasonMissing="終了する理由を入力してください（例: 誤登録、抗体価が十分と判明）。"
          action="終了する"
          failure="終了できません"
          onSubmit={async (reason) => {
            await specialsApi.end(ending.id, ending.version, reason);
            changed();
          }}
          onClose={() => setEnding(null)}
        />
      )}
    </Paper>
  );
}
