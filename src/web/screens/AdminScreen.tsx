import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { MunicipalityTab } from '../components/admin/MunicipalityTab.tsx';
import { RolesTab } from '../components/admin/RolesTab.tsx';
import { UsersTab } from '../components/admin/UsersTab.tsx';
import { useAuth } from '../lib/auth.tsx';

/** 管理: 利用者 / 役割 (users.manage) and 自治体設定 (settings.edit). */
export function AdminScreen() {
  const { can } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = [
    ...(can('users.manage') ? ['users', 'roles'] : []),
    ...(can('settings.edit') ? ['municipality'] : []),
  ];
  const requested = searchParams.get('tab') ?? '';
  const tab = tabs.includes(requested) ? requested : tabs[0];

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h3">
          管理
        </Title>
        {can('programs.view') && (
          <Group gap="xs">
            <Button component={Link} to="/adult/programs" variant="default">
              事業マスタ（成人検診）
            </Button>
            <Button component={Link} to="/adult/result-items" variant="default">
              結果項目（成人検診）
            </Button>
          </Group>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => v && setSearchParams({ tab: v }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {can('users.manage') && <Tabs.Tab value="users">利用者</Tabs.Tab>}
          {can('users.manage') && <Tabs.Tab value="roles">役割</Tabs.Tab>}
          {can('settings.edit') && <Tabs.Tab value="municipality">自治体設定</Tabs.Tab>}
        </Tabs.List>
        {tab === 'users' && (
          <Tabs.Panel value="users" pt="sm">
            <UsersTab />
          </Tabs.Panel>
        )}
        {tab === 'roles' && (
          <Tabs.Panel value="roles" pt="sm">
            <RolesTab />
          </Tabs.Panel>
        )}
        {tab === 'municipality' && (
          <Tabs.Panel value="municipality" pt="sm">
            <MunicipalityTab />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
