import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { AppModal } from '../components/AppModal.tsx';
import { ApplicationCancelModal } from '../components/adult/ApplicationCancelModal.tsx';
import { ApplicationIssue } from '../components/adult/ApplicationIssue.tsx';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { CsvDownloadModal } from '../components/CsvDownloadModal.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { programCodes, programLabels } from '../lib/adult-api.ts';
import {
  type Application,
  type ApplicationFilter,
  applicationKeys,
  applicationsCsvUrl,
  fetchApplications,
  useApplicationsMeta,
} from '../lib/applications-api.ts';
import { useAuth } from '../lib/auth.tsx';
import { formatCount } from '../lib/format.ts';
import { formatWareki } from '../lib/wareki.ts';

const pageSize = 50;
const options = (o: Record<string, string>) => [
  { value: '', label: 'すべて' },
  ...Object.entries(o).map(([value, label]) => ({ value, label })),
];

/** 申込一覧: filters (年度, 検診, 受付方法, 状態, 氏名・宛名番号), paging and CSV (Shift_JIS / UTF-8). */
export function ApplicationsScreen() {
  const { can } = useAuth();
  const meta = useApplicationsMeta();
  const [filter, setFilter] = useState<Omit<ApplicationFilter, 'fiscalYear'> & { fiscalYear?: number }>({});
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [csv, setCsv] = useState(false);
  const [cancelling, setCancelling] = useState<Application | null>(null);
  const [issuing, setIssuing] = useState<Application | null>(null);
  const queryClient = useQueryClient();
  const closeIssue = () => {
    setIssuing(null);
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
  };
  const canEdit = can('adult.edit');
  const fy = filter.fiscalYear ?? meta.data?.currentFiscalYear ?? 0;
  const f: ApplicationFilter = { ...filter, fiscalYear: fy };
  const list = useQuery({
    queryKey: applicationKeys.list(f, offset),
    queryFn: () => fetchApplications(f, offset, pageSize),
    enabled: fy > 0,
  });

  if (meta.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (meta.error) return <ErrorAlert error={meta.error} />;
  const m = meta.data;
  const set = (v: Partial<typeof filter>) => {
    setFilter({ ...filter, ...v });
    setOffset(0);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    set({ q: q.trim() || undefined });
  };
  const programs = Object.fromEntries(programCodes.map((c) => [c, programLabels[c]]));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          申込一覧
        </Title>
        <Group gap="xs">
          {can('adult.edit') && (
            <Button component={Link} to="/adult/applications/new">
              申込受付
            </Button>
          )}
          {can('residents.export') && (
            <Button variant="default" onClick={() => setCsv(true)}>
              CSV出力
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="sm" component="form" onSubmit={search} aria-label="絞り込み">
        <Group align="flex-end" gap="sm">
          <FiscalYearSelect
            value={fy}
            current={m.currentFiscalYear}
            onChange={(v) => set({ fiscalYear: v })}
          />
          <NativeSelect
            label="検診"
            value={filter.program ?? ''}
            onChange={(e) => set({ program: e.currentTarget.value || undefined })}
            data={options(programs)}
          />
          <NativeSelect
            label="受付方法"
            value={filter.channel ?? ''}
            onChange={(e) => set({ channel: e.currentTarget.value || undefined })}
            data={options(m.channels)}
          />
          <NativeSelect
            label="状態"
            value={filter.status ?? ''}
            onChange={(e) => set({ status: e.currentTarget.value || undefined })}
            data={options(m.statuses)}
          />
          <TextInput
            label="氏名・宛名番号"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            autoComplete="off"
          />
          <Button type="submit" variant="default">
            検索
          </Button>
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {list.data && (
        <>
          <Text size="sm" role="status">
            {formatCount(list.data.total)}件
          </Text>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped withTableBorder verticalSpacing={3} fz="sm" aria-label="申込一覧">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>申込番号</Table.Th>
                  <Table.Th>申込日</Table.Th>
                  <Table.Th>受付方法</Table.Th>
                  <Table.Th>宛名番号</Table.Th>
                  <Table.Th>氏名</Table.Th>
                  <Table.Th>検診</Table.Th>
                  <Table.Th>受診形態</Table.Th>
                  <Table.Th>状態</Table.Th>
                  {canEdit && <Table.Th>操作</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.rows.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.id}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(a.appliedOn)}</Table.Td>
                    <Table.Td>{m.channels[a.channel] ?? a.channel}</Table.Td>
                    <Table.Td>{a.atenaNo}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/residents/${a.residentId}?tab=adult`}>
                        {a.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.programs.map((p) => programs[p] ?? p).join('・')}</Table.Td>
                    <Table.Td>
                      {a.mode === 'group' && a.sessionDate
                        ? `集団 ${formatWareki(a.sessionDate)} ${a.startTime}〜 ${a.venueName}`
                        : `個別${a.institutionName ? ` ${a.institutionName}` : ''}`}
                    </Table.Td>
                    <Table.Td>{m.statuses[a.status] ?? a.status}</Table.Td>
                    {canEdit && (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {a.status === 'accepted' && can('mailings.manage') && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            mr={4}
                            onClick={() => setIssuing(a)}
                            aria-label={`${a.name}の受診票（申込${a.id}）を発行する`}
                          >
                            発行
                          </Button>
                        )}
                        {a.status !== 'cancelled' && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            onClick={() => setCancelling(a)}
                            aria-label={`${a.name}の申込（${a.id}）を取り消す`}
                          >
                            取消
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data.total > pageSize && (
            <Pagination
              total={Math.ceil(list.data.total / pageSize)}
              value={offset / pageSize + 1}
              onChange={(p) => setOffset((p - 1) * pageSize)}
              size="sm"
              getControlProps={(c) => ({
                'aria-label': c === 'next' ? '次のページ' : c === 'previous' ? '前のページ' : undefined,
              })}
              getItemProps={(p) => ({ 'aria-label': `${p}ページ` })}
            />
          )}
        </>
      )}
      {csv && (
        <CsvDownloadModal
          title="申込一覧のCSV出力"
          url={(encoding) => applicationsCsvUrl(f, encoding)}
          onClose={() => setCsv(false)}
        />
      )}
      {cancelling && <ApplicationCancelModal application={cancelling} onClose={() => setCancelling(null)} />}
      <AppModal opened={issuing !== null} onClose={closeIssue} title="受診票の発行" size="lg">
        {issuing && (
          <ApplicationIssue
            application={issuing}
            programName={(c) => programs[c] ?? c}
            heading="受付済の申込"
            nextLabel="閉じる"
            onNext={closeIssue}
          />
        )}
      </AppModal>
    </Stack>
  );
}
