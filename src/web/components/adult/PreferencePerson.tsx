import { Badge, Box, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import {
  defaultFiscalYearEndAge,
  fetchPreference,
  findByAtenaNo,
  type PreferenceRow,
} from '../../lib/adult-api.ts';
import type { Resident } from '../../lib/types.ts';
import { ageOn, formatWarekiWithYear } from '../../lib/wareki.ts';
import { StatusBadges } from '../StatusBadges.tsx';

export type Person = Pick<Resident, 'id' | 'atenaNo' | 'name' | 'nameKana' | 'birthDate'> &
  Partial<Pick<Resident, 'status' | 'supportMeasure'>>;

/** 宛名番号 as typed: trimmed, 全角 digits made half-width. */
export const toHalfDigits = (s: string) =>
  s.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** The person with 宛名番号 `no` and their answer of 年度 fy (row: null when none yet); null when nobody has it. */
export async function findAnswerOf(
  fy: number,
  no: string,
): Promise<{ person: Person; row: PreferenceRow | null } | null> {
  const r = await findByAtenaNo(no);
  if (!r) return null;
  const pref = await fetchPreference(fy, r.id);
  const row: PreferenceRow | null = pref
    ? { ...pref, atenaNo: r.atenaNo, name: r.name, nameKana: r.nameKana, birthDate: r.birthDate }
    : null;
  return { person: r, row };
}

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
