import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { homePath, useAuth } from '../lib/auth.tsx';
import { useEnterToNext } from '../lib/useEnterToNext.ts';
import { useSave } from '../lib/useSave.ts';

/** ログイン */
export function LoginScreen() {
  const { user, loading, login, notice } = useAuth();
  const navigate = useNavigate();
  const onKeyDown = useEnterToNext();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSave();

  if (!loading && user && !busy)
    return <Navigate to={user.mustChangePassword ? '/password' : homePath(user)} replace />;

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(
      async () => {
        const u = await login(loginId, password);
        navigate(u.mustChangePassword ? '/password' : homePath(u), { replace: true });
      },
      () => setPassword(''),
    );
  }

  return (
    <AuthFrame title="ログイン">
      {notice && !error && (
        <Alert color="yellow" role="status">
          {notice}
        </Alert>
      )}
      <ErrorAlert error={error} title="ログインできません" />
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Stack gap="sm">
          <TextInput
            label="ログインID"
            name="loginId"
            autoComplete="username"
            value={loginId}
            onChange={(e) => setLoginId(e.currentTarget.value)}
            data-autofocus
            autoFocus
          />
          <PasswordField
            label="パスワード"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>
            ログイン
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
