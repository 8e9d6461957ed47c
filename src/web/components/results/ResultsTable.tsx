import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useAuth } from '../../lib/auth.tsx';
import { type ProgramDefinition, resultsApi, type ScreeningResult } from '../../lib/results-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const modes: Record<string, string> = { individual: '個別', group: '集団' };
const sources: Record<string, string> = { manual: '手入力', import: '取込', demo: 'デモ' };

type Props = {
  title: string;
  results: ScreeningResult[];
  programs: ProgramDefinition[];
  onEdit(r: ScreeningResult): void;
};

/** The person's results of the 年度: 直す loads one into the form, 削除 (with the reason) removes a wrong one. */
export function ResultsTable({ title, results, programs, onEdit }: Props) {
  const { can } = useAuth();
  const [removing, setRemoving] = useState<ScreeningResult | null>(null);
  const program = (code: string) => programs.find((p) => p.code === code);
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Stack gap="xs">
        <Text fw={700}>{title}</Text>
        {results.length === 0 ? (
          <Text size="sm" c="dimmed">
            まだ結果はありません。
          </Text>
        ) : (
          <Table striped withTableBorder fz="sm" aria-label="入力済みの結果">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>検診</Table.Th>
                <Table.Th>受診日</Table.Th>
                <Table.Th>区分</Table.Th>
                <Table.Th>実施機関</Table.Th>
                <Table.Th>判定</Table.Th>
                <Table.Th>入力</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.map((r) => {
                const p = program(r.program);
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>{p?.name ?? r.program}</Table.Td>
                    <Table.Td>{formatWareki(r.screenedOn)}</Table.Td>
                    <Table.Td>{r.mode ? modes[r.mode] : ''}</Table.Td>
                    <Table.Td>{r.institutionName ?? ''}</Table.Td>
                    <Table.Td>
                      {p?.judgements.find((j) => j.code === r.result)?.label ?? r.result}
                      {r.needsDetailed && (
                        <Badge ml={6} color="orange" variant="light">
                          要精検
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{sources[r.source] ?? r.source}</Table.Td>
                    <Table.Td>
                      {can('adult.edit') && (
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="light" onClick={() => onEdit(r)}>
                            直す
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setRemoving(r)}
                          >
                            削除
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {removing && (
        <RemoveModal
          result={removing}
          name={program(removing.program)?.name ?? ''}
          onClose={() => setRemoving(null)}
        />
      )}
    </Paper>
  );
}

function RemoveModal({ result, name, onClose }: { result: ScreeningResult; name: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSave();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError('削除する理由を入力してください（例: 別の方の結果を入力した）。');
      return;
    }
    void run(async () => {
      await resultsApi.remove(result.id, result.version, reason.trim());
      await queryClient.invalidateQueries({ queryKey: ['results', 'sheet'] });
      onClose();
    });
  }
  return (
    <AppModal opened onClose={onClose} title="結果の削除">
      <form onSubmit={submit} noValidate aria-label="結果の削除">
        <Stack gap="sm">
          <Text size="sm">
            {formatWareki(result.screenedOn)}の{name}の結果を削除します。削除した内容は操作履歴に残ります。
          </Text>
          <ErrorAlert error={error} title="削除できません" />
          <TextInput
            label="削除の理由"
            required
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <Group>
            <Button type="submit" color="red" loading={busy}>
              削除する
            </Button>
            <Button variant="default" onClick={onClose}>
              やめる
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
