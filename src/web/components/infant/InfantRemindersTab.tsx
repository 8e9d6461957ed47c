import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { formatCount } from '../../lib/format.ts';
import {
  type InfantReminderRow,
  infantCheckupsApi,
  type ReminderFilter,
} from '../../lib/infant-checkups-api.ts';
import { openPdfInTab } from '../../lib/pdf.ts';
import { callOutcomes, callSummary } from '../../lib/reminder-calls-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { CsvDownloadModal } from '../CsvDownloadModal.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { MakeMailing } from '../mailings/MakeMailing.tsx';

type Props = { checkup: string; checkupName: string };

/** One row's 架電・訪問結果: the latest, and a select that records a new one. */
function OutcomeCell({
  row,
  filter,
  onRecorded,
}: {
  row: InfantReminderRow;
  filter: ReminderFilter;
  onRecorded(): void;
}) {
  const { can } = useAuth();
  const save = useSave();
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm">
        {row.lastCall ? callSummary(row.lastCall) : ''}
      </Text>
      {can('infant.edit') && (
        <NativeSelect
          size="xs"
          aria-label={`${row.name}の架電・訪問結果`}
          value=""
          onChange={(e) => {
            const outcome = e.currentTarget.value;
            if (!outcome) return;
            void save.run(async () => {
              await infantCheckupsApi.recordCall({
                residentId: row.residentId,
                ...filter,
                outcome,
                note: '',
              });
              onRecorded();
            });
          }}
          data={[
            { value: '', label: '結果を記録' },
            ...callOutcomes.map((o) => ({ value: o.code, label: o.label })),
          ]}
        />
      )}
      <ErrorAlert error={save.error} title="記録できません" />
    </Group>
  );
}

/**
 * 未受診者勧奨 (F07-07): children sent the 健診案内通知 with no result by the day → 受診勧奨通知 (a mailing) or a
 * 架電・訪問リスト (CSV, PDF) for calls or the 地区担当保健師, with the outcome recorded per child.
 */
export function InfantRemindersTab({ checkup, checkupName }: Props) {
  const { can } = useAuth();
  const [asOf, setAsOf] = useState('');
  const [notReminded, setNotReminded] = useState(false);
  const [found, setFound] = useState<{
    filter: ReminderFilter;
    total: number;
    rows: InfantReminderRow[];
  } | null>(null);
  const [csv, setCsv] = useState(false);
  const search = useSave();

  function load(filter: ReminderFilter) {
    void search.run(async () => setFound({ filter, ...(await infantCheckupsApi.reminders(filter)) }));
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    const d = asOf.trim() ? parseDateInput(asOf) : null;
    if (d && !d.ok) {
      search.setError(`基準日: ${d.message}`);
      return;
    }
    load({ checkup, ...(d?.ok ? { asOf: d.date } : {}), notReminded });
  }

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" component="form" onSubmit={submit} aria-label="未受診児の抽出">
        <Group align="flex-end" gap="sm">
          <DateField label="基準日（空欄は今日）" value={asOf} onChange={setAsOf} />
          <Checkbox
            label="まだ勧奨通知を送っていない児だけ"
            checked={notReminded}
            onChange={(e) => setNotReminded(e.currentTarget.checked)}
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
                {checkupName}の未受診児 {formatCount(found.total)}人
              </Text>
              {can('residents.export') && found.total > 0 && (
                <Group gap="xs">
                  <Button variant="default" onClick={() => setCsv(true)}>
                    架電・訪問リスト（CSV）
                  </Button>
                  <Button
                    variant="default"
                    onClick={() =>
                      void search.run(() =>
                        openPdfInTab(() =>
                          api.get<Blob>(infantCheckupsApi.callListPdfUrl(found.filter), { blob: true }),
                        ),
                      )
                    }
                  >
                    架電リスト（PDF）
                  </Button>
                </Group>
              )}
            </Group>
            <Table striped withTableBorder fz="sm" aria-label="未受診児">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>宛名番号</Table.Th>
                  <Table.Th>氏名</Table.Th>
                  <Table.Th>生年月日</Table.Th>
                  <Table.Th>住所（地区）</Table.Th>
                  <Table.Th>電話</Table.Th>
                  <Table.Th>案内</Table.Th>
                  <Table.Th>架電・訪問結果</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {found.rows.map((r) => (
                  <Table.Tr key={r.residentId}>
                    <Table.Td>{r.atenaNo}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{formatWareki(r.birthDate)}</Table.Td>
                    <Table.Td>{r.address}</Table.Td>
                    <Table.Td>{r.phone}</Table.Td>
                    <Table.Td>
                      {formatWareki(r.invitedOn)}送付{r.reminded ? '・勧奨済' : ''}
                    </Table.Td>
                    <Table.Td>
                      <OutcomeCell row={r} filter={found.filter} onRecorded={() => load(found.filter)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {can('mailings.manage') && can('infant.edit') && found.total > 0 && (
              <MakeMailing
                key={JSON.stringify(found.filter)}
                what="受診勧奨通知"
                start={(sendDate, method) =>
                  infantCheckupsApi.reminderMailing(found.filter, sendDate, method)
                }
              />
            )}
          </Stack>
        </Paper>
      )}
      {csv && found && (
        <CsvDownloadModal
          title="架電・訪問リストのCSV出力"
          url={(encoding) => infantCheckupsApi.remindersCsvUrl(found.filter, encoding)}
          onClose={() => setCsv(false)}
        />
      )}
    </Stack>
  );
}
