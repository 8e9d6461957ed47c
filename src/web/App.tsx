import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { ComingSoon, NotFound } from './components/ComingSoon.tsx';
import { Layout, RequirePermission } from './components/Layout.tsx';
import { homePath, useAuth } from './lib/auth.tsx';
import { protectedRoutes } from './routes.tsx';
import { LoginScreen } from './screens/LoginScreen.tsx';
import { PasswordScreen } from './screens/PasswordScreen.tsx';

function Home() {
  const { user, loading } = useAuth();
  if (loading) {
    return (
      <Center h="50vh">
        <Loader aria-label="読み込み中" />
      </Center>
    );
  }
  return <Navigate to={user ? homePath(user) : '/login'} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginScreen />} />
      <Route path="/password" element={<PasswordScreen />} />
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        {protectedRoutes.map((r) => (
          <Route
            key={r.path}
            path={r.path}
            element={<RequirePermission permissions={r.permissions}>{r.element}</RequirePermission>}
          />
        ))}
        <Route path="/visits" element={<ComingSoon title="訪問・相談・教育" />} />
        <Route path="/reports" element={<ComingSoon title="統計・帳票" />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
