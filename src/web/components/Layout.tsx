import { Box, Button, Center, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { api } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import type { Municipality } from '../lib/types.ts';
import { Forbidden } from './ComingSoon.tsx';

type MenuItem = { label: string; to: string; permissions: string[] };

/** Business areas in the words staff use (ux.md). Staff areas need any resident permission. */
const staff = ['residents.search', 'residents.view'];
export const menuItems: MenuItem[] = [
  { label: '宛名検索', to: '/residents', permissions: ['residents.search'] },
  { label: '成人保健', to: '/adult', permissions: ['adult.view'] },
  { label: '母子保健', to: '/maternal', permissions: staff },
  { label: '予防接種', to: '/vaccination', permissions: ['vaccination.view'] },
  { label: '訪問・相談・教育', to: '/visits', permissions: staff },
  { label: '統計・帳票', to: '/reports', permissions: staff },
  { label: 'バッチ・取込', to: '/jobs', permissions: ['jobs.view', 'residents.import'] },
  { label: '管理', to: '/admin', permissions: ['users.manage', 'settings.edit'] },
  { label: '監査', to: '/audit', permissions: ['audit.view'] },
];

/** The frame of every signed-in screen: header, business menu, content. */
export function Layout() {
  const { user, loading, logout, can } = useAuth();
  const location = useLocation();
  const municipality = useQuery({
    queryKey: ['municipality'],
    queryFn: () => api.get<{ municipality: Municipality }>('/api/settings/municipality'),
    enabled: Boolean(user && !user.mustChangePassword),
    staleTime: 5 * 60_000,
  });

  if (loading) {
    return (
      <Center h="100vh">
        <Loader aria-label="読み込み中" />
      </Center>
    );
  }
  if (!user) return <Navigate to="/login" replace />;
  if (user.mustChangePassword) return <Navigate to="/password" replace />;

  const items = menuItems.filter((m) => can(...m.permissions));
  return (
    <Box>
      <Box
        component="header"
        px="md"
        py={6}
        style={{
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          background: 'var(--mantine-color-blue-0)',
        }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Text component={Link} to="/" fw={700} size="xl" c="blue.9" style={{ textDecoration: 'none' }}>
              すこやか
            </Text>
            <Text size="sm" data-testid="municipality-name">
              {municipality.data?.municipality.name ?? ''}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" data-testid="current-user">
              {user.displayName}（{user.roleName}）
            </Text>
            <Button size="xs" variant="subtle" component={Link} to="/password">
              パスワード変更
            </Button>
            <Button size="xs" variant="default" onClick={() => void logout()}>
              ログアウト
            </Button>
          </Group>
        </Group>
        <Box component="nav" aria-label="業務メニュー" mt={4}>
          <Group gap={4}>
            {items.map((m) => {
              const active = location.pathname === m.to || location.pathname.startsWith(`${m.to}/`);
              return (
                <Button
                  key={m.to}
                  component={Link}
                  to={m.to}
                  size="compact-sm"
                  variant={active ? 'filled' : 'subtle'}
                  aria-current={active ? 'page' : undefined}
                >
                  {m.label}
                </Button>
              );
            })}
          </Group>
        </Box>
      </Box>
      <Box component="main" p="md">
        <Outlet />
      </Box>
    </Box>
  );
}

/** Shows the children only with one of the permissions. */
export function RequirePermission({ permissions, children }: { permissions: string[]; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(...permissions)) {
    return <Forbidden />;
  }
  return <>{children}</>;
}
