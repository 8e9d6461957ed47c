import { Alert, Badge, Button, Checkbox, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount } from '../../lib/format.ts';
import {
  countsLine,
  type ImportRun,
  type ImportsApi,
  importKeys,
  runActive,
  runStatusLabels,
} from '../../lib/imports-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { JobProgress } from '../adult/JobProgress.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ImportRows } from './ImportRows.tsx';

type Props = { api: ImportsApi; base: string; runId: number; canEdit: boolean };

/** What the commit wrote (counts.committed), as one line. */
function committedLine(r: ImportRun): string {
  const c = r.counts.committed;
  if (!c) return r.message;
  return (
    `取り込みました: 新規 ${formatCount(c.new)}件 / 更新 ${formatCount(c.update)}件 / 変更なし ${formatCount(c.unchanged)}件` +
    (c.skipped ? `（誤りの${formatCount(c.skipped)}行は取り込んでいません）` : '')
  );
}

/**
 * One import (取込) of a file: the check's progress, the dry-run summary and rows, the error file, then 取り込む
 * (all rows, or only the rows without errors) with the commit's progress and result.
 */
export function ImportRunView({ api, base, runId, canEdit }: Props) {
  const queryClient = useQueryClient();
  const [onlyValid, setOnlyValid] = useState(false);
  // a commit job that stopped (failed) leaves the run 'committing': 取り込む resumes it
  const [commitStopped, setCommitStopped] = useState(false);
  const commit = useSave();
  const q = useQuery({
    queryKey: importKeys.run(base, runId),
    queryFn: () => api.run(runId),
    refetchInterval: (query) => (runActive(query.state.data) && !commitStopped ? 1000 : false),
  });
  const run = q.data;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: importKeys.all(base) });
  };

  if (q.error) return <ErrorAlert error={q.error} title="取込を読めません" />;
  if (!run) return <Loader size="sm" aria-label="読み込み中" />;

  const st = runStatusLabels[run.status];
  const errors = run.counts.error ?? 0;
  const toWrite = (run.counts.new ?? 0) + (run.counts.update ?? 0);
  const checked = run.status !== 'validating' && run.status !== 'failed' && run.counts.rows !== undefined;
  const canCommit =
    run.status === 'validated' ||
    (run.status === 'cancelled' && run.commitJobId !== null) ||
    (run.status === 'committing' && commitStopped);
  const why =
    errors > 0 && !onlyValid && !run.onlyValid
      ? `誤りの行が${formatCount(errors)}行あるため、このままでは取り込めません。「エラーの行をダウンロード」で直してその行だけ取り込み直すか、「誤りのない行だけ取り込む」を選んでください。`
      : toWrite === 0
        ? '取り込む行がありません（新規・更新の行がありません）。'
        : null;

  function start() {
    void commit.run(async () => {
      await api.commit(runId, onlyValid);
      setCommitStopped(false);
      refresh();
    });
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label="取込の点検と取り込み">
      <Stack gap="sm">
        <Group gap="xs">
          <Text fw={700}>{run.fileName}</Text>
          <Badge color={st.color} variant="dot" radius="sm" miw="fit-content">
            {st.label}
          </Badge>
          <Text size="sm" c="dimmed">
            取込設定: {run.setting.name}
          </Text>
        </Group>
        {run.status === 'validating' && run.validateJobId !== null && (
          <JobProgress jobId={run.validateJobId} label="ファイルの点検" onFinished={refresh} />
        )}
        {run.status === 'failed' && (
          <Alert color="red" variant="light" title="ファイルを読めません" role="alert">
            {run.message}
          </Alert>
        )}
        {checked && (
          <Alert
            color={errors ? 'yellow' : 'teal'}
            variant="light"
            title="点検の結果（まだ取り込んでいません）"
          >
            <Text size="sm" role="status">
              件数: {countsLine(run.counts)}
            </Text>
            <Text size="xs">{run.message}</Text>
          </Alert>
        )}
        {run.rowsNote && (
          <Text size="sm" c="dimmed" role="note">
            {run.rowsNote}（件数と結果の説明は残っています。行ごとの内容とエラーの行のファイルはありません）
          </Text>
        )}
        {checked && !run.rowsNote && <ImportRows api={api} base={base} runId={runId} counts={run.counts} />}
        {checked && errors > 0 && !run.rowsNote && (
          <Group>
            <Button component="a" href={api.errorFileUrl(runId)} download variant="light" color="red">
              エラーの行をダウンロード
            </Button>
            <Text size="xs" c="dimmed">
              元のファイルと同じ形式で、誤りの行だけに「エラー内容」の列を付けて出力します。直して、その行だけ取り込み直してください。
            </Text>
          </Group>
        )}
        {checked && canEdit && canCommit && (
          <Stack gap="xs">
            {errors > 0 && (
              <Checkbox
                label="誤りのない行だけ取り込む（誤りの行は取り込まず、エラーファイルに残します）"
                checked={onlyValid || run.onlyValid}
                disabled={run.onlyValid}
                onChange={(e) => setOnlyValid(e.currentTarget.checked)}
              />
            )}
            <Group>
              <Button
                onClick={start}
                loading={commit.busy}
                disabled={why !== null}
                aria-describedby={why ? 'import-commit-why' : undefined}
              >
                取り込む
              </Button>
              {why && (
                <Text size="sm" c="red.9" id="import-commit-why">
                  {why}
                </Text>
              )}
            </Group>
          </Stack>
        )}
        <ErrorAlert error={commit.error} title="取り込めません" />
        {run.commitJobId !== null && run.status !== 'validated' && (
          <JobProgress
            jobId={run.commitJobId}
            label="取り込み"
            onFinished={(job) => {
              if (job.status === 'failed' || job.status === 'cancelled') setCommitStopped(true);
              refresh();
            }}
          />
        )}
        {run.status === 'committed' && (
          <Alert color="teal" variant="light" title="取込が終わりました">
            <Text size="sm" role="status">
              {committedLine(run)}
            </Text>
          </Alert>
        )}
        {(run.status === 'cancelled' || commitStopped) && (
          <Text size="sm" role="alert">
            {run.message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
