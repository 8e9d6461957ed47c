import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { DateField } from '../DateField.tsx';

export type ManualValues = {
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  phone: string;
};

export const emptyManual: ManualValues = {
  name: '',
  nameKana: '',
  birthDate: '',
  sex: '',
  postalCode: '',
  address: '',
  addressExtra: '',
  phone: '',
};

export const manualLabels: Record<keyof ManualValues, string> = {
  name: '氏名',
  nameKana: '氏名カナ',
  birthDate: '生年月日',
  sex: '性別',
  postalCode: '郵便番号',
  address: '住所',
  addressExtra: '方書',
  phone: '電話番号',
};

type Props = {
  values: ManualValues;
  onChange(values: ManualValues): void;
  fieldErrors: Record<string, string>;
  onSubmit(): void;
  busy: boolean;
  submitLabel: string;
  actions?: ReactNode;
  autoFocus?: boolean;
};

/** 住登外者 entry fields (登録 and 修正). Enter moves to the next field; Enter on 電話番号 saves. */
export function ManualResidentForm({
  values,
  onChange,
  fieldErrors,
  onSubmit,
  busy,
  submitLabel,
  actions,
  autoFocus,
}: Props) {
  const onKeyDown = useEnterToNext();
  // A server message stays under a field only until that field is edited.
  const [edited, setEdited] = useState<{ errors: Record<string, string>; keys: Set<string> }>({
    errors: fieldErrors,
    keys: new Set(),
  });
  const current = edited.errors === fieldErrors ? edited.keys : new Set<string>();
  const errorOf = (k: keyof ManualValues) => (current.has(k) ? undefined : fieldErrors[k]);
  const change = (k: keyof ManualValues, v: string) => {
    if (fieldErrors[k]) setEdited({ errors: fieldErrors, keys: new Set(current).add(k) });
    onChange({ ...values, [k]: v });
  };
  const text = (k: keyof ManualValues, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput
      label={manualLabels[k]}
      name={k}
      value={values[k]}
      onChange={(e) => change(k, e.currentTarget.value)}
      error={errorOf(k)}
      autoComplete="off"
      {...extra}
    />
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="住登外者の情報">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {text('name', { autoFocus, description: '例: 山田 花子' })}
          {text('nameKana', { description: 'カタカナ（例: ヤマダ ハナコ）' })}
          <DateField
            label={manualLabels.birthDate}
            name="birthDate"
            value={values.birthDate}
            onChange={(v) => change('birthDate', v)}
            error={errorOf('birthDate')}
          />
          <NativeSelect
            label={manualLabels.sex}
            name="sex"
            value={values.sex}
            onChange={(e) => change('sex', e.currentTarget.value)}
            error={errorOf('sex')}
            data={[
              { value: '', label: '選択してください' },
              { value: '1', label: '男' },
              { value: '2', label: '女' },
              { value: '9', label: '不明' },
            ]}
          />
          {text('postalCode', { description: '例: 123-4567', inputMode: 'numeric' })}
          {text('address')}
          {text('addressExtra', { description: '建物名・部屋番号など' })}
          {text('phone', { type: 'tel', inputMode: 'tel', description: '例: 012-345-6789' })}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          {actions}
        </Group>
      </Stack>
    </form>
  );
}
