import { Anchor, Group, Loader, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { api } from '../lib/api.ts';
import { formatCount, formatJst } from '../lib/format.ts';
import {
  fiscalYearLabel,
  type Mailing,
  mailingStatuses,
  mailingStatusLabel,
  methodLabel,
} from '../lib/mailings.ts';
import { formatWareki } from '../lib/wareki.ts';

const num = { fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' } as const;

type MailingList = { mailings: Mailing[]; purposes: { code: string; title: string }[] };

/**
 * 郵送物一覧: every mailing (受診票・希望調査票 …) with its step — the work list from which staff continue a
 * mailing (引き抜き確認, 印刷, 送付情報登録). Filters live in the URL.
 */
export function MailingsScreen() {
  const [params, setParams] = useSearchParams();
  const purpose = params.get('purpose') ?? '';
  const status = params.get('status') ?? '';
  const list = useQuery({
    queryKey: ['mailings', 'list', purpose, status],
    queryFn: () => {
      const q = new URLSearchParams();
      if (purpose) q.set('purpose', purpose);
      if (status) q.set('status', status);
      return api.get<MailingList>(`/api/mailings?${q}`);
    },
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const titles = Object.fromEntries((list.data?.purposes ?? []).map((p) => [p.code, p.title]));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          郵送物一覧
        </Title>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label="種類"
            value={purpose}
            onChange={(e) => set('purpose', e.currentTarget.value)}
            data={[
              { value: '', label: 'すべて' },
              ...(list.data?.purposes ?? []).map((p) => ({ value: p.code, label: p.title })),
            ]}
          />
          <NativeSelect
            label="状態"
            value={status}
            onChange={(e) => set('status', e.currentTarget.value)}
            data={[
              { value: '', label: 'すべて' },
              ...Object.entries(mailingStatuses).map(([value, label]) => ({ value, label })),
            ]}
          />
        </Group>
      </Group>
      <Paper withBorder p="sm" component="section" aria-labelledby="mailings-title">
        <Stack gap="xs">
          <Text fw={700} id="mailings-title">
            郵送物（発送日の新しい順）
          </Text>
          <ErrorAlert error={list.error} />
          {list.isPending && <Loader size="sm" aria-label="読み込み中" />}
          {list.data?.mailings.length === 0 && <Text size="sm">条件に合う郵送物はありません。</Text>}
          {list.data && list.data.mailings.length > 0 && (
            <Table.ScrollContainer minWidth={900}>
              <Table
                striped
                highlightOnHover
                withTableBorder
                verticalSpacing={4}
                fz="sm"
                aria-labelledby="mailings-title"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>郵送物</Table.Th>
                    <Table.Th>種類</Table.Th>
                    <Table.Th>年度</Table.Th>
                    <Table.Th>発送日</Table.Th>
                    <Table.Th>送付方法</Table.Th>
                    <Table.Th>状態</Table.Th>
                    <Table.Th style={num}>対象</Table.Th>
                    <Table.Th style={num}>引き抜き</Table.Th>
                    <Table.Th style={num}>要確認</Table.Th>
                    <Table.Th>作成日時</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.mailings.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/mailings/${m.id}`} fw={600}>
                          {m.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{titles[m.purpose] ?? m.purpose}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{fiscalYearLabel(m.fiscalYear)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(m.sendDate)}</Table.Td>
                      <Table.Td>{methodLabel(m.method)}</Table.Td>
                      <Table.Td>{mailingStatusLabel(m.status)}</Table.Td>
                      <Table.Td style={num}>{formatCount(m.counts.included)}</Table.Td>
                      <Table.Td style={num}>{formatCount(m.counts.pulledOut)}</Table.Td>
                      <Table.Td style={num}>
                        {m.counts.pendingConfirmation > 0 ? (
                          <Text span c="orange.8" fw={700} size="sm">
                            {formatCount(m.counts.pendingConfirmation)}
                          </Text>
                        ) : (
                          '0'
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatJst(m.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Text size="xs" c="dimmed">
            要確認は支援措置対象者の確認待ちです（確認が済むまで印刷できません）。郵送物は対象者リストの「郵送物を作成」から作ります。
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
