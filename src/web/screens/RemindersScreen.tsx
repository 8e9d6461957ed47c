import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { CallCell, CallListPdfButton } from '../components/adult/CallCell.tsx';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { ProgramSelect } from '../components/adult/ProgramSelect.tsx';
import { CsvDownloadModal } from '../components/CsvDownloadModal.tsx';
import { DateField } from '../components/DateField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { MakeMailing } from '../components/mailings/MakeMailing.tsx';
import { programLabels } from '../lib/adult-api.ts';
import { api, queryString } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { formatCount } from '../lib/format.ts';
import { currentFiscalYear } from '../lib/programs-api.ts';
import type { CallRecord, LatestCall } from '../lib/reminder-calls-api.ts';
import type { Job } from '../lib/types.ts';
import { useSave } from '../lib/useSave.ts';
import { parseDateInput } from '../lib/wareki.ts';

type Filter = { fiscalYear: number; program: string; basis: string; asOf: string; notReminded: boolean };
type Found = {
  total: number;
  rows: {
    residentId: number;
    atenaNo: string;
    name: string;
    nameKana: string;
    phone: string;
    programs: string[];
    invited: boolean;
    applied: boolean;
    lastCall: LatestCall | null;
  }[];
};
const programName = (c: string) => programLabels[c as keyof typeof programLabels] ?? c;

/**
 * 未受診者勧奨 (F03-04): who was sent a 受診票 or applied and has no result by the chosen day (送付不要 left out) →
 * 受診勧奨通知 as a mailing (pull-out, print, send records on the mailing's screen) or a call list (CSV, PDF) for
 * phone reminders, with the 架電結果 recorded per person (CallCell).
 */
export function RemindersScreen() {
  const { can } = useAuth();
  const current = currentFiscalYear();
  const [f, setF] = useState<Filter>({
    fiscalYear: current,
    program: '',
    basis: 'both',
    asOf: '',
    notReminded: true,
  });
  const [found, setFound] = useState<{ filter: Filter; data: Found } | null>(null);
  const [csv, setCsv] = useState(false);
  const search = useSave();
  const query = (x: Filter) => {
    const d = x.asOf.trim() ? parseDateInput(x.asOf) : null;
    return { ...x, program: x.program || undefined, asOf: d?.ok ? d.date : undefined };
  };

  const called = (residentId: number, calls: CallRecord[]) =>
    setFound(
      (x) =>
        x && {
          ...x,
          data: {
            ...x.data,
            rows: x.data.rows.map((r) =>
              r.residentId === residentId ? { ...r, lastCall: calls[0] ?? null } : r,
            ),
          },
        },
    );

  function submit(e: FormEvent) {
    e.preventDefault();
    const d = f.asOf.trim() ? parseDateInput(f.asOf) : null;
    if (d && !d.ok) {
      search.setError(`基準日: ${d.message}`);
      return;
    }
    void search.run(async () => {
      const data = await api.get<Found>(`/api/adult/reminders/search${queryString(query(f))}`);
      setFound({ filter: f, data });
    });
  }

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        未受診者勧奨
      </Title>
      <Paper withBorder p="sm" component="form" onSubmit={submit} aria-label="勧奨対象の抽出">
        <Group align="flex-end" gap="sm">
          <FiscalYearSelect
            value={f.fiscalYear}
            current={current}
            onChange={(fiscalYear) => setF({ ...f, fiscalYear })}
            id="reminder-fy"
          />
          <ProgramSelect value={f.program} onChange={(program) => setF({ ...f, program })} />
          <NativeSelect
            label="対象"
            value={f.basis}
            onChange={(e) => setF({ ...f, basis: e.currentTarget.value })}
            data={[
              { value: 'both', label: '受診票を送った方・申込のある方' },
              { value: 'invited', label: '受診票を送った方' },
              { value: 'applied', label: '申込のある方' },
            ]}
          />
          <DateField label="基準日（空欄は今日）" value={f.asOf} onChange={(asOf) => setF({ ...f, asOf })} />
          <Checkbox
            label="まだ勧奨通知を送っていない方だけ"
            checked={f.notReminded}
            onChange={(e) => setF({ ...f, notReminded: e.currentTarget.checked })}
          />
          <Button type="submit" loading={search.busy}>
            抽出
          </Button>
        </Group>
      </Paper>
      <ErrorAlert error={search.error} title="抽出できません" />
      {found && (
        <Paper withBorder p="sm" component="section" aria-label="勧奨の対象">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" role="status">
                {formatCount(found.data.total)}人
                {found.data.total > found.data.rows.length ? `（先頭${found.data.rows.length}人を表示）` : ''}
              </Text>
              {can('residents.export') && found.data.total > 0 && (
                <Group gap="xs">
                  <Button variant="default" onClick={() => setCsv(true)}>
                    架電リスト（CSV）
                  </Button>
                  <CallListPdfButton
                    url={`/api/adult/reminders/call-list.pdf${queryString(query(found.filter))}`}
                  />
                </Group>
              )}
            </Group>
            <Table striped withTableBorder fz="sm" aria-label="勧奨の対象者">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>宛名番号</Table.Th>
                  <Table.Th>氏名</Table.Th>
                  <Table.Th>未受診の検診</Table.Th>
                  <Table.Th>案内・申込</Table.Th>
                  <Table.Th>電話</Table.Th>
                  <Table.Th>架電結果</Table.Th>
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
                    <Table.Td>
                      {[r.invited ? '受診票送付' : '', r.applied ? '申込あり' : '']
                        .filter(Boolean)
                        .join('・')}
                    </Table.Td>
                    <Table.Td>{r.phone}</Table.Td>
                    <Table.Td>
                      <CallCell
                        scope={{
                          residentId: r.residentId,
                          purpose: 'screening',
                          fiscalYear: found.filter.fiscalYear,
                        }}
                        person={{
                          name: r.name,
                          phone: r.phone,
                          about: r.programs.map(programName).join('・'),
                        }}
                        last={r.lastCall}
                        onRecorded={(calls) => called(r.residentId, calls)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {can('mailings.manage') && found.data.total > 0 && (
              <MakeMailing
                key={JSON.stringify(found.filter)}
                what="受診勧奨通知"
                start={async (sendDate, method) =>
                  (
                    await api.post<{ job: Job }>('/api/adult/reminders/mailing', {
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
      {csv && found && (
        <CsvDownloadModal
          title="架電リストのCSV出力"
          url={(encoding) => `/api/adult/reminders/csv${queryString({ ...query(found.filter), encoding })}`}
          onClose={() => setCsv(false)}
        />
      )}
    </Stack>
  );
}
