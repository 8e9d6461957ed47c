import { Button, Group, Input, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useSave } from '../../lib/useSave.ts';
import { JobProgress } from '../adult/JobProgress.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

/**
 * A file (CSV・XML) uploaded to start an import job, and the job's progress until it ends (電子申請の申込, 妊娠届 …):
 * the screen gives what to call things, the upload call and what to do when the job has finished.
 */
export function JobFileUpload({
  title,
  description,
  inputLabel,
  inputId,
  missingFile,
  jobLabel,
  extra,
  upload,
  onStarted,
  onFinished,
}: {
  /** the section's accessible name, e.g. 妊娠届の取込（CSV・XML） */
  title: string;
  description: ReactNode;
  inputLabel: string;
  inputId: string;
  /** the message when 取り込む is pressed with no file */
  missingFile: string;
  jobLabel: string;
  /** fields before the file (e.g. 年度) */
  extra?: ReactNode;
  upload: (file: File) => Promise<{ importId: number; job: { id: number } }>;
  onStarted?: () => void;
  onFinished: (importId: number) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [running, setRunning] = useState<{ importId: number; jobId: number } | null>(null);
  const { busy, error, setError, run } = useSave();

  const start = () => {
    if (!file) {
      setError(missingFile);
      return;
    }
    void run(async () => {
      const r = await upload(file);
      onStarted?.();
      setRunning({ importId: r.importId, jobId: r.job.id });
      setFile(null);
      setInputKey((k) => k + 1);
    });
  };

  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {description}
        </Text>
        <Group align="end">
          {extra}
          <Input.Wrapper label={inputLabel} id={inputId}>
            <input
              key={inputKey}
              id={inputId}
              type="file"
              accept=".csv,.xml,text/csv,application/xml,text/xml"
              style={{ display: 'block', marginTop: 4 }}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </Input.Wrapper>
          <Button loading={busy} disabled={!file} onClick={start}>
            取り込む
          </Button>
        </Group>
        <ErrorAlert error={error} title="取り込めません" />
        {running && (
          <JobProgress
            jobId={running.jobId}
            label={jobLabel}
            onFinished={() => onFinished(running.importId)}
          />
        )}
      </Stack>
    </Paper>
  );
}
