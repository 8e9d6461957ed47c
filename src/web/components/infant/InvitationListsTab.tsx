import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useAuth } from '../../lib/auth.tsx';
import { type InvitationEntry, infantCheckupsApi } from '../../lib/infant-checkups-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { JobProgress } from '../adult/JobProgress.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ExcludeModal } from '../lists/ExcludeModal.tsx';
import { MakeMailing } from '../mailings/MakeMailing.tsx';

type Props = {
  checkup: string;
  checkupName: string;
  defaultMode: 'group' | 'individual';
  exclusionReasons: Record<string, string>;
};

const statusText: Record<string, string> = {
  extracting: '抽出中',
  ready: '抽出済み',
  failed: '失敗',
  cancelled: '取消',
};

/**
 * 健診対象児の抽出 (F07-03 steps 1–4): the children reaching the age in a period, each with the session allocated
 * (集団) or a 受診票番号 (個別); 除外 with a reason; then the mailing of 健診案内通知 + 健康診査票 (the 郵送物 screen does
 * 引き抜き, printing and the send records).
 */
export function InvitationListsTab({ checkup, checkupName, defaultMode, exclusionReasons }: Props) {
  const { can } = useAuth();
  const qc = useQueryClient();
  const [f, setF] = useState({ mode: defaultMode as string, from: '', to: '' });
  const [jobId, setJobId] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [excluding, setExcluding] = useState<InvitationEntry | null>(null);
  const lists = useQuery({ queryKey: ['infant', 'invitation-lists'], queryFn: infantCheckupsApi.lists });
  const entries = useQuery({
    queryKey: ['infant', 'invitation-lists', selected, 'entries'],
    queryFn: () => infantCheckupsApi.entries(selected!),
    enabled: selected !== null,
  });
  const save = useSave();
  const mine = (lists.data ?? []).filter((l) => l.settings.checkup === checkup);
  const current = mine.find((l) => l.id === selected);

  function submit(e: FormEvent) {
    e.preventDefault();
    void save.run(async () => {
      const list = await infantCheckupsApi.extract({ checkup, mode: f.mode, from: f.from, to: f.to });
      setSelected(list.id);
      setJobId(list.jobId);
    });
  }
  const refresh = () => qc.invalidateQueries({ queryKey: ['infant', 'invitation-lists'] });

  return (
    <Stack gap="sm">
      {can('infant.edit') && (
        <Paper withBorder p="sm" component="form" onSubmit={submit} aria-label="対象児の抽出">
          <Stack gap="xs">
            <ErrorAlert error={save.error} title="抽出できません" fieldsShown={['from', 'to', 'mode']} />
            <Group align="flex-start" gap="sm">
              <NativeSelect
                label="実施方法"
                value={f.mode}
                onChange={(e) => setF({ ...f, mode: e.currentTarget.value })}
                data={[
                  { value: 'group', label: '集団（日程を割当）' },
                  { value: 'individual', label: '個別（受診票番号を発行）' },
                ]}
              />
              <DateField
                label="月齢に達する期間（から）"
                value={f.from}
                onChange={(from) => setF({ ...f, from })}
                error={save.fieldErrors.from}
              />
              <DateField
                label="（まで）"
                value={f.to}
                onChange={(to) => setF({ ...f, to })}
                error={save.fieldErrors.to}
              />
              <Button type="submit" mt={24} loading={save.busy}>
                抽出
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {jobId && (
        <JobProgress
          jobId={jobId}
          label="対象児の抽出"
          onFinished={() => {
            setJobId(null);
            void refresh();
          }}
        />
      )}
      <Table striped withTableBorder fz="sm" aria-label={`${checkupName}の対象者リスト`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>リスト</Table.Th>
            <Table.Th>状態</Table.Th>
            <Table.Th>対象</Table.Th>
            <Table.Th>除外</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mine.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.title}</Table.Td>
              <Table.Td>{statusText[l.status] ?? l.status}</Table.Td>
              <Table.Td>{l.counts.included ?? ''}</Table.Td>
              <Table.Td>{l.counts.excluded ?? ''}</Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="light" onClick={() => setSelected(l.id)}>
                  開く
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {current && entries.data && (
        <Paper withBorder p="sm" component="section" aria-label="対象児">
          <Stack gap="xs">
            <Text fw={600}>{current.title}</Text>
            <Table striped withTableBorder fz="sm" aria-label="対象児の一覧">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>宛名番号</Table.Th>
                  <Table.Th>氏名</Table.Th>
                  <Table.Th>生年月日</Table.Th>
                  <Table.Th>月齢に達する日</Table.Th>
                  <Table.Th>日程・受診票番号</Table.Th>
                  <Table.Th>状態</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.data.rows.map((r) => (
                  <Table.Tr key={r.residentId}>
                    <Table.Td>{r.atenaNo}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{formatWareki(r.birthDate)}</Table.Td>
                    <Table.Td>{formatWareki(r.invitedAt)}</Table.Td>
                    <Table.Td>{r.ticketNo || `${r.session} ${r.venue}`}</Table.Td>
                    <Table.Td>
                      {r.included ? (
                        <Badge color="teal">送付</Badge>
                      ) : (
                        <Badge color="gray">{r.exclusionLabel}</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {can('infant.edit') &&
                        (r.included ? (
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            onClick={() => setExcluding(r)}
                          >
                            除外
                          </Button>
                        ) : (
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() =>
                              void save.run(async () => {
                                await infantCheckupsApi.restore(current.id, r.residentId);
                                await refresh();
                              })
                            }
                          >
                            戻す
                          </Button>
                        ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {can('mailings.manage') && can('infant.edit') && current.status === 'ready' && (
              <MakeMailing
                key={current.id}
                what="健診案内通知・健康診査票"
                start={(sendDate, method) => infantCheckupsApi.mailing(current.id, sendDate, method)}
              />
            )}
          </Stack>
        </Paper>
      )}
      {excluding && current && (
        <ExcludeModal
          entry={excluding}
          reasons={exclusionReasons}
          onExclude={async (v) => {
            await infantCheckupsApi.exclude(current.id, excluding.residentId, v);
            await refresh();
          }}
          onClose={() => setExcluding(null)}
        />
      )}
    </Stack>
  );
}
