import { Badge, Group, Text } from '@mantine/core';
import { formatCount } from '../../lib/format.ts';

type Props = {
  /** the group's accessible name, and a heading shown before the badges when `heading` */
  label: string;
  heading?: boolean;
  /** 「対象」 or 「送付」 */
  includedLabel: string;
  included: number;
  excluded: number;
  /** people per 検診 / ワクチン: [key, name, count] */
  byProgram: Array<[string, string, number]>;
};

/** The counts of a 対象者リスト as badges: included, excluded, then per 検診 / ワクチン. */
export function ListCountBadges(p: Props) {
  return (
    <Group gap={6} aria-label={p.label}>
      {p.heading && (
        <Text size="sm" fw={600}>
          {p.label}
        </Text>
      )}
      <Badge variant="outline" color="teal.9" radius="sm">
        {p.includedLabel} {formatCount(p.included)}人
      </Badge>
      <Badge variant="outline" color="gray.8" radius="sm">
        除外 {formatCount(p.excluded)}人
      </Badge>
      {p.byProgram.map(([key, name, n]) => (
        <Badge key={key} variant="outline" color="blue.9" radius="sm">
          {name} {formatCount(n)}人
        </Badge>
      ))}
    </Group>
  );
}
