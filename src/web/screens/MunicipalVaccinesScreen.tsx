import { Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ConfirmModal } from '../components/programs/ConfirmModal.tsx';
import { MunicipalVaccineModal } from '../components/vaccination/MunicipalVaccineModal.tsx';
import { VaccinationNav } from '../components/vaccination/VaccinationNav.tsx';
import { VaccinationSettingsPanel } from '../components/vaccination/VaccinationSettingsPanel.tsx';
import {
  ageWindowLabel,
  kindLabels,
  type MunicipalVaccine,
  municipalKeys,
  municipalVaccinesApi,
  sexLabels,
  subsidyLabel,
} from '../lib/municipal-vaccines-api.ts';
import { useSave } from '../lib/useSave.ts';
import { formatWareki } from '../lib/wareki.ts';

const period = (r: MunicipalVaccine) =>
  `${formatWareki(r.validFrom)}〜${r.validTo ? formatWareki(r.validTo) : ''}`;

/**
 * 予防接種 › 市町村独自の予防接種 (任意接種の費用助成, 事業マスタ; programs.edit): the definitions with their
 * 対象年齢 in the words of §1.2, 回数, 間隔, 助成額 and 期間 in 和暦; add and edit in a modal, retire with a
 * confirmation (the records of the code stay). Active ones are offered in the person's schedule and the entry form.
 */
export function MunicipalVaccinesScreen() {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: municipalKeys.manage, queryFn: municipalVaccinesApi.manage });
  const [editing, setEditing] = useState<MunicipalVaccine | 'new' | null>(null);
  const [retiring, setRetiring] = useState<MunicipalVaccine | null>(null);
  const retire = useSave();
  const [done, setDone] = useState<string | null>(null);

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        市町村独自の予防接種（任意接種の費用助成）
      </Title>
      <VaccinationNav />
      <Text size="sm" c="dimmed">
        定期接種のほかに市が費用を助成する任意接種（おたふくかぜ、小児インフルエンザなど）を登録します。有効な接種は、
        予防接種の画面の接種スケジュールと記録の入力に「任意接種助成」として表示されます。
      </Text>
      <Group justify="space-between">
        {done ? (
          <Text size="sm" c="teal.9" role="status">
            {done}
          </Text>
        ) : (
          <span />
        )}
        <Button onClick={() => setEditing('new')}>予防接種を登録</Button>
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {list.data && (
        <Paper withBorder p="sm">
          <Table.ScrollContainer minWidth={1000} type="native">
            <Table
              striped
              withTableBorder
              verticalSpacing={4}
              fz="sm"
              aria-label="市町村独自の予防接種の一覧"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>コード</Table.Th>
                  <Table.Th>名称</Table.Th>
                  <Table.Th>種類</Table.Th>
                  <Table.Th>対象年齢</Table.Th>
                  <Table.Th>回数</Table.Th>
                  <Table.Th>間隔</Table.Th>
                  <Table.Th>助成額（1回）</Table.Th>
                  <Table.Th>期間</Table.Th>
                  <Table.Th>状態</Table.Th>
                  <Table.Th>操作</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.municipalVaccines.map((r) => (
                  <Table.Tr key={r.id} data-code={r.code}>
                    <Table.Td ff="monospace">{r.code}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{kindLabels[r.kind]}</Table.Td>
                    <Table.Td>
                      {ageWindowLabel(r)}
                      {r.sex ? `（${sexLabels[r.sex]}）` : ''}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.doses}回</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {r.minIntervalDays > 0 ? `${r.minIntervalDays}日以上` : '—'}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{subsidyLabel(r.subsidyYen)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{period(r)}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="dot"
                        radius="sm"
                        color={r.active ? 'teal.9' : 'gray.8'}
                        miw="fit-content"
                      >
                        {r.active ? '実施中' : '廃止'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => setEditing(r)}
                          aria-label={`${r.name}を編集`}
                        >
                          編集
                        </Button>
                        {r.active && (
                          <Button
                            size="compact-xs"
                            variant="default"
                            color="red"
                            onClick={() => setRetiring(r)}
                            aria-label={`${r.name}を廃止`}
                          >
                            廃止
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {list.data.municipalVaccines.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={10}>
                      <Text size="sm" c="dimmed">
                        登録された予防接種はありません。「予防接種を登録」から追加します。
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {editing && (
        <MunicipalVaccineModal
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          row={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {retiring && (
        <ConfirmModal
          title="予防接種の廃止"
          confirmLabel="廃止する"
          color="red"
          busy={retire.busy}
          error={retire.error}
          onClose={() => setRetiring(null)}
          onConfirm={() =>
            void retire.run(async () => {
              await municipalVaccinesApi.retire(retiring.id, retiring.version);
              await queryClient.invalidateQueries({ queryKey: municipalKeys.all });
              setDone(`${retiring.name}を廃止しました。`);
              setRetiring(null);
            })
          }
        >
          {`${retiring.name}（${ageWindowLabel(retiring)}）の助成を廃止します。接種スケジュールと記録の入力には表示されなくなります。これまでの接種の記録は残ります。`}
        </ConfirmModal>
      )}
      <VaccinationSettingsPanel />
    </Stack>
  );
}
