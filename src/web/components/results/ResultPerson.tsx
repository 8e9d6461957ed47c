import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { api } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { openPdfInTab } from '../../lib/pdf.ts';
import type { ResultSheet } from '../../lib/results-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { ageOn, formatWareki } from '../../lib/wareki.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadges } from '../StatusBadges.tsx';

const sexes: Record<string, string> = { '1': '男', '2': '女', '9': '不明' };

/**
 * Who the 結果票 is about: 氏名, カナ, 宛名番号, 受診票番号, 生年月日 (和暦) and age, 性別, 住所 — and the 結果票 of the
 * 年度 printed now to hand over at the counter (F03-03, on request; a send record is kept).
 */
export function ResultPerson({ sheet }: { sheet: ResultSheet }) {
  const { can } = useAuth();
  const { busy, error, run } = useSave();
  const p = sheet.person;
  const print = () =>
    void run(() =>
      openPdfInTab(() =>
        api.postBlob(`/api/adult/results/residents/${p.id}/notice`, {
          fiscalYear: sheet.fiscalYear,
          method: 'counter',
        }),
      ),
    );
  return (
    <Paper withBorder p="sm" component="section" aria-label="受診者の情報">
      <Stack gap="xs">
        <Group gap="md" role="status">
          <Text fw={700} size="lg">
            {p.name}
          </Text>
          <Text size="sm">{p.nameKana}</Text>
          <Text size="sm">宛名番号 {p.atenaNo}</Text>
          <Text size="sm">受診票番号 {sheet.ticketNo}</Text>
          <Text size="sm">
            {formatWareki(p.birthDate)}生（{ageOn(p.birthDate)}歳）
          </Text>
          <Text size="sm">{sexes[p.sex] ?? p.sex}</Text>
          <Text size="sm" c="dimmed">
            {p.address}
          </Text>
          <StatusBadges status={p.status} supportMeasure={false} />
        </Group>
        {can('mailings.manage') && sheet.results.length > 0 && (
          <Group>
            <Button size="compact-sm" variant="default" loading={busy} onClick={print}>
              結果票を印刷（窓口で渡す）
            </Button>
          </Group>
        )}
        <ErrorAlert error={error} title="結果票を作れません" />
      </Stack>
    </Paper>
  );
}
