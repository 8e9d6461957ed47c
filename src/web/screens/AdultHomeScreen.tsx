import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ExtractionModal } from '../components/adult/ExtractionModal.tsx';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { ListStatusCell } from '../components/adult/ListStatus.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ListsTable } from '../components/lists/ListsTable.tsx';
import { adultKeys, fetchLists, fiscalYearLabel, useAdultMeta } from '../lib/adult-api.ts';
import { useAuth } from '../lib/auth.tsx';

/** 成人保健: the 年度's 対象者リスト and the way to 抽出, 受診希望の登録 and 事業マスタ. 年度 lives in the URL. */
export function AdultHomeScreen() {
  const { can } = useAuth();
  const meta = useAdultMeta();
  const [searchParams, setSearchParams] = useSearchParams();
  const [extracting, setExtracting] = useState(false);
  const current = meta.data?.currentFiscalYear ?? null;
  const fyParam = Number(searchParams.get('fy'));
  const fy = Number.isInteger(fyParam) && fyParam >= 2000 && fyParam <= 2100 ? fyParam : current;

  const lists = useQuery({
    queryKey: adultKeys.lists(fy ?? 0),
    queryFn: () => fetchLists(fy!),
    enabled: fy !== null,
    // a viewer without jobs.view sees no job progress: refresh the list instead while one is extracting
    refetchInterval: (q) =>
      !can('jobs.view') && q.state.data?.some((l) => l.status === 'extracting') ? 3000 : false,
  });

  if (meta.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (meta.error || fy === null || current === null) return <ErrorAlert error={meta.error} />;
  const purposes = meta.data.purposes;
  const names = Object.fromEntries(meta.data.programs.map((p) => [p.code, p.name.replace(/検診$/, '')]));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="md">
          <Title order={1} size="h3">
            成人保健
          </Title>
          <FiscalYearSelect
            value={fy}
            current={current}
            onChange={(v) => setSearchParams(v === current ? {} : { fy: String(v) }, { replace: true })}
          />
        </Group>
        <Group gap="xs">
          {can('adult.extract') && <Button onClick={() => setExtracting(true)}>対象者を抽出</Button>}
          <Button
            component={Link}
            to={`/adult/preferences${fy === current ? '' : `?fy=${fy}`}`}
            variant="light"
          >
            受診希望の登録
          </Button>
          {can('adult.edit') && (
            <Button component={Link} to="/adult/applications/new" variant="light">
              申込受付
            </Button>
          )}
          <Button component={Link} to="/adult/applications" variant="default">
            申込一覧
          </Button>
          <Button component={Link} to="/adult/e-applications" variant="default">
            電子申請の取込
          </Button>
          <Button component={Link} to="/adult/results" variant="light">
            検診結果入力
          </Button>
          <Button component={Link} to="/adult/results/imports" variant="default">
            結果の取込（CSV・XML）
          </Button>
          <Button component={Link} to="/adult/results/notices" variant="default">
            結果票の作成
          </Button>
          <Button component={Link} to="/adult/reminders" variant="default">
            未受診者勧奨
          </Button>
          <Button component={Link} to="/adult/detailed-exams" variant="default">
            精密検査の把握
          </Button>
          {can('reservations.view') && (
            <Button component={Link} to="/reservations" variant="default">
              集団検診の日程・受付
            </Button>
          )}
          {can('mailings.view') && (
            <Button component={Link} to="/mailings" variant="default">
              郵送物一覧
            </Button>
          )}
          {can('programs.view') && (
            <Button component={Link} to="/adult/programs" variant="default">
              事業マスタ
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder p="sm" component="section" aria-labelledby="adult-lists-title">
        <Stack gap="xs">
          <Text fw={700} id="adult-lists-title">
            {fiscalYearLabel(fy)}の対象者リスト
          </Text>
          <ErrorAlert error={lists.error} />
          {lists.isPending && <Loader size="sm" aria-label="読み込み中" />}
          {lists.data && lists.data.length === 0 && (
            <Text size="sm">
              この年度の対象者リストはまだありません。
              {can('adult.extract') ? '「対象者を抽出」から作成してください。' : ''}
            </Text>
          )}
          {lists.data && lists.data.length > 0 && (
            <ListsTable
              lists={lists.data}
              labelledBy="adult-lists-title"
              minWidth={1000}
              href={(l) => `/adult/lists/${l.id}`}
              kind={(l) => purposes[l.purpose] ?? l.purpose}
              detail={{ label: '検診', cell: (l) => l.programs.map((p) => names[p] ?? p).join('・') }}
              status={(l) => <ListStatusCell list={l} />}
            />
          )}
          {lists.data && lists.data.length > 0 && (
            <Text size="xs" c="dimmed">
              対象・除外は抽出したときの人数です。除外・追加後の人数はリストを開いて確認してください。
            </Text>
          )}
        </Stack>
      </Paper>
      {extracting && (
        <ExtractionModal
          opened={extracting}
          onClose={() => setExtracting(false)}
          fiscalYear={fy}
          currentFiscalYear={current}
        />
      )}
    </Stack>
  );
}
