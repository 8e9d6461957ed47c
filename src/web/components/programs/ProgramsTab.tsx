import { Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  couponLabel,
  deliveryLabels,
  feeLabel,
  fiscalYearShortLabel,
  intervalLabel,
  periodLabel,
  targetLabel,
} from '../../../server/modules/programs/labels.ts';
import { type ProgramCode, type ProgramsYear, programsApi, programsKeys } from '../../lib/programs-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { ProgramEditDrawer } from './ProgramEditDrawer.tsx';

/** 事業マスタ › 検診: the 9 programs of the 年度; a row opens its settings. */
export function ProgramsTab({ fy, canEdit }: { fy: number; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: programsKeys.year(fy), queryFn: () => programsApi.year(fy) });
  const [editing, setEditing] = useState<ProgramCode | null>(null);
  const [copyOpen, setCopyOpen] = useState(false);
  const copy = useSave();
  const [done, setDone] = useState<string | null>(null);

  if (q.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { programs, previousYearExists } = q.data;
  const row = programs.find((p) => p.code === editing);

  function copyPrevious() {
    void copy.run(async () => {
      const res = await programsApi.copyPrevious(fy);
      queryClient.setQueryData<ProgramsYear>(programsKeys.year(fy), (old) =>
        old ? { ...old, programs: res.programs } : old,
      );
      setCopyOpen(false);
      setDone(`${fiscalYearShortLabel(fy - 1)}の設定をコピーしました。`);
    });
  }

  return (
    <Stack gap="sm">
      {canEdit && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            行を選ぶと設定を編集できます。
          </Text>
          <Group gap="xs">
            {!previousYearExists && (
              <Text size="sm" c="dimmed">
                {fiscalYearShortLabel(fy - 1)}の設定はありません
              </Text>
            )}
            <Button
              variant="light"
              disabled={!previousYearExists}
              onClick={() => {
                setDone(null);
                copy.setError(null);
                setCopyOpen(true);
              }}
            >
              前年度の設定をコピー
            </Button>
          </Group>
        </Group>
      )}
      {done && (
        <Text role="status" c="green.9">
          {done}
        </Text>
      )}
      <Table.ScrollContainer minWidth={1000}>
        <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" aria-label="検診の一覧">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>事業</Table.Th>
              <Table.Th>実施</Table.Th>
              <Table.Th>対象（性別・年齢・節目）</Table.Th>
              <Table.Th>受診間隔</Table.Th>
              <Table.Th>実施方法</Table.Th>
              <Table.Th>自己負担金</Table.Th>
              <Table.Th>クーポン</Table.Th>
              <Table.Th>受診期間</Table.Th>
              <Table.Th>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {programs.map((p) => {
              const s = p.settings;
              return (
                <Table.Tr
                  key={p.code}
                  style={{ cursor: 'pointer' }}
                  onClick={() => setEditing(p.code)}
                  data-testid={`program-${p.code}`}
                >
                  <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {s.name}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      variant="dot"
                      color={s.enabled ? 'teal.9' : 'gray.8'}
                      radius="sm"
                      styles={{ label: { overflow: 'visible' } }}
                    >
                      {s.enabled ? '実施' : '実施しない'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{targetLabel(s)}</Table.Td>
                  <Table.Td>{intervalLabel(s.interval)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{deliveryLabels[s.delivery]}</Table.Td>
                  <Table.Td>{feeLabel(s.fees, s.methods)}</Table.Td>
                  <Table.Td>{couponLabel(s.coupon)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodLabel(fy, s)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="light"
                      aria-label={`${s.name}を${canEdit ? '編集' : '表示'}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        setEditing(p.code);
                      }}
                    >
                      {canEdit ? '編集' : '表示'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {row && (
        <ProgramEditDrawer
          key={`${fy}:${row.code}`}
          fy={fy}
          row={row}
          canEdit={canEdit}
          onClose={() => setEditing(null)}
        />
      )}
      {copyOpen && (
        <ConfirmModal
          title="前年度の設定をコピー"
          confirmLabel="コピーする"
          color="orange.9"
          busy={copy.busy}
          error={copy.error}
          onConfirm={copyPrevious}
          onClose={() => setCopyOpen(false)}
        >
          <Stack gap="xs">
            <Text size="sm">
              {fiscalYearShortLabel(fy - 1)}の9事業の設定で、{fiscalYearShortLabel(fy)}
              の設定をすべて上書きします。受診期間は1年後の同じ日付にします。
            </Text>
            <Text size="sm" c="red.8">
              {fiscalYearShortLabel(fy)}
              で変更した内容は元に戻せません。会場・医療機関・集団検診日程は変わりません。
            </Text>
          </Stack>
        </ConfirmModal>
      )}
    </Stack>
  );
}
