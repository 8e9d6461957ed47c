import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, setAuthErrorHandler, setCsrfToken } from './api.ts';
import type { SessionUser } from './types.ts';

type AuthContextValue = {
  user: SessionUser | null;
  loading: boolean;
  /** Message to show on the login screen (e.g. the session expired). */
  notice: string | null;
  login(loginId: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /** Re-reads the session (after a password change). */
  refresh(): Promise<SessionUser | null>;
  can(...permissions: string[]): boolean;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const setUser = useCallback((u: SessionUser | null) => {
    setCsrfToken(u?.csrfToken ?? '');
    setUserState(u);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const res = await api.get<{ user: SessionUser }>('/api/auth/me', { silentAuth: true });
      setUser(res.user);
      return res.user;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SESSION_EXPIRED') setNotice(e.message);
      setUser(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, [setUser]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setAuthErrorHandler((e) => {
      if (e.code === 'PASSWORD_CHANGE_REQUIRED') {
        navigate('/password', { state: { message: e.message } });
        return;
      }
      setUser(null);
      setNotice(e.message);
      queryClient.clear();
      navigate('/login', { replace: true });
    });
    return () => setAuthErrorHandler(null);
  }, [navigate, queryClient, setUser]);

  const login = useCallback(
    async (loginId: string, password: string) => {
      const res = await api.post<{ user: SessionUser }>(
        '/api/auth/login',
        { loginId, password },
        { silentAuth: true },
      );
      queryClient.clear();
      setNotice(null);
      setUser(res.user);
      return res.user;
    },
    [queryClient, setUser],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { silentAuth: true });
    } catch {
      // the session may already be gone; leave anyway
    }
    queryClient.clear();
    setUser(null);
    setNotice('ログアウトしました。');
    navigate('/login', { replace: true });
  }, [navigate, queryClient, setUser]);

  const value = useMemo<AuthContextValue>(
    () => ({
      user,
      loading,
      notice,
      login,
      logout,
      refresh,
      can: (...ps) => Boolean(user && ps.some((p) => user.permissions.includes(p))),
    }),
    [user, loading, notice, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside AuthProvider');
  return ctx;
}

/** Where a user lands after login: 宛名検索, or the first area their permissions open. */
export function homePath(user: SessionUser): string {
  const has = (p: string) => user.permissions.includes(p);
  if (has('residents.search')) return '/residents';
  if (has('audit.view')) return '/audit';
  if (has('jobs.view') || has('residents.import')) return '/jobs';
  if (has('users.manage') || has('settings.edit')) return '/admin';
  return '/residents';
}
