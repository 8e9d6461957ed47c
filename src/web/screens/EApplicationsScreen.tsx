import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EApplicationReview } from '../components/adult/EApplicationReview.tsx';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FileImportHistory } from '../components/imports/FileImportHistory.tsx';
import { JobFileUpload } from '../components/imports/JobFileUpload.tsx';
import { useAuth } from '../lib/auth.tsx';
import { eApplicationKeys, eApplicationsApi, type ImportResult } from '../lib/e-applications-api.ts';
import { formatCount } from '../lib/format.ts';
import { currentFiscalYear } from '../lib/programs-api.ts';

/** 電子申請の取込 (F02-04): upload a CSV/XML of e-applications, follow the job, see the result and the review queue. */
export function EApplicationsScreen() {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const current = currentFiscalYear();
  const [fy, setFy] = useState(current);
  const [finished, setFinished] = useState<number | null>(null);
  const result = useQuery({
    queryKey: eApplicationKeys.result(finished ?? 0),
    queryFn: () => eApplicationsApi.result(finished!),
    enabled: finished !== null,
  });

  return (
    <Stack>
      <Title order={2}>電子申請の取込</Title>
      {can('adult.edit') && (
        <JobFileUpload
          title="申込の取込（CSV・XML）"
          description="電子申請システムから書き出した申込（CSV・XML、docs/interfaces/e-application.md）を取り込みます。宛名と確実に照合できた申込はそのまま登録し、ほかは下の「確認待ち」で宛名を選びます。"
          inputLabel="申込ファイル"
          inputId="e-import-file"
          missingFile="取り込む申込ファイル（CSV か XML）を選んでください。"
          jobLabel="電子申請の取込"
          extra={<FiscalYearSelect value={fy} onChange={setFy} current={current} id="e-import-fy" />}
          upload={(file) => eApplicationsApi.upload(fy, file)}
          onStarted={() => setFinished(null)}
          onFinished={(importId) => {
            setFinished(importId);
            void queryClient.invalidateQueries({ queryKey: eApplicationKeys.all });
          }}
        />
      )}
      {result.data && <ImportSummary r={result.data} />}
      <ErrorAlert error={result.error} title="取込結果を読めません" />
      <EApplicationReview />
      <FileImportHistory
        id="e-imports"
        queryKey={eApplicationKeys.imports}
        load={eApplicationsApi.imports}
        onOpen={setFinished}
        showFiscalYear
      />
    </Stack>
  );
}

function ImportSummary({ r }: { r: ImportResult }) {
  const s = r.summary;
  const refused = r.rows.filter((x) => x.outcome === 'refused');
  const lines = [
    ...s.rowErrors.map((e) => ({ ...e, kind: '誤り' })),
    ...s.duplicates.map((e) => ({ ...e, kind: '取込済み' })),
    ...refused.map((x) => ({
      line: x.line,
      applicationNo: x.applicationNo,
      message: x.outcomeMessage,
      kind: '登録不可',
    })),
  ].sort((a, b) => a.line - b.line);
  return (
    <Paper withBorder p="sm" component="section" aria-label="取込結果">
      <Stack gap="xs">
        {r.status === 'failed' && (
          <Alert color="red" variant="light" title="取込が途中で止まりました">
            下の件数は止まるまでに取り込んだ分です（登録した申込はそのまま残ります）。原因はジョブ一覧で確かめてください。
            ファイルを直して取り込み直すと、取り込んだ申込は「取込済み」となり二重には登録されません。
          </Alert>
        )}
        {(r.status === 'running' || r.status === 'queued') && (
          <Alert color="blue" variant="light" title="取込中です">
            取込が終わると件数がそろいます。中断した取込はシステムの再開後に続きから取り込みます。
          </Alert>
        )}
        <Alert color={lines.length ? 'yellow' : 'teal'} variant="light" title={`取込結果: ${r.fileName}`}>
          <Text size="sm" role="status">
            登録 {formatCount(s.registered)}件 / 確認待ち {formatCount(s.review)}件 / 登録不可{' '}
            {formatCount(s.refused)}件 / 取込済み {formatCount(s.duplicate)}件 / 誤り {formatCount(s.errors)}
            件
          </Text>
        </Alert>
        {lines.length > 0 && (
          <Table striped withTableBorder fz="sm" aria-label="取り込めなかった申込">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>行</Table.Th>
                <Table.Th>申込番号</Table.Th>
                <Table.Th>区分</Table.Th>
                <Table.Th>内容</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={`${l.kind}-${l.line}-${l.message}`}>
                  <Table.Td>{l.line}</Table.Td>
                  <Table.Td>{l.applicationNo}</Table.Td>
                  <Table.Td>{l.kind}</Table.Td>
                  <Table.Td>{l.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
