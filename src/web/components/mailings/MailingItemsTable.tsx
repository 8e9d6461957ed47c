import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, queryString } from '../../lib/api.ts';
import { formatCount, formatPostal } from '../../lib/format.ts';
import type { ItemStatus, MailingItem } from '../../lib/mailings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

const pageSize = 100;

type Props = {
  mailingId: number;
  status: ItemStatus;
  /** changes when the mailing changed (re-check, print …): the list is read again */
  version: number;
  canManage: boolean;
  /** no item changes (送付情報登録済み or 印刷中) */
  locked: boolean;
  onPullOut(item: MailingItem): void;
  onRestore(item: MailingItem): void;
  onConfirm(item: MailingItem): void;
};

const tableLabels: Record<ItemStatus, string> = {
  included: '印刷対象',
  pulled_out: '引き抜きリスト',
  pending: '要確認（支援措置）',
};

function NameCell({ item }: { item: MailingItem }) {
  return (
    <>
      <Anchor component={Link} to={`/residents/${item.residentId}`} fw={600} c="inherit">
        {item.name}
      </Anchor>
      {item.supportMeasure && (
        <Badge color="red.9" variant="filled" radius="sm" ml={6} size="sm">
          支援措置
        </Badge>
      )}
      <Text size="xs" c="dimmed">
        {item.nameKana}
      </Text>
    </>
  );
}

function AddressCell({ item }: { item: MailingItem }) {
  return (
    <>
      {item.postalCode && <Text size="xs">〒{formatPostal(item.postalCode)}</Text>}
      {item.address}
      {item.addressExtra ? ` ${item.addressExtra}` : ''}
      {item.destination && (
        <Text size="xs" c="dimmed">
          送付先: {item.destination.kindLabel}（{item.destination.name}）
        </Text>
      )}
      {item.confirmedBy !== null && (
        <Text size="xs" c="dimmed">
          支援措置: 送付確認済（{item.confirmedByName ?? '—'}）
        </Text>
      )}
    </>
  );
}

/** One tab of the 郵送物 screen: the items of one status, searchable by 連番・宛名番号・氏名, 100 a page. */
export function MailingItemsTable({ mailingId, status, version, canManage, locked, ...actions }: Props) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [typed, setTyped] = useState(q);

  const query = useQuery({
    queryKey: ['mailing-items', mailingId, status, q, page, version],
    queryFn: () =>
      api.get<{ rows: MailingItem[]; total: number }>(
        `/api/mailings/${mailingId}/items${queryString({ status, q, offset: (page - 1) * pageSize, limit: pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });

  function setFilter(next: { q?: string; page?: number }) {
    const p = new URLSearchParams(params);
    if (next.q !== undefined) {
      if (next.q) p.set('q', next.q);
      else p.delete('q');
      p.delete('page');
    }
    if (next.page !== undefined) {
      if (next.page > 1) p.set('page', String(next.page));
      else p.delete('page');
    }
    setParams(p, { replace: true });
  }

  function search(e: FormEvent) {
    e.preventDefault();
    setFilter({ q: typed.trim() });
  }

  const label = tableLabels[status];
  const rows = query.data?.rows ?? [];
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <Stack gap="xs">
      <form onSubmit={search} aria-label={`${label}の検索`}>
        <Group gap="xs" align="flex-end">
          <TextInput
            label="連番・宛名番号・氏名"
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            w={260}
            autoComplete="off"
          />
          <Button type="submit" variant="light">
            検索
          </Button>
          {q && (
            <Button
              variant="subtle"
              onClick={() => {
                setTyped('');
                setFilter({ q: '' });
              }}
            >
              条件をクリア
            </Button>
          )}
          <Text size="sm" ml="auto" aria-live="polite">
            {query.isFetching ? '読み込み中…' : `${formatCount(total)}人`}
          </Text>
        </Group>
      </form>
      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <Loader size="sm" aria-label="読み込み中" />
      ) : rows.length === 0 ? (
        <Text size="sm">{q ? '条件に合う方はいません。' : `${label}の方はいません。`}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>連番</Table.Th>
                <Table.Th>宛名番号</Table.Th>
                <Table.Th>氏名</Table.Th>
                {status === 'pulled_out' ? (
                  <>
                    <Table.Th>引き抜き理由</Table.Th>
                    <Table.Th>引き抜き</Table.Th>
                  </>
                ) : (
                  <Table.Th>住所</Table.Th>
                )}
                <Table.Th>操作</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.residentId}>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{r.seq}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {r.atenaNo}
                  </Table.Td>
                  <Table.Td>
                    <NameCell item={r} />
                  </Table.Td>
                  {status === 'pulled_out' ? (
                    <>
                      <Table.Td>
                        {r.pullLabel}
                        {r.pullNote && (
                          <Text size="xs" c="dimmed">
                            {r.pullNote}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{r.manual ? (r.pulledByName ?? '手作業') : '自動'}</Table.Td>
                    </>
                  ) : (
                    <Table.Td>
                      <AddressCell item={r} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        component="a"
                        href={`/api/mailings/${mailingId}/preview?residentId=${r.residentId}`}
                        target="_blank"
                        rel="noopener"
                        size="compact-xs"
                        variant="default"
                        aria-label={`${r.name}さんの帳票をプレビュー（新しいタブ）`}
                      >
                        プレビュー
                      </Button>
                      {canManage && !locked && status === 'included' && (
                        <Button
                          size="compact-xs"
                          color="orange"
                          variant="light"
                          onClick={() => actions.onPullOut(r)}
                        >
                          引き抜く
                        </Button>
                      )}
                      {canManage && !locked && status === 'pulled_out' && r.restorable && (
                        <Button size="compact-xs" variant="light" onClick={() => actions.onRestore(r)}>
                          戻す
                        </Button>
                      )}
                      {canManage &&
                        !locked &&
                        (status === 'pending' || r.pullReason === 'support_measure') && (
                          <Button size="compact-xs" onClick={() => actions.onConfirm(r)}>
                            送付を確認
                          </Button>
                        )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={(p) => setFilter({ page: p })}
          size="sm"
          getControlProps={(control) => ({
            'aria-label':
              control === 'next' ? '次のページ' : control === 'previous' ? '前のページ' : undefined,
          })}
          getItemProps={(p) => ({ 'aria-label': `${p}ページ` })}
        />
      )}
    </Stack>
  );
}
