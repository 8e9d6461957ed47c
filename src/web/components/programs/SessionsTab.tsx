import {
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { fiscalYearShortLabel } from '../../../server/modules/programs/labels.ts';
import { dayOfWeek } from '../../../server/platform/calendar/date.ts';
import { formatCount } from '../../lib/format.ts';
import {
  matchesTypeahead,
  type ProgramCode,
  type ProgramRow,
  programCodes,
  programLabels,
  programsApi,
  programsKeys,
  type ScreeningSession,
  type SessionValues,
  type Venue,
} from '../../lib/programs-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave, useVersionedSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';

const weekdays = '日月火水木金土';
/** '2026-06-10' → '令和8年6月10日（水）' */
export const sessionDateLabel = (d: string) => `${formatWareki(d)}（${weekdays[dayOfWeek(d)]}）`;
const programNames = (list: string[]) =>
  list.map((c) => (programLabels as Record<string, string>)[c]?.replace(/検診$/, '') ?? c).join('・');

/** 事業マスタ › 集団検診日程: the group sessions of the 年度 (定員 only; bookings are counted elsewhere). */
export function SessionsTab({ fy, canEdit }: { fy: number; canEdit: boolean }) {
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
          <Table.ScrollContainer minWidth={800}>
            <Table
              striped
              highlightOnHover
              withTableBorder
              verticalSpacing={4}
              fz="sm"
              aria-label="集団検診日程の一覧"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>実施日</Table.Th>
                  <Table.Th>時間</Table.Th>
                  <Table.Th>会場</Table.Th>
                  <Table.Th>検診</Table.Th>
                  <Table.Th ta="right">定員</Table.Th>
                  <Table.Th>備考</Table.Th>
                  <Table.Th>操作</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.sessions.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{sessionDateLabel(s.sessionDate)}</Table.Td>
                    <Table.Td>
                      {s.startTime}〜{s.endTime}
                    </Table.Td>
                    <Table.Td>{s.venueName}</Table.Td>
                    <Table.Td>{programNames(s.programs)}</Table.Td>
                    <Table.Td ta="right">{formatCount(s.capacity)}人</Table.Td>
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
                  </Table.Tr>
                ))}
                {sessions.data.sessions.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text size="sm" c="dimmed">
                        日程はありません。
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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
          {`${sessionDateLabel(deleting.sessionDate)} ${deleting.startTime}〜 ${deleting.venueName}（${programNames(deleting.programs)}）の日程を削除します。受診希望が登録されている日程は削除できません。`}
        </ConfirmModal>
      )}
    </Stack>
  );
}

type ModalProps = {
  fy: number;
  session: ScreeningSession | null;
  programs: ProgramRow[];
  canEdit: boolean;
  onClose(): void;
};

const conflictLabels = {
  sessionDate: '実施日',
  startTime: '開始時刻',
  endTime: '終了時刻',
  venueName: '会場',
  programs: '検診',
  capacity: '定員',
  note: '備考',
};

