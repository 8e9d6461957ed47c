import {
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import { formatJst } from '../../lib/format.ts';
import type { AdminUser, Role } from '../../lib/types.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { PasswordField } from '../PasswordField.tsx';
import { UserEditModal } from './UserEditModal.tsx';

export function useRoles() {
  return useQuery({
    queryKey: ['admin', 'roles'],
    queryFn: () => api.get<{ roles: Role[]; permissionLabels: Record<string, string> }>('/api/admin/roles'),
  });
}

const locked = (u: AdminUser) => Boolean(u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now());

/** 管理 > 利用者: list, add, edit (氏名, 役割, 有効/無効, ロック解除, パスワード再設定). */
export function UsersTab() {
  const users = useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => api.get<{ users: AdminUser[] }>('/api/admin/users'),
  });
  const roles = useRoles();
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const roleName = (code: string) => roles.data?.roles.find((r) => r.code === code)?.name ?? code;

  return (
    <Stack gap="md">
      <ErrorAlert error={users.error ?? roles.error} />
      {users.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {users.data && (
        <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" aria-label="利用者一覧">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>ログインID</Table.Th>
              <Table.Th>氏名</Table.Th>
              <Table.Th>役割</Table.Th>
              <Table.Th>状態</Table.Th>
              <Table.Th>最終ログイン</Table.Th>
              <Table.Th>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.loginId}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{roleName(u.roleCode)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="dot" color={u.active ? 'teal.9' : 'gray.8'} radius="sm">
                      {u.active ? '有効' : '無効'}
                    </Badge>
                    {locked(u) && (
                      <Badge variant="dot" color="red.9" radius="sm">
                        ロック中
                      </Badge>
                    )}
                    {u.mustChangePassword && (
                      <Badge variant="dot" color="yellow.9" radius="sm">
                        パスワード変更待ち
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{formatJst(u.lastLoginAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => setEditing(u)}
                    aria-label={`${u.loginId}を編集`}
                  >
                    編集
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddUserForm roles={roles.data?.roles ?? []} />
      {editing && (
        <UserEditModal
          user={editing}
          roles={roles.data?.roles ?? []}
          onClose={() => setEditing(null)}
          locked={locked(editing)}
        />
      )}
    </Stack>
  );
}

function AddUserForm({ roles }: { roles: Role[] }) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const empty = { loginId: '', displayName: '', roleCode: '', password: '' };
  const [v, setV] = useState(empty);
  const { busy, error, fieldErrors, run } = useSave();
  const [done, setDone] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    void run(async () => {
      const res = await api.post<{ user: AdminUser }>('/api/admin/users', v);
      setDone(
        `利用者「${res.user.loginId}」を登録しました。初回ログイン時にパスワードの変更が求められます。`,
      );
      setV(empty);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    });
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="利用者の追加">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Stack gap="sm">
          <Text fw={700}>利用者の追加</Text>
          <ErrorAlert
            error={error}
            title="登録できません"
            fieldsShown={['loginId', 'displayName', 'roleCode', 'password']}
          />
          {done && (
            <Text role="status" c="green.9">
              {done}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <TextInput
              label="ログインID"
              name="loginId"
              value={v.loginId}
              onChange={(e) => setV({ ...v, loginId: e.currentTarget.value })}
              error={fieldErrors.loginId}
              autoComplete="off"
            />
            <TextInput
              label="氏名"
              name="displayName"
              value={v.displayName}
              onChange={(e) => setV({ ...v, displayName: e.currentTarget.value })}
              error={fieldErrors.displayName}
              autoComplete="off"
            />
            <NativeSelect
              label="役割"
              name="roleCode"
              value={v.roleCode}
              onChange={(e) => setV({ ...v, roleCode: e.currentTarget.value })}
              error={fieldErrors.roleCode}
              data={[
                { value: '', label: '選択してください' },
                ...roles.map((r) => ({ value: r.code, label: r.name })),
              ]}
            />
            <PasswordField
              label="初期パスワード"
              name="password"
              value={v.password}
              onChange={(e) => setV({ ...v, password: e.currentTarget.value })}
              error={fieldErrors.password}
              autoComplete="new-password"
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy}>
              追加
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
