import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { maternalApi, type PregnancyDetail } from '../../lib/maternal-api.ts';
import { openPdfInTab } from '../../lib/pdf.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ReasonModal } from '../ReasonModal.tsx';

const statusBadge = {
  issued: ['gray', '未使用'],
  used: ['green', '使用済み'],
  void: ['red', '無効'],
} as const;

/** 受診券 of a pregnancy with status: print the set (all unused or the ones ticked), void or reissue some. */
export function PregnancyVouchers({
  detail,
  canEdit,
  onChanged,
}: {
  detail: PregnancyDetail;
  canEdit: boolean;
  onChanged(d: PregnancyDetail): void;
}) {
  const [ticked, setTicked] = useState<number[]>([]);
  const [voiding, setVoiding] = useState<null | 'void' | 'reissue'>(null);
  const [printed, setPrinted] = useState<string | null>(null);
  const print = useSave();
  const id = detail.pregnancy.id;
  const usable = detail.vouchers.filter((v) => v.status === 'issued');

  function printSet() {
    void print.run(async () => {
      const ids = ticked.length ? ticked : null;
      setPrinted(await openPdfInTab(() => maternalApi.printVouchers(id, ids)));
    });
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label="受診券">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5">
            受診券（未使用 {usable.length}枚 / 全 {detail.vouchers.length}枚）
          </Title>
          {canEdit && (
            <Group gap="xs">
              <Button onClick={printSet} loading={print.busy} disabled={!usable.length}>
                {ticked.length ? `選んだ受診券を印刷（${ticked.length}枚）` : '受診券を印刷（未使用すべて）'}
              </Button>
              <Button variant="default" disabled={!ticked.length} onClick={() => setVoiding('reissue')}>
                再発行
              </Button>
              <Button
                variant="default"
                color="red"
                disabled={!ticked.length}
                onClick={() => setVoiding('void')}
              >
                無効にする
              </Button>
            </Group>
          )}
        </Group>
        <ErrorAlert error={print.error} title="印刷できません" />
        {printed && (
          <Alert variant="light" color="green" role="status">
            受診券を印刷しました（窓口交付として送付記録に残しました）。{' '}
            <a href={printed} target="_blank" rel="noreferrer">
              もう一度開く
            </a>
          </Alert>
        )}
        <Table withTableBorder fz="sm" aria-label="受診券の一覧">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>選択</Table.Th>
              <Table.Th>種類</Table.Th>
              <Table.Th>回</Table.Th>
              <Table.Th>受診券ID</Table.Th>
              <Table.Th>発行日</Table.Th>
              <Table.Th>助成上限</Table.Th>
              <Table.Th>状態</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.vouchers.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={`${v.kindLabel} 第${v.seq}回を選ぶ`}
                    disabled={v.status !== 'issued'}
                    checked={ticked.includes(v.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setTicked((cur) => (on ? [...cur, v.id] : cur.filter((x) => x !== v.id)));
                    }}
                  />
                </Table.Td>
                <Table.Td>{v.kindLabel}</Table.Td>
                <Table.Td>第{v.seq}回</Table.Td>
                <Table.Td>{v.voucherNo}</Table.Td>
                <Table.Td>{formatWareki(v.issuedOn)}</Table.Td>
                <Table.Td>{v.limitYen === null ? '—' : `${v.limitYen.toLocaleString('ja-JP')}円`}</Table.Td>
                <Table.Td>
                  <Badge color={statusBadge[v.status][0]} variant="light">
                    {statusBadge[v.status][1]}
                  </Badge>
                  {v.voidReason && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {v.voidReason}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {voiding && (
        <ReasonModal
          title={voiding === 'reissue' ? '受診券の再発行' : '受診券の無効化'}
          text={
            voiding === 'reissue'
              ? `選んだ${ticked.length}枚を無効にし、新しい受診券IDで同じ回を発行します。`
              : `選んだ${ticked.length}枚を無効にします（医療機関では使えなくなります）。`
          }
          reasonLabel="理由"
          reasonMissing="理由を入力してください（例: 紛失、汚損）。"
          action={voiding === 'reissue' ? '再発行する' : '無効にする'}
          failure={voiding === 'reissue' ? '再発行できません' : '無効にできません'}
          onClose={() => setVoiding(null)}
          onSubmit={async (reason) => {
            const d = await maternalApi.voidVouchers(id, {
              voucherIds: ticked,
              reason,
              reissue: voiding === 'reissue',
              version: detail.pregnancy.version,
            });
            setTicked([]);
            setVoiding(null);
            onChanged(d);
          }}
        />
      )}
    </Paper>
  );
}
