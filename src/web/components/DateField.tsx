import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { formatWarekiWithSeireki, parseDateInput } from '../lib/wareki.ts';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'description'> & {
  value: string;
  onChange(value: string): void;
};

/**
 * A date box accepting 西暦 and 和暦 (R2.4.1, 令和2年4月1日, S60.1.1, 2026-04-01, 20260401).
 * After leaving the field it shows both forms (令和2年4月1日 (2020年)), or what is wrong.
 * The server still checks the value; its message (the `error` prop) wins.
 */
export function DateField({ value, onChange, error, onBlur, ...rest }: Props) {
  const [checked, setChecked] = useState<string | null>(null);
  // The reading is shown as soon as the text is a valid date, and its line is always reserved, so
  // nothing below the field moves when focus leaves it (a moving button would swallow the click).
  const parsed = value.trim() ? parseDateInput(value) : null;
  const clientError = parsed && !parsed.ok && checked === value ? parsed.message : undefined;
  const description = parsed?.ok
    ? formatWarekiWithSeireki(parsed.date)
    : error || clientError
      ? undefined
      : '\u00a0';
  return (
    <TextInput
      {...rest}
      value={value}
      autoComplete="off"
      placeholder={rest.placeholder ?? '例: S60.1.1 / 令和2年4月1日 / 2020-04-01'}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        setChecked(e.currentTarget.value);
        onBlur?.(e);
      }}
      description={description}
      error={error || clientError}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}
