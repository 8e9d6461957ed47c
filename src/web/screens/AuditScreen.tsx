import {
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type CsvEncoding, EncodingRadio } from '../components/EncodingRadio.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { api, queryString } from '../lib/api.ts';
import { formatJst } from '../lib/format.ts';
import type { AuditEntry } from '../lib/types.ts';

const keys = ['from', 'to', 'loginId', 'action', 'residentId', 'sensitiveOnly'] as const;
type Filters = Record<(typeof keys)[number], string>;

const fromParams = (sp: URLSearchParams): Filters =>
  Object.fromEntries(keys.map((k) => [k, sp.get(k) ?? ''])) as Filters;

type Page = { entries: AuditEntry[]; actionLabels: Record<string, string> };

/** 監査 > アクセスログ: who looked at whom, when, from which screen and why. Filters live in the URL. */
export function AuditScreen() {
  const [searchParams, setSearchParams] = useSearchParams();
  const paramKey = searchParams.toString();
  const filters = useMemo(() => fromParams(searchParams), [searchParams]);
  const [form, setForm] = useState<Filters>(filters);
  const [encoding, setEncoding] = useState<CsvEncoding>('utf8');

  // biome-ignore lint/correctness/useExhaustiveDependencies: paramKey stands for searchParams
  useEffect(() => setForm(fromParams(searchParams)), [paramKey]);

  const q = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Page>(`/api/audit${queryString({ ...filters, beforeId: pageParam })}`),
    getNextPageParam: (last) =>
      last.entries.length >= 200 ? last.entries[last.entries.length - 1]?.id : undefined,
  });
  const actionLabels = q.data?.pages[0]?.actionLabels ?? {};
  const entries = q.data?.pages.flatMap((p) => p.entries) ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of keys) if (form[k].trim()) next.set(k, form[k].trim());
    if (next.toString() === paramKey) void q.refetch();
    else setSearchParams(next);
  }
  const set = (k: keyof Filters) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const exportHref = `/api/audit/export${queryString({ ...filters, encoding })}`;

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        監査（アクセスログ）
      </Title>
      <Paper withBorder p="sm">
        <form onSubmit={submit} aria-label="アクセスログ検索条件">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
              <TextInput
                type="date"
                label="期間（開始日）"
                name="from"
                value={form.from}
                onChange={(e) => set('from')(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label="期間（終了日）"
                name="to"
                value={form.to}
                onChange={(e) => set('to')(e.currentTarget.value)}
              />
              <TextInput
                label="ログインID"
                name="loginId"
                value={form.loginId}
                onChange={(e) => set('loginId')(e.currentTarget.value)}
                autoComplete="off"
              />
              <NativeSelect
                label="操作"
                name="action"
                value={form.action}
                onChange={(e) => set('action')(e.currentTarget.value)}
                data={[
                  { value: '', label: 'すべて' },
                  ...Object.entries(actionLabels).map(([value, label]) => ({ value, label })),
                ]}
              />
              <TextInput
                label="宛名ID"
                name="residentId"
                value={form.residentId}
                onChange={(e) => set('residentId')(e.currentTarget.value)}
                inputMode="numeric"
                autoComplete="off"
              />
            </SimpleGrid>
            <Group justify="space-between">
              <Checkbox
                label="要注意のみ"
                description="個人番号・支援措置対象者の情報を表示した記録"
                checked={form.sensitiveOnly === 'true'}
                onChange={(e) => set('sensitiveOnly')(e.currentTarget.checked ? 'true' : '')}
              />
              <Button type="submit">検索</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Group gap="md" align="flex-end">
        <EncodingRadio value={encoding} onChange={setEncoding} />
        <Button component="a" href={exportHref} download variant="light">
          CSV出力
        </Button>
      </Group>
      <ErrorAlert error={q.error} />
      {q.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {q.data && (
        <Text fw={700} role="status">
          {entries.length}件{q.hasNextPage ? '（続きがあります）' : ''}
        </Text>
      )}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={1100}>
          <Table
            striped
            highlightOnHover
            withTableBorder
            verticalSpacing={4}
            fz="sm"
            aria-label="アクセスログ"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>日時</Table.Th>
                <Table.Th>ログインID</Table.Th>
                <Table.Th>役割</Table.Th>
                <Table.Th>操作</Table.Th>
                <Table.Th>画面</Table.Th>
                <Table.Th>対象人数</Table.Th>
                <Table.Th>利用目的</Table.Th>
                <Table.Th>要注意</Table.Th>
                <Table.Th>内容</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatJst(e.at)}</Table.Td>
                  <Table.Td>{e.loginId}</Table.Td>
                  <Table.Td>{e.roleCode}</Table.Td>
                  <Table.Td>{actionLabels[e.action] ?? e.action}</Table.Td>
                  <Table.Td>{e.screen}</Table.Td>
                  <Table.Td ta="right">{e.residentCount || (e.residentIds?.length ?? 0) || ''}</Table.Td>
                  <Table.Td>{e.purpose}</Table.Td>
                  <Table.Td ta="center">{e.sensitive ? '○' : ''}</Table.Td>
                  <Table.Td>{e.summary}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {q.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void q.fetchNextPage()}
          loading={q.isFetchingNextPage}
          w="fit-content"
        >
          さらに表示
        </Button>
      )}
    </Stack>
  );
}
