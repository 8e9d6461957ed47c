import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ReliefClaimForm } from '../components/vaccination/relief/ReliefClaimForm.tsx';
import { VaccinationNav } from '../components/vaccination/VaccinationNav.tsx';
import { formatCount } from '../lib/format.ts';
import { reliefApi, reliefKeys, reliefStatuses, statusColors } from '../lib/vaccination-relief-api.ts';
import { formatWareki } from '../lib/wareki.ts';

/**
 * 予防接種健康被害救済 (F11a-05): the claims, newest first, filtered by 状態 and a search (受付番号, 請求者, 被接種者の
 * 氏名・カナ, 宛名番号) kept in the URL; 「請求を受け付ける」 opens the entry of a new claim.
 */
export function ReliefCasesScreen() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [adding, setAdding] = useState(params.get('new') === '1');
  const list = useQuery({
    queryKey: reliefKeys.list({ status, q }),
    queryFn: () => reliefApi.list({ status, q }),
  });

  function setFilter(next: { status?: string; q?: string }) {
    const s = next.status ?? status;
    const t = next.q ?? q;
    setParams({ ...(s ? { status: s } : {}), ...(t ? { q: t } : {}) });
  }
  function search(e: FormEvent) {
    e.preventDefault();
    setFilter({ q: text.trim() });
  }

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        予防接種 健康被害救済
      </Title>
      <VaccinationNav />
      {adding ? (
        <Paper withBorder p="sm" component="section" aria-label="請求の受付">
          <ReliefClaimForm onCancel={() => setAdding(false)} />
        </Paper>
      ) : (
        <Group>
          <Button onClick={() => setAdding(true)}>請求を受け付ける</Button>
        </Group>
      )}
      <Paper withBorder p="sm" component="form" onSubmit={search} aria-label="請求の検索">
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label="状態"
            value={status}
            onChange={(e) => setFilter({ status: e.currentTarget.value })}
            data={[
              { value: '', label: 'すべて' },
              ...Object.entries(reliefStatuses).map(([value, label]) => ({ value, label })),
            ]}
          />
          <TextInput
            label="受付番号・請求者・被接種者・宛名番号"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autoComplete="off"
            w={320}
          />
          <Button type="submit" variant="default">
            検索
          </Button>
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {list.data && (
        <Paper withBorder p="sm" component="section" aria-label="請求の一覧">
          <Text size="sm" role="status" mb="xs">
            {formatCount(list.data.total)}件
            {list.data.total > list.data.rows.length ? `（新しい順に${list.data.rows.length}件を表示）` : ''}
          </Text>
          <Table striped withTableBorder fz="sm" aria-label="健康被害救済の請求">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>受付番号</Table.Th>
                <Table.Th>受理日</Table.Th>
                <Table.Th>被接種者</Table.Th>
                <Table.Th>ワクチン（接種日）</Table.Th>
                <Table.Th>請求者</Table.Th>
                <Table.Th>状態</Table.Th>
                <Table.Th>進達日</Table.Th>
                <Table.Th>決定日</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/vaccination/relief/${r.id}`}>
                      {r.caseNo}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatWareki(r.receivedOn)}</Table.Td>
                  <Table.Td>
                    {r.personName}
                    <Text span size="xs" c="dimmed" ml={6}>
                      {r.atenaNo}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.vaccineName}
                    {r.vaccinatedOn ? `（${formatWareki(r.vaccinatedOn)}）` : ''}
                  </Table.Td>
                  <Table.Td>
                    {r.claimantName}
                    {r.claimantRelation ? `（${r.claimantRelation}）` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusColors[r.status]} variant="filled" radius="sm">
                      {r.statusLabel}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatWareki(r.forwardedOn)}</Table.Td>
                  <Table.Td>{formatWareki(r.decidedOn)}</Table.Td>
                </Table.Tr>
              ))}
              {list.data.rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text size="sm" c="dimmed">
                      該当する請求はありません。
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
