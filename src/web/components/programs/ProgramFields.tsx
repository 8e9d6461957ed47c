/** Building blocks of the 事業マスタ form: a titled section, an interval choice and one 検査方法's editor. */
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { type IntervalChoice, intervalChoices, type MethodForm } from './settings-form.ts';

/** Numeric text inputs: the phone keypad on tablets, no browser autocomplete. */
export const numeric = { inputMode: 'numeric' as const, autoComplete: 'off' };

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Stack gap="xs">
        <Text fw={700} size="sm">
          {title}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

type IntervalProps = {
  label: string;
  name: string;
  choice: IntervalChoice | 'program';
  years: string;
  withProgram?: boolean;
  onChoice(v: string): void;
  onYears(v: string): void;
  yearsError?: string;
};

export function IntervalInput({
  label,
  name,
  choice,
  years,
  withProgram,
  onChoice,
  onYears,
  yearsError,
}: IntervalProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <NativeSelect
        label={label}
        name={name}
        value={choice}
        onChange={(e) => onChoice(e.currentTarget.value)}
        data={[...(withProgram ? [{ value: 'program', label: '事業と同じ' }] : []), ...intervalChoices]}
      />
      {choice === 'years' && (
        <TextInput
          label="何年に1回"
          name={`${name}Years`}
          description="例: 2（前年度に受診した方は対象外）"
          rightSection="年"
          value={years}
          onChange={(e) => onYears(e.currentTarget.value)}
          error={yearsError}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...numeric}
        />
      )}
    </SimpleGrid>
  );
}

type MethodProps = {
  index: number;
  method: MethodForm;
  err(path: string): string | undefined;
  canEdit: boolean;
  onChange(patch: Partial<MethodForm>): void;
  onRemove(): void;
};

export function MethodEditor({ index: i, method: m, err, canEdit, onChange, onRemove }: MethodProps) {
  const p = `methods.${i}`;
  return (
    <Paper
      withBorder
      p="xs"
      bg={m.enabled ? undefined : 'gray.0'}
      role="group"
      aria-label={`検査方法 ${m.name || i + 1}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Checkbox
            label={m.national ? `${m.name}を実施する` : '実施する'}
            name={`${p}.enabled`}
            checked={m.enabled}
            onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
          />
          {canEdit && !m.national && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
              この検査方法を削除
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
          <TextInput
            label="名称"
            name={`${p}.name`}
            value={m.name}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            error={err(`${p}.name`)}
            autoComplete="off"
          />
          <TextInput
            label="コード"
            name={`${p}.code`}
            description={m.national ? '受診歴と対応（変更不可）' : '半角英小文字（例: abc）'}
            value={m.code}
            readOnly={m.national}
            onChange={(e) => onChange({ code: e.currentTarget.value })}
            error={err(`${p}.code`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            autoComplete="off"
          />
          <TextInput
            label="自己負担金"
            name={`${p}.fee`}
            description="無料は0、未設定は空欄"
            rightSection="円"
            value={m.fee}
            onChange={(e) => onChange({ fee: e.currentTarget.value })}
            error={err(`${p}.fee`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...numeric}
          />
          <TextInput
            label="追跡検査までの年数"
            name={`${p}.followUpYears`}
            description="HPV陽性・細胞診陰性の方（空欄 = なし）"
            rightSection="年"
            value={m.followUpYears}
            onChange={(e) => onChange({ followUpYears: e.currentTarget.value })}
            error={err(`${p}.followUpYears`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...numeric}
          />
          <TextInput
            label="対象年齢（下限）"
            name={`${p}.ageMin`}
            description="空欄 = 事業と同じ"
            rightSection="歳"
            value={m.ageMin}
            onChange={(e) => onChange({ ageMin: e.currentTarget.value })}
            error={err(`${p}.ageMin`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...numeric}
          />
          <TextInput
            label="対象年齢（上限）"
            name={`${p}.ageMax`}
            description="空欄 = 事業と同じ"
            rightSection="歳"
            value={m.ageMax}
            onChange={(e) => onChange({ ageMax: e.currentTarget.value })}
            error={err(`${p}.ageMax`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...numeric}
          />
        </SimpleGrid>
        <IntervalInput
          label="受診間隔"
          name={`${p}.interval`}
          withProgram
          choice={m.interval}
          years={m.intervalYears}
          onChoice={(v) => onChange({ interval: v as MethodForm['interval'] })}
          onYears={(v) => onChange({ intervalYears: v })}
          yearsError={err(`${p}.interval.years`)}
        />
      </Stack>
    </Paper>
  );
}
