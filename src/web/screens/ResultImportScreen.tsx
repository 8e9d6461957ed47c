import { Button, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ImportPanel } from '../components/imports/ImportPanel.tsx';
import { useAuth } from '../lib/auth.tsx';
import { currentFiscalYear } from '../lib/programs-api.ts';
import { resultKeys, resultsApi } from '../lib/results-api.ts';

/**
 * 検診結果の取込 (F03-01/F03-02/F04): パンチデータ・OCR・医療機関の CSV/XML of results through the import engine —
 * checked first (new / update / unchanged / errors), the error rows downloaded, fixed and imported again.
 */
export function ResultImportScreen() {
  const { can } = useAuth();
  const fy = currentFiscalYear();
  const meta = useQuery({ queryKey: resultKeys.meta(fy), queryFn: () => resultsApi.meta(fy) });
  const [program, setProgram] = useState('');
  const programs = meta.data?.programs ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          検診結果の取込
        </Title>
        <Button component={Link} to="/adult/results" variant="default">
          検診結果入力へ
        </Button>
      </Group>
      <Stack gap={4}>
        <Text size="sm">
          パンチ業者・OCR・医療機関から届いた検診結果のファイル（CSV・XML）を取り込みます。
        </Text>
        <List size="sm" type="ordered">
          <List.Item>
            取込設定（ファイルの列と項目の対応づけ）とファイルを選び、「確認する」を押します。まだ取り込みません。
          </List.Item>
          <List.Item>
            新規・更新・変更なし・誤りの件数と行を確かめます。同じファイルをもう一度取り込んでも二重にはなりません。
          </List.Item>
          <List.Item>
            誤りの行は「エラーの行をダウンロード」で取り出し、エラー内容を見て直し、その行だけ取り込み直します。
          </List.Item>
        </List>
      </Stack>
      <ImportPanel
        base="/api/adult/results/imports"
        title="検診結果"
        canEdit={can('adult.edit')}
        params={program ? { program } : undefined}
        paramsField={
          <NativeSelect
            label="検診（ファイルに検診の列がないとき）"
            description="ファイルに検診の列があれば、その列が優先されます。"
            value={program}
            onChange={(e) => setProgram(e.currentTarget.value)}
            data={[
              { value: '', label: '（ファイルの検診の列を使う）' },
              ...programs.map((p) => ({ value: p.code, label: p.name })),
            ]}
            maw={360}
          />
        }
      />
    </Stack>
  );
}
