import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ResidentPicker } from '../components/adult/ResidentPicker.tsx';
import { DateField } from '../components/DateField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { MaternalNav } from '../components/maternal/MaternalNav.tsx';
import { type AggregateLine, childCardApi, childCardKeys } from '../lib/child-card-api.ts';
import { openPdfInTab } from '../lib/pdf.ts';
import type { Resident } from '../lib/types.ts';
import { useSave } from '../lib/useSave.ts';
import { formatWareki } from '../lib/wareki.ts';

const heads = [
  '区分',
  '内訳',
  '受検者数',
  '初回検査',
  '初回 要再検',
  '確認検査',
  '確認 要再検',
  '精密検査紹介',
];

/** 新生児聴覚検査 結果集計 (F07-02 step 5): a period on screen, as PDF and as CSV. */
function HearingAggregate() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<{ period: string; lines: AggregateLine[] } | null>(null);
  const save = useSave();
  const ready = from.trim() !== '' && to.trim() !== '';
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="aggregate-title">
      <Title order={2} size="h5" id="aggregate-title" mb="xs">
        新生児聴覚検査 結果集計
      </Title>
      <Group align="flex-start" gap="xs">
        <DateField label="検査日（から）" value={from} onChange={setFrom} />
        <DateField label="検査日（まで）" value={to} onChange={setTo} />
        <Button
          mt={24}
          disabled={!ready}
          loading={save.busy}
          onClick={() => void save.run(async () => setResult(await childCardApi.aggregate(from, to)))}
        >
          集計
        </Button>
        <Button
          mt={24}
          variant="default"
          disabled={!ready}
          onClick={() => void save.run(() => openPdfInTab(() => childCardApi.aggregatePdf(from, to)))}
        >
          集計表（PDF）
        </Button>
        <Button
          mt={24}
          variant="default"
          disabled={!ready}
          component="a"
          href={childCardApi.aggregateCsvUrl(from, to, 'utf8')}
          download
        >
          CSV（UTF-8）
        </Button>
        <Button
          mt={24}
          variant="default"
          disabled={!ready}
          component="a"
          href={childCardApi.aggregateCsvUrl(from, to, 'sjis')}
          download
        >
          CSV（Shift_JIS）
        </Button>
      </Group>
      <ErrorAlert error={save.error} title="集計できません" />
      {result && (
        <Table striped withTableBorder aria-label="聴覚検査の集計" fz="sm" mt="xs">
          <Table.Caption>集計期間: {result.period}（人数は児の実人数、検査数は延べ件数）</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {heads.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.lines.map((l) => (
              <Table.Tr key={`${l.group}-${l.label}`}>
                <Table.Td>{l.group}</Table.Td>
                <Table.Td>{l.label}</Table.Td>
                {[l.children, l.initialTests, l.initialRefer, l.confirmTests, l.confirmRefer, l.referred].map(
                  (n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                    <Table.Td key={i} ta="right">
                      {n}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** 母子カード 検索 (F07-01): find a child, or open one of the latest 出生連絡票. */
export function ChildrenScreen() {
  const navigate = useNavigate();
  const [picked, setPicked] = useState<Resident | null>(null);
  const recent = useQuery({ queryKey: childCardKeys.recent, queryFn: childCardApi.recent });
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        母子カード（出生連絡票・新生児聴覚検査）
      </Title>
      <MaternalNav />
      <Paper withBorder p="sm" component="section" aria-label="子の検索">
        <ResidentPicker
          id="child-search"
          value={picked}
          autoFocus
          onChange={(r) => {
            setPicked(r);
            if (r) navigate(`/maternal/children/${r.id}`);
          }}
        />
        <Text size="sm" mt={4}>
          住民記録にない子（里帰り出産など）は{' '}
          <Anchor component={Link} to="/residents/new">
            住登外者として登録
          </Anchor>{' '}
          してから検索します。
        </Text>
      </Paper>
      <Paper withBorder p="sm" component="section" aria-labelledby="recent-title">
        <Title order={2} size="h5" id="recent-title" mb="xs">
          最近の出生連絡票
        </Title>
        <ErrorAlert error={recent.error} />
        {recent.data && recent.data.rows.length === 0 && <Text size="sm">まだ登録はありません。</Text>}
        {recent.data && recent.data.rows.length > 0 && (
          <Table striped withTableBorder aria-label="最近の出生連絡票" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>宛名番号</Table.Th>
                <Table.Th>氏名</Table.Th>
                <Table.Th>生年月日</Table.Th>
                <Table.Th>受理日</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recent.data.rows.map((r) => (
                <Table.Tr key={r.birthId}>
                  <Table.Td>{r.atenaNo}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/maternal/children/${r.id}`}>
                      {r.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatWareki(r.birthDate)}</Table.Td>
                  <Table.Td>{formatWareki(r.receivedOn)}</Table.Td>
                  <Table.Td>
                    {r.lowBirthWeight && (
                      <Badge color="red" variant="light">
                        低出生体重
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <HearingAggregate />
    </Stack>
  );
}
