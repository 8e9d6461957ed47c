import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ItemDef } from '../../lib/maternal-checkups-api.ts';

export type ItemValues = Record<string, string | string[]>;

type Props = {
  items: ItemDef[];
  values: ItemValues;
  onChange(code: string, value: string | string[]): void;
  errors: Record<string, string>;
  epdsThreshold: number;
};

const epdsAnswers = (v: ItemValues) =>
  Array.isArray(v.epds) ? v.epds : Array.from({ length: 10 }, () => '');

/** EPDS: 10 boxes (0–3), the total and whether it reaches the follow-up threshold. */
function EpdsFields({ values, onChange, errors, epdsThreshold }: Omit<Props, 'items'>) {
  const answers = epdsAnswers(values);
  const total = answers.every((a) => /^[0-3]$/.test(a)) ? answers.reduce((s, a) => s + Number(a), 0) : null;
  return (
    <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text size="sm" fw={500} component="legend">
        EPDS（問1〜問10、各0〜3点）
      </Text>
      <Group gap={6} wrap="nowrap">
        {answers.map((a, i) => (
          <TextInput
            // biome-ignore lint/suspicious/noArrayIndexKey: the 10 questions are fixed
            key={i}
            w={52}
            label={`問${i + 1}`}
            aria-label={`EPDS 問${i + 1}`}
            inputMode="numeric"
            maxLength={1}
            value={a}
            onChange={(e) => {
              const next = [...answers];
              next[i] = e.currentTarget.value;
              onChange('epds', next);
            }}
          />
        ))}
        <Text size="sm" mt={22} aria-live="polite">
          合計 {total ?? '—'}点{total !== null && total >= epdsThreshold ? '（フォロー対象）' : ''}
        </Text>
      </Group>
      {errors.epds && (
        <Text size="xs" c="red">
          {errors.epds}
        </Text>
      )}
    </Stack>
  );
}

/** The result items of a 健診 (server-defined: checkup-items.ts), in the order of the 受診票, keyboard-first. */
export function CheckupItemFields(props: Props) {
  const { items, values, onChange, errors } = props;
  const text = (code: string) => (typeof values[code] === 'string' ? (values[code] as string) : '');
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        {items
          .filter((d) => d.type === 'number' || d.type === 'choice')
          .map((d) =>
            d.type === 'number' ? (
              <TextInput
                key={d.code}
                label={`${d.label}（${d.unit}）`}
                required={d.required}
                inputMode="decimal"
                value={text(d.code)}
                onChange={(e) => onChange(d.code, e.currentTarget.value)}
                error={errors[d.code]}
              />
            ) : d.type === 'choice' ? (
              <NativeSelect
                key={d.code}
                label={d.label}
                required={d.required}
                data={[
                  { value: '', label: '（未記入）' },
                  ...d.choices.map((c) => ({ value: c.code, label: c.label })),
                ]}
                value={text(d.code)}
                onChange={(e) => onChange(d.code, e.currentTarget.value)}
                error={errors[d.code]}
              />
            ) : null,
          )}
      </SimpleGrid>
      {items.map((d) =>
        d.type === 'set' ? (
          <Checkbox.Group
            key={d.code}
            label={d.label}
            value={Array.isArray(values[d.code]) ? (values[d.code] as string[]) : []}
            onChange={(v) => onChange(d.code, v)}
            error={errors[d.code]}
          >
            <Group gap="sm" mt={4}>
              {d.choices.map((c) => (
                <Checkbox key={c.code} value={c.code} label={c.label} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : d.type === 'epds' ? (
          <EpdsFields key={d.code} {...props} />
        ) : d.type === 'text' ? (
          <TextInput
            key={d.code}
            label={d.label}
            maxLength={d.max}
            value={text(d.code)}
            onChange={(e) => onChange(d.code, e.currentTarget.value)}
            error={errors[d.code]}
          />
        ) : null,
      )}
    </Stack>
  );
}

/** A stored result's items as the form's text values. */
export function itemValuesOf(items: Record<string, unknown>): ItemValues {
  const out: ItemValues = {};
  for (const [k, v] of Object.entries(items))
    out[k] = Array.isArray(v) ? v.map(String) : v === null || v === undefined ? '' : String(v);
  return out;
}
