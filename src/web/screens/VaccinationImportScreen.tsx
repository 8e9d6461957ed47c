import { Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { standardRecordHeader } from '../../server/modules/vaccination/records-import-row.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ImportPanel } from '../components/imports/ImportPanel.tsx';
import { VaccinationNav } from '../components/vaccination/VaccinationNav.tsx';
import { useAuth } from '../lib/auth.tsx';
import { csvLine, importKeys, importsApi } from '../lib/imports-api.ts';
import { useSave } from '../lib/useSave.ts';

const base = '/api/vaccination/imports';
/** The name of the 取込設定 made from the standard header (docs/interfaces/vaccination-records.md). */
export const standardSettingName = '医療機関の接種結果（標準の列）';

/**
 * The default 取込設定: the standard clinic header proposed onto the fields by their names and aliases (the same
 * proposal as 「ファイルの見出しから自動で対応づける」), saved as a setting a clerk can then adjust.
 */
function StandardSetting() {
  const api = useMemo(() => importsApi(base), []);
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: importKeys.settings(base), queryFn: api.settings });
  const create = useSave();
  const exists = (settings.data ?? []).some((s) => s.name === standardSettingName);

  function make() {
    void create.run(async () => {
      const { mapping } = await api.suggest(csvLine(standardRecordHeader));
      await api.createSetting({
        name: standardSettingName,
        format: 'csv',
        encoding: 'auto',
        hasHeader: true,
        recordElement: null,
        mapping,
      });
      await queryClient.invalidateQueries({ queryKey: importKeys.settings(base) });
    });
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label="標準の取込設定">
      <Stack gap="xs">
        <Text size="sm">
          標準の列（見出し）: <Code>{standardRecordHeader.join(',')}</Code>
        </Text>
        <Text size="xs" c="dimmed">
          見出しが「接種年月日」「ワクチン名」「医療機関名」「接種医」のように違っていても、新しい取込設定の「ファイルの見出しから自動で対応づける」で対応づけられます。氏名の列は取り込みません（宛名番号で照合します）。
        </Text>
        {!exists && settings.isSuccess && (
          <Group>
            <Button variant="light" onClick={make} loading={create.busy}>
              標準の取込設定を作る
            </Button>
            <Text size="xs" c="dimmed">
              「{standardSettingName}」という取込設定を作ります。
            </Text>
          </Group>
        )}
        <ErrorAlert error={create.error} title="取込設定を作れません" />
      </Stack>
    </Paper>
  );
}

/**
 * 接種結果の取込 (F11a-01 パンチデータ・医療機関の CSV): vaccinations done at clinics, checked first (new / update /
 * unchanged / errors; a record that is not a valid 定期接種 is a warning and is stored 任意接種扱い), the error rows
 * downloaded, fixed and imported again.
 */
export function VaccinationImportScreen() {
  const { can } = useAuth();
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        接種結果の取込
      </Title>
      <VaccinationNav />
      <Stack gap={4}>
        <Text size="sm">
          医療機関・パンチ業者から届いた予防接種の結果のファイル（CSV、UTF-8 または
          Shift_JIS）を取り込みます。1行が1回の接種で、宛名番号・接種日・ワクチンで照合します。
        </Text>
        <List size="sm" type="ordered">
          <List.Item>
            取込設定（ファイルの列と項目の対応づけ）とファイルを選び、「確認する」を押します。まだ取り込みません。
          </List.Item>
          <List.Item>
            新規・更新・変更なし・誤りの件数と行を確かめます。間隔不足・対象期間外など定期接種として扱えない接種は「注意」と出て、任意接種扱いとして記録します。手入力した記録を上書きする行にも、その旨が出ます。
          </List.Item>
          <List.Item>
            誤りの行は「エラーの行をダウンロード」で取り出し、エラー内容を見て直し、その行だけ取り込み直します。同じファイルをもう一度取り込んでも二重にはなりません。
          </List.Item>
        </List>
      </Stack>
      {can('vaccination.edit') && <StandardSetting />}
      <ImportPanel base={base} title="接種結果" canEdit={can('vaccination.edit')} />
    </Stack>
  );
}
