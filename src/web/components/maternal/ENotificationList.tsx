import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth.tsx';
import {
  appliedAtText,
  deliveryLabels,
  dueText,
  type ENotification,
  type ENotificationView,
  eNotificationKeys,
  eNotificationsApi,
  matchLabel,
} from '../../lib/e-notifications-api.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ReasonModal } from '../ReasonModal.tsx';
import { ENotificationMail } from './ENotificationMail.tsx';
import { ENotificationRegister } from './ENotificationRegister.tsx';

const views: { value: ENotificationView; label: string; empty: string }[] = [
  { value: 'pending', label: '未登録', empty: '未登録の届出はありません。' },
  { value: 'toMail', label: '郵送待ち', empty: '郵送待ちの届出はありません。' },
  { value: 'registered', label: '登録済み', empty: '登録済みの届出はありません。' },
  { value: 'rejected', label: '取込まない', empty: '取込まないとした届出はありません。' },
];

const matchColors: Record<string, string> = {
  確実: 'teal.9',
  高: 'blue.9',
  要確認: 'yellow.9',
  該当なし: 'red.9',
};

/** 受付一覧: the received notifications by state (未登録 / 郵送待ち / 登録済み / 取込まない). */
export function ENotificationList() {
  const [view, setView] = useState<ENotificationView>('pending');
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="e-notification-list-title">
      <Stack gap="xs">
        <Text fw={700} id="e-notification-list-title">
          受付一覧
        </Text>
        <Tabs value={view} onChange={(v) => v && setView(v as ENotificationView)} keepMounted={false}>
          <Tabs.List>
            {views.map((v) => (
              <Tabs.Tab key={v.value} value={v.value}>
                {v.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {views.map((v) => (
            <Tabs.Panel key={v.value} value={v.value} pt="xs">
              <ViewTable view={v.value} label={v.label} empty={v.empty} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Paper>
  );
}

function ViewTable({ view, label, empty }: { view: ENotificationView; label: string; empty: string }) {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: eNotificationKeys.list(view), queryFn: () => eNotificationsApi.list(view) });
  const [registering, setRegistering] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<ENotification | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const rows = q.data?.rows ?? [];
  const edit = can('maternal.edit');
  const selecting = view === 'toMail' && edit;
  const refresh = () => queryClient.invalidateQueries({ queryKey: eNotificationKeys.all });
  const allSelected = rows.length > 0 && rows.every((r) => selected.includes(r.id));

  return (
    <Stack gap="xs">
      <ErrorAlert error={q.error} title={`${label}の一覧を読めません`} />
      {q.isSuccess && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder fz="sm" aria-label={`受付一覧（${label}）`}>
            <Table.Thead>
              <Table.Tr>
                {selecting && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="すべて選ぶ"
                      checked={allSelected}
                      indeterminate={!allSelected && selected.length > 0}
                      onChange={(e) => setSelected(e.currentTarget.checked ? rows.map((r) => r.id) : [])}
                    />
                  </Table.Th>
                )}
                <Table.Th>申請日時</Table.Th>
                <Table.Th>申請番号</Table.Th>
                <Table.Th>氏名</Table.Th>
                <Table.Th>生年月日</Table.Th>
                <Table.Th>出産予定日・週数</Table.Th>
                <Table.Th>胎児数</Table.Th>
                <Table.Th>照合</Table.Th>
                <Table.Th>交付方法</Table.Th>
                <Table.Th>面談希望</Table.Th>
                <Table.Th>{view === 'pending' ? '操作' : '結果'}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const d = r.data;
                const match = matchLabel(r);
                return (
                  <Table.Tr key={r.id}>
                    {selecting && (
                      <Table.Td>
                        <Checkbox
                          aria-label={`${d.name}（申請番号 ${r.applicationNo}）を選ぶ`}
                          checked={selected.includes(r.id)}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            setSelected((cur) => (on ? [...cur, r.id] : cur.filter((x) => x !== r.id)));
                          }}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>{appliedAtText(r.appliedAt)}</Table.Td>
                    <Table.Td>{r.applicationNo}</Table.Td>
                    <Table.Td>
                      {d.name}
                      <Text size="xs" c="dimmed" span display="block">
                        {d.nameKana}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatWareki(d.birthDate)}</Table.Td>
                    <Table.Td>{dueText(d)}</Table.Td>
                    <Table.Td>{d.fetusCount}</Table.Td>
                    <Table.Td>
                      <Badge color={matchColors[match]} variant="dot" radius="sm">
                        {match}
                      </Badge>
                      <Text size="xs">{r.matchReasons.join('、')}</Text>
                    </Table.Td>
                    <Table.Td>{deliveryLabels[r.delivery]}</Table.Td>
                    <Table.Td>
                      {d.interviewWish === 'yes'
                        ? `希望する${d.interviewNote ? `（${d.interviewNote}）` : ''}`
                        : ''}
                      {d.interviewWish === 'no' ? '希望しない' : ''}
                    </Table.Td>
                    <Table.Td>
                      {view === 'pending' && edit ? (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-sm"
                            onClick={() => setRegistering(r.id)}
                            aria-label={`申請番号 ${r.applicationNo} を確認・登録`}
                          >
                            確認・登録
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => setRejecting(r)}
                            aria-label={`申請番号 ${r.applicationNo} を取込まない`}
                          >
                            取込まない
                          </Button>
                        </Group>
                      ) : (
                        <Outcome r={r} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selecting && (
        <ENotificationMail
          ids={selected.filter((id) => rows.some((r) => r.id === id))}
          onMade={() => {
            setSelected([]);
            void refresh();
          }}
        />
      )}
      {registering !== null && (
        <ENotificationRegister
          id={registering}
          onClose={() => {
            setRegistering(null);
            void refresh();
          }}
        />
      )}
      {rejecting && (
        <ReasonModal
          title="取込まない"
          text={`申請番号 ${rejecting.applicationNo}（${rejecting.data.name}）の届出を登録せず「取込まない」にします。理由は記録に残ります。`}
          reasonLabel="取込まない理由"
          reasonMissing="取込まない理由を入力してください（例: 窓口で届出済み、重複した申請）。"
          action="取込まない"
          failure="取込まないにできません"
          onSubmit={async (reason) => {
            await eNotificationsApi.reject(rejecting.id, reason, rejecting.version);
            await refresh();
          }}
          onClose={() => setRejecting(null)}
        />
      )}
    </Stack>
  );
}

function Outcome({ r }: { r: ENotification }) {
  return (
    <Stack gap={2}>
      <Text size="xs">{r.outcomeMessage}</Text>
      {r.pregnancyId && (
        <Anchor component={Link} to={`/maternal/pregnancies/${r.pregnancyId}`} size="xs">
          妊娠届を開く
        </Anchor>
      )}
      {r.mailingId && (
        <Anchor component={Link} to={`/mailings/${r.mailingId}`} size="xs">
          送付（郵送物）を開く
        </Anchor>
      )}
    </Stack>
  );
}
