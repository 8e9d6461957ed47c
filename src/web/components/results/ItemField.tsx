import { TextInput } from '@mantine/core';
import type { ResultItem } from '../../lib/results-api.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { ChoiceInput } from './ChoiceInput.tsx';

const yesNo = [
  { code: 'true', label: '有' },
  { code: 'false', label: '無' },
];

type Props = { item: ResultItem; value: string; onChange(v: string): void; error?: string };

/** One result item by its type: choices and 有/無 by number, numbers on the 10-key pad, dates in 和暦 or 西暦. */
export function ItemField({ item, value, onChange, error }: Props) {
  const label = item.unit ? `${item.label}（${item.unit}）` : item.label;
  if (item.type === 'select' || item.type === 'boolean')
    return (
      <ChoiceInput
        label={label}
        choices={item.type === 'boolean' ? yesNo : (item.options ?? [])}
        value={value}
        onChange={onChange}
        error={error}
        required={item.required}
      />
    );
  const parsed = item.type === 'date' && value ? parseDateInput(value) : null;
  return (
    <TextInput
      label={label}
      description={
        item.type === 'number' && item.min !== undefined
          ? `${item.min}〜${item.max}${item.unit ?? ''}`
          : parsed?.ok
            ? formatWareki(parsed.date)
            : undefined
      }
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required={item.required}
      inputMode={item.type === 'number' ? 'decimal' : undefined}
      autoComplete="off"
    />
  );
}
