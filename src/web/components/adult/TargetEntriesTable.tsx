import { Anchor, Badge, Button, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { ListEntry } from '../../lib/adult-api.ts';
import { formatWareki } from '../../lib/wareki.ts';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

type Props = {
  rows: ListEntry[];
  /** a program's short name (胃がん …) */
  short(code: string): string;
  /** the 操作 column: 除外 / 戻す (or the way to end a 送付不要登録) */
  showActions: boolean;
  /** the resident whose 戻す is under way */
  restoring: number | null;
  onExclude(entry: ListEntry): void;
  onRestore(entry: ListEntry): void;
};

/** The people of a 対象者リスト (one page): who they are, what they are sent, why they are left out. */
export function TargetEntriesTable({ rows, short, showActions, restoring, onExclude, onRestore }: Props) {
  return (
    <Table.ScrollContainer minWidth={1200}>
      <Table striped highlightOnHover withTableBorder verticalSpacing={3} fz="sm" aria-label="対象者">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>宛名番号</Table.Th>
            <Table.Th>氏名</Table.Th>
            <Table.Th>カナ</Table.Th>
            <Table.Th>生年月日</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>年度末年齢</Table.Th>
            <Table.Th>対象検診</Table.Th>
            <Table.Th>クーポン</Table.Th>
            <Table.Th>判定理由</Table.Th>
            <Table.Th>除外理由</Table.Th>
            {showActions && <Table.Th>操作</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => {
            const optOut = e.exclusionReason?.startsWith('opt_out:');
            return (
              <Table.Tr key={e.residentId} data-included={e.included}>
                <Table.Td style={num}>{e.atenaNo}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/residents/${e.residentId}`} fw={600}>
                    {e.name}
                  </Anchor>
                  {e.addedByHand && (
                    <Badge size="xs" variant="outline" color="indigo.9" radius="sm" ml={4}>
                      手動追加
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.nameKana}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(e.birthDate)}</Table.Td>
                <Table.Td style={{ ...num, textAlign: 'right' }}>{e.age}歳</Table.Td>
                <Table.Td>{e.programs.map(short).join('・')}</Table.Td>
                <Table.Td>{e.coupons.length ? e.coupons.map(short).join('・') : '—'}</Table.Td>
                <Table.Td fz="xs">{e.reasons.join('／')}</Table.Td>
                <Table.Td>
                  {!e.included && (
                    <Badge size="sm" color="gray.8" variant="filled" radius="sm" mr={4}>
                      除外
                    </Badge>
                  )}
                  {e.exclusionLabel}
                  {e.exclusionNote ? `（${e.exclusionNote}）` : ''}
                </Table.Td>
                {showActions && (
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {e.included ? (
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="red"
                        onClick={() => onExclude(e)}
                        aria-label={`${e.name}を除外`}
                      >
                        除外
                      </Button>
                    ) : optOut ? (
                      <Anchor
                        component={Link}
                        to={`/residents/${e.residentId}?tab=adult`}
                        size="xs"
                        title="送付不要登録による除外は、宛名画面の成人検診タブで送付不要登録を終了してから再抽出してください。"
                      >
                        送付不要登録を確認
                      </Anchor>
                    ) : (
                      <Button
                        size="compact-xs"
                        variant="light"
                        loading={restoring === e.residentId}
                        onClick={() => onRestore(e)}
                        aria-label={`${e.name}を戻す`}
                      >
                        戻す
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
