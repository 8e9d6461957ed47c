import { Alert, Button, Group, Input, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAuth } from '../../lib/auth.tsx';
import {
  type ENotificationImportResult,
  eNotificationKeys,
  eNotificationsApi,
} from '../../lib/e-notifications-api.ts';
import { formatCount } from '../../lib/format.ts';
import { useSave } from '../../lib/useSave.ts';
import { JobProgress } from '../adult/JobProgress.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { FileImportHistory } from '../imports/FileImportHistory.tsx';

/**
 * 妊娠届（電子申請）の取込: upload a CSV/XML, follow the job, the result (counts, the rows in error by line, 取込済み)
 * and the 取込履歴 to open an earlier result again.
 */
export function ENotificationImport() {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [running, setRunning] = useState<{ importId: number; jobId: number } | null>(null);
  const [opened, setOpened] = useState<number | null>(null);
  const { busy, error, setError, run } = useSave();
  const result = useQuery({
    queryKey: eNotificationKeys.result(opened ?? 0),
    queryFn: () => eNotificationsApi.result(opened!),
    enabled: opened !== null,
  });

  const upload = () => {
    if (!file) {
      setError('取り込む妊娠届のファイル（CSV か XML）を選んでください。');
      return;
    }
    void run(async () => {
      const r = await eNotificationsApi.upload(file);
      setOpened(null);
      setRunning({ importId: r.importId, jobId: r.job.id });
      setFile(null);
      setInputKey((k) => k + 1);
    });
  };

  return (
    <Stack gap="sm">
      {can('maternal.edit') && (
        <Paper withBorder p="sm" component="section" aria-label="妊娠届の取込（CSV・XML）">
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              電子申請システムから書き出した妊娠届（CSV・XML、docs/interfaces/e-application.md「妊娠届」）を
              取り込みます。取り込んだ届出は下の「未登録」に並びます。内容とアンケートを確かめて登録してください。
            </Text>
            <Group align="end">
              <Input.Wrapper label="妊娠届のファイル" id="e-notification-file">
                <input
                  key={inputKey}
                  id="e-notification-file"
                  type="file"
                  accept=".csv,.xml,text/csv,application/xml,text/xml"
                  style={{ display: 'block', marginTop: 4 }}
                  onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
                />
              </Input.Wrapper>
              <Button loading={busy} disabled={!file} onClick={upload}>
                取り込む
              </Button>
            </Group>
            <ErrorAlert error={error} title="取り込めません" />
            {running && (
              <JobProgress
                jobId={running.jobId}
                label="妊娠届（電子申請）の取込"
                onFinished={() => {
                  setOpened(running.importId);
                  void queryClient.invalidateQueries({ queryKey: eNotificationKeys.all });
                }}
              />
            )}
          </Stack>
        </Paper>
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
                  <Table.Td>{fieldLabel(e.field)}</Table.Td>
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

/** The column of the file a row error is about (the server's field names, as in the CSV header). */
const fieldLabels: Record<string, string> = {
  applicationNo: '申請番号',
  appliedAt: '申請日時',
  atenaNo: '宛名番号',
  name: '氏名',
  nameKana: '氏名カナ',
  birthDate: '生年月日',
  postalCode: '郵便番号',
  address: '住所',
  phone: '電話番号',
  email: 'メール',
  occupation: '職業',
  dueDate: '出産予定日',
  weeks: '妊娠週数',
  fetusCount: '胎児数',
  diagnosedBy: '診断医師',
  diagnosisInstitution: '診断医療機関',
  stdTbCheckup: '性病・結核の健診',
  delivery: '交付方法',
  interviewWish: '面談希望',
  interviewNote: '面談希望日時',
  note: '備考',
};
const fieldLabel = (f: string) =>
  f.startsWith('questionnaire.') ? 'アンケート' : (fieldLabels[f] ?? (f || '（行全体）'));
