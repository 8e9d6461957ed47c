import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DateField } from '../components/DateField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ResidentCsvPanel } from '../components/residents/ResidentCsvPanel.tsx';
import { ResidentTable } from '../components/residents/ResidentTable.tsx';
import { api, queryString } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { formatCount } from '../lib/format.ts';
import { residentStatuses, statusLabels } from '../lib/labels.ts';
import type { SearchResult } from '../lib/types.ts';

type Form = { q: string; name: string; birth: string; address: string; status: string[] };

const textKeys = ['q', 'name', 'birth', 'address'] as const;

function formFromParams(sp: URLSearchParams): Form {
  return {
    q: sp.get('q') ?? '',
    name: sp.get('name') ?? '',
    birth: sp.get('birth') ?? '',
    address: sp.get('address') ?? '',
    status: (sp.get('status') ?? '').split(',').filter(Boolean),
  };
}

/** 宛名検索: filters live in the URL so that back/forward and bookmarks work. */
export function ResidentSearchScreen() {
  const { can } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  const paramKey = searchParams.toString();
  const [form, setForm] = useState<Form>(() => formFromParams(searchParams));
  const [formError, setFormError] = useState<string | null>(null);

  // back/forward: the form follows the URL
  // biome-ignore lint/correctness/useExhaustiveDependencies: paramKey stands for searchParams
  useEffect(() => {
    setForm(formFromParams(searchParams));
    setFormError(null);
  }, [paramKey]);

  const filters = useMemo(() => {
    const f: Record<string, string> = {};
    for (const k of [...textKeys, 'status'] as const) {
      const v = searchParams.get(k)?.trim();
      if (v) f[k] = v;
    }
    return f;
  }, [searchParams]);
  const hasFilters = Object.keys(filters).length > 0;

  const result = useQuery({
    queryKey: ['residents', 'search', filters],
    queryFn: () => api.get<SearchResult>(`/api/residents${queryString({ ...filters, limit: 100 })}`),
    enabled: hasFilters,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of textKeys) if (form[k].trim()) next.set(k, form[k].trim());
    if (form.status.length)
      next.set('status', residentStatuses.filter((s) => form.status.includes(s)).join(','));
    if (!next.toString()) {
      setFormError('検索条件を入力してください（宛名番号・氏名・カナ・生年月日・住所のいずれか）。');
      return;
    }
    setFormError(null);
    if (next.toString() === paramKey) void result.refetch();
    else setSearchParams(next);
  }

  const set = (k: (typeof textKeys)[number]) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h3">
          宛名検索
        </Title>
        {can('residents.edit') && (
          <Button component={Link} to="/residents/new" variant="light" size="sm">
            住登外者登録
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <form onSubmit={submit} aria-label="宛名検索条件">
          <Stack gap="xs">
            <TextInput
              label="宛名番号・氏名・カナ・生年月日"
              name="q"
              value={form.q}
              onChange={(e) => set('q')(e.currentTarget.value)}
              autoFocus
              autoComplete="off"
              description="どれか1つを入力して Enter（例: 1000001 / 山田 / ヤマダ / S60.1.1）"
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label="氏名・カナ"
                name="name"
                value={form.name}
                onChange={(e) => set('name')(e.currentTarget.value)}
                autoComplete="off"
              />
              <DateField label="生年月日" name="birth" value={form.birth} onChange={set('birth')} />
              <TextInput
                label="住所"
                name="address"
                value={form.address}
                onChange={(e) => set('address')(e.currentTarget.value)}
                autoComplete="off"
              />
            </SimpleGrid>
            <Checkbox.Group
              label="状態"
              description="選ばないときはすべて"
              value={form.status}
              onChange={(v) => setForm((f) => ({ ...f, status: v }))}
            >
              <Group gap="md" mt={4}>
                {residentStatuses.map((s) => (
                  <Checkbox key={s} value={s} label={statusLabels[s]} name="status" />
                ))}
              </Group>
            </Checkbox.Group>
            <Group>
              <Button type="submit">検索</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {formError && (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      )}
      {hasFilters && result.isFetching && !result.data && <Loader size="sm" aria-label="検索中" />}
      <ErrorAlert error={result.error} />
      {hasFilters && result.data && (
        <Stack gap="xs">
          <Group gap="sm" role="status">
            <Text fw={700}>
              該当 {formatCount(result.data.total)}件{result.data.capped ? '以上' : ''}
            </Text>
            {result.data.total > result.data.rows.length && (
              <Text size="sm" c="dimmed">
                上位{result.data.rows.length}件を表示
              </Text>
            )}
          </Group>
          {result.data.rows.length > 0 ? (
            <ResidentTable rows={result.data.rows} label="検索結果" />
          ) : (
            <Text>該当する方はいません。条件を変えて検索してください。</Text>
          )}
          {can('residents.export') && result.data.rows.length > 0 && <ResidentCsvPanel filters={filters} />}
        </Stack>
      )}
    </Stack>
  );
}
