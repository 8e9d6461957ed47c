import { Group, Paper, Text } from '@mantine/core';
import type { ResultSheet } from '../../lib/results-api.ts';
import { ageOn, formatWareki } from '../../lib/wareki.ts';
import { StatusBadges } from '../StatusBadges.tsx';

const sexes: Record<string, string> = { '1': '男', '2': '女', '9': '不明' };

/** Who the 結果票 is about: 氏名, カナ, 宛名番号, 受診票番号, 生年月日 (和暦) and age, 性別, 住所. */
export function ResultPerson({ sheet }: { sheet: ResultSheet }) {
  const p = sheet.person;
  return (
    <Paper withBorder p="sm" component="section" aria-label="受診者の情報">
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
    </Paper>
  );
}
