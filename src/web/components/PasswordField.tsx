import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/** PasswordInput whose show/hide toggle has a Japanese name that does not clash with the field label. */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': '入力した文字を表示' }} />;
}
