import { Button, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ExtraItemsTable } from '../components/programs/ExtraItemsTable.tsx';
import { NationalItemsTable } from '../components/programs/NationalItemsTable.tsx';
import { useAuth } from '../lib/auth.tsx';
import { resultItemsApi, resultItemsKey } from '../lib/result-items-api.ts';

/**
 * 事業マスタ › 結果項目: per program, the national result items (in code, for reference) and the city's own items
 * (市町村独自の結果項目) that the entry screen and the import add to them. programs.view reads, programs.edit
 * changes. The program stays in the URL.
 */
export function ResultItemsScreen() {
  const { can } = useAuth();
  const canEdit = can('programs.edit');
  const [searchParams, setSearchParams] = useSearchParams();
  const list = useQuery({ queryKey: resultItemsKey, queryFn: resultItemsApi.list });
  const programs = list.data?.programs ?? [];
  const program = programs.find((p) => p.code === searchParams.get('program')) ?? programs[0];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h3">
            結果項目
          </Title>
          <Text size="sm" c="dimmed">
            検診結果入力と取込で記録する項目です。国の項目に加えて、市独自の項目を追加できます。
            {canEdit ? '' : '（閲覧のみ）'}
          </Text>
        </Stack>
        <Group align="flex-end">
          {program && (
            <NativeSelect
              label="検診"
              value={program.code}
              onChange={(e) => setSearchParams({ program: e.currentTarget.value }, { replace: true })}
              data={programs.map((p) => {
                const n = p.extras.filter((e) => e.active).length;
                return { value: p.code, label: n ? `${p.name}（市の項目 ${n}）` : p.name };
              })}
              w={260}
            />
          )}
          <Button component={Link} to="/adult/programs" variant="default">
            事業マスタへ
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {program && (
        <>
          <ExtraItemsTable key={program.code} program={program} canEdit={canEdit} />
          <NationalItemsTable program={program} />
        </>
      )}
    </Stack>
  );
}
