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
import { NumberField } from '../NumberField.tsx';
import { type IntervalChoice, intervalChoices, type MethodForm } from './settings-form.ts';

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
        <NumberField
          label="何年に1回"
          name={`${name}Years`}
          description="例: 2（前年度に受診した方は対象外）"
          unit="年"
          value={years}
          onChange={onYears}
          error={yearsError}
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
          <NumberField
            label="自己負担金"
            name={`${p}.fee`}
            description="無料は0、未設定は空欄"
            unit="円"
            value={m.fee}
            onChange={(v) => onChange({ fee: v })}
            error={err(`${p}.fee`)}
          />
          <NumberField
            label="追跡検査までの年数"
            name={`${p}.followUpYears`}
            description="HPV陽性・細胞診陰性の方（空欄 = なし）"
            unit="年"
            value={m.followUpYears}
            onChange={(v) => onChange({ followUpYears: v })}
            error={err(`${p}.followUpYears`)}
          />
          <NumberField
            label="対象年齢（下限）"
            name={`${p}.ageMin`}
            description="空欄 = 事業と同じ"
            unit="歳"
            value={m.ageMin}
            onChange={(v) => onChange({ ageMin: v })}
            error={err(`${p}.ageMin`)}
          />
          <NumberField
            label="対象年齢（上限）"
            name={`${p}.ageMax`}
            description="空欄 = 事業と同じ"
            unit="歳"
            value={m.ageMax}
            onChange={(v) => onChange({ ageMax: v })}
            error={err(`${p}.ageMax`)}
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