/** 日程の登録・変更: 会場 by type-ahead (コード・名称・カナ); only programs run as 集団 this 年度 can be chosen. */
function SessionModal({ fy, session, programs, canEdit, onClose }: ModalProps) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const venues = useQuery({
    queryKey: programsKeys.venues('', 'all'),
    queryFn: () => programsApi.venues('', 'all'),
  });
  const toValues = (s: ScreeningSession | null): SessionValues => ({
    fiscalYear: fy,
    programs: s?.programs ?? [],
    venueId: s?.venueId ?? null,
    sessionDate: s?.sessionDate ?? '',
    startTime: s?.startTime ?? '09:00',
    endTime: s?.endTime ?? '11:30',
    capacity: s ? String(s.capacity) : '',
    note: s?.note ?? '',
  });
  const [v, setV] = useState<SessionValues>(() => toValues(session));
  const { busy, error, fieldErrors, run, version, current, dismissConflict } =
    useVersionedSave<ScreeningSession>(session?.version ?? 0);
  const set = <K extends keyof SessionValues>(k: K, value: SessionValues[K]) =>
    setV((x) => ({ ...x, [k]: value }));

  // 終了時刻 ≤ 開始時刻 is shown as soon as both are typed (the server says it too).
  const hhmm = (t: string) => {
    const m = /^(\d{1,2})[:：](\d{2})$/.exec(t.normalize('NFKC').trim());
    return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
  };
  const [start, end] = [hhmm(v.startTime), hhmm(v.endTime)];
  const timeError = start && end && start >= end ? '終了時刻は開始時刻より後にしてください。' : undefined;

  const venueList: Venue[] = (venues.data?.venues ?? []).filter((x) => x.active || x.id === session?.venueId);
  const venueById = new Map(venueList.map((x) => [String(x.id), x]));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!canEdit) return;
    const capacity =
      v.capacity === ''
        ? ''
        : /^\d+$/.test(String(v.capacity).normalize('NFKC'))
          ? Number(String(v.capacity).normalize('NFKC'))
          : v.capacity;
    const body = { ...v, capacity, venueId: v.venueId ?? 0 };
    void run(async () => {
      if (session) await programsApi.updateSession(session.id, body, version);
      else await programsApi.createSession(body);
      await queryClient.invalidateQueries({ queryKey: programsKeys.all });
      onClose();
    });
  }

  return (
    <AppModal
      opened
      onClose={onClose}
      size="lg"
      title={`${fiscalYearShortLabel(fy)} 集団検診日程の${session ? (canEdit ? '変更' : '詳細') : '登録'}`}
    >
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Stack gap="sm">
          <ErrorAlert
            error={error}
            title="保存できません"
            fieldsShown={Object.keys(conflictLabels).concat('venueId')}
          />
          {current && (
            <>
              <ConflictCurrent
                current={{ ...current, programs: programNames(current.programs) }}
                labels={conflictLabels}
                onLoad={() => {
                  setV(toValues(current));
                  dismissConflict();
                }}
              />
              <Text size="sm">入力内容で上書きする場合は、そのまま「保存」を押してください。</Text>
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <DateField
              label="実施日"
              name="sessionDate"
              value={v.sessionDate}
              onChange={(x) => set('sessionDate', x)}
              error={fieldErrors.sessionDate}
              readOnly={!canEdit}
              data-autofocus
            />
            <TextInput
              label="開始時刻"
              name="startTime"
              description="例: 9:00"
              value={v.startTime}
              onChange={(e) => set('startTime', e.currentTarget.value)}
              error={fieldErrors.startTime}
              readOnly={!canEdit}
              autoComplete="off"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <TextInput
              label="終了時刻"
              name="endTime"
              description="例: 11:30"
              value={v.endTime}
              onChange={(e) => set('endTime', e.currentTarget.value)}
              error={fieldErrors.endTime ?? timeError}
              readOnly={!canEdit}
              autoComplete="off"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="会場"
              name="venueId"
              placeholder="コード・名称・カナで検索"
              searchable
              selectFirstOptionOnChange
              data={venueList.map((x) => ({ value: String(x.id), label: `${x.code} ${x.name}` }))}
              filter={({ options, search }) =>
                options.filter((o) => {
                  const venue = 'value' in o ? venueById.get(o.value) : undefined;
                  return venue ? matchesTypeahead(venue, search) : false;
                })
              }
              value={v.venueId === null ? null : String(v.venueId)}
              onChange={(x) => set('venueId', x ? Number(x) : null)}
              error={fieldErrors.venueId}
              nothingFoundMessage="該当する会場がありません（「会場」タブで登録してください）"
              readOnly={!canEdit}
            />
            <TextInput
              label="定員"
              name="capacity"
              rightSection="人"
              inputMode="numeric"
              value={String(v.capacity)}
              onChange={(e) => set('capacity', e.currentTarget.value)}
              error={fieldErrors.capacity}
              readOnly={!canEdit}
              autoComplete="off"
            />
          </SimpleGrid>
          <Checkbox.Group
            label="検診"
            description="集団で実施する検診（事業マスタの実施方法が「集団」か「両方」）だけ選べます"
            value={v.programs}
            onChange={(x) => canEdit && set('programs', x as ProgramCode[])}
            error={fieldErrors.programs}
          >
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing={4} mt={4}>
              {programs.map((p) => {
                const ok = p.settings.enabled && p.settings.delivery !== 'individual';
                return (
                  <Checkbox
                    key={p.code}
                    value={p.code}
                    label={ok ? p.settings.name : `${p.settings.name}（個別のみ）`}
                    size="sm"
                    disabled={!canEdit || (!ok && !v.programs.includes(p.code))}
                  />
                );
              })}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            label="備考"
            name="note"
            description="例: 受付 8:45〜"
            value={v.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={fieldErrors.note}
            readOnly={!canEdit}
            autoComplete="off"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {canEdit ? 'キャンセル' : '閉じる'}
            </Button>
            {canEdit && (
              <Button type="submit" loading={busy}>
                {session ? '保存' : '登録'}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
