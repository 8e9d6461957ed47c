import { Alert, Button, Group, Input, Paper, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adultKeys, fiscalYearLabel, type ImportResult } from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { useSave } from '../../lib/useSave.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/**
 * 受診希望の取込 (CSV or XML answers from 電子申請 or an OCR vendor): 「確認（取り込まない）」 lists every wrong
 * row; 「正しい行を取り込む」 then saves the correct rows of the same file.
 */
export function PreferenceImport({ fiscalYear }: { fiscalYear: number }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const { busy, error, setError, run } = useSave();

  function upload(dryRun: boolean) {
    if (!file) {
      setError('取り込むファイルを選んでください。');
      return;
    }
    const form = new FormData();
    // the server reads the fields that come before the file part: keep this order
    form.append('kind', /\.xml$/i.test(file.name) ? 'xml' : 'csv');
    form.append('dryRun', dryRun ? 'true' : 'false');
    form.append('file', file, file.name);
    void run(async () => {
      const res = await api.upload<ImportResult>(`/api/adult/preferences/${fiscalYear}/import`, form);
      if (dryRun) {
        setChecked(res);
        setDone(null);
      } else {
        setDone(res);
        setChecked(null);
        setFile(null);
        setInputKey((k) => k + 1);
        await queryClient.invalidateQueries({ queryKey: adultKeys.preferences(fiscalYear) });
      }
    });
  }

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="pref-import-title">
      <Stack gap="sm">
        <Text fw={700} id="pref-import-title">
          受診希望の取込（CSV・XML）
        </Text>
        <Text size="xs" c="dimmed">
          {fiscalYearLabel(fiscalYear)}の回答として取り込みます。CSVは1行目に見出し（宛名番号, 希望検診,
          希望形態, 集団検診日, 会場, 受付方法, 回答日, 備考）、XMLはルート要素
          &lt;受診希望一覧&gt;（docs/interfaces/screening-preferences.md）。 同じ方の回答は置き換えます。
        </Text>
        <Input.Wrapper label="取込ファイル" id="pref-import-file">
          <input
            key={inputKey}
            id="pref-import-file"
            name="file"
            type="file"
            accept=".csv,.xml,text/csv,application/xml,text/xml"
            style={{ display: 'block', marginTop: 4 }}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setChecked(null);
              setDone(null);
              setError(null);
            }}
          />
        </Input.Wrapper>
        <Group>
          <Button variant="light" loading={busy && !checked} disabled={!file} onClick={() => upload(true)}>
            確認（取り込まない）
          </Button>
          {checked && checked.valid > 0 && (
            <Button loading={busy} onClick={() => upload(false)}>
              正しい行を取り込む（{formatCount(checked.valid)}件）
            </Button>
          )}
        </Group>
        <ErrorAlert error={error} title="取り込めません" />
        {checked && (
          <Stack gap="xs" role="region" aria-label="取込の確認結果">
            <Text size="sm" fw={700} role="status">
              全 {formatCount(checked.total)}行: 正しい行 {formatCount(checked.valid)}件 / 誤りのある行{' '}
              {formatCount(checked.errors.length)}件（まだ取り込んでいません）
            </Text>
            {checked.valid === 0 && (
              <Text size="sm" c="red.9">
                取り込める行がありません。ファイルを直してから、もう一度確認してください。
              </Text>
            )}
            <ImportErrorTable errors={checked.errors} />
          </Stack>
        )}
        {done && (
          <Alert color="teal" variant="light" role="status" title="取り込みました">
            {formatCount(done.saved)}件を登録しました。
            {done.errors.length > 0 &&
              ` 誤りのある ${formatCount(done.errors.length)}行は取り込んでいません。`}
            {done.errors.length > 0 && <ImportErrorTable errors={done.errors} />}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function ImportErrorTable({ errors }: { errors: ImportResult['errors'] }) {
  if (errors.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={600} maxHeight={320}>
      <Table striped withTableBorder verticalSpacing={2} fz="sm" aria-label="誤りのある行">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60} style={{ textAlign: 'right' }}>
              行
            </Table.Th>
            <Table.Th w={140}>宛名番号</Table.Th>
            <Table.Th>内容</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e) => (
            <Table.Tr key={`${e.line}-${e.message}`}>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{e.line}</Table.Td>
              <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{e.atenaNo}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
