import { Badge, Box, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { defaultFiscalYearEndAge } from '../../lib/adult-api.ts';
import type { Resident } from '../../lib/types.ts';
import { ageOn, formatWarekiWithYear } from '../../lib/wareki.ts';
import { StatusBadges } from '../StatusBadges.tsx';

export type Person = Pick<Resident, 'id' | 'atenaNo' | 'name' | 'nameKana' | 'birthDate'> &
  Partial<Pick<Resident, 'status' | 'supportMeasure'>>;

/** Who the answer is for (氏名, カナ, 生年月日, 年齢, 状態) and whether it is new or an edit. */
export function PreferencePerson({
  person,
  fiscalYear,
  editing,
}: {
  person: Person | null;
  fiscalYear: number;
  editing: boolean;
}) {
  const age = person ? ageOn(person.birthDate) : null;
  const fyAge = person ? defaultFiscalYearEndAge(person.birthDate, fiscalYear) : null;
  return (
    <Box style={{ flex: 1 }} pt={24} aria-live="polite">
      {person ? (
        <Group gap="sm" wrap="wrap">
          <Text fw={700} component={Link} to={`/residents/${person.id}`} c="blue.9">
            {person.name}
          </Text>
          <Text size="sm">{person.nameKana}</Text>
          <Text size="sm">{formatWarekiWithYear(person.birthDate)}生</Text>
          <Text size="sm">
            {age !== null ? `${age}歳` : ''}
            {fyAge !== null ? `（年度末 ${fyAge}歳）` : ''}
          </Text>
          {person.status && (
            <StatusBadges status={person.status} supportMeasure={person.supportMeasure ?? false} />
          )}
          <Badge color={editing ? 'orange.9' : 'blue.9'} variant="outline" radius="sm">
            {editing ? '登録済みの回答を修正' : '新規'}
          </Badge>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          宛名番号を入力すると氏名・生年月日を表示します。
        </Text>
      )}
    </Box>
  );
}
