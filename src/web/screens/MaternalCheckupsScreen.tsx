import {
  Alert,
  Button,
  Code,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { standardCheckupHeader } from '../../server/modules/maternal/checkups-import-row.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ImportPanel } from '../components/imports/ImportPanel.tsx';
import { CheckupResultForm } from '../components/maternal/CheckupResultForm.tsx';
import { MaternalNav } from '../components/maternal/MaternalNav.tsx';
import {
  type CheckupCategory,
  type CheckupKind,
  type CheckupMeta,
  type CheckupResult,
  type CheckupVisit,
  checkupImportsBase,
  checkupKeys,
  maternalCheckupsApi,
} from '../lib/maternal-checkups-api.ts';
import { useSave } from '../lib/useSave.ts';
import { formatWareki } from '../lib/wareki.ts';

const weeks = (r: CheckupResult) =>
  r.gestationalWeeks !== null
    ? `妊娠${r.gestationalWeeks}週${r.gestationalDays}日`
    : r.gestationalDays !== null
      ? `産後${r.gestationalDays}日`
      : '';

/** The mother, the pregnancy, the voucher and the visits already entered for the pregnancy. */
function VisitSummary({ meta, visit }: { meta: CheckupMeta; visit: CheckupVisit }) {
  const v = visit.voucher;
  return (
    <Paper withBorder p="sm" component="section" aria-label="受診券の情報">
      <Stack gap={4}>
        <Text fw={600}>
          {v.name}（宛名番号 {v.atenaNo}、{formatWareki(v.birthDate)}生）
        </Text>
        <Text size="sm">
          {meta.voucherKinds[v.kind]} 第{v.seq}回（受診券ID {v.voucherNo}）／ 妊娠届 {v.notificationNo} ／
          出産予定日 {formatWareki(v.dueDate)}
          {v.outcomeOn ? ` ／ 出産日 ${formatWareki(v.outcomeOn)}` : ''}
        </Text>
        {visit.followUps.length > 0 && (
          <Text size="sm" c="orange.8">
            フォロー対象: {visit.followUps.flatMap((f) => f.reasons).join('、')}
          </Text>
        )}
        {visit.visits.length > 0 && (
          <Table withTableBorder fz="sm" aria-label="この妊娠の健診結果">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>受診日</Table.Th>
                <Table.Th>健診</Table.Th>
                <Table.Th>受診券ID</Table.Th>
                <Table.Th>週数・産後日数</Table.Th>
                <Table.Th>医療機関</Table.Th>
                <Table.Th>判定</Table.Th>
                <Table.Th>EPDS</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visit.visits.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatWareki(r.examinedOn)}</Table.Td>
                  <Table.Td>{meta.kinds[r.kind]}</Table.Td>
                  <Table.Td>{r.voucherNo}</Table.Td>
                  <Table.Td>{weeks(r)}</Table.Td>
                  <Table.Td>{r.institutionName}</Table.Td>
                  <Table.Td>{meta.judgements[r.judgement]}</Table.Td>
                  <Table.Td>{r.epdsScore ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

type Mode = { category: CheckupCategory; result: CheckupResult | null };

/** 手入力: scan the 受診券ID (the scanner types it and Enter), then the result; the next paper follows. */
function ManualEntry({ meta }: { meta: CheckupMeta }) {
  const [no, setNo] = useState('');
  const [visit, setVisit] = useState<CheckupVisit | null>(null);
  const [mode, setMode] = useState<Mode | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const lookup = useSave();
  const scan = useRef<HTMLInputElement>(null);

  function find(e: React.FormEvent) {
    e.preventDefault();
    setSaved(null);
    setVisit(null);
    setMode(null);
    void lookup.run(async () => {
      const v = await maternalCheckupsApi.visit(no);
      setVisit(v);
      if (!v.result) setMode({ category: 'checkup', result: null });
    });
  }
  function next(message: string) {
    setSaved(message);
    setVisit(null);
    setMode(null);
    setNo('');
    scan.current?.focus();
  }
  // 要精密・要治療 of a kind that has a 精密健診 (not 歯科)
  const referable =
    visit?.result &&
    ['detailed', 'treatment'].includes(visit.result.judgement) &&
    meta.judgementsOf[`${visit.kind}_detailed` as CheckupKind] !== undefined;

  return (
    <Stack gap="sm">
      <form onSubmit={find} aria-label="受診券IDで探す">
        <Group align="flex-end">
          <TextInput
            ref={scan}
            label="受診券ID（バーコードを読み取るか入力して Enter）"
            autoFocus
            w={360}
            value={no}
            onChange={(e) => setNo(e.currentTarget.value)}
          />
          <Button type="submit" variant="light" loading={lookup.busy} disabled={!no.trim()}>
            探す
          </Button>
        </Group>
      </form>
      {saved && (
        <Alert color="green" role="status" variant="light">
          {saved}
        </Alert>
      )}
      <ErrorAlert error={lookup.error} title="受診券が見つかりません" />
      {visit && <VisitSummary meta={meta} visit={visit} />}
      {visit?.usedMessage && !mode && (
        <Alert color="yellow" title="使用済みの受診券です" role="alert" variant="light">
          <Stack gap="xs">
            <Text size="sm">{visit.usedMessage}</Text>
            <Group>
              <Button
                size="xs"
                variant="default"
                onClick={() => setMode({ category: 'checkup', result: visit.result })}
              >
                この結果を修正
              </Button>
              {referable && (
                <Button size="xs" onClick={() => setMode({ category: 'detailed', result: visit.detailed })}>
                  {visit.detailed ? '精密健診の結果を修正' : '精密健診の結果を入力'}
                </Button>
              )}
            </Group>
          </Stack>
        </Alert>
      )}
      {visit && mode && (
        <CheckupResultForm
          key={`${visit.voucher.voucherNo}:${mode.category}:${mode.result?.id ?? 'new'}`}
          meta={meta}
          visit={visit}
          category={mode.category}
          result={mode.result}
          onSaved={next}
          onCancel={() => next('')}
        />
      )}
    </Stack>
  );
}

/**
 * 妊婦健診・産婦健診の結果 (F06-03…F06-06): the returned 受診票 entered by hand (受診券ID first), their 精密健診 from
 * the referring visit, and the punch / OCR files imported through the shared import panel.
 */
export function MaternalCheckupsScreen() {
  const meta = useQuery({ queryKey: checkupKeys.meta, queryFn: maternalCheckupsApi.meta });
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        妊婦・産婦健診の結果
      </Title>
      <MaternalNav />
      <ErrorAlert error={meta.error} />
      <Tabs defaultValue="manual" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="manual">結果票の入力</Tabs.Tab>
          <Tabs.Tab value="import">パンチ・OCR の取込</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="manual" pt="sm">
          {meta.data && <ManualEntry meta={meta.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="sm">
          <Stack gap="sm">
            <List size="sm" type="ordered">
              <List.Item>
                1行が1回の受診（受診券IDで照合）です。精密健診の行は区分を「精密」にし、紹介元の健診の受診券IDを入れます。
              </List.Item>
              <List.Item>
                「確認する」で新規・更新・変更なし・誤りを確かめます。使用済みの受診券、妊娠の期間外の受診日、範囲外の値は誤りになります。
              </List.Item>
              <List.Item>
                誤りの行は「エラーの行をダウンロード」で取り出し、直して取り込み直します。同じファイルをもう一度取り込んでも二重にはなりません。
              </List.Item>
            </List>
            <Text size="xs" c="dimmed">
              標準の列: <Code>{standardCheckupHeader.join(',')}</Code>
            </Text>
            <ImportPanel base={checkupImportsBase} title="妊婦・産婦健診の結果" canEdit />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
