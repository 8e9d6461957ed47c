import { Button, Checkbox, Group, Input, Paper, Radio, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import type { Job } from '../../lib/types.ts';
import { useSave } from '../../lib/useSave.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** 住民記録取込: upload a residents CSV as a background job (全件 / 異動分, optionally 検証のみ). */
export function ImportCard() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'full' | 'delta'>('delta');
  const [dryRun, setDryRun] = useState(false);
  const { busy, error, setError, run } = useSave();
  const [started, setStarted] = useState<Job | null>(null);
  const [inputKey, setInputKey] = useState(0);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setError('取り込むファイルを選んでください。');
      return;
    }
    const form = new FormData();
    // the server reads the fields that come before the file part: keep this order
    form.append('mode', mode);
    form.append('dryRun', dryRun ? 'true' : 'false');
    form.append('file', file, file.name);
    setStarted(null);
    void run(async () => {
      const res = await api.upload<{ job: Job }>('/api/residents/imports', form);
      setStarted(res.job);
      setFile(null);
      setInputKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: ['jobs'] });
    });
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="住民記録取込">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text fw={700} size="lg">
            住民記録取込
          </Text>
          <Input.Wrapper
            label="取込ファイル"
            id="import-file"
            description="住民記録システムから出力したCSVファイル"
          >
            <input
              key={inputKey}
              id="import-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              style={{ display: 'block', marginTop: 4 }}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </Input.Wrapper>
          <Radio.Group
            label="取込区分"
            value={mode}
            onChange={(v) => setMode(v === 'full' ? 'full' : 'delta')}
          >
            <Group gap="md" mt={4}>
              <Radio value="full" label="全件" />
              <Radio value="delta" label="異動分" />
            </Group>
          </Radio.Group>
          <Checkbox
            label="検証のみ（取り込まない）"
            checked={dryRun}
            onChange={(e) => setDryRun(e.currentTarget.checked)}
          />
          <ErrorAlert error={error} title="取込を開始できません" />
          {started && (
            <Text size="sm" role="status">
              「{started.title}」を開始しました。進み具合はジョブ一覧で確認できます。
            </Text>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              取込開始
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
