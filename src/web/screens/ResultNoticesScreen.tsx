import { Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { ProgramSelect } from '../components/adult/ProgramSelect.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { MakeMailing } from '../components/mailings/MakeMailing.tsx';
import { programLabels } from '../lib/adult-api.ts';
import { api, queryString } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { formatCount } from '../lib/format.ts';
import { currentFiscalYear } from '../lib/programs-api.ts';
import type { Job } from '../lib/types.ts';
import { useSave } from '../lib/useSave.ts';

type Filter = { fiscalYear: number; program: string; onlyDetailed: boolean; notSent: boolean };
type Found = {
  total: number;
  rows: { residentId: number; atenaNo: string; name: string; nameKana: string; programs: string[] }[];
};
const programName = (c: string) => programLabels[c as keyof typeof programLabels] ?? c;

/**
 * 結果票作成 (F03-03): 結果検索 (年度, 検診, 要精検のみ, まだ送っていない方) → the people found → 郵送物を作成 (a job);
 * the mailing's screen does the pull-out (引き抜き), printing and send records. One person's 結果票 on request is
 * printed from 検診結果入力.
 */
export function ResultNoticesScreen() {
  const { can } = useAuth();
  const current = currentFiscalYear();
  const [f, setF] = useState<Filter>({
    fiscalYear: current,
    program: '',
    onlyDetailed: false,
    notSent: true,
  });
  const [found, setFound] = useState<{ filter: Filter; data: Found } | null>(null);
  const search = useSave();
  const query = (x: Filter) => ({ ...x, program: x.program || undefined });

  function submit(e: FormEvent) {
    e.preventDefault();
    void search.run(async () => {
      const data = await api.get<Found>(`/api/adult/results/notices/search${queryString(query(f))}`);
      setFound({ filter: f, data });
    });
  }

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        結果票の作成
      </Title>
      <Paper withBorder p="sm" component="form" onSubmit={submit} aria-label="結果の検索">
        <Group align="flex-end" gap="sm">
          <FiscalYearSelect
            value={f.fiscalYear}
            current={current}
            onChange={(fiscalYear) => setF({ ...f, fiscalYear })}
            id="notice-fy"
          />
          <ProgramSelect value={f.program} onChange={(program) => setF({ ...f, program })} />
          <Checkbox
            label="要精検の方だけ"
            checked={f.onlyDetailed}
            onChange={(e) => setF({ ...f, onlyDetailed: e.currentTarget.checked })}
          />
          <Checkbox
            label="まだ結果票を送っていない方だけ"
            checked={f.notSent}
            onChange={(e) => setF({ ...f, notSent: e.currentTarget.checked })}
          />
          <Button type="submit" loading={search.busy}>
            検索
          </Button>
        </Group>
      </Paper>
      <ErrorAlert error={search.error} title="検索できません" />
      {found && (
        <Paper withBorder p="sm" component="section" aria-label="結果票の対象">
          <Stack gap="xs">
            <Text size="sm" role="status">
              {formatCount(found.data.total)}人
              {found.data.total > found.data.rows.length ? `（先頭${found.data.rows.length}人を表示）` : ''}
            </Text>
            <Table striped withTableBorder fz="sm" aria-label="結果票の対象者">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>宛名番号</Table.Th>
                  <Table.Th>氏名</Table.Th>
                  <Table.Th>結果のある検診</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {found.data.rows.map((r) => (
                  <Table.Tr key={r.residentId}>
                    <Table.Td>{r.atenaNo}</Table.Td>
                    <Table.Td>
                      {r.name}
                      <Text span size="xs" c="dimmed" ml={6}>
                        {r.nameKana}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.programs.map(programName).join('・')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {can('mailings.manage') && found.data.total > 0 && (
              <MakeMailing
                key={JSON.stringify(found.filter)}
                what="結果票"
                start={async (sendDate, method) =>
                  (
                    await api.post<{ job: Job }>('/api/adult/results/notices', {
                      ...query(found.filter),
                      sendDate,
                      method,
                    })
                  ).job
                }
              />
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
