import {
  Badge,
  Button,
  Group,
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
import { CallCell, CallListPdfButton } from '../components/adult/CallCell.tsx';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { ProgramSelect } from '../components/adult/ProgramSelect.tsx';
import { CsvDownloadModal } from '../components/CsvDownloadModal.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { MakeMailing } from '../components/mailings/MakeMailing.tsx';
import { DetailedExamModal } from '../components/results/DetailedExamModal.tsx';
import { programLabels } from '../lib/adult-api.ts';
import { api } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import {
  type DetailedFilter,
  type DetailedRow,
  detailedApi,
  detailedKeys,
} from '../lib/detailed-exams-api.ts';
import { formatCount } from '../lib/format.ts';
import { currentFiscalYear } from '../lib/programs-api.ts';
import { resultKeys, resultsApi } from '../lib/results-api.ts';
import type { Job } from '../lib/types.ts';
import { formatWareki } from '../lib/wareki.ts';

const statusColors: Record<string, string> = { examined: 'teal', not_examined: 'red', unknown: 'orange' };
const pageSize = 100;

/**
 * 精密検査の把握 (F04-01 精密検査結果入力, F04-02 精検未受診者の抽出): the 要精検者 of a 年度 with their 精検 status;
 * 「入力」 records the 精検結果; 「要フォロー（未受診・未把握）」 is the list to remind (F04-02): a call list (CSV, PDF)
 * with the 架電結果 recorded per row, or 精密検査受診勧奨通知 as a mailing.
 */
export function DetailedExamsScreen() {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const current = currentFiscalYear();
  const [draft, setDraft] = useState<DetailedFilter>({ fiscalYear: current, status: 'pending' });
  const [filter, setFilter] = useState<DetailedFilter>(draft);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<DetailedRow | null>(null);
  const [csv, setCsv] = useState(false);
  const meta = useQuery({ queryKey: detailedKeys.meta, queryFn: detailedApi.meta });
  const results = useQuery({
    queryKey: resultKeys.meta(filter.fiscalYear),
    queryFn: () => resultsApi.meta(filter.fiscalYear),
  });
  const offset = (page - 1) * pageSize;
  const list = useQuery({
    queryKey: detailedKeys.list(filter, offset),
    queryFn: () => detailedApi.list(filter, offset),
  });
  const name = (code: string) => programLabels[code as keyof typeof programLabels] ?? code;
  const judgement = (r: DetailedRow) =>
    results.data?.programs.find((p) => p.code === r.program)?.judgements.find((j) => j.code === r.result)
      ?.label ?? r.result;

  function search(e: FormEvent) {
    e.preventDefault();
    setFilter(draft);
    setPage(1);
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          精密検査の把握
        </Title>
        <Button component={Link} to="/adult/detailed-exams/imports" variant="default">
          精検結果の取込（CSV・XML）
        </Button>
      </Group>
      <Paper withBorder p="sm" component="form" onSubmit={search} aria-label="絞り込み">
        <Group align="flex-end" gap="sm">
          <FiscalYearSelect
            value={draft.fiscalYear}
            current={current}
            onChange={(fiscalYear) => setDraft({ ...draft, fiscalYear })}
            id="detailed-fy"
          />
          <ProgramSelect
            value={draft.program ?? ''}
            onChange={(program) => setDraft({ ...draft, program: program || undefined })}
          />
          <NativeSelect
            label="精検の状況"
            value={draft.status ?? ''}
            onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: 'すべて' },
              { value: 'pending', label: '要フォロー（精検未受診・未把握）' },
              { value: 'unknown', label: '精検未把握' },
              { value: 'not_examined', label: '精検未受診' },
              { value: 'examined', label: '精検受診' },
            ]}
          />
          <TextInput
            label="宛名番号・氏名"
            value={draft.q ?? ''}
            onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value || undefined })}
            autoComplete="off"
          />
          <Button type="submit">検索</Button>
          {can('residents.export') && (
            <>
              <Button variant="default" onClick={() => setCsv(true)}>
                CSV出力（電話勧奨用）
              </Button>
              <CallListPdfButton url={detailedApi.callListUrl(filter)} />
            </>
          )}
        </Group>
      </Paper>
      <ErrorAlert error={list.error ?? meta.error} />
      {list.data && (
        <Paper withBorder p="sm" component="section" aria-label="要精検者の一覧">
          <Stack gap="xs">
            <Text size="sm" role="status">
              {formatCount(list.data.total)}人
            </Text>
            <Table striped withTableBorder fz="sm" aria-label="要精検者">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>宛名番号</Table.Th>
                  <Table.Th>氏名</Table.Th>
                  <Table.Th>検診</Table.Th>
                  <Table.Th>受診日</Table.Th>
                  <Table.Th>判定</Table.Th>
                  <Table.Th>精検の状況</Table.Th>
                  <Table.Th>精検日・機関・結果</Table.Th>
                  <Table.Th>電話</Table.Th>
                  <Table.Th>架電結果</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.rows.map((r) => (
                  <Table.Tr key={r.recordId}>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{r.atenaNo}</Table.Td>
                    <Table.Td>
                      {r.name}
                      <Text span size="xs" c="dimmed" ml={6}>
                        {r.nameKana}
                      </Text>
                    </Table.Td>
                    <Table.Td>{name(r.program)}</Table.Td>
                    <Table.Td>{formatWareki(r.screenedOn)}</Table.Td>
                    <Table.Td>{judgement(r)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={statusColors[r.status]}>
                        {meta.data?.statuses[r.status] ?? r.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {[
                        r.examinedOn ? formatWareki(r.examinedOn) : '',
                        r.institutionName,
                        r.outcome ? meta.data?.outcomes[r.outcome] : '',
                      ]
                        .filter(Boolean)
                        .join(' / ')}
                    </Table.Td>
                    <Table.Td>{r.phone}</Table.Td>
                    <Table.Td>
                      <CallCell
                        scope={{
                          residentId: r.residentId,
                          purpose: 'detailed',
                          fiscalYear: filter.fiscalYear,
                          program: r.program,
                        }}
                        person={{ name: r.name, phone: r.phone, about: `${name(r.program)}の精密検査` }}
                        last={r.lastCall}
                        onRecorded={() =>
                          void queryClient.invalidateQueries({ queryKey: ['detailed', 'list'] })
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      {can('adult.edit') && meta.data && results.data && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => setEditing(r)}
                          aria-label={`${r.name}の精検結果を入力`}
                        >
                          入力
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {list.data.total > pageSize && (
              <Pagination total={Math.ceil(list.data.total / pageSize)} value={page} onChange={setPage} />
            )}
            {can('mailings.manage') && list.data.total > 0 && filter.status !== 'examined' && (
              <MakeMailing
                key={JSON.stringify(filter)}
                what="精密検査受診勧奨通知"
                start={async (sendDate, method) =>
                  (
                    await api.post<{ job: Job }>('/api/adult/detailed-exams/mailing', {
                      ...filter,
                      sendDate,
                      method,
                    })
                  ).job
                }
              />
            )}
          </Stack>
        </Paper>
      )}
      {editing && meta.data && results.data && (
        <DetailedExamModal
          row={editing}
          meta={meta.data}
          programName={name(editing.program)}
          institutions={results.data.institutions}
          onClose={() => setEditing(null)}
        />
      )}
      {csv && (
        <CsvDownloadModal
          title="要精検者一覧のCSV出力"
          url={(encoding) => detailedApi.csvUrl(filter, encoding)}
          onClose={() => setCsv(false)}
        />
      )}
    </Stack>
  );
}
