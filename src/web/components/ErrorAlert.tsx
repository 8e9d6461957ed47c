import { Alert } from '@mantine/core';
import { ApiError, errorMessage } from '../lib/api.ts';

type Props = {
  error: unknown;
  title?: string;
  /** Fields the form shows `details.fields` messages next to: when all errors are there, the alert only points to them. */
  fieldsShown?: readonly string[];
};

/** Shows an API error's Japanese message as is. Renders nothing when there is no error. */
export function ErrorAlert({ error, title = 'エラー', fieldsShown }: Props) {
  if (!error) return null;
  let message = typeof error === 'string' ? error : errorMessage(error);
  const paths = error instanceof ApiError ? Object.keys(error.fields) : [];
  if (fieldsShown && paths.length > 0 && paths.every((p) => fieldsShown.includes(p))) {
    message = '入力に誤りがあります。各項目のメッセージを確かめてください。';
  }
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      {message}
    </Alert>
  );
}
