import { Badge, Group } from '@mantine/core';
import { statusLabels } from '../lib/labels.ts';
import type { ResidentStatus } from '../lib/types.ts';

const colors: Record<ResidentStatus, string> = {
  resident: 'teal.9',
  moved_out: 'gray.8',
  deceased: 'gray.9',
  erased: 'gray.8',
  non_registered: 'indigo.9',
};

/** 住民状態 and 支援措置 as text badges (colour is never the only signal). */
export function StatusBadges({
  status,
  supportMeasure,
}: {
  status: ResidentStatus;
  supportMeasure: boolean;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={colors[status] ?? 'gray.8'} variant="dot" radius="sm" miw="fit-content">
        {statusLabels[status] ?? status}
      </Badge>
      {supportMeasure && (
        <Badge color="red.9" variant="filled" radius="sm" miw="fit-content">
          支援措置
        </Badge>
      )}
    </Group>
  );
}
