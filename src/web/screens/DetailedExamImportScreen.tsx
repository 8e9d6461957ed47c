import { Button, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { ImportPanel } from '../components/imports/ImportPanel.tsx';
import { programCodes, programLabels } from '../lib/adult-api.ts';
import { useAuth } from '../lib/auth.tsx';
import { currentFiscalYear } from '../lib/programs-api.ts';

/**
 * 精密検査結果の取込 (F04-01): パンチデータ・OCR・精検機関の CSV/XML of 精検結果 through the import engine — each
 * row must answer a 要精検 screening; checked first (new / update / unchanged / errors), the error rows
 * downloaded, fixed and imported again.
 */
export function DetailedExamImportScreen() {
  const { can } = useAuth();
  const current = currentFiscalYear();
  const [fiscalYear, setFiscalYear] = useState(current);
  const [program, setProgram] = useState('');

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          精密検査結果の取込
        </Title>
        <Button component={Link} to="/adult/detailed-exams" variant="default">
          精密検査の把握へ
        </Button>
      </Group>
      <Stack gap={4}>
        <Text size="sm">
          精検機関・パンチ業者・OCR から届いた精密検査の結果のファイル（CSV・XML）を取り込みます。
          取り込めるのは要精検の検診結果がある方の行だけです。
        </Text>
        <List size="sm" type="ordered">
          <List.Item>
            取込設定（ファイルの列と項目の対応づけ）とファイルを選び、「確認する」を押します。まだ取り込みません。
          </List.Item>
          <List.Item>
            新規・更新・変更なし・誤りの件数と行を確かめます。手入力した精検結果を上書きする行には、その旨が出ます。
          </List.Item>
          <List.Item>
            誤りの行は「エラーの行をダウンロード」で取り出し、エラー内容を見て直し、その行だけ取り込み直します。
          </List.Item>
        </List>
      </Stack>
      <ImportPanel
        base="/api/adult/detailed-exams/imports"
        title="精密検査結果"
        canEdit={can('adult.edit')}
        params={{ fiscalYear, ...(program ? { program } : {}) }}
        paramsField={
          <Group align="flex-end" gap="sm">
            <FiscalYearSelect
              label="検診の年度（受診票番号・検診の受診日がないとき）"
              value={fiscalYear}
              current={current}
              onChange={setFiscalYear}
              id="detailed-import-fy"
              w={360}
            />
            <NativeSelect
              label="検診（ファイルに検診の列がないとき）"
              value={program}
              onChange={(e) => setProgram(e.currentTarget.value)}
              data={[
                { value: '', label: '（ファイルの検診の列を使う）' },
                ...programCodes.map((c) => ({ value: c, label: programLabels[c] })),
              ]}
              maw={360}
            />
          </Group>
        }
      />
    </Stack>
  );
}
