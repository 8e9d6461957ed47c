import {
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fiscalYearShortLabel } from '../../../server/modules/programs/labels.ts';
import { useAuth } from '../../lib/auth.tsx';
import {
  matchesTypeahead,
  type ProgramCode,
  type ProgramRow,
  programLabels,
  programsApi,
  programsKeys,
  type ScreeningSession,
  type SessionValues,
  type Venue,
} from '../../lib/programs-api.ts';
import {
  reservationKeys,
  reservationsApi,
  type SessionStatus,
  sessionStatusLabels,
} from '../../lib/reservations-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { NumberField } from '../NumberField.tsx';
import { SlotsField } from './SlotsField.tsx';

export const programNames = (list: string[]) =>
  list.map((c) => (programLabels as Record<string, string>)[c]?.replace(/検診$/, '') ?? c).join('・');

/** '12' / '１２' → 12; anything else as typed (the server says what is wrong). */
const count = (x: string | number) =>
  x === '' ? '' : /^\d+$/.test(String(x).normalize('NFKC')) ? Number(String(x).normalize('NFKC')) : x;

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
  cutoffDate: '締切日',
};

/** 日程の登録・変更: 会場 by type-ahead (コード・名称・カナ); only programs run as 集団 this 年度 can be chosen. */
export function SessionModal({ fy, session, programs, canEdit, onClose }: ModalProps) {
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
    cutoffDate: s?.cutoffDate ?? '',
    note: s?.note ?? '',
    slots: (s?.slots ?? []).map((t) => ({ ...t, capacity: String(t.capacity) })),
  });
  const { can } = useAuth();
  const [status, setStatus] = useState<SessionStatus>(session?.status ?? 'open');
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
    const body = {
      ...v,
      capacity: count(v.capacity),
      venueId: v.venueId ?? 0,
      slots: v.slots.map((t) => ({ ...t, capacity: count(t.capacity) })),
    };
    void run(async () => {
      if (session) {
        const { session: saved } = await programsApi.updateSession(session.id, body, version);
        if (status !== saved.status) await reservationsApi.setStatus(saved.id, saved.version, status);
      } else await programsApi.createSession(body);
      await queryClient.invalidateQueries({ queryKey: programsKeys.all });
      await queryClient.invalidateQueries({ queryKey: reservationKeys.all });
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
            fieldsShown={Object.keys(conflictLabels).concat('venueId', 'slots')}
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
            <NumberField
              label="定員"
              name="capacity"
              unit="人"
              value={String(v.capacity)}
              onChange={(x) => set('capacity', x)}
              error={fieldErrors.capacity}
              readOnly={!canEdit}
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
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label="締切日"
              name="cutoffDate"
              value={v.cutoffDate}
              onChange={(x) => set('cutoffDate', x)}
              error={fieldErrors.cutoffDate}
              readOnly={!canEdit}
              placeholder="空欄なら実施日の前日まで"
            />
            {session && can('reservations.manage') && (
              <Stack gap={4}>
                <Text size="sm" fw={500} id="session-status-label">
                  状態
                </Text>
                <SegmentedControl
                  aria-labelledby="session-status-label"
                  value={status}
                  onChange={(x) => setStatus(x as SessionStatus)}
                  readOnly={!canEdit}
                  data={(Object.keys(sessionStatusLabels) as SessionStatus[]).map((k) => ({
                    value: k,
                    label: sessionStatusLabels[k],
                  }))}
                />
              </Stack>
            )}
          </SimpleGrid>
          <SlotsField
            value={v.slots}
            onChange={(x) => set('slots', x)}
            errors={fieldErrors}
            readOnly={!canEdit}
          />
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
