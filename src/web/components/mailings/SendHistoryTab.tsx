import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { formatPostal } from '../../lib/format.ts';
import {
  destinationKindLabel,
  fiscalYearLabel,
  methodLabel,
  returnReasonLabel,
  type SendRecord,
} from '../../lib/mailings.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { DestinationsPanel } from './DestinationsPanel.tsx';
import { ReturnModal } from './ReturnModal.tsx';

/**
 * 送付履歴 of a resident (what was sent when, to which address, and 返戻), with 返戻登録, and the
 * resident's 送付先 (代理人・施設). For the 宛名画面's 「送付履歴」 tab.
 */
export function SendHistoryTab({ residentId }: { residentId: number }) {
  const { can } = useAuth();
  const canManage = can('mailings.manage');
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState<SendRecord | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const q = useQuery({
    queryKey: ['send-records', residentId],
    queryFn: () =>
      api.get<{ hidden: boolean; records: SendRecord[] }>(`/api/residents/${residentId}/send-records`),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['send-records', residentId] });

  async function clearReturn(r: SendRecord) {
    setActionError(null);
    try {
      await api.del(`/api/send-records/${r.id}/return?version=${r.version}`);
    } catch (e) {
      setActionError(e);
    }
    refresh();
  }

  return (
    <Stack gap="md">
      <Stack gap="xs" component="section" aria-label="送付履歴">
        <Text fw={700}>送付履歴</Text>
        <ErrorAlert error={actionError} />
        {q.isPending ? (
          <Loader size="sm" aria-label="読み込み中" />
        ) : q.error ? (
          <ErrorAlert error={q.error} />
        ) : (
          <>
            {q.data.hidden && (
              <Alert color="red" variant="light">
                支援措置対象者のため、送付先の住所は表示しません。
              </Alert>
            )}
            {q.data.records.length === 0 ? (
              <Text size="sm">送付履歴はありません。</Text>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label="送付履歴">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>発送日</Table.Th>
                      <Table.Th>帳票名</Table.Th>
                      <Table.Th>年度</Table.Th>
                      <Table.Th>送付方法</Table.Th>
                      <Table.Th>送付先</Table.Th>
                      <Table.Th>住所</Table.Th>
                      <Table.Th>返戻</Table.Th>
                      {canManage && <Table.Th>操作</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {q.data.records.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(r.sentOn)}</Table.Td>
                        <Table.Td>
                          {r.documentTitle}
                          {r.reissueOf !== null && (
                            <Badge ml={6} size="sm" variant="outline" color="gray.8" radius="sm">
                              再発行
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{fiscalYearLabel(r.fiscalYear)}</Table.Td>
                        <Table.Td>{methodLabel(r.method)}</Table.Td>
                        <Table.Td>
                          {destinationKindLabel(r.destinationKind)}
                          <Text size="xs">{r.recipientName}</Text>
                        </Table.Td>
                        <Table.Td>
                          {r.postalCode && `〒${formatPostal(r.postalCode)} `}
                          {r.address}
                          {r.addressExtra ? ` ${r.addressExtra}` : ''}
                        </Table.Td>
                        <Table.Td>
                          {r.returnedOn ? (
                            <>
                              <Badge color="orange.9" variant="light" radius="sm">
                                返戻
                              </Badge>{' '}
                              {formatWareki(r.returnedOn)}
                              <Text size="xs">
                                {returnReasonLabel(r.returnReason)}
                                {r.returnNote ? `（${r.returnNote}）` : ''}
                              </Text>
                            </>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        {canManage && (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <Button size="compact-xs" variant="light" onClick={() => setReturning(r)}>
                                {r.returnedOn ? '返戻を修正' : '返戻登録'}
                              </Button>
                              {r.returnedOn && (
                                <Button
                                  size="compact-xs"
                                  variant="subtle"
                                  onClick={() => void clearReturn(r)}
                                >
                                  返戻を取消
                                </Button>
                              )}
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
      <DestinationsPanel residentId={residentId} canManage={canManage} />
      {returning && <ReturnModal record={returning} onClose={() => setReturning(null)} onDone={refresh} />}
    </Stack>
  );
}
