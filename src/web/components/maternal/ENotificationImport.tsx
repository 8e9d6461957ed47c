import { Alert, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAuth } from '../../lib/auth.tsx';
import {
  type ENotificationImportResult,
  eNotificationKeys,
  eNotificationsApi,
} from '../../lib/e-notifications-api.ts';
import { formatCount } from '../../lib/format.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { FileImportHistory } from '../imports/FileImportHistory.tsx';
import { JobFileUpload } from '../imports/JobFileUpload.tsx';

/**
 * 妊娠届（電子申請）の取込: upload a CSV/XML, follow the job, the result (counts, the rows in error by line, 取込済み)
 * and the 取込履歴 to open an earlier result again.
 */
export function ENotificationImport() {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState<number | null>(null);
  const result = useQuery({
    queryKey: eNotificationKeys.result(opened ?? 0),
    queryFn: () => eNotificationsApi.result(opened!),
    enabled: opened !== null,
  });

  return (
    <Stack gap="sm">
      {can('maternal.edit') && (
        <JobFileUpload
          title="妊娠届の取込（CSV・XML）"
          description="電子申請システムから書き出した妊娠届（CSV・XML、docs/interfaces/e-application.md「妊娠届」）を取り込みます。取り込んだ届出は下の「未登録」に並びます。内容とアンケートを確かめて登録してください。"
          inputLabel="妊娠届のファイル"
          inputId="e-notification-file"
          missingFile="取り込む妊娠届のファイル（CSV か XML）を選んでください。"
          jobLabel="妊娠届（電子申請）の取込"
          upload={eNotificationsApi.upload}
          onStarted={() => setOpened(null)}
          onFinished={(importId) => {
            setOpened(importId);
            void queryClient.invalidateQueries({ queryKey: eNotificationKeys.all });
          }}
        />
      )}
      {result.data && <ImportSummary r={result.data} />}
      <ErrorAlert error={result.error} title="取込結果を読めません" />
      <FileImportHistory
        id="e-notification-imports"
        queryKey={eNotificationKeys.imports}
        load={eNotificationsApi.imports}
        onOpen={setOpened}
      />
    </Stack>
  );
}

function ImportSummary({ r }: { r: ENotificationImportResult }) {
  const s = r.summary;
  return (
    <Paper withBorder p="sm" component="section" aria-label="取込結果">
      <Stack gap="xs">
        {r.status === 'failed' && (
          <Alert color="red" variant="light" title="取込が途中で止まりました">
            下の件数は止まるまでに受け付けた分です。原因はジョブ一覧で確かめてください。ファイルを直して
            取り込み直すと、受け付けた届出は「取込済み」となり二重には受け付けません。
          </Alert>
        )}
        {(r.status === 'running' || r.status === 'queued') && (
          <Alert color="blue" variant="light" title="取込中です">
            取込が終わると件数がそろいます。中断した取込はシステムの再開後に続きから取り込みます。
          </Alert>
        )}
        <Alert
          color={s.errors || s.duplicate ? 'yellow' : 'teal'}
          variant="light"
          title={`取込結果: ${r.fileName}`}
        >
          <Text size="sm" role="status">
            受付 {formatCount(s.received)}件 / 取込済み {formatCount(s.duplicate)}件 / 誤り{' '}
            {formatCount(s.errors)}件
          </Text>
        </Alert>
        {s.rowErrors.length > 0 && (
          <Table striped withTableBorder fz="sm" aria-label="誤りのある行">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>行</Table.Th>
                <Table.Th>申請番号</Table.Th>
                <Table.Th>項目</Table.Th>
                <Table.Th>内容</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.rowErrors.map((e) => (
                <Table.Tr key={`${e.line}-${e.field}-${e.message}`}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{e.applicationNo}</Table.Td>
                  <Table.Td>{e.label}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {s.duplicates.length > 0 && (
          <Table striped withTableBorder fz="sm" aria-label="取込済みの届出">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>行</Table.Th>
                <Table.Th>申請番号</Table.Th>
                <Table.Th>内容</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.duplicates.map((e) => (
                <Table.Tr key={`${e.line}-${e.applicationNo}`}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{e.applicationNo}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
