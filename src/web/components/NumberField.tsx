import { TextInput, type TextInputProps } from '@mantine/core';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'rightSection'> & {
  value: string;
  onChange(value: string): void;
  /** the unit shown at the right of the input (歳, 円, 人 …) */
  unit?: string;
};

/**
 * A number typed as text (kept as typed, checked by the form): its unit at the right, the description under
 * the input, the numeric keypad on tablets and no browser autocomplete.
 */
export function NumberField({ value, onChange, unit, ...props }: Props) {
  return (
    <TextInput
      rightSection={unit}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      inputMode="numeric"
      autoComplete="off"
      {...props}
    />
  );
}
