import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { SlotValues } from '../../lib/programs-api.ts';
import { NumberField } from '../NumberField.tsx';

type Props = {
  value: SlotValues[];
  onChange(v: SlotValues[]): void;
  /** server messages by path (slots.0, slots) */
  errors: Record<string, string>;
  readOnly: boolean;
};

/** 時間枠 (optional): each with its own 定員; without slots the session is booked as a whole. */
export function SlotsField({ value, onChange, errors, readOnly }: Props) {
  const set = (i: number, k: keyof SlotValues, x: string) =>
    onChange(value.map((s, j) => (j === i ? { ...s, [k]: x } : s)));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        時間枠（任意）
      </Text>
      <Text size="xs" c="dimmed">
        時間枠ごとに定員を決めるときに追加します。なければ日程全体で予約を受けます。
      </Text>
      {errors.slots && (
        <Text size="xs" c="red" role="alert">
          {errors.slots}
        </Text>
      )}
      {value.map((s, i) => (
        <Group key={s.id ?? `new-${i}`} gap="xs" align="flex-start">
          <TextInput
            aria-label={`時間枠${i + 1}の開始時刻`}
            placeholder="9:00"
            w={90}
            value={s.startTime}
            onChange={(e) => set(i, 'startTime', e.currentTarget.value)}
            readOnly={readOnly}
            autoComplete="off"
          />
          <Text pt={6}>〜</Text>
          <TextInput
            aria-label={`時間枠${i + 1}の終了時刻`}
            placeholder="10:00"
            w={90}
            value={s.endTime}
            onChange={(e) => set(i, 'endTime', e.currentTarget.value)}
            readOnly={readOnly}
            autoComplete="off"
          />
          <NumberField
            aria-label={`時間枠${i + 1}の定員`}
            unit="人"
            w={90}
            value={String(s.capacity)}
            onChange={(v) => set(i, 'capacity', v)}
            error={errors[`slots.${i}`]}
            readOnly={readOnly}
            style={{ flex: errors[`slots.${i}`] ? 1 : undefined }}
          />
          {!readOnly && (
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              mt={4}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              aria-label={`時間枠${i + 1}を削除`}
            >
              削除
            </Button>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="compact-sm"
            onClick={() => onChange([...value, { startTime: '', endTime: '', capacity: '' }])}
          >
            時間枠を追加
          </Button>
        </Group>
      )}
    </Stack>
  );
}
