import { Button, Stack, Text } from '@mantine/core';
import type { DoseSchedule } from '../../../server/modules/vaccination/types.ts';
import { ApiError, api } from '../../lib/api.ts';
import { openPdfInTab } from '../../lib/pdf.ts';
import { useSave } from '../../lib/useSave.ts';
import { vaccineName } from '../../lib/vaccination-api.ts';

/**
 * 予診票の窓口発行 (F10a-03): the 予診票 of one dose of the schedule, with the person's data printed, opened in a new
 * tab to hand over (a send record 窓口 is kept). A failure is shown under the button.
 */
export function FormPrint({ residentId, row }: { residentId: number; row: DoseSchedule }) {
  const { busy, error, run } = useSave();
  const print = () =>
    void run(() =>
      openPdfInTab(() =>
        api.postBlob(`/api/vaccination/residents/${residentId}/form`, {
          vaccine: row.vaccine,
          dose: row.dose,
          method: 'counter',
        }),
      ),
    );
  return (
    <Stack gap={2}>
      <Button
        size="compact-xs"
        variant="default"
        loading={busy}
        onClick={print}
        aria-label={`予診票を印刷（${vaccineName(row.vaccine)} ${row.dose}）`}
      >
        予診票を印刷
      </Button>
      {error !== null && (
        <Text size="xs" c="red.9" role="alert">
          {error instanceof ApiError ? error.message : '予診票を作れませんでした。もう一度お試しください。'}
        </Text>
      )}
    </Stack>
  );
}
