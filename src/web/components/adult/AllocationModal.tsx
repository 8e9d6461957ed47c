import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { addDays } from '../../../server/platform/calendar/date.ts';
import { today } from '../../../server/platform/calendar/date-age.ts';
import { type AdultSession, adultKeys, fiscalYearLabel } from '../../lib/adult-api.ts';
import {
  type AllocationOptions,
  type AllocationResult,
  applyAllocation,
  previewAllocation,
} from '../../lib/allocation-api.ts';
import { formatCount } from '../../lib/format.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { AllocationResultView } from './AllocationResultView.tsx';

type Props = {
  fiscalYear: number;
  sessions: AdultSession[];
  names: Record<string, string>;
  canEdit: boolean;
  onClose(): void;
};

/**
 * 集団検診の日程割当: 開始日 (default tomorrow) and 会場 → 「割当を確認」 shows per session how many would be given
 * a date and who cannot be, with the reason → 「割り当てる」 saves (the server allocates again on the data of that
 * moment, all or nothing) and the answers table is refreshed.
 */
export function AllocationModal({ fiscalYear, sessions, names, canEdit, onClose }: Props) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [fromDate, setFromDate] = useState(addDays(today(), 1));
  const [venueId, setVenueId] = useState('');
  const [preview, setPreview] = useState<AllocationResult | null>(null);
  const [done, setDone] = useState<AllocationResult | null>(null);
  const check = useSave();
  const apply = useSave();
  const venues = [...new Map(sessions.map((s) => [s.venue_id, s.venue])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], 'ja'),
  );
  const options = (): AllocationOptions => ({
    fromDate,
    ...(venueId ? { venueId: Number(venueId) } : {}),
  });

  function reset() {
    setPreview(null);
    setDone(null);
    apply.setError(null);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    reset();
    void check.run(async () => setPreview(await previewAllocation(fiscalYear, options())));
  }

  function allocate() {
    void apply.run(async () => {
      setDone(await applyAllocation(fiscalYear, options()));
      setPreview(null);
      await queryClient.invalidateQueries({ queryKey: adultKeys.preferences(fiscalYear) });
    });
  }

  return (
    <AppModal opened onClose={onClose} title="集団検診の日程割当" size="xl">
      <Stack gap="sm">
        <Text size="sm">
          {fiscalYearLabel(fiscalYear)}
          の受診希望のうち、集団検診を希望して日程が未定の方に日程を割り当てます。
          郵便番号・住所の順に、希望の検診をすべて行う一番早い日程（定員に空きのあるもの）から割り当てます。
        </Text>
        <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="日程割当の条件">
          <Group align="flex-start" gap="md">
            <DateField
              label="割り当てる日程の開始日"
              required
              value={fromDate}
              onChange={(v) => {
                setFromDate(v);
                reset();
              }}
              error={check.fieldErrors.fromDate}
              w={260}
              data-autofocus
            />
            <NativeSelect
              label="会場"
              value={venueId}
              onChange={(e) => {
                setVenueId(e.currentTarget.value);
                reset();
              }}
              error={check.fieldErrors.venueId}
              data={[
                { value: '', label: 'すべての会場' },
                ...venues.map(([id, name]) => ({ value: String(id), label: name })),
              ]}
            />
            <Button type="submit" loading={check.busy} mt={24}>
              割当を確認
            </Button>
          </Group>
        </form>
        <ErrorAlert error={check.error} title="確認できません" fieldsShown={['fromDate', 'venueId']} />
        {preview && (
          <Stack gap="xs" role="region" aria-label="割当の確認結果">
            <Text size="sm" fw={700} role="status">
              日程が未定の方 {formatCount(preview.waiting)}人: 割当 {formatCount(preview.assigned)}人 /
              割り当てられない方 {formatCount(preview.unassigned.length)}人（まだ割り当てていません）
            </Text>
            <AllocationResultView result={preview} names={names} label="日程ごとの割当（確認）" />
            {canEdit && preview.assigned > 0 && (
              <Group>
                <Button loading={apply.busy} onClick={allocate}>
                  割り当てる（{formatCount(preview.assigned)}人）
                </Button>
              </Group>
            )}
          </Stack>
        )}
        <ErrorAlert error={apply.error} title="割り当てられません" />
        {done && (
          <Alert color="teal" variant="light" role="status" title="割り当てました">
            {formatCount(done.assigned)}人に日程を割り当てました。
            {done.unassigned.length > 0 &&
              ` 割り当てられなかった ${formatCount(done.unassigned.length)}人は「集団（未割当）」のままです。`}
          </Alert>
        )}
        {done && <AllocationResultView result={done} names={names} label="日程ごとの割当（結果）" />}
        <Group>
          <Button variant="default" onClick={onClose}>
            閉じる
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
