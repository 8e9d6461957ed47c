import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import type { Role } from '../../lib/types.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useRoles } from './UsersTab.tsx';

/** 管理 > 役割: each role's permissions as checkboxes; add a new role. */
export function RolesTab() {
  const roles = useRoles();
  if (roles.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (roles.error) return <ErrorAlert error={roles.error} />;
  const { permissionLabels } = roles.data;
  return (
    <Stack gap="md">
      {roles.data.roles.map((r) => (
        <RoleCard key={`${r.code}:${r.version}`} role={r} permissionLabels={permissionLabels} />
      ))}
      <RoleCard permissionLabels={permissionLabels} />
    </Stack>
  );
}

type CardProps = { role?: Role; permissionLabels: Record<string, string> };

/** One role (edit) or, without `role`, the form for a new role. */
function RoleCard({ role, permissionLabels }: CardProps) {
  const queryClient = useQueryClient();
  const isNew = !role;
  const [code, setCode] = useState(role?.code ?? '');
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [permissions, setPermissions] = useState<string[]>(role?.permissions ?? []);
  const { busy, error, fieldErrors, run, version, current, dismissConflict } = useVersionedSave<Role>(
    role?.version ?? 0,
  );
  const [saved, setSaved] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      await api.put(`/api/admin/roles/${encodeURIComponent(code.trim())}`, {
        name,
        description,
        permissions,
        ...(isNew ? {} : { version }),
      });
      setSaved(true);
      if (isNew) {
        setCode('');
        setName('');
        setDescription('');
        setPermissions([]);
      }
      await queryClient.invalidateQueries({ queryKey: ['admin', 'roles'] });
    });
  }

  const title = isNew ? '役割の追加' : `役割 ${role.name}`;
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group gap="xs">
            <Text fw={700}>{isNew ? '役割の追加' : role.name}</Text>
            {!isNew && (
              <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                {role.code}
              </Badge>
            )}
            {role?.builtin && (
              <Badge variant="outline" color="gray.8" radius="sm">
                標準
              </Badge>
            )}
          </Group>
          <ErrorAlert
            error={error}
            title="保存できません"
            fieldsShown={['code', 'name', 'description', 'permissions']}
          />
          {current && (
            <ConflictCurrent
              current={current}
              labels={{ name: '役割名', description: '説明', permissions: '権限' }}
              onLoad={() => {
                setName(current.name);
                setDescription(current.description);
                setPermissions(current.permissions);
                dismissConflict();
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: isNew ? 3 : 2 }} spacing="sm">
            {isNew && (
              <TextInput
                label="役割コード"
                name="code"
                description="半角英小文字・数字・_（2〜32文字）"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={fieldErrors.code}
                autoComplete="off"
              />
            )}
            <TextInput
              label="役割名"
              name="name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldErrors.name}
              autoComplete="off"
            />
            <TextInput
              label="説明"
              name="description"
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={fieldErrors.description}
              autoComplete="off"
            />
          </SimpleGrid>
          <Checkbox.Group
            label="権限"
            value={permissions}
            onChange={setPermissions}
            error={fieldErrors.permissions}
          >
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing={4} mt={4}>
              {Object.entries(permissionLabels).map(([p, label]) => (
                <Checkbox key={p} value={p} label={label} size="sm" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={busy}>
              {isNew ? '追加' : '保存'}
            </Button>
            {saved && (
              <Text role="status" size="sm" c="green.9">
                {isNew ? '追加しました。' : '保存しました。'}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
