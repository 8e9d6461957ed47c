import { Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  adultKeys,
  fetchOverview,
  fiscalYearShortLabel,
  methodNamer,
  type OptOut,
  recordResultLabels,
  recordSourceLabels,
  useAdultMeta,
  usePrograms,
} from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { FeeExemptionsSection } from './FeeExemptionsSection.tsx';
import { FiscalYearSelect } from './FiscalYearSelect.tsx';
import { JudgementTable } from './JudgementTable.tsx';
import { OptOutModal } from './OptOutModal.tsx';
import { RecordModal } from './RecordModal.tsx';
import { ReissueModal } from './ReissueModal.tsx';

type Modal = { kind: 'optOut'; optOut: OptOut | null } | { kind: 'record' } | { kind: 'reissue' } | null;

/**
 * 宛名画面 › 成人検診: the 年度's judgement per program with reasons, 受診歴, 送付不要登録, 自己負担金の免除
 * and the 受診票 再発行 — what the counter clerk needs to answer "why did I (not) get a ticket?".
 */
export function AdultTab({ residentId }: { residentId: number }) {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const meta = useAdultMeta();
  const [fyChoice, setFyChoice] = useState<number | null>(null);
  const [modal, setModal] = useState<Modal>(null);
  const [deleting, setDeleting] = useState<OptOut | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const current = meta.data?.currentFiscalYear ?? null;
  const fy = fyChoice ?? current;
  const overview = useQuery({
    queryKey: [...adultKeys.resident(residentId), fy],
    queryFn: () => fetchOverview(residentId, fy!),
    enabled: fy !== null,
  });
  const progs = usePrograms(fy);

  if (meta.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (meta.error || fy === null || current === null) return <ErrorAlert error={meta.error} />;
  const m = meta.data;
  const names: Record<string, string> = Object.fromEntries(m.programs.map((p) => [p.code, p.name]));
  const programName = (c: string) => names[c] ?? c;
  const settings = progs.data?.programs.map((p) => p.settings) ?? [];
  const methodName = methodNamer(settings);
  const canEdit = can('adult.edit');

  async function removeOptOut() {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.del(`/api/adult/residents/${residentId}/opt-outs/${deleting.id}`);
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: adultKeys.resident(residentId) });
    } catch (e) {
      setDeleteError(e);
    } finally {
      setDeleteBusy(false);
    }
  }

  const data = overview.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <FiscalYearSelect value={fy} current={current} onChange={setFyChoice} id="adult-tab-fy" />
        {can('mailings.manage') && (
          <Button variant="light" onClick={() => setModal({ kind: 'reissue' })}>
            受診票を再発行
          </Button>
        )}
      </Group>
      <ErrorAlert error={overview.error} />
      {overview.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {data && (
        <>
          <Stack gap={4} component="section" aria-labelledby="adult-tab-judgement">
            <Text fw={700} id="adult-tab-judgement">
              {fiscalYearShortLabel(data.fiscalYear)}の対象判定
            </Text>
            <JudgementTable
              rows={data.judgements}
              programName={programName}
              methodName={methodName}
              label={`${fiscalYearShortLabel(data.fiscalYear)}の対象判定`}
            />
            <Text size="xs" c="dimmed">
              今日の住民記録・受診歴・送付不要登録と、この年度の事業マスタで判定しています。
            </Text>
          </Stack>

          <Paper withBorder p="sm" component="section" aria-labelledby="adult-tab-records">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={700} id="adult-tab-records">
                  受診歴
                </Text>
                {canEdit && (
                  <Button size="xs" variant="light" onClick={() => setModal({ kind: 'record' })}>
                    受診歴を追加
                  </Button>
                )}
              </Group>
              {data.records.length === 0 ? (
                <Text size="sm">受診歴はありません。</Text>
              ) : (
                <Table
                  striped
                  withTableBorder
                  verticalSpacing={3}
                  fz="sm"
                  aria-labelledby="adult-tab-records"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>年度</Table.Th>
                      <Table.Th>受診日</Table.Th>
                      <Table.Th>検診</Table.Th>
                      <Table.Th>方法</Table.Th>
                      <Table.Th>結果</Table.Th>
                      <Table.Th>登録元</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.records.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {fiscalYearShortLabel(r.fiscalYear)}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(r.screenedOn)}</Table.Td>
                        <Table.Td>{programName(r.program)}</Table.Td>
                        <Table.Td>{methodName(r.program, r.method) || '—'}</Table.Td>
                        <Table.Td>{r.result ? (recordResultLabels[r.result] ?? r.result) : '—'}</Table.Td>
                        <Table.Td>{recordSourceLabels[r.source] ?? r.source}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </Paper>

          <Paper withBorder p="sm" component="section" aria-labelledby="adult-tab-optouts">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={700} id="adult-tab-optouts">
                  送付不要登録
                </Text>
                {canEdit && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setModal({ kind: 'optOut', optOut: null })}
                  >
                    送付不要を登録
                  </Button>
                )}
              </Group>
              {data.optOuts.length === 0 ? (
                <Text size="sm">送付不要登録はありません。</Text>
              ) : (
                <Table
                  striped
                  withTableBorder
                  verticalSpacing={3}
                  fz="sm"
                  aria-labelledby="adult-tab-optouts"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>検診</Table.Th>
                      <Table.Th>理由</Table.Th>
                      <Table.Th>開始日</Table.Th>
                      <Table.Th>終了日</Table.Th>
                      <Table.Th>備考</Table.Th>
                      {canEdit && <Table.Th>操作</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.optOuts.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>{o.program ? programName(o.program) : 'すべての検診'}</Table.Td>
                        <Table.Td>{m.optOutReasons[o.reason] ?? o.reason}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(o.validFrom)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {o.validUntil ? formatWareki(o.validUntil) : '期限なし'}
                        </Table.Td>
                        <Table.Td>{o.note}</Table.Td>
                        {canEdit && (
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Group gap={4} wrap="nowrap">
                              <Button
                                size="compact-xs"
                                variant="light"
                                onClick={() => setModal({ kind: 'optOut', optOut: o })}
                              >
                                修正
                              </Button>
                              <Button
                                size="compact-xs"
                                variant="light"
                                color="red"
                                onClick={() => {
                                  setDeleteError(null);
                                  setDeleting(o);
                                }}
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
              )}
            </Stack>
          </Paper>

          <FeeExemptionsSection residentId={residentId} rows={data.feeExemptions} canEdit={canEdit} />
        </>
      )}

      {modal?.kind === 'optOut' && (
        <OptOutModal
          residentId={residentId}
          optOut={modal.optOut}
          programs={m.programs}
          reasons={m.optOutReasons}
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'record' && (
        <RecordModal
          residentId={residentId}
          programs={m.programs}
          settings={settings}
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'reissue' && (
        <ReissueModal
          residentId={residentId}
          fiscalYear={fy}
          sendMethods={m.sendMethods}
          onClose={() => setModal(null)}
        />
      )}
      <AppModal opened={deleting !== null} onClose={() => setDeleting(null)} title="送付不要登録の削除">
        {deleting && (
          <Stack gap="sm">
            <Text size="sm">
              送付不要登録（{deleting.program ? programName(deleting.program) : 'すべての検診'}・
              {m.optOutReasons[deleting.reason] ?? deleting.reason}
              ）を削除します。次の対象者抽出から対象になります。 よろしいですか。
            </Text>
            <ErrorAlert error={deleteError} title="削除できません" />
            <Group>
              <Button color="red" loading={deleteBusy} onClick={() => void removeOptOut()} data-autofocus>
                削除する
              </Button>
              <Button variant="default" onClick={() => setDeleting(null)}>
                キャンセル
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </Stack>
  );
}
