import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ResidentPicker } from '../components/adult/ResidentPicker.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { MaternalNav } from '../components/maternal/MaternalNav.tsx';
import { PregnancyForm } from '../components/maternal/PregnancyForm.tsx';
import { useAuth } from '../lib/auth.tsx';
import { maternalApi, pregnancyKeys } from '../lib/maternal-api.ts';
import type { Resident } from '../lib/types.ts';
import { formatWareki } from '../lib/wareki.ts';

/**
 * 妊娠届・母子健康手帳 (F06-01): find the mother (宛名番号・氏名・カナ・生年月日), see her pregnancies, register a new
 * 妊娠届 (the handbooks and 受診券 are issued with it) and open a pregnancy. `?mother=ID` opens a mother directly.
 */
export function PregnanciesScreen() {
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const motherId = Number(params.get('mother')) || null;
  const [picked, setPicked] = useState<Resident | null>(null);
  const [adding, setAdding] = useState(false);
  const meta = useQuery({ queryKey: pregnancyKeys.meta, queryFn: maternalApi.meta });
  const list = useQuery({
    queryKey: pregnancyKeys.ofMother(motherId ?? 0),
    queryFn: () => maternalApi.ofMother(motherId!),
    enabled: motherId !== null,
  });
  const mother = picked && picked.id === motherId ? picked : null;

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        妊娠届・母子健康手帳
      </Title>
      <MaternalNav />
      <Paper withBorder p="sm">
        <ResidentPicker
          id="maternal-mother"
          value={picked}
          autoFocus={motherId === null}
          onChange={(r) => {
            setPicked(r);
            setAdding(false);
            if (r) setParams({ mother: String(r.id) });
          }}
        />
        <Text size="xs" c="dimmed" mt={4}>
          住民でない方（里帰り・住登外）は「宛名」の住登外者登録で登録してから探してください。
        </Text>
      </Paper>
      <ErrorAlert error={meta.error ?? list.error} />
      {list.data && (
        <Paper withBorder p="sm" component="section" aria-label="妊娠届の一覧">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>
                {list.data.mother.name}（{list.data.mother.nameKana}、宛名番号 {list.data.mother.atenaNo}、
                {formatWareki(list.data.mother.birthDate)}生）
              </Text>
              {can('maternal.edit') && mother && !adding && (
                <Button onClick={() => setAdding(true)}>妊娠届を登録</Button>
              )}
            </Group>
            {list.data.pregnancies.length === 0 ? (
              <Text size="sm">妊娠届はまだありません。</Text>
            ) : (
              <Table withTableBorder fz="sm" aria-label="妊娠届">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>届出番号</Table.Th>
                    <Table.Th>届出日</Table.Th>
                    <Table.Th>出産予定日</Table.Th>
                    <Table.Th>胎児数</Table.Th>
                    <Table.Th>区分</Table.Th>
                    <Table.Th>結果</Table.Th>
                    <Table.Th>フォロー</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.pregnancies.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Link to={`/maternal/pregnancies/${p.id}`}>{p.notificationNo}</Link>
                      </Table.Td>
                      <Table.Td>{formatWareki(p.notifiedOn)}</Table.Td>
                      <Table.Td>{formatWareki(p.dueDate)}</Table.Td>
                      <Table.Td>{p.fetusCount}</Table.Td>
                      <Table.Td>{meta.data?.sources[p.source] ?? p.source}</Table.Td>
                      <Table.Td>
                        {p.outcome ? (meta.data?.outcomes[p.outcome] ?? p.outcome) : '妊娠中'}
                      </Table.Td>
                      <Table.Td>
                        {p.specificPregnant && <Badge color="red">特定妊婦</Badge>}{' '}
                        {p.riskFlags.map((f) => meta.data?.riskFlags[f] ?? f).join('、')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {!mother && motherId !== null && can('maternal.edit') && (
              <Alert variant="light" color="gray">
                妊娠届を登録するには、上でこの方を検索して選んでください。
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
      {adding && mother && meta.data && (
        <PregnancyForm
          meta={meta.data}
          mother={mother}
          onSaved={(d) => {
            void qc.invalidateQueries({ queryKey: pregnancyKeys.ofMother(mother.id) });
            navigate(`/maternal/pregnancies/${d.id}?registered=1`);
          }}
        />
      )}
    </Stack>
  );
}
