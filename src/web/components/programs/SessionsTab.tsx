import { Button, Group, Loader, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fiscalYearShortLabel } from '../../../server/modules/programs/labels.ts';
import { dayOfWeek } from '../../../server/platform/calendar/date.ts';
import { useAuth } from '../../lib/auth.tsx';
import { formatCount } from '../../lib/format.ts';
import {
  programCodes,
  programLabels,
  programsApi,
  programsKeys,
  type ScreeningSession,
} from '../../lib/programs-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import {
  SessionDateCell,
  SessionStatusBadge,
  SessionTable,
  SessionTimeCell,
} from '../reservations/SessionTable.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { programNames, SessionModal } from './SessionModal.tsx';

const weekdays = '日月火水木金土';
/** '2026-06-10' → '令和8年6月10日（水）' */
export const sessionDateLabel = (d: string) => `${formatWareki(d)}（${weekdays[dayOfWeek(d)]}）`;

/** 事業マスタ › 集団検診日程: the group sessions of the 年度 with 締切日, 状態, 時間枠 and the bookings counted. */
export function SessionsTab({ fy, canEdit }: { fy: number; canEdit: boolean }) {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const program = searchParams.get('sprogram') ?? '';
  const sessions = useQuery({
    queryKey: programsKeys.sessions(fy, program),
    queryFn: () => programsApi.sessions(fy, program),
  });
  const year = useQuery({ queryKey: programsKeys.year(fy), queryFn: () => programsApi.year(fy) });
  const [editing, setEditing] = useState<ScreeningSession | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ScreeningSession | null>(null);
  const del = useSave();

  const groupCapable = (year.data?.programs ?? []).filter(
    (p) => p.settings.enabled && p.settings.delivery !== 'individual',
  );

  function remove(s: ScreeningSession) {
    void del.run(async () => {
      await programsApi.deleteSession(s.id, s.version);
      await queryClient.invalidateQueries({ queryKey: programsKeys.all });
      setDeleting(null);
    });
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <NativeSelect
          label="検診"
          value={program}
          onChange={(e) =>
            setSearchParams(
              (sp) => {
                const next = new URLSearchParams(sp);
                if (e.currentTarget.value) next.set('sprogram', e.currentTarget.value);
                else next.delete('sprogram');
                return next;
              },
              { replace: true },
            )
          }
          data={[
            { value: '', label: 'すべて' },
            ...programCodes.map((c) => ({ value: c, label: programLabels[c] })),
          ]}
        />
        {canEdit && (
          <Group gap="xs">
            {year.data && groupCapable.length === 0 && (
              <Text size="sm" c="dimmed">
                集団で実施する検診がありません（「検診」タブで実施方法を「集団」か「両方」にしてください）
              </Text>
            )}
            <Button onClick={() => setEditing('new')} disabled={groupCapable.length === 0}>
              日程を登録
            </Button>
          </Group>
        )}
      </Group>
      <ErrorAlert error={sessions.error ?? year.error} />
      {sessions.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {sessions.data && (
        <>
          <Text size="sm" role="status">
            {fiscalYearShortLabel(fy)} {formatCount(sessions.data.sessions.length)}件
          </Text>
          <SessionTable
            label="集団検診日程の一覧"
            minWidth={800}
            columns={[
              '実施日',
              '時間',
              '会場',
              '検診',
              '状態',
              { label: '予約 / 定員', ta: 'right' },
              '備考',
              '操作',
            ]}
            sessions={sessions.data.sessions}
            cells={(s) => (
              <>
                <SessionDateCell
                  date={sessionDateLabel(s.sessionDate)}
                  holiday={s.holidayName && `祝日（${s.holidayName}）`}
                />
                <SessionTimeCell startTime={s.startTime} endTime={s.endTime}>
                  {s.slots.length > 0 && (
                    <Text span size="xs" c="dimmed" ml={4}>
                      時間枠{s.slots.length}
                    </Text>
                  )}
                </SessionTimeCell>
                <Table.Td>{s.venueName}</Table.Td>
                <Table.Td>{programNames(s.programs)}</Table.Td>
                <Table.Td>
                  <SessionStatusBadge status={s.status} label={s.statusLabel} />
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatCount(s.booked)} / {formatCount(s.capacity)}人
                </Table.Td>
                <Table.Td>{s.note}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setEditing(s)}
                      aria-label={`${s.sessionDate} ${s.venueName}を${canEdit ? '編集' : '表示'}`}
                    >
                      {canEdit ? '編集' : '表示'}
                    </Button>
                    {can('reservations.view') && (
                      <Button
                        component={Link}
                        to={`/reservations/sessions/${s.id}`}
                        size="compact-xs"
                        variant="light"
                        aria-label={`${s.sessionDate} ${s.venueName}の予約・受付`}
                      >
                        予約・受付
                      </Button>
                    )}
                    {canEdit && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          del.setError(null);
                          setDeleting(s);
                        }}
                        aria-label={`${s.sessionDate} ${s.venueName}を削除`}
                      >
                        削除
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </>
            )}
            empty="日程はありません。"
          />
        </>
      )}
      {editing && (
        <SessionModal
          fy={fy}
          session={editing === 'new' ? null : editing}
          programs={year.data?.programs ?? []}
          canEdit={canEdit}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title="日程の削除"
          confirmLabel="削除する"
          color="red"
          busy={del.busy}
          error={del.error}
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(null)}
        >
          {`${sessionDateLabel(deleting.sessionDate)} ${deleting.startTime}〜 ${deleting.venueName}（${programNames(deleting.programs)}）の日程を削除します。予約のある日程は削除できません（取りやめる場合は「編集」で状態を「中止」にしてください）。`}
        </ConfirmModal>
      )}
    </Stack>
  );
}
