import { Button, Group, Stack, Text } from '@mantine/core';
import { api } from '../../lib/api.ts';
import { openPdfInTab } from '../../lib/pdf.ts';
import { useSave } from '../../lib/useSave.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/**
 * 接種証明書発行 (F11a-03): the person's 予防接種済証（接種記録票） printed now from the records, to hand over at the
 * counter (a send record 窓口 is kept). Shown when there is a record to certify.
 */
export function CertificatePrint({ residentId, records }: { residentId: number; records: number }) {
  const { busy, error, run } = useSave();
  const print = () =>
    void run(() =>
      openPdfInTab(() =>
        api.postBlob(`/api/vaccination/residents/${residentId}/certificate`, { method: 'counter' }),
      ),
    );
  return (
    <Stack gap="xs" mt="xs">
      <Group gap="sm">
        <Button size="compact-sm" variant="default" loading={busy} disabled={records === 0} onClick={print}>
          接種済証を印刷
        </Button>
        <Text size="xs" c="dimmed">
          {records === 0
            ? '接種の記録がないため、接種済証は印刷できません。'
            : `接種の記録${records}件を載せた予防接種済証（接種記録票）を窓口で渡します。送付記録が残ります。`}
        </Text>
      </Group>
      <ErrorAlert error={error} title="接種済証を作れません" />
    </Stack>
  );
}
