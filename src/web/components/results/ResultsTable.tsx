import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAuth } from '../../lib/auth.tsx';
import { type ProgramDefinition, resultsApi, type ScreeningResult } from '../../lib/results-api.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { ReasonModal } from '../ReasonModal.tsx';

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
  return (
    <ReasonModal
      title="結果の削除"
      text={`${formatWareki(result.screenedOn)}の${name}の結果を削除します。削除した内容は操作履歴に残ります。`}
      reasonLabel="削除の理由"
      reasonMissing="削除する理由を入力してください（例: 別の方の結果を入力した）。"
      action="削除する"
      failure="削除できません"
      onSubmit={async (reason) => {
        await resultsApi.remove(result.id, result.version, reason);
        await queryClient.invalidateQueries({ queryKey: ['results', 'sheet'] });
      }}
      onClose={onClose}
    />
  );
}
