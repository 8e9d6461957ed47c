import { Alert, Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { api } from '../lib/api.ts';
import { homePath, useAuth } from '../lib/auth.tsx';
import { useEnterToNext } from '../lib/useEnterToNext.ts';
import { useSave } from '../lib/useSave.ts';

/** パスワード変更 (forced on first login and after a reset by the administrator). */
export function PasswordScreen() {
  const { user, loading, refresh, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const onKeyDown = useEnterToNext();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useSave();

  if (loading) return null;
  if (!user) return <Navigate to="/login" replace />;

  const mismatch =
    confirm !== '' && next !== confirm ? '確認のため、新しいパスワードと同じものを入力してください。' : null;
  const stateMessage = (location.state as { message?: string } | null)?.message;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== confirm) {
      setError('新しいパスワードと確認用の入力が一致しません。');
      return;
    }
    void run(async () => {
      await api.post('/api/auth/password', { currentPassword: current, newPassword: next });
      const u = await refresh();
      navigate(u ? homePath(u) : '/login', { replace: true });
    });
  }

  return (
    <AuthFrame title="パスワード変更">
      {user.mustChangePassword && (
        <Alert color="yellow" role="status">
          {stateMessage ?? '初回ログインまたはパスワード再設定のため、新しいパスワードを設定してください。'}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Stack gap="sm">
          <PasswordField
            label="現在のパスワード"
            name="currentPassword"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoFocus
          />
          <PasswordField
            label="新しいパスワード"
            name="newPassword"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
          />
          <PasswordField
            label="新しいパスワード（確認）"
            name="confirmPassword"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch}
          />
          <Group justify="space-between">
            {user.mustChangePassword ? (
              <Button variant="subtle" onClick={() => void logout()}>
                ログアウト
              </Button>
            ) : (
              <Button variant="subtle" onClick={() => navigate(-1)}>
                戻る
              </Button>
            )}
            <Button type="submit" loading={busy}>
              変更する
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}
